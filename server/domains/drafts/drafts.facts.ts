// What the drafts use cases load before they decide, shared by the seams: the draft with the asker's
// seat (the permission layer's answer), the body's editors, worker sign-off group and rule, the people
// of a body, working copies and version snapshots, and the socket events every change sends. Each
// loader takes the client to read with, so a use case can read inside its transaction.
import type { Db, Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { forbidden, notFound } from "../../errors.js";
import { draftRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import type { DraftPart } from "./drafts.events.js";
import { mayEditDrafts } from "./drafts.policy.js";
import { signOffState, type DraftSnapshot, type ModuleSnapshot } from "./drafts.rules.js";
import type { DraftStatus, ProgramKind, SignOffDecision, SignOffRule } from "./drafts.schema.js";

/** What the drafts use cases that write need; reads need only `db` and `access`. */
export type DraftsDeps = Pick<AppDeps, "db" | "access" | "outbox">;
export type DraftsReadDeps = Pick<AppDeps, "db" | "access">;

export const OPEN_STATUSES: DraftStatus[] = ["DRAFTING", "IN_REVIEW", "SIGNED_OFF"];

// ─── the draft and the asker ────────────────────────────────────────────────

export async function findDraft(client: Db | Tx, draftId: string) {
  const draft = await client.draft.findUnique({ where: { id: draftId } });
  if (!draft) throw notFound("Draft");
  return { ...draft, status: draft.status as DraftStatus, programKind: draft.programKind as ProgramKind };
}

/** The draft and the asker's seat on its body (NOT_FOUND for anyone not seated there). */
export async function requireDraftReader(deps: DraftsReadDeps, userId: string, draftId: string) {
  const found = await deps.access.requireDraftSeat(userId, draftId);
  return { ...found, draft: await findDraft(deps.db, draftId) };
}

/** As `requireDraftReader`, for someone who edits the body's drafts (else FORBIDDEN). */
export async function requireDraftEditor(deps: DraftsReadDeps, userId: string, draftId: string) {
  const found = await requireDraftReader(deps, userId, draftId);
  if (!mayEditDrafts(found.seat, await isEditor(deps.db, found.body.id, found.member.membershipId))) {
    throw forbidden("Only the committee's editors and co-chairs edit its drafts.");
  }
  return found;
}

// ─── the body's editors, sign-off group and rule ────────────────────────────

/** Marked as an editor of the body's drafts (co-chairs edit without being marked: see the policy). */
export async function isEditor(client: Db | Tx, bodyId: string, membershipId: string) {
  return Boolean(await client.draftEditor.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } } }));
}

export async function isReviewer(client: Db | Tx, bodyId: string, membershipId: string) {
  return Boolean(await client.draftReviewer.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } } }));
}

export async function settingsOf(client: Db | Tx, bodyId: string) {
  const s = await client.draftSettings.findUnique({ where: { bodyId } });
  return { rule: (s?.rule ?? "ALL") as SignOffRule, minimum: s?.minimum ?? 1 };
}

/** The sign-off rule's state for one version (no version: nothing signed). */
export async function ruleState(client: Db | Tx, bodyId: string, versionId: string | null) {
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

// ─── people ─────────────────────────────────────────────────────────────────

export type Side = "LABOR" | "MANAGEMENT" | "NEUTRAL";

export async function peopleByMembership(client: Db | Tx, ids: string[]) {
  const rows = await client.membership.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, userId: true, user: { select: { name: true } }, organization: { select: { side: true, name: true } } },
  });
  return new Map(
    rows.map((r) => [r.id, { membershipId: r.id, userId: r.userId, name: r.user.name, side: r.organization.side as Side, organizationName: r.organization.name }]),
  );
}

/** Everyone seated on the body, by name. */
export async function bodyPeople(client: Db | Tx, bodyId: string) {
  const seats = await client.bodySeat.findMany({
    where: { bodyId },
    select: { membershipId: true, role: true, coChairSide: true, membership: { select: { userId: true, user: { select: { name: true } }, organization: { select: { side: true } } } } },
  });
  return seats
    .map((s) => ({
      membershipId: s.membershipId,
      userId: s.membership.userId,
      name: s.membership.user.name,
      side: s.membership.organization.side as Side,
      role: s.role,
      coChairSide: s.coChairSide as "LABOR" | "MANAGEMENT" | null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The body's co-chairs and editors other than `exceptUserId`: who hears about sign-off decisions. */
export async function draftKeepers(client: Db | Tx, bodyId: string, exceptUserId: string) {
  const [people, editors] = await Promise.all([
    bodyPeople(client, bodyId),
    client.draftEditor.findMany({ where: { bodyId }, select: { membershipId: true } }),
  ]);
  const editorIds = new Set(editors.map((e) => e.membershipId));
  return people.filter((p) => (p.role === "CO_CHAIR" || editorIds.has(p.membershipId)) && p.userId !== exceptUserId).map((p) => p.userId);
}

export async function userName(client: Db | Tx, userId: string) {
  return (await client.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } })).name;
}

// ─── working copy and versions ──────────────────────────────────────────────

const MODULE_SELECT = {
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

export function workingSnapshot(draft: { title: string; occupation: string; programKind: string }, modules: ModuleSnapshot[]): DraftSnapshot {
  return { title: draft.title, occupation: draft.occupation, programKind: draft.programKind as ProgramKind, modules };
}

export async function workingModules(client: Db | Tx, draftId: string): Promise<ModuleSnapshot[]> {
  return client.draftModule.findMany({ where: { draftId }, orderBy: { position: "asc" }, select: MODULE_SELECT });
}

/** The snapshot of version `number`, or of the working copy for 0. */
export async function snapshotOf(
  client: Db | Tx,
  draft: { id: string; title: string; occupation: string; programKind: string },
  number: number,
): Promise<DraftSnapshot> {
  if (number === 0) return workingSnapshot(draft, await workingModules(client, draft.id));
  const version = await client.draftVersion.findUnique({ where: { draftId_number: { draftId: draft.id, number } } });
  if (!version) throw notFound("Version");
  return version.snapshot as unknown as DraftSnapshot;
}

// ─── events ─────────────────────────────────────────────────────────────────

/** Tells the draft's room which parts changed (sent after commit); viewers refetch what they may see. */
export function draftChanged(effects: Effects, draftId: string, by: string, parts: DraftPart[], extra: { version?: number; commentId?: string } = {}) {
  effects.publish(draftRoom(draftId), "draft:changed", { draftId, parts, by, ...extra });
}

/** Tells the partnership's lists that a draft appeared or changed status. */
export function draftsListChanged(effects: Effects, partnershipId: string) {
  effects.publish(partnershipRoom(partnershipId), "drafts:changed", { partnershipId });
}
