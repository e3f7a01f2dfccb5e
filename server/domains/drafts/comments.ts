// Comments on curriculum drafts: on the draft, on a module (by its stable key) or on a passage of a
// module's text, with replies, @mentions of people seated on the body, and resolve/reopen. Passages
// are re-anchored in the version being read (kept, moved or outdated: `locateAnchor`), never lost.
// An adopted or withdrawn draft takes no more comments: every write re-reads the draft's status inside
// its transaction under a shared row lock, so a withdrawal or an adoption waits for comments already
// being written and any comment after it sees the draft closed.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden, notFound } from "../../errors.js";
import { truncateText } from "../../text.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import {
  bodyPeople,
  draftChanged,
  isEditor,
  peopleByMembership,
  requireDraftReader,
  snapshotOf,
  userName,
  workingModules,
  type DraftsDeps,
  type DraftsReadDeps,
} from "./drafts.facts.js";
import { canResolve, mayComment, mayEditDrafts } from "./drafts.policy.js";
import { findMentions, isOpen, locateAnchor, makeAnchor, plainText, type Anchor } from "./drafts.rules.js";
import type { AddCommentInput, DraftStatus, ListCommentsInput, ReplyInput, ResolveInput } from "./drafts.schema.js";

const CLOSED = () => new AppError("PRECONDITION_FAILED", "An adopted or withdrawn draft takes no more comments.");
const EXCERPT_CHARS = 140;

/** The comments of a draft in threads, with passages located in `version` (the current one by default). */
export async function listComments(deps: DraftsReadDeps, { userId, input }: { userId: string; input: ListCommentsInput }) {
  const { db } = deps;
  const { draft, body, member, seat } = await requireDraftReader(deps, userId, input.draftId);
  const target = input.version ?? draft.currentVersion;
  const snapshot = await snapshotOf(db, draft, target);
  const texts = new Map(snapshot.modules.map((m) => [m.key, plainText(m.objectives)]));
  const titles = new Map(snapshot.modules.map((m) => [m.key, m.title]));
  const rows = await db.draftComment.findMany({ where: { draftId: draft.id }, orderBy: { createdAt: "asc" }, include: { mentions: { select: { userId: true } } } });
  const resolverIds = rows.map((r) => r.resolvedById).filter((x): x is string => Boolean(x));
  const [authors, resolverRows, editor] = await Promise.all([
    peopleByMembership(db, rows.map((r) => r.authorMembershipId)),
    db.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, name: true } }),
    isEditor(db, body.id, member.membershipId),
  ]);
  const resolvers = new Map(resolverRows.map((u) => [u.id, u.name]));
  const mayEdit = mayEditDrafts(seat, editor);
  const view = (r: (typeof rows)[number]) => ({
    id: r.id,
    body: r.body,
    authorName: authors.get(r.authorMembershipId)?.name ?? "Former member",
    authorSide: authors.get(r.authorMembershipId)?.side ?? null,
    isMine: r.authorUserId === userId,
    mentionsMe: r.mentions.some((m) => m.userId === userId),
    createdAt: r.createdAt,
  });
  const threads = rows
    .filter((r) => r.parentId === null)
    .map((r) => {
      let location: { state: "none" } | { state: "kept" | "moved"; start: number; end: number } | { state: "outdated" } = { state: "none" };
      const moduleGone = r.moduleKey !== null && !texts.has(r.moduleKey);
      if (r.quote !== null && r.moduleKey !== null) {
        const text = texts.get(r.moduleKey);
        location = text === undefined ? { state: "outdated" } : locateAnchor(text, { quote: r.quote, prefix: r.prefix ?? "", suffix: r.suffix ?? "", start: r.start ?? 0, end: r.end ?? 0 });
      }
      const replies = rows.filter((x) => x.parentId === r.id).map(view);
      return {
        ...view(r),
        moduleKey: r.moduleKey,
        moduleTitle: r.moduleKey ? titles.get(r.moduleKey) ?? null : null,
        moduleGone,
        quote: r.quote,
        anchorVersion: r.anchorVersion,
        location,
        resolved: r.resolved,
        resolvedByName: r.resolvedById ? resolvers.get(r.resolvedById) ?? null : null,
        resolvedAt: r.resolvedAt,
        canResolve: canResolve({ isAuthor: r.authorUserId === userId, mayEdit }),
        replies,
        involvesMe: r.authorUserId === userId || r.mentions.some((m) => m.userId === userId) || replies.some((x) => x.isMine || x.mentionsMe),
      };
    });
  return { version: target, threads };
}

