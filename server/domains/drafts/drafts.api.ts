// What other domains may ask of drafts, inside their own transaction: a body's curriculum adoption rule
// and worker sign-off group, read and written (the joint domain applies a concurred change with these;
// drafts' own settings use case makes the same writes through them).
//
// A write takes the body's row lock first (one settings change at a time per body; a draft being
// created in the body waits for it), then the row lock of each open draft of the body in id order, and
// re-checks the drafts in review against the new group and rule: a sign-off, an adoption or a new
// version of those drafts is either committed before the re-check (and counted) or waits for it (and
// sees the new group and rule).
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import { bodyPeople, draftChanged, draftsListChanged, OPEN_STATUSES, ruleState, settingsOf } from "./drafts.facts.js";
import type { DraftPart } from "./drafts.events.js";
import { adoptionProblem } from "./drafts.policy.js";
import type { DraftStatus, SignOffRule } from "./drafts.schema.js";

type Client = Db | Tx;
type BodyRef = { id: string; partnershipId: string };
type By = { actorId: string; changeId: string | null };

export type AdoptionRule = { rule: SignOffRule; minimum: number };

export const NOT_LABOR = "The worker sign-off group takes labor-side members of the committee only.";
export const NOT_LABOR_FIELD = "Choose labor-side members of the committee.";
export const NOT_EDITOR = "Editors must be members of the committee (not observers).";

/** The rule a version's worker sign-off must meet before the version can be adopted: ALL, or AT_LEAST n. */
export async function readAdoptionRule(client: Client, bodyId: string): Promise<AdoptionRule> {
  return settingsOf(client, bodyId);
}

/** The worker sign-off group (labor-side members of the body), by name. */
export async function readSignOffGroup(client: Client, bodyId: string) {
  const [group, people] = await Promise.all([client.draftReviewer.findMany({ where: { bodyId }, select: { membershipId: true } }), bodyPeople(client, bodyId)]);
  const ids = new Set(group.map((g) => g.membershipId));
  return people.filter((p) => ids.has(p.membershipId)).map((p) => ({ membershipId: p.membershipId, name: p.name }));
}

/** Refuses a group with anyone but labor-side members seated on the body (read inside the transaction). */
export async function checkSignOffGroup(client: Client, bodyId: string, reviewerMembershipIds: string[]) {
  const seated = new Map((await bodyPeople(client, bodyId)).map((p) => [p.membershipId, p]));
  if (reviewerMembershipIds.some((id) => seated.get(id)?.side !== "LABOR")) {
    throw new AppError("BAD_REQUEST", NOT_LABOR, { fieldErrors: { reviewerMembershipIds: [NOT_LABOR_FIELD] } });
  }
}

/**
 * Replaces any of the body's editors, worker sign-off group and adoption rule (what is left out stays),
 * then re-checks its open drafts in review against the result (signed off ⇄ in review).
 */
export async function writeDraftSettings(
  tx: Tx,
  effects: Effects,
  { body, editors, reviewers, rule, ...by }: { body: BodyRef; editors?: string[]; reviewers?: string[]; rule?: AdoptionRule } & By,
) {
  await lockRow(tx, "Body", body.id);
  if (editors) {
    await tx.draftEditor.deleteMany({ where: { bodyId: body.id } });
    if (editors.length) await tx.draftEditor.createMany({ data: editors.map((membershipId) => ({ bodyId: body.id, membershipId })) });
  }
  if (reviewers) {
    await checkSignOffGroup(tx, body.id, reviewers);
    await tx.draftReviewer.deleteMany({ where: { bodyId: body.id } });
    if (reviewers.length) await tx.draftReviewer.createMany({ data: reviewers.map((membershipId) => ({ bodyId: body.id, membershipId })) });
  }
  if (rule) {
    if (rule.rule === "AT_LEAST") {
      const size = reviewers?.length ?? (await tx.draftReviewer.count({ where: { bodyId: body.id } }));
      if (rule.minimum > size) throw new AppError("PRECONDITION_FAILED", "The worker sign-off group has fewer members than that minimum.", { fieldErrors: { minimum: ["The group has fewer members than that."] } });
    }
    await tx.draftSettings.upsert({
      where: { bodyId: body.id },
      create: { bodyId: body.id, partnershipId: body.partnershipId, rule: rule.rule, minimum: rule.minimum },
      update: { rule: rule.rule, minimum: rule.minimum },
    });
  }
  const open = await tx.draft.findMany({ where: { bodyId: body.id, status: { in: OPEN_STATUSES } }, select: { id: true }, orderBy: { id: "asc" } });
  let listMoved = false;
  for (const { id } of open) {
    await lockRow(tx, "Draft", id);
    const d = await tx.draft.findUniqueOrThrow({ where: { id }, select: { status: true, currentVersion: true } });
    if (d.status !== "IN_REVIEW" && d.status !== "SIGNED_OFF") continue;
    const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId: id, number: d.currentVersion } }, select: { id: true } });
    const next = (await ruleState(tx, body.id, version.id)).met ? "SIGNED_OFF" : "IN_REVIEW";
    const parts: DraftPart[] = ["settings"];
    if (next !== d.status) {
      const { count } = await tx.draft.updateMany({ where: { id, status: d.status, currentVersion: d.currentVersion }, data: { status: next } });
      if (count) parts.push("status");
    }
    draftChanged(effects, id, by.actorId, parts);
    listMoved ||= parts.includes("status");
  }
  if (listMoved) draftsListChanged(effects, body.partnershipId);
  await recordAudit(tx, {
    partnershipId: body.partnershipId,
    actorId: by.actorId,
    action: "draft.settingsChanged",
    subjectType: "Body",
    subjectId: body.id,
    data: { editors, reviewers, ...(rule ?? {}), jointChangeId: by.changeId },
  });
}

