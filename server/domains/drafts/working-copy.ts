// The working copy of a curriculum draft: create, save, withdraw. A save names the revision it started
// from and is one conditional UPDATE on that revision (and an open status): its row lock makes a
// second save of the same revision wait and then find the revision moved on, so exactly one of them
// wins and the other is CONFLICT. The editor then merges per module (`mergeModules` in drafts.rules.ts:
// what only one side changed is taken from that side) and saves again from the new revision. The
// modules are replaced under that same lock, so their positions (unique per draft, checked at commit)
// are never allocated by two writers at once.
import { createId } from "@paralleldrive/cuid2";
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import {
  draftChanged,
  draftsListChanged,
  isEditor,
  OPEN_STATUSES,
  requireDraftEditor,
  userName,
  workingSnapshot,
  type DraftsDeps,
} from "./drafts.facts.js";
import { sanitizeRichText } from "./drafts.html.js";
import { mayEditDrafts } from "./drafts.policy.js";
import { rethrowRefusal } from "./drafts.refusals.js";
import { isOpen, type ModuleSnapshot } from "./drafts.rules.js";
import { MODULE_TEXT_MAX, type CreateDraftInput, type DraftIdInput, type DraftStatus, type SaveDraftInput } from "./drafts.schema.js";
import { startReview } from "./review.js";

const CLOSED = () => new AppError("PRECONDITION_FAILED", "An adopted or withdrawn draft cannot be changed.");

export async function createDraft(deps: DraftsDeps, { userId, input }: { userId: string; input: CreateDraftInput }) {
  const { body, member, seat } = await deps.access.requireBodySeat(userId, input.bodyId);
  if (!mayEditDrafts(seat, await isEditor(deps.db, body.id, member.membershipId))) throw forbidden("Only the committee's editors and co-chairs start drafts.");
  return inTransaction(deps, async (tx, effects) => {
    const draft = await tx.draft.create({
      data: {
        partnershipId: body.partnershipId,
        bodyId: body.id,
        title: input.title,
        occupation: input.occupation,
        programKind: input.programKind,
        createdById: userId,
        updatedById: userId,
      },
    });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "draft.created", subjectType: "Draft", subjectId: draft.id });
    draftsListChanged(effects, body.partnershipId);
    return { id: draft.id };
  });
}

/** Sanitizes and checks the modules of a save; gives new modules a stable key. */
function cleanModules(modules: SaveDraftInput["modules"]): ModuleSnapshot[] {
  const seen = new Set<string>();
  return modules.map((m, index) => {
    const key = m.key ?? createId().slice(0, 16);
    if (seen.has(key)) throw new AppError("BAD_REQUEST", "Two modules have the same key.", { fieldErrors: { [`modules.${index}.key`]: ["Duplicate module."] } });
    seen.add(key);
    const objectives = sanitizeRichText(m.objectives);
    if (objectives.length > MODULE_TEXT_MAX) {
      throw new AppError("BAD_REQUEST", `Module ${index + 1}'s text is over ${MODULE_TEXT_MAX.toLocaleString("en-US")} characters.`, {
        fieldErrors: { [`modules.${index}.objectives`]: ["Too long."] },
      });
    }
    return {
      key,
      title: m.title,
      objectives,
      competencies: m.competencies,
      relatedHours: m.relatedHours,
      ojlHours: m.ojlHours,
      assessment: m.assessment,
      credential: m.credential,
      testOut: m.testOut,
    };
  });
}

/** Why a save's conditional update found nothing: the draft closed meanwhile, or someone saved first. */
async function staleSave(tx: Tx, draftId: string, baseRevision: number) {
  const now = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, revision: true, updatedById: true } });
  if (!isOpen(now.status as DraftStatus)) return new AppError("PRECONDITION_FAILED", "The draft was adopted or withdrawn meanwhile.");
  const by = now.updatedById ? (await tx.user.findUnique({ where: { id: now.updatedById }, select: { name: true } }))?.name : null;
  return new AppError(
    "CONFLICT",
    `${by ?? "Someone"} saved this draft after you started editing (revision ${now.revision}, you started from ${baseRevision}). Their changes are shown; your edits are kept so you can apply them again.`,
  );
}

/**
 * Saves the working copy if nobody saved since `baseRevision` (else CONFLICT: the editor reloads and
 * sees the other person's changes). With `newVersion`, the same transaction freezes the result as the
 * next numbered version and puts it in review (review.ts: startReview).
 */
export async function saveDraft(deps: DraftsDeps, { userId, input }: { userId: string; input: SaveDraftInput }) {
  const { draft } = await requireDraftEditor(deps, userId, input.draftId);
  if (!isOpen(draft.status)) throw CLOSED();
  const modules = cleanModules(input.modules);
  if (input.newVersion && modules.length === 0) throw new AppError("BAD_REQUEST", "Add at least one module before asking for review.");
  const authorName = await userName(deps.db, userId);
  try {
    return await inTransaction(deps, async (tx, effects) => {
      const { count } = await tx.draft.updateMany({
        where: { id: draft.id, revision: input.baseRevision, status: { in: OPEN_STATUSES } },
        data: { revision: { increment: 1 }, title: input.title, occupation: input.occupation, programKind: input.programKind, updatedById: userId },
      });
      if (!count) throw await staleSave(tx, draft.id, input.baseRevision);
      await tx.draftModule.deleteMany({ where: { draftId: draft.id } });
      if (modules.length) await tx.draftModule.createMany({ data: modules.map((m, position) => ({ ...m, draftId: draft.id, position })) });
      const after = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { revision: true, currentVersion: true } });
      let version: number | null = null;
      if (input.newVersion) {
        version = await startReview(tx, effects, {
          draft: { id: draft.id, partnershipId: draft.partnershipId, bodyId: draft.bodyId, currentVersion: after.currentVersion },
          snapshot: workingSnapshot(input, modules),
          changeSummary: input.newVersion.changeSummary,
          userId,
          authorName,
        });
      } else {
        await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.saved", subjectType: "Draft", subjectId: draft.id, data: { revision: after.revision } });
        draftChanged(effects, draft.id, userId, ["details", "workingCopy"]);
      }
      return { id: draft.id, revision: after.revision, version };
    });
  } catch (error) {
    return rethrowRefusal(error, [[/read-only|next number of an open draft/, CLOSED]]);
  }
}

export async function withdrawDraft(deps: DraftsDeps, { userId, input }: { userId: string; input: DraftIdInput }) {
  const { draft } = await requireDraftEditor(deps, userId, input.draftId);
  const already = () => new AppError("PRECONDITION_FAILED", "This draft is already adopted or withdrawn.");
  if (!isOpen(draft.status)) throw already();
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.draft.updateMany({ where: { id: draft.id, status: { in: OPEN_STATUSES } }, data: { status: "WITHDRAWN", updatedById: userId } });
    if (!count) throw already();
    await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.withdrawn", subjectType: "Draft", subjectId: draft.id });
    draftChanged(effects, draft.id, userId, ["status"]);
    draftsListChanged(effects, draft.partnershipId);
    return { id: draft.id };
  });
}