async function requireCommenter(deps: DraftsReadDeps, userId: string, draftId: string) {
  const found = await requireDraftReader(deps, userId, draftId);
  if (!mayComment(found.seat)) throw forbidden("Observers read drafts but do not comment.");
  if (!isOpen(found.draft.status)) throw CLOSED();
  return found;
}

/**
 * Inside a comment's transaction: the draft must still be open. FOR SHARE, because comments do not
 * exclude each other, only a change of the draft's status (whose UPDATE waits for this lock).
 */
async function recheckOpen(tx: Tx, draftId: string) {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status" FROM "Draft" WHERE "id" = ${draftId} FOR SHARE`;
  if (!rows[0] || !isOpen(rows[0].status as DraftStatus)) throw CLOSED();
}

/** Records the mentions of a new comment, tells the draft's room and notifies the people mentioned. */
async function mention(
  tx: Tx,
  effects: Effects,
  options: { draft: { id: string; partnershipId: string; title: string }; userId: string; commentId: string; body: string; mentioned: Array<{ userId: string }> },
) {
  const { draft, userId, commentId, mentioned } = options;
  if (mentioned.length) await tx.draftMention.createMany({ data: mentioned.map((m) => ({ commentId, userId: m.userId })) });
  draftChanged(effects, draft.id, userId, ["comments"], { commentId });
  const recipients = mentioned.map((m) => m.userId).filter((id) => id !== userId);
  if (!recipients.length) return;
  effects.notify(recipients, "draft.mentioned", {
    partnershipId: draft.partnershipId,
    draftId: draft.id,
    draftTitle: draft.title,
    byName: await userName(tx, userId),
    excerpt: truncateText(options.body, EXCERPT_CHARS),
  });
}

export async function addComment(deps: DraftsDeps, { userId, input }: { userId: string; input: AddCommentInput }) {
  const { draft, body, member } = await requireCommenter(deps, userId, input.draftId);
  let anchor: Anchor | null = null;
  if (input.anchor && !input.moduleKey) throw new AppError("BAD_REQUEST", "A passage belongs to a module.", { fieldErrors: { moduleKey: ["Choose the module."] } });
  if (input.moduleKey) {
    const version = input.anchor?.version ?? draft.currentVersion;
    if (version > draft.currentVersion) throw new AppError("BAD_REQUEST", "That version does not exist.");
    const snapshot = await snapshotOf(deps.db, draft, version);
    // A comment on a whole module may also name one that so far exists only in the working copy.
    const module =
      snapshot.modules.find((m) => m.key === input.moduleKey) ??
      (input.anchor || version === 0 ? undefined : (await workingModules(deps.db, draft.id)).find((m) => m.key === input.moduleKey));
    if (!module) throw new AppError("BAD_REQUEST", "That module is not in this draft.", { fieldErrors: { moduleKey: ["Unknown module."] } });
    if (input.anchor) {
      const checked = makeAnchor(plainText(module.objectives), input.anchor.start, input.anchor.end, input.anchor.quote);
      if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message, { fieldErrors: { anchor: [checked.message] } });
      anchor = checked.anchor;
    }
  }
  const mentioned = findMentions(input.body, await bodyPeople(deps.db, body.id));
  return inTransaction(deps, async (tx, effects) => {
    await recheckOpen(tx, draft.id);
    const comment = await tx.draftComment.create({
      data: {
        draftId: draft.id,
        authorUserId: userId,
        authorMembershipId: member.membershipId,
        moduleKey: input.moduleKey,
        ...(anchor ?? {}),
        anchorVersion: anchor ? (input.anchor?.version ?? 0) : null,
        body: input.body,
      },
    });
    await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.commented", subjectType: "DraftComment", subjectId: comment.id, data: { draftId: draft.id } });
    await mention(tx, effects, { draft, userId, commentId: comment.id, body: comment.body, mentioned });
    return { id: comment.id };
  });
}