// ─── adoption: by both co-chairs (joint) or by the body's vote (voting) ──────
// Adoption needs both sides. The joint domain applies a concurred DRAFT_ADOPTION change with
// `adoptDraftVersion`; the voting domain, closing a passed motion that names a version, calls
// `adoptByMotion` in the close's transaction. Both take the draft's row lock first (as sign-offs and
// saves do), so an adoption and a new version never both commit.

export type AdoptionState = { draftId: string; bodyId: string; partnershipId: string; title: string; status: DraftStatus; currentVersion: number; ruleMet: boolean };

/** The draft's standing for an adoption of one of its versions (the joint change's "before"); NOT_FOUND when there is no such draft. */
export async function readAdoptionState(client: Client, draftId: string): Promise<AdoptionState> {
  const draft = await client.draft.findUnique({ where: { id: draftId }, select: { id: true, bodyId: true, partnershipId: true, title: true, status: true, currentVersion: true } });
  if (!draft) throw notFound("Draft");
  const version = draft.currentVersion
    ? await client.draftVersion.findUnique({ where: { draftId_number: { draftId, number: draft.currentVersion } }, select: { id: true, snapshot: true } })
    : null;
  const ruleMet = version ? (await ruleState(client, draft.bodyId, version.id)).met : false;
  const title = version ? (version.snapshot as unknown as { title: string }).title : draft.title;
  return { draftId: draft.id, bodyId: draft.bodyId, partnershipId: draft.partnershipId, title, status: draft.status as DraftStatus, currentVersion: draft.currentVersion, ruleMet };
}

/**
 * Refuses (PRECONDITION_FAILED, or NOT_FOUND for a draft of another body) an adoption of
 * `versionNumber`, or a motion to adopt it, that could not happen now: the version must be the draft's
 * current one, signed off by the worker reviewers under the body's rule.
 */
export async function requireAdoptableVersion(client: Client, { draftId, versionNumber, bodyId }: { draftId: string; versionNumber: number; bodyId: string }) {
  const state = await readAdoptionState(client, draftId);
  if (state.bodyId !== bodyId) throw notFound("Draft");
  const problem = adoptionProblem(state, versionNumber);
  if (problem) throw new AppError("PRECONDITION_FAILED", problem);
  return state;
}

type AdoptedBy = { jointChangeId: string | null; agreedBy: string[] } | { motionId: string };

/** The adoption row and the status change, under the draft's lock (taken by the caller); audited, announced. */
async function writeAdoption(
  tx: Tx,
  effects: Effects,
  { draftId, versionNumber, actorId, adoptedById, adoptedByName, by }: { draftId: string; versionNumber: number; actorId: string | null; adoptedById: string; adoptedByName: string; by: AdoptedBy },
) {
  const version = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_number: { draftId, number: versionNumber } }, select: { id: true } });
  const draft = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { partnershipId: true } });
  const motionId = "motionId" in by ? by.motionId : null;
  const jointChangeId = "jointChangeId" in by ? by.jointChangeId : null;
  await tx.draftAdoption.create({
    data: { draftId, versionId: version.id, versionNumber, adoptedById, adoptedByName, motionId, jointChangeId, agreedBy: "agreedBy" in by ? by.agreedBy : [] },
  });
  const { count } = await tx.draft.updateMany({
    where: { id: draftId, status: "SIGNED_OFF", currentVersion: versionNumber },
    data: { status: "ADOPTED", adoptedAt: new Date(), ...(actorId ? { updatedById: actorId } : {}) },
  });
  if (count !== 1) throw new AppError("PRECONDITION_FAILED", "The draft changed meanwhile. Reload it.");
  await recordAudit(tx, { partnershipId: draft.partnershipId, actorId, action: "draft.adopted", subjectType: "Draft", subjectId: draftId, data: { version: versionNumber, motionId, jointChangeId } });
  draftChanged(effects, draftId, actorId ?? "", ["status"], { version: versionNumber });
  draftsListChanged(effects, draft.partnershipId);
}

