// Reading curriculum drafts: the list of a partnership's drafts (only bodies the viewer sits on), one
// draft with its versions, sign-offs, review state and what the viewer may do (the `viewer.can*` flags
// come from drafts.policy.ts, as the use cases' guards do), one version (also what the print view
// shows), and the comparison of two versions. Motions that adopt a draft's version are the voting
// domain's rows, read here and never written.
import type { SeatFacts } from "../../access/access.rules.js";
import type { Db } from "../../db.js";
import { notFound } from "../../errors.js";
import {
  bodyPeople,
  isEditor,
  isReviewer,
  peopleByMembership,
  requireDraftReader,
  ruleState,
  settingsOf,
  snapshotOf,
  workingModules,
  type DraftsReadDeps,
} from "./drafts.facts.js";
import { canComment, canEdit, canMoveAdoption, canProposeAdoption, canRecordRegistration, canSignOff, mayEditDrafts } from "./drafts.policy.js";
import { compareSnapshots, signOffState, totalHours, type DraftSnapshot } from "./drafts.rules.js";
import type { CompareInput, DraftIdInput, DraftStatus, ListDraftsInput, ProgramKind, RegistrationStatus, SignOffDecision, SignOffRule, VersionInput } from "./drafts.schema.js";

export async function listDrafts(deps: DraftsReadDeps, { userId, input }: { userId: string; input: ListDraftsInput }) {
  const { db } = deps;
  const { partnershipId } = input;
  const member = await deps.access.requireMember(userId, partnershipId);
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
      awaitingMySignOff: status === "IN_REVIEW" && group.includes(member.membershipId) && !decisions.some((x) => x.reviewerMembershipId === member.membershipId),
    };
  });
  const editorBodies = new Set(editorRows.map((e) => e.bodyId));
  const canCreateIn = seats
    .filter((s) => mayEditDrafts({ role: s.role as SeatFacts["role"] }, editorBodies.has(s.bodyId)))
    .map((s) => ({ id: s.bodyId, name: s.body.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { drafts: items, canCreateIn };
}

export async function getDraft(deps: DraftsReadDeps, { userId, input }: { userId: string; input: DraftIdInput }) {
  const { db } = deps;
  const { draft, body, member, seat } = await requireDraftReader(deps, userId, input.draftId);
  const draftId = draft.id;
  const [modules, versions, signOffs, adoption, people, settings, groupRows, editorRows, editor, reviewer, registration, motions] = await Promise.all([
    workingModules(db, draftId),
    db.draftVersion.findMany({
      where: { draftId },
      orderBy: { number: "desc" },
      select: { id: true, number: true, changeSummary: true, createdById: true, createdByName: true, createdAt: true },
    }),
    db.draftSignOff.findMany({ where: { draftId }, orderBy: { createdAt: "asc" } }),
    db.draftAdoption.findUnique({ where: { draftId } }),
    bodyPeople(db, body.id),
    settingsOf(db, body.id),
    db.draftReviewer.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
    db.draftEditor.findMany({ where: { bodyId: body.id }, select: { membershipId: true } }),
    isEditor(db, body.id, member.membershipId),
    isReviewer(db, body.id, member.membershipId),
    db.draftRegistration.findUnique({ where: { draftId } }),
    adoptionMotionsOf(db, draftId),
  ]);
  const current = versions.find((v) => v.number === draft.currentVersion) ?? null;
  const state = await ruleState(db, body.id, current?.id ?? null);
  const groupIds = groupRows.map((g) => g.membershipId);
  const names = await peopleByMembership(db, [...groupIds, ...editorRows.map((e) => e.membershipId)]);
  const currentSignOffs = current ? signOffs.filter((s) => s.versionId === current.id) : [];
  const myDecision = currentSignOffs.find((s) => s.reviewerMembershipId === member.membershipId) ?? null;
  const updatedBy = draft.updatedById ? (await db.user.findUnique({ where: { id: draft.updatedById }, select: { name: true } }))?.name ?? null : null;
  const versionNumberOf = new Map(versions.map((v) => [v.id, v.number]));
  const mayEdit = canEdit(seat, editor, draft);
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
      ? {
          versionNumber: adoption.versionNumber,
          adoptedByName: adoption.adoptedByName,
          createdAt: adoption.createdAt,
          motionId: adoption.motionId,
          jointChangeId: adoption.jointChangeId,
          /** The two co-chairs who agreed (a joint change), proposer first. */
          agreedBy: adoption.agreedBy,
        }
      : null,
    /** The registration agency's step (registered-apprenticeship standards, after adoption). */
    registration: registration
      ? {
          status: registration.status as RegistrationStatus,
          agency: registration.agency,
          agencyReference: registration.agencyReference,
          submittedOn: registration.submittedOn,
          decidedOn: registration.decidedOn,
          note: registration.note,
          updatedByName: registration.updatedByName,
          updatedAt: registration.updatedAt,
        }
      : null,
    /** Motions of the body that name a version of this draft for adoption (the latest first). */
    adoptionMotions: motions,
    /** Members of the body, for @mentions. */
    people: people.map((p) => ({ userId: p.userId, membershipId: p.membershipId, name: p.name, side: p.side })),
    viewer: {
      userId,
      membershipId: member.membershipId,
      side: member.side,
      canEdit: mayEdit,
      canComment: canComment(seat, draft),
      isReviewer: reviewer,
      canSignOff: canSignOff({ isReviewer: reviewer, hasDecided: myDecision !== null, draft }),
      myDecision: myDecision ? { decision: myDecision.decision as SignOffDecision, reason: myDecision.reason, createdAt: myDecision.createdAt } : null,
      /** Propose adopting the current version (a joint change: the other side's co-chair concurs); staff prepare. */
      canProposeAdoption: canProposeAdoption(seat, draft, state.met),
      /** Move a motion that adopts the current version when the body passes it (dual majority). */
      canMoveAdoption: canMoveAdoption(seat, draft, state.met) && !motions.some((m) => m.versionNumber === draft.currentVersion && OPEN_MOTION.has(m.status)),
      canRecordRegistration: canRecordRegistration(seat, draft),
      canWithdraw: mayEdit,
    },
  };
}

const OPEN_MOTION = new Set(["MOVED", "SECONDED", "OPEN"]);

/** Motions naming a version of the draft for adoption, with where each stands. */
async function adoptionMotionsOf(db: Db, draftId: string) {
  const motions = await db.motion.findMany({
    where: { adoptsDraftId: draftId },
    orderBy: { createdAt: "desc" },
    select: { id: true, text: true, status: true, outcome: true, adoptsDraftVersion: true, closedAt: true, createdAt: true },
  });
  return motions.map((m) => ({ id: m.id, text: m.text, status: m.status, outcome: m.outcome, versionNumber: m.adoptsDraftVersion!, closedAt: m.closedAt, createdAt: m.createdAt }));
}

export async function getDraftVersion(deps: DraftsReadDeps, { userId, input }: { userId: string; input: VersionInput }) {
  const { draft } = await requireDraftReader(deps, userId, input.draftId);
  const version = await deps.db.draftVersion.findUnique({
    where: { draftId_number: { draftId: draft.id, number: input.number } },
    include: { signOffs: { orderBy: { createdAt: "asc" } } },
  });
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

/** Two versions (0: the working copy) compared module by module and field by field. */
export async function compareVersions(deps: DraftsReadDeps, { userId, input }: { userId: string; input: CompareInput }) {
  const { draft } = await requireDraftReader(deps, userId, input.draftId);
  const [a, b] = await Promise.all([snapshotOf(deps.db, draft, input.from), snapshotOf(deps.db, draft, input.to)]);
  return { from: input.from, to: input.to, ...compareSnapshots(a, b) };
}
