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
import { AppError } from "../../errors.js";
import { lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import { bodyPeople, draftChanged, draftsListChanged, OPEN_STATUSES, ruleState, settingsOf } from "./drafts.facts.js";
import type { DraftPart } from "./drafts.events.js";
import type { SignOffRule } from "./drafts.schema.js";

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
