// Use cases of curriculum drafts: write (working copy with optimistic concurrency), freeze versions and
// ask for worker sign-off, compare versions, comment on passages, sign off, adopt. Each use case is:
// permission check → one transaction (with its own re-checks) → audit → publish after commit.
// Adoption without a complete worker sign-off of the same version is also refused by database
// triggers (see the migration), so no path around this service can do it either.
import { createId } from "@paralleldrive/cuid2";
import type { Access } from "../../access/access.js";
import type { SeatFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import { draftRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { VotingService } from "../voting/voting.service.js";
import type { DraftPart } from "./drafts.events.js";
import { sanitizeRichText } from "./drafts.html.js";
import {
  compareSnapshots,
  findMentions,
  isOpen,
  locateAnchor,
  makeAnchor,
  plainText,
  signOffState,
  totalHours,
  type DraftSnapshot,
  type ModuleSnapshot,
} from "./drafts.rules.js";
import {
  MODULE_TEXT_MAX,
  type AddCommentInput,
  type CreateDraftInput,
  type DraftSettingsInput,
  type DraftStatus,
  type ProgramKind,
  type SaveDraftInput,
  type SignOffDecision,
  type SignOffInput,
  type SignOffRule,
} from "./drafts.schema.js";

type Deps = {
  db: Db;
  access: Access;
  realtime: Pick<Realtime, "publish">;
  notifications: Pick<NotificationsService, "notify">;
  /** For adoption by a vote of the body: the voting domain's own reads (its permission checks included). */
  voting: Pick<VotingService, "get" | "list">;
};

export type DraftsService = ReturnType<typeof createDraftsService>;

const OPEN_STATUSES: DraftStatus[] = ["DRAFTING", "IN_REVIEW", "SIGNED_OFF"];

const isManagementCoChair = (seat: SeatFacts) => seat.role === "CO_CHAIR" && seat.coChairSide === "MANAGEMENT";

/**
 * True when a database trigger refused the write with a message containing `fragment` (the SQLite
 * adapter reports RAISE(ABORT, …) as a constraint error and keeps the message in `meta`).
 */
export function isTriggerAbort(error: unknown, fragment: string) {
  if (typeof error !== "object" || error === null) return false;
  const { message, meta } = error as { message?: unknown; meta?: unknown };
  return `${String(message ?? "")} ${JSON.stringify(meta ?? null)}`.includes(fragment);
}

export function createDraftsService({ db, access, realtime, notifications, voting }: Deps) {
  const changed = (draftId: string, by: string, parts: DraftPart[], extra: { version?: number; commentId?: string } = {}) =>
    realtime.publish(draftRoom(draftId), "draft:changed", { draftId, parts, by, ...extra });
  const listChanged = (partnershipId: string) => realtime.publish(partnershipRoom(partnershipId), "drafts:changed", { partnershipId });

  // ─── facts ────────────────────────────────────────────────────────────────

  async function isEditor(bodyId: string, membershipId: string, seat: SeatFacts) {
    if (seat.role === "CO_CHAIR") return true;
    return Boolean(await db.draftEditor.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } } }));
  }

  async function isReviewer(client: Tx, bodyId: string, membershipId: string) {
    return Boolean(await client.draftReviewer.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } } }));
  }

  async function settingsOf(client: Tx, bodyId: string) {
    const s = await client.draftSettings.findUnique({ where: { bodyId } });
    return { rule: (s?.rule ?? "ALL") as SignOffRule, minimum: s?.minimum ?? 1 };
  }

  /** The sign-off rule's state for one version (inside the caller's transaction when given one). */
  async function ruleState(client: Tx, bodyId: string, versionId: string | null) {
    const [settings, group, decisions] = await Promise.all([
      settingsOf(client, bodyId),
      client.draftReviewer.findMany({ where: { bodyId }, select: { membershipId: true } }),
      versionId ? client.draftSignOff.findMany({ where: { versionId }, select: { reviewerMembershipId: true, decision: true } }) : Promise.resolve([]),
    ]);
    return signOffState({
      ...settings,
      groupMembershipIds: group.map((g) => g.membershipId),
      decisions: decisions.map((d) => ({ reviewerMembershipId: d.reviewerMembershipId, decision: d.decision as SignOffDecision })),
    });
  }

  async function peopleByMembership(ids: string[]) {
    const rows = await db.membership.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, userId: true, user: { select: { name: true } }, organization: { select: { side: true, name: true } } },
    });
    return new Map(
      rows.map((r) => [r.id, { membershipId: r.id, userId: r.userId, name: r.user.name, side: r.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL", organizationName: r.organization.name }]),
    );
  }

  async function bodyPeople(bodyId: string) {
    const seats = await db.bodySeat.findMany({
      where: { bodyId },
      select: { membershipId: true, role: true, coChairSide: true, membership: { select: { userId: true, user: { select: { name: true } }, organization: { select: { side: true } } } } },
    });
    return seats
      .map((s) => ({
        membershipId: s.membershipId,
        userId: s.membership.userId,
        name: s.membership.user.name,
        side: s.membership.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL",
        role: s.role,
        coChairSide: s.coChairSide as "LABOR" | "MANAGEMENT" | null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function findDraft(draftId: string) {
    const draft = await db.draft.findUnique({ where: { id: draftId } });
    if (!draft) throw notFound("Draft");
    return { ...draft, status: draft.status as DraftStatus, programKind: draft.programKind as ProgramKind };
  }

  async function asReader(userId: string, draftId: string) {
    const found = await access.requireDraftSeat(userId, draftId);
    return { ...found, draft: await findDraft(draftId) };
  }

  async function asEditor(userId: string, draftId: string) {
    const found = await asReader(userId, draftId);
    if (!(await isEditor(found.body.id, found.member.membershipId, found.seat))) {
      throw forbidden("Only the committee's editors and co-chairs edit its drafts.");
    }
    return found;
  }

  function workingSnapshot(draft: { title: string; occupation: string; programKind: string }, modules: ModuleSnapshot[]): DraftSnapshot {
    return { title: draft.title, occupation: draft.occupation, programKind: draft.programKind as ProgramKind, modules };
  }

  const moduleSelect = {
    key: true,
    title: true,
    objectives: true,
    competencies: true,
    relatedHours: true,
    ojlHours: true,
    assessment: true,
    credential: true,
    testOut: true,
  } as const;

  async function workingModules(client: Tx, draftId: string): Promise<ModuleSnapshot[]> {
    return client.draftModule.findMany({ where: { draftId }, orderBy: { position: "asc" }, select: moduleSelect });
  }

  /** The snapshot of version `number`, or of the working copy for 0. */
  async function snapshotOf(draft: { id: string; title: string; occupation: string; programKind: string }, number: number): Promise<DraftSnapshot> {
    if (number === 0) return workingSnapshot(draft, await workingModules(db, draft.id));
    const version = await db.draftVersion.findUnique({ where: { draftId_number: { draftId: draft.id, number } } });
    if (!version) throw notFound("Version");
    return version.snapshot as unknown as DraftSnapshot;
  }

  // ─── reading ──────────────────────────────────────────────────────────────

  async function list({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    const member = await access.requireMember(userId, partnershipId);
    const drafts = await db.draft.findMany({
      where: { partnershipId, body: { seats: { some: { membershipId: member.membershipId } } } },
      orderBy: { updatedAt: "desc" },
      take: 200,
      select: {
        id: true,
        title: true,
        occupation: true,
        programKind: true,
        status: true,
        currentVersion: true,
        updatedAt: true,
        bodyId: true,
        body: { select: { name: true } },
        modules: { select: { relatedHours: true, ojlHours: true, testOut: true } },
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, signOffs: { select: { reviewerMembershipId: true, decision: true } } } },
      },
    });
    const bodyIds = [...new Set(drafts.map((d) => d.bodyId))];
    const [groups, settings, seats, editorRows] = await Promise.all([
      db.draftReviewer.findMany({ where: { bodyId: { in: bodyIds } }, select: { bodyId: true, membershipId: true } }),
      db.draftSettings.findMany({ where: { bodyId: { in: bodyIds } } }),
      db.bodySeat.findMany({ where: { membershipId: member.membershipId, body: { partnershipId } }, select: { bodyId: true, role: true, body: { select: { name: true } } } }),
      db.draftEditor.findMany({ where: { membershipId: member.membershipId }, select: { bodyId: true } }),
    ]);
    const items = drafts.map((d) => {
      const group = groups.filter((g) => g.bodyId === d.bodyId).map((g) => g.membershipId);
      const s = settings.find((x) => x.bodyId === d.bodyId);
      const decisions = d.versions[0]?.signOffs ?? [];
      const state = signOffState({
        rule: (s?.rule ?? "ALL") as SignOffRule,
        minimum: s?.minimum ?? 1,
        groupMembershipIds: group,
        decisions: decisions.map((x) => ({ reviewerMembershipId: x.reviewerMembershipId, decision: x.decision as SignOffDecision })),
      });
      const status = d.status as DraftStatus;
      return {
        id: d.id,
        title: d.title,
        occupation: d.occupation,
        programKind: d.programKind as ProgramKind,
        status,
        currentVersion: d.currentVersion,
        updatedAt: d.updatedAt,
        body: { id: d.bodyId, name: d.body.name },
        moduleCount: d.modules.length,
        hours: totalHours(d.modules),
        signOff: { signed: state.signed, required: state.required, changesRequested: state.changesRequested },
        awaitingMySignOff:
          status === "IN_REVIEW" && group.includes(member.membershipId) && !decisions.some((x) => x.reviewerMembershipId === member.membershipId),
      };
    });
    const editorBodies = new Set(editorRows.map((e) => e.bodyId));
    const canCreateIn = seats
      .filter((s) => s.role === "CO_CHAIR" || editorBodies.has(s.bodyId))
      .map((s) => ({ id: s.bodyId, name: s.body.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { drafts: items, canCreateIn };
  }

  async function get({ userId, draftId }: { userId: string; draftId: string }) {
    const { draft, body, member, seat } = await asReader(userId, draftId);
    const [modules, versions, signOffs, adoption, people, settings, groupRows, editorRows, canEdit, reviewer] = await Promise.all([
      workingModules(db, draftId),
      db.draftVersion.findMany({
        where: { draftId },
        orderBy: { number: "desc" },
        select: { id: true, number: true, changeSummary: true, createdById: true, createdByName: true, createdAt: true },
      }),
      db.draftSignOff.findMany({ where: { draftId }, orderBy: { createdAt: "asc" } }),
      db.draftAdoption.findUnique({ where: { draftId } }),
      bodyPeople(body.id),
      settingsOf(db, body.id),
      db.draftReviewer.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
      db.draftEditor.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
      isEditor(body.id, member.membershipId, seat),
      isReviewer(db, body.id, member.membershipId),
    ]);
    const current = versions.find((v) => v.number === draft.currentVersion) ?? null;
    const state = await ruleState(db, body.id, current?.id ?? null);
    const groupIds = groupRows.map((g) => g.membershipId);
    const names = await peopleByMembership([...groupIds, ...editorRows.map((e) => e.membershipId)]);
    const currentSignOffs = current ? signOffs.filter((s) => s.versionId === current.id) : [];
    const myDecision = currentSignOffs.find((s) => s.reviewerMembershipId === member.membershipId) ?? null;
    const updatedBy = draft.updatedById ? (await db.user.findUnique({ where: { id: draft.updatedById }, select: { name: true } }))?.name ?? null : null;
    const open = isOpen(draft.status);
    const versionNumberOf = new Map(versions.map((v) => [v.id, v.number]));
    const adoptionMotions =
      seat.role === "CO_CHAIR" && draft.status === "SIGNED_OFF" && current && state.met
        ? await motionsToAdopt(userId, draft.partnershipId, body.id, current.createdAt)
        : [];
    return {
      draft: {
        id: draft.id,
        partnershipId: draft.partnershipId,
        bodyId: body.id,
        bodyName: body.name,
        title: draft.title,
        occupation: draft.occupation,
        programKind: draft.programKind,
        status: draft.status,
        currentVersion: draft.currentVersion,
        revision: draft.revision,
        updatedAt: draft.updatedAt,
        updatedByName: updatedBy,
        adoptedAt: draft.adoptedAt,
      },
      modules,
      hours: totalHours(modules),
      versions: versions.map((v) => ({ ...v, signOffCount: signOffs.filter((s) => s.versionId === v.id && s.decision === "SIGNED_OFF").length })),
      /** Every decision on every version (history keeps the cleared ones). */
      signOffs: signOffs.map((s) => ({
        id: s.id,
        versionNumber: versionNumberOf.get(s.versionId) ?? 0,
        reviewerMembershipId: s.reviewerMembershipId,
        reviewerName: s.reviewerName,
        decision: s.decision as SignOffDecision,
        reason: s.reason,
        createdAt: s.createdAt,
      })),
      review: {
        rule: settings.rule,
        minimum: settings.minimum,
        ...state,
        group: groupIds.map((id) => {
          const p = names.get(id);
          const decision = currentSignOffs.find((s) => s.reviewerMembershipId === id);
          return { membershipId: id, name: p?.name ?? "Former member", decision: (decision?.decision ?? null) as SignOffDecision | null };
        }),
      },
      editors: editorRows.map((e) => ({ membershipId: e.membershipId, name: names.get(e.membershipId)?.name ?? "Former member" })),
      adoption: adoption
        ? { versionNumber: adoption.versionNumber, adoptedByName: adoption.adoptedByName, createdAt: adoption.createdAt, motionId: adoption.motionId }
        : null,
      /** Members of the body, for @mentions. */
      people: people.map((p) => ({ userId: p.userId, membershipId: p.membershipId, name: p.name, side: p.side })),
      viewer: {
        userId,
        membershipId: member.membershipId,
        side: member.side,
        canEdit: canEdit && open,
        canComment: seat.role !== "OBSERVER" && open,
        isReviewer: reviewer,
        canSignOff: reviewer && open && draft.currentVersion > 0 && (draft.status === "IN_REVIEW" || draft.status === "SIGNED_OFF") && !myDecision,
        myDecision: myDecision ? { decision: myDecision.decision as SignOffDecision, reason: myDecision.reason, createdAt: myDecision.createdAt } : null,
        isManagementCoChair: isManagementCoChair(seat),
        canAdopt: isManagementCoChair(seat) && draft.status === "SIGNED_OFF" && state.met,
        canWithdraw: canEdit && open,
        /** Passed dual-majority motions of the body, closed after the current version: a co-chair may record adoption by one. */
        adoptionMotions,
      },
    };
  }

  /** Motions of the body that adopted by the dual-majority rule after `since` (the version's creation). */
  async function motionsToAdopt(userId: string, partnershipId: string, bodyId: string, since: Date) {
    const [motions, used] = await Promise.all([
      voting.list({ userId, partnershipId }),
      db.draftAdoption.findMany({ where: { motionId: { not: null } }, select: { motionId: true } }),
    ]);
    const taken = new Set(used.map((u) => u.motionId));
    return motions
      .filter((m) => m.body.id === bodyId && m.rule === "DUAL_MAJORITY" && m.status === "CLOSED" && m.outcome === "PASSED" && m.closedAt && m.closedAt >= since && !taken.has(m.id))
      .map((m) => ({ id: m.id, text: m.text, closedAt: m.closedAt! }));
  }

  async function getVersion({ userId, draftId, number }: { userId: string; draftId: string; number: number }) {
    const { draft } = await asReader(userId, draftId);
    const version = await db.draftVersion.findUnique({ where: { draftId_number: { draftId, number } }, include: { signOffs: { orderBy: { createdAt: "asc" } } } });
    if (!version) throw notFound("Version");
    const snapshot = version.snapshot as unknown as DraftSnapshot;
    return {
      draftId: draft.id,
      number: version.number,
      isCurrent: version.number === draft.currentVersion,
      changeSummary: version.changeSummary,
      createdByName: version.createdByName,
      createdAt: version.createdAt,
      snapshot,
      hours: totalHours(snapshot.modules),
      signOffs: version.signOffs.map((s) => ({ reviewerName: s.reviewerName, decision: s.decision as SignOffDecision, reason: s.reason, createdAt: s.createdAt })),
    };
  }

  async function compare({ userId, draftId, from, to }: { userId: string; draftId: string; from: number; to: number }) {
    const { draft } = await asReader(userId, draftId);
    const [a, b] = await Promise.all([snapshotOf(draft, from), snapshotOf(draft, to)]);
    return { from, to, ...compareSnapshots(a, b) };
  }

  // ─── writing ──────────────────────────────────────────────────────────────

  async function create({ userId, input }: { userId: string; input: CreateDraftInput }) {
    const { body, member, seat } = await access.requireBodySeat(userId, input.bodyId);
    if (!(await isEditor(body.id, member.membershipId, seat))) throw forbidden("Only the committee's editors and co-chairs start drafts.");
    const draft = await db.$transaction(async (tx) => {
      const d = await tx.draft.create({
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
      await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "draft.created", subjectType: "Draft", subjectId: d.id });
      return d;
    });
    listChanged(body.partnershipId);
    return { id: draft.id };
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

  /**
   * Saves the working copy if nobody saved since `baseRevision` (else CONFLICT: the editor reloads and
   * sees the other person's changes). With `newVersion`, the same transaction freezes the result as
   * the next numbered version and puts it in review: sign-offs of earlier versions no longer count.
   */
  async function save({ userId, input }: { userId: string; input: SaveDraftInput }) {
    const { draft, body } = await asEditor(userId, input.draftId);
    if (!isOpen(draft.status)) throw new AppError("PRECONDITION_FAILED", "An adopted or withdrawn draft cannot be changed.");
    const modules = cleanModules(input.modules);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    const result = await db.$transaction(async (tx) => {
      const fresh = await tx.draft.updateMany({
        where: { id: draft.id, revision: input.baseRevision, status: { in: OPEN_STATUSES } },
        data: { revision: { increment: 1 }, title: input.title, occupation: input.occupation, programKind: input.programKind, updatedById: userId },
      });
      if (!fresh.count) {
        const now = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, revision: true, updatedById: true } });
        if (!OPEN_STATUSES.includes(now.status as DraftStatus)) throw new AppError("PRECONDITION_FAILED", "The draft was adopted or withdrawn meanwhile.");
        const by = now.updatedById ? (await tx.user.findUnique({ where: { id: now.updatedById }, select: { name: true } }))?.name : null;
        throw new AppError(
          "CONFLICT",
          `${by ?? "Someone"} saved this draft after you started editing (revision ${now.revision}, you started from ${input.baseRevision}). Their changes are shown; your edits are kept so you can apply them again.`,
        );
      }
      await tx.draftModule.deleteMany({ where: { draftId: draft.id } });
      if (modules.length) await tx.draftModule.createMany({ data: modules.map((m, position) => ({ ...m, draftId: draft.id, position })) });
      const after = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { revision: true, currentVersion: true, status: true } });
      let version: number | null = null;
      if (input.newVersion) {
        if (modules.length === 0) throw new AppError("BAD_REQUEST", "Add at least one module before asking for review.");
        version = after.currentVersion + 1;
        const snapshot: DraftSnapshot = workingSnapshot(input, modules);
        await tx.draftVersion.create({
          data: { draftId: draft.id, number: version, snapshot: snapshot as never, changeSummary: input.newVersion.changeSummary, createdById: userId, createdByName: user.name },
        });
        await tx.draft.update({ where: { id: draft.id }, data: { currentVersion: version, status: "IN_REVIEW" } });
        await recordAudit(tx, {
          partnershipId: draft.partnershipId,
          actorId: userId,
          action: "draft.versioned",
          subjectType: "Draft",
          subjectId: draft.id,
          data: { version, changeSummary: input.newVersion.changeSummary },
        });
      } else {
        await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.saved", subjectType: "Draft", subjectId: draft.id, data: { revision: after.revision } });
      }
      return { revision: after.revision, version, previousStatus: after.status as DraftStatus };
    });
    if (result.version) {
      changed(draft.id, userId, ["details", "workingCopy", "versions", "signOffs", "status"], { version: result.version });
      listChanged(draft.partnershipId);
      const group = await db.draftReviewer.findMany({ where: { bodyId: body.id }, select: { membershipId: true } });
      const people = await peopleByMembership(group.map((g) => g.membershipId));
      await notifications.notify(
        [...people.values()].map((p) => p.userId).filter((id) => id !== userId),
        "draft.reviewRequested",
        { partnershipId: draft.partnershipId, draftId: draft.id, draftTitle: input.title, version: result.version },
      );
    } else {
      changed(draft.id, userId, ["details", "workingCopy"]);
    }
    return { id: draft.id, revision: result.revision, version: result.version };
  }

  async function withdraw({ userId, draftId }: { userId: string; draftId: string }) {
    const { draft } = await asEditor(userId, draftId);
    if (!isOpen(draft.status)) throw new AppError("PRECONDITION_FAILED", "This draft is already adopted or withdrawn.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.draft.updateMany({ where: { id: draftId, status: { in: OPEN_STATUSES } }, data: { status: "WITHDRAWN", updatedById: userId } });
      if (!count) throw new AppError("PRECONDITION_FAILED", "This draft is already adopted or withdrawn.");
      await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.withdrawn", subjectType: "Draft", subjectId: draftId });
    });
    changed(draftId, userId, ["status"]);
    listChanged(draft.partnershipId);
    return { id: draftId };
  }

  // ─── worker sign-off and adoption ─────────────────────────────────────────

  /**
   * A reviewer's decision on the version they read. Inside one transaction: the version must still be
   * the current one under review (a new version saved meanwhile refuses it), the decision is recorded
   * (once per reviewer per version: unique), and when the rule is met the draft becomes signed off.
   */
  async function signOff({ userId, input }: { userId: string; input: SignOffInput }) {
    const { draft, body, member } = await asReader(userId, input.draftId);
    if (!(await isReviewer(db, body.id, member.membershipId))) throw forbidden("Only members of the worker sign-off group sign off drafts.");
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    let outcome: { met: boolean; becameSignedOff: boolean };
    try {
      outcome = await db.$transaction(async (tx) => {
        const now = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, currentVersion: true } });
        if (now.status !== "IN_REVIEW" && now.status !== "SIGNED_OFF") throw new AppError("PRECONDITION_FAILED", "This draft is not in review.");
        if (now.currentVersion !== input.versionNumber) {
          throw new AppError("PRECONDITION_FAILED", `Version ${now.currentVersion} replaced version ${input.versionNumber} meanwhile. Read the new version before you decide.`);
        }
        const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId: draft.id, number: input.versionNumber } }, select: { id: true } });
        await tx.draftSignOff.create({
          data: {
            draftId: draft.id,
            versionId: version.id,
            reviewerMembershipId: member.membershipId,
            reviewerUserId: userId,
            reviewerName: user.name,
            decision: input.decision,
            reason: input.reason,
          },
        });
        const state = await ruleState(tx, body.id, version.id);
        let becameSignedOff = false;
        if (state.met && now.status === "IN_REVIEW") {
          const { count } = await tx.draft.updateMany({ where: { id: draft.id, status: "IN_REVIEW", currentVersion: input.versionNumber }, data: { status: "SIGNED_OFF" } });
          becameSignedOff = count === 1;
        }
        await recordAudit(tx, {
          partnershipId: draft.partnershipId,
          actorId: userId,
          action: input.decision === "SIGNED_OFF" ? "draft.signedOff" : "draft.changesRequested",
          subjectType: "Draft",
          subjectId: draft.id,
          data: { version: input.versionNumber, reason: input.reason || undefined, ruleMet: state.met },
        });
        return { met: state.met, becameSignedOff };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You already gave your decision on this version.");
      if (isTriggerAbort(error, "Sign-off must be for the current version")) {
        throw new AppError("PRECONDITION_FAILED", "A newer version replaced the one you read. Read it before you decide.");
      }
      throw error;
    }
    changed(draft.id, userId, outcome.becameSignedOff ? ["signOffs", "status"] : ["signOffs"], { version: input.versionNumber });
    if (outcome.becameSignedOff) listChanged(draft.partnershipId);
    const people = await bodyPeople(body.id);
    const editors = await db.draftEditor.findMany({ where: { bodyId: body.id }, select: { membershipId: true } });
    const editorIds = new Set(editors.map((e) => e.membershipId));
    const toTell = people.filter((p) => (p.role === "CO_CHAIR" || editorIds.has(p.membershipId)) && p.userId !== userId).map((p) => p.userId);
    if (outcome.becameSignedOff) {
      await notifications.notify(toTell, "draft.signedOff", { partnershipId: draft.partnershipId, draftId: draft.id, draftTitle: draft.title, version: input.versionNumber });
    } else if (input.decision === "CHANGES_REQUESTED") {
      await notifications.notify(toTell, "draft.changesRequested", {
        partnershipId: draft.partnershipId,
        draftId: draft.id,
        draftTitle: draft.title,
        version: input.versionNumber,
        byName: user.name,
      });
    }
    return { id: draft.id, signedOff: outcome.met };
  }

  /**
   * The body's management co-chair adopts the signed-off version. The check and the change are one
   * transaction (re-read inside it), the status change is conditional on the same version, and the
   * database's triggers refuse an adoption whose version does not meet the rule.
   */
  async function adopt({ userId, draftId, versionNumber, motionId = null }: { userId: string; draftId: string; versionNumber: number; motionId?: string | null }) {
    const { draft, body, seat } = await asReader(userId, draftId);
    if (motionId) {
      // The body decided by a vote: any co-chair records it, naming the passed dual-majority motion.
      if (seat.role !== "CO_CHAIR") throw forbidden(`Only a co-chair of ${body.name} records an adoption by vote.`);
      const { motion } = await voting.get({ userId, motionId });
      if (motion.bodyId !== body.id) throw new AppError("BAD_REQUEST", "That motion was not voted by this draft's body.", { fieldErrors: { motionId: ["Choose a motion of this body."] } });
      if (motion.rule !== "DUAL_MAJORITY" || motion.status !== "CLOSED" || motion.outcome !== "PASSED") {
        throw new AppError("PRECONDITION_FAILED", "Adoption by vote needs a motion passed by a majority of each side (dual majority).");
      }
      const version = await db.draftVersion.findUnique({ where: { draftId_number: { draftId, number: versionNumber } }, select: { createdAt: true } });
      if (!version || !motion.closedAt || motion.closedAt < version.createdAt) {
        throw new AppError("PRECONDITION_FAILED", `That vote closed before version ${versionNumber} existed; it cannot adopt it.`);
      }
    } else if (!isManagementCoChair(seat)) {
      throw forbidden(`Only the management co-chair of ${body.name} adopts its curricula (or a co-chair, after the body's vote).`);
    }
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    try {
      await db.$transaction(async (tx) => {
        const now = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, currentVersion: true } });
        if (now.currentVersion !== versionNumber) {
          throw new AppError("PRECONDITION_FAILED", `Version ${now.currentVersion} replaced version ${versionNumber}; it needs its own worker sign-off first.`);
        }
        if (now.status !== "SIGNED_OFF") throw new AppError("PRECONDITION_FAILED", "The worker reviewers have not signed off this version yet.");
        const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId, number: versionNumber } }, select: { id: true } });
        const state = await ruleState(tx, body.id, version.id);
        if (!state.met) throw new AppError("PRECONDITION_FAILED", `The worker sign-off is not complete (${state.signed} of ${state.required}).`);
        await tx.draftAdoption.create({ data: { draftId, versionId: version.id, versionNumber, adoptedById: userId, adoptedByName: user.name, motionId } });
        const { count } = await tx.draft.updateMany({
          where: { id: draftId, status: "SIGNED_OFF", currentVersion: versionNumber },
          data: { status: "ADOPTED", adoptedAt: new Date(), updatedById: userId },
        });
        if (count !== 1) throw new AppError("PRECONDITION_FAILED", "The draft changed meanwhile. Reload it.");
        await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.adopted", subjectType: "Draft", subjectId: draftId, data: { version: versionNumber, motionId } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This draft, or this motion, already made an adoption.");
      if (isTriggerAbort(error, "Adoption needs a complete worker sign-off") || isTriggerAbort(error, "A draft is adopted only through")) {
        throw new AppError("PRECONDITION_FAILED", "The worker sign-off of this version is not complete.");
      }
      throw error;
    }
    changed(draftId, userId, ["status"], { version: versionNumber });
    listChanged(draft.partnershipId);
    return { id: draftId, version: versionNumber };
  }

  // ─── comments ─────────────────────────────────────────────────────────────

  async function listComments({ userId, draftId, version }: { userId: string; draftId: string; version?: number }) {
    const { draft, body, member, seat } = await asReader(userId, draftId);
    const target = version ?? draft.currentVersion;
    const snapshot = await snapshotOf(draft, target);
    const texts = new Map(snapshot.modules.map((m) => [m.key, plainText(m.objectives)]));
    const titles = new Map(snapshot.modules.map((m) => [m.key, m.title]));
    const rows = await db.draftComment.findMany({
      where: { draftId },
      orderBy: { createdAt: "asc" },
      include: { mentions: { select: { userId: true } } },
    });
    const authors = await peopleByMembership(rows.map((r) => r.authorMembershipId));
    const resolvers = new Map(
      (await db.user.findMany({ where: { id: { in: rows.map((r) => r.resolvedById).filter((x): x is string => Boolean(x)) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    const canModerate = await isEditor(body.id, member.membershipId, seat);
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
          canResolve: r.authorUserId === userId || canModerate,
          replies,
          involvesMe: r.authorUserId === userId || r.mentions.some((m) => m.userId === userId) || replies.some((x) => x.isMine || x.mentionsMe),
        };
      });
    return { version: target, threads };
  }

  async function asCommenter(userId: string, draftId: string) {
    const found = await asReader(userId, draftId);
    if (found.seat.role === "OBSERVER") throw forbidden("Observers read drafts but do not comment.");
    if (!isOpen(found.draft.status)) throw new AppError("PRECONDITION_FAILED", "An adopted or withdrawn draft takes no more comments.");
    return found;
  }

  async function mentionAndPublish(options: {
    draft: { id: string; partnershipId: string; title: string; bodyId: string };
    userId: string;
    commentId: string;
    mentioned: Array<{ userId: string }>;
  }) {
    const { draft, userId, commentId, mentioned } = options;
    changed(draft.id, userId, ["comments"], { commentId });
    const author = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    const comment = await db.draftComment.findUniqueOrThrow({ where: { id: commentId }, select: { body: true } });
    await notifications.notify(
      mentioned.map((m) => m.userId).filter((id) => id !== userId),
      "draft.mentioned",
      { partnershipId: draft.partnershipId, draftId: draft.id, draftTitle: draft.title, byName: author.name, excerpt: comment.body.slice(0, 140) },
    );
  }

  async function addComment({ userId, input }: { userId: string; input: AddCommentInput }) {
    const { draft, body, member } = await asCommenter(userId, input.draftId);
    let anchor: { quote: string; prefix: string; suffix: string; start: number; end: number } | null = null;
    if (input.anchor && !input.moduleKey) throw new AppError("BAD_REQUEST", "A passage belongs to a module.", { fieldErrors: { moduleKey: ["Choose the module."] } });
    if (input.moduleKey) {
      const version = input.anchor?.version ?? draft.currentVersion;
      if (version > draft.currentVersion) throw new AppError("BAD_REQUEST", "That version does not exist.");
      const snapshot = await snapshotOf(draft, version);
      // A comment on a whole module may also name one that so far exists only in the working copy.
      const module =
        snapshot.modules.find((m) => m.key === input.moduleKey) ??
        (input.anchor || version === 0 ? undefined : (await workingModules(db, draft.id)).find((m) => m.key === input.moduleKey));
      if (!module) throw new AppError("BAD_REQUEST", "That module is not in this draft.", { fieldErrors: { moduleKey: ["Unknown module."] } });
      if (input.anchor) {
        const checked = makeAnchor(plainText(module.objectives), input.anchor.start, input.anchor.end, input.anchor.quote);
        if (!checked.ok) throw new AppError("BAD_REQUEST", checked.message, { fieldErrors: { anchor: [checked.message] } });
        anchor = checked.anchor;
      }
    }
    const mentioned = findMentions(input.body, await bodyPeople(body.id));
    const comment = await db.$transaction(async (tx) => {
      const c = await tx.draftComment.create({
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
      if (mentioned.length) await tx.draftMention.createMany({ data: mentioned.map((m) => ({ commentId: c.id, userId: m.userId })) });
      await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.commented", subjectType: "DraftComment", subjectId: c.id, data: { draftId: draft.id } });
      return c;
    });
    await mentionAndPublish({ draft, userId, commentId: comment.id, mentioned });
    return { id: comment.id };
  }

  async function findComment(commentId: string) {
    const comment = await db.draftComment.findUnique({ where: { id: commentId }, select: { id: true, draftId: true, parentId: true, authorUserId: true, resolved: true } });
    if (!comment) throw notFound("Comment");
    return comment;
  }

  async function reply({ userId, commentId, body: text }: { userId: string; commentId: string; body: string }) {
    const parent = await findComment(commentId);
    const { draft, body, member } = await asCommenter(userId, parent.draftId);
    const rootId = parent.parentId ?? parent.id;
    const mentioned = findMentions(text, await bodyPeople(body.id));
    const created = await db.$transaction(async (tx) => {
      const c = await tx.draftComment.create({ data: { draftId: draft.id, parentId: rootId, authorUserId: userId, authorMembershipId: member.membershipId, body: text } });
      if (mentioned.length) await tx.draftMention.createMany({ data: mentioned.map((m) => ({ commentId: c.id, userId: m.userId })) });
      await recordAudit(tx, { partnershipId: draft.partnershipId, actorId: userId, action: "draft.replied", subjectType: "DraftComment", subjectId: c.id, data: { draftId: draft.id, parentId: rootId } });
      return c;
    });
    await mentionAndPublish({ draft, userId, commentId: created.id, mentioned });
    return { id: created.id };
  }

  async function resolve({ userId, commentId, resolved }: { userId: string; commentId: string; resolved: boolean }) {
    const comment = await findComment(commentId);
    const { draft, body, member, seat } = await asReader(userId, comment.draftId);
    if (comment.parentId) throw new AppError("BAD_REQUEST", "Resolve the thread, not a reply.");
    if (comment.authorUserId !== userId && !(await isEditor(body.id, member.membershipId, seat))) {
      throw forbidden("Only the comment's author or an editor resolves or reopens it.");
    }
    if (!isOpen(draft.status)) throw new AppError("PRECONDITION_FAILED", "An adopted or withdrawn draft is read-only.");
    await db.$transaction(async (tx) => {
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
    });
    changed(draft.id, userId, ["comments"], { commentId });
    return { id: commentId, resolved };
  }

  // ─── body settings: editors, worker sign-off group and rule ───────────────

  async function getSettings({ userId, bodyId }: { userId: string; bodyId: string }) {
    const { body } = await access.requireBodySeat(userId, bodyId);
    const [settings, editors, reviewers, people] = await Promise.all([
      settingsOf(db, body.id),
      db.draftEditor.findMany({ where: { bodyId }, select: { membershipId: true } }),
      db.draftReviewer.findMany({ where: { bodyId }, select: { membershipId: true } }),
      bodyPeople(bodyId),
    ]);
    let canManage = true;
    try {
      await access.requireBodyManager(userId, bodyId);
    } catch {
      canManage = false;
    }
    return {
      bodyId,
      bodyName: body.name,
      ...settings,
      editorMembershipIds: editors.map((e) => e.membershipId),
      reviewerMembershipIds: reviewers.map((r) => r.membershipId),
      people: people.map((p) => ({ membershipId: p.membershipId, name: p.name, side: p.side, role: p.role })),
      canManage,
    };
  }

  /**
   * Replaces the body's editors, worker sign-off group and rule. Open drafts in review are re-checked
   * against the new group in the same transaction (signed off ⇄ in review).
   */
  async function setSettings({ userId, input }: { userId: string; input: DraftSettingsInput }) {
    const { body } = await access.requireBodyManager(userId, input.bodyId);
    const people = await bodyPeople(body.id);
    const seated = new Map(people.map((p) => [p.membershipId, p]));
    const badEditors = input.editorMembershipIds.filter((id) => !seated.has(id) || seated.get(id)!.role === "OBSERVER");
    if (badEditors.length) throw new AppError("BAD_REQUEST", "Editors must be members of the committee (not observers).", { fieldErrors: { editorMembershipIds: ["Choose members of the committee."] } });
    const badReviewers = input.reviewerMembershipIds.filter((id) => seated.get(id)?.side !== "LABOR");
    if (badReviewers.length) {
      throw new AppError("BAD_REQUEST", "The worker sign-off group takes labor-side members of the committee only.", {
        fieldErrors: { reviewerMembershipIds: ["Choose labor-side members of the committee."] },
      });
    }
    const touched = await db.$transaction(async (tx) => {
      await tx.draftEditor.deleteMany({ where: { bodyId: body.id } });
      await tx.draftReviewer.deleteMany({ where: { bodyId: body.id } });
      const editors = [...new Set(input.editorMembershipIds)];
      const reviewers = [...new Set(input.reviewerMembershipIds)];
      if (editors.length) await tx.draftEditor.createMany({ data: editors.map((membershipId) => ({ bodyId: body.id, membershipId })) });
      if (reviewers.length) await tx.draftReviewer.createMany({ data: reviewers.map((membershipId) => ({ bodyId: body.id, membershipId })) });
      await tx.draftSettings.upsert({
        where: { bodyId: body.id },
        create: { bodyId: body.id, partnershipId: body.partnershipId, rule: input.rule, minimum: input.minimum },
        update: { rule: input.rule, minimum: input.minimum },
      });
      const inReview = await tx.draft.findMany({ where: { bodyId: body.id, status: { in: ["IN_REVIEW", "SIGNED_OFF"] } }, select: { id: true, status: true, currentVersion: true } });
      const moved: string[] = [];
      for (const d of inReview) {
        const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId: d.id, number: d.currentVersion } }, select: { id: true } });
        const state = await ruleState(tx, body.id, version.id);
        const next = state.met ? "SIGNED_OFF" : "IN_REVIEW";
        if (next !== d.status) {
          await tx.draft.update({ where: { id: d.id }, data: { status: next } });
          moved.push(d.id);
        }
      }
      await recordAudit(tx, {
        partnershipId: body.partnershipId,
        actorId: userId,
        action: "draft.settingsChanged",
        subjectType: "Body",
        subjectId: body.id,
        data: { editors, reviewers, rule: input.rule, minimum: input.minimum },
      });
      return inReview.map((d) => ({ id: d.id, moved: moved.includes(d.id) }));
    });
    for (const d of touched) changed(d.id, userId, d.moved ? ["settings", "status"] : ["settings"]);
    if (touched.some((d) => d.moved)) listChanged(body.partnershipId);
    return { bodyId: body.id };
  }

  return {
    list,
    get,
    getVersion,
    compare,
    create,
    save,
    withdraw,
    signOff,
    adopt,
    listComments,
    addComment,
    reply,
    resolve,
    getSettings,
    setSettings,
  };
}