/**
 * Adopts `versionNumber` because both co-chairs agreed (a concurred DRAFT_ADOPTION joint change), inside
 * the concurring transaction. Never by one side alone: a change applied without the other side's
 * co-chair (there is none yet) is refused, and the database checks at commit that the change is
 * applied, by the other side, for this very version.
 */
export async function adoptDraftVersion(
  tx: Tx,
  effects: Effects,
  { draftId, versionNumber, bodyId, actorId, changeId, agreedBy }: { draftId: string; versionNumber: number; bodyId: string; actorId: string; changeId: string | null; agreedBy: string[] },
) {
  if (!changeId || agreedBy.length < 2) {
    throw new AppError("PRECONDITION_FAILED", "Adoption needs both sides: the other side has no co-chair to concur yet. Move a motion to adopt the version instead.");
  }
  await lockRow(tx, "Draft", draftId);
  await requireAdoptableVersion(tx, { draftId, versionNumber, bodyId });
  const adoptedByName = (await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } })).name;
  await writeAdoption(tx, effects, { draftId, versionNumber, actorId, adoptedById: actorId, adoptedByName, by: { jointChangeId: changeId, agreedBy } });
  return { id: draftId, version: versionNumber };
}

/**
 * The body passed a motion naming version `versionNumber` of the draft: inside the close's transaction,
 * under the draft's row lock, the version is adopted if it still can be (still current, still signed
 * off, not yet adopted). A vote's result is never undone by the draft, so otherwise nothing is adopted
 * and the reason is answered (the motion's record says so).
 */
export async function adoptByMotion(
  tx: Tx,
  effects: Effects,
  { draftId, versionNumber, motionId, actorId, recordedById }: { draftId: string; versionNumber: number; motionId: string; actorId: string | null; recordedById: string },
): Promise<{ adopted: true } | { adopted: false; reason: string }> {
  await lockRow(tx, "Draft", draftId);
  const state = await readAdoptionState(tx, draftId);
  const problem = adoptionProblem(state, versionNumber);
  if (problem) return { adopted: false, reason: problem };
  const body = await tx.body.findUniqueOrThrow({ where: { id: state.bodyId }, select: { name: true } });
  await writeAdoption(tx, effects, { draftId, versionNumber, actorId, adoptedById: recordedById, adoptedByName: `${body.name} (by vote)`, by: { motionId } });
  return { adopted: true };
}

// ─── adopted curricula, for programs and enrollments (participants) ─────────
// A program runs an adopted version of a curriculum; what it reads is that version's frozen snapshot.
import type { ModuleSnapshot } from "./drafts.rules.js";
import type { ProgramKind as CurriculumKind } from "./drafts.schema.js";

export type AdoptedCurriculum = {
  versionId: string;
  draftId: string;
  number: number;
  title: string;
  occupation: string;
  programKind: CurriculumKind;
  adoptedAt: Date;
  modules: ModuleSnapshot[];
};

/** The partnership's adopted curriculum versions, newest first (modules included). */
export async function listAdoptedCurricula(client: Client, partnershipId: string): Promise<AdoptedCurriculum[]> {
  const adoptions = await client.draftAdoption.findMany({
    where: { draft: { partnershipId } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { versionId: true, draftId: true, versionNumber: true, createdAt: true, version: { select: { snapshot: true } } },
  });
  return adoptions.map((a) => {
    const snapshot = a.version.snapshot as unknown as { title: string; occupation: string; programKind: CurriculumKind; modules: ModuleSnapshot[] };
    return { versionId: a.versionId, draftId: a.draftId, number: a.versionNumber, title: snapshot.title, occupation: snapshot.occupation, programKind: snapshot.programKind, adoptedAt: a.createdAt, modules: snapshot.modules };
  });
}

/** One adopted version of the partnership's, or null when it is not adopted (or not the partnership's). */
export async function readAdoptedCurriculum(client: Client, partnershipId: string, versionId: string): Promise<AdoptedCurriculum | null> {
  const adoption = await client.draftAdoption.findFirst({
    where: { versionId, draft: { partnershipId } },
    select: { versionId: true, draftId: true, versionNumber: true, createdAt: true, version: { select: { snapshot: true } } },
  });
  if (!adoption) return null;
  const snapshot = adoption.version.snapshot as unknown as { title: string; occupation: string; programKind: CurriculumKind; modules: ModuleSnapshot[] };
  return {
    versionId: adoption.versionId,
    draftId: adoption.draftId,
    number: adoption.versionNumber,
    title: snapshot.title,
    occupation: snapshot.occupation,
    programKind: snapshot.programKind,
    adoptedAt: adoption.createdAt,
    modules: snapshot.modules,
  };
}