async function findComment(deps: DraftsReadDeps, commentId: string) {
  const comment = await deps.db.draftComment.findUnique({ where: { id: commentId }, select: { id: true, draftId: true, parentId: true, authorUserId: true } });
  if (!comment) throw notFound("Comment");
  return comment;
}

/** A reply joins the thread of the comment it answers (a reply to a reply goes to the same thread). */
export async function replyToComment(deps: DraftsDeps, { userId, input }: { userId: string; input: ReplyInput }) {
  const parent = await findComment(deps, input.commentId);
  const { draft, body, member } = await requireCommenter(deps, userId, parent.draftId);
  const rootId = parent.parentId ?? parent.id;
  const mentioned = findMentions(input.body, await bodyPeople(deps.db, body.id));
  return inTransaction(deps, async (tx, effects) => {
    await recheckOpen(tx, draft.id);
    const reply = await tx.draftComment.create({ data: { draftId: draft.id, parentId: rootId, authorUserId: userId, authorMembershipId: member.membershipId, body: input.body } });
    await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.replied", subjectType: "DraftComment", subjectId: reply.id, data: { draftId: draft.id, parentId: rootId } });
    await mention(tx, effects, { draft, userId, commentId: reply.id, body: reply.body, mentioned });
    // The author of the comment answered and the one who started the thread; not the replier, and not
    // whoever the reply mentions (told by the mention already).
    const root = parent.parentId ? await tx.draftComment.findUnique({ where: { id: rootId }, select: { authorUserId: true } }) : null;
    const told = new Set([userId, ...mentioned.map((m) => m.userId)]);
    const answered = [parent.authorUserId, root?.authorUserId].filter((id): id is string => Boolean(id) && !told.has(id!));
    if (answered.length) {
      effects.notify(answered, "draft.replied", {
        partnershipId: draft.partnershipId,
        draftId: draft.id,
        draftTitle: draft.title,
        byName: await userName(tx, userId),
        excerpt: truncateText(reply.body, EXCERPT_CHARS),
      });
    }
    return { id: reply.id };
  });
}

export async function resolveComment(deps: DraftsDeps, { userId, input }: { userId: string; input: ResolveInput }) {
  const { commentId, resolved } = input;
  const comment = await findComment(deps, commentId);
  const { draft, body, member, seat } = await requireDraftReader(deps, userId, comment.draftId);
  if (comment.parentId) throw new AppError("BAD_REQUEST", "Resolve the thread, not a reply.");
  const mayEdit = mayEditDrafts(seat, await isEditor(deps.db, body.id, member.membershipId));
  if (!canResolve({ isAuthor: comment.authorUserId === userId, mayEdit })) throw forbidden("Only the comment's author or an editor resolves or reopens it.");
  if (!isOpen(draft.status)) throw CLOSED();
  return inTransaction(deps, async (tx, effects) => {
    await recheckOpen(tx, draft.id);
    await tx.draftComment.update({
      where: { id: commentId },
      data: resolved ? { resolved: true, resolvedById: userId, resolvedAt: new Date() } : { resolved: false, resolvedById: null, resolvedAt: null },
    });
    await recordAudit(tx, {
      partnershipId: draft.partnershipId,
      actorId: userId,
      action: resolved ? "draft.commentResolved" : "draft.commentReopened",
      subjectType: "DraftComment",
      subjectId: commentId,
    });
    draftChanged(effects, draft.id, userId, ["comments"], { commentId });
    return { id: commentId, resolved };
  });
}
