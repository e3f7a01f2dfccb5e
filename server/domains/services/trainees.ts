// Trainees: personal data recorded by a CBO, which alone changes it and decides, case by case, which
// other CBO may see it (and request for the trainee). The owner reads who saw the record (reviewers'
// reads) and every change of who may see it, in the append-only access log.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { canRecordTrainees } from "./services.policy.js";
import type { RequestStatus, ServiceCategory } from "./services.rules.js";
import type { CreateTraineeInput, UpdateTraineeInput } from "./services.schema.js";
import { announceRequest, announceTotals, fieldError, logTraineeRead, type Call, type ServicesDeps } from "./services.shared.js";

type GrantInput = { traineeId: string; organizationId: string };

export async function createTrainee(deps: ServicesDeps, { userId, input }: Call<CreateTraineeInput>) {
  const actor = await deps.access.requireServicesActor(userId, input.partnershipId);
  if (!canRecordTrainees(actor)) throw forbidden("Only members of a community-based organization record trainees.");
  const { partnershipId, ...fields } = input;
  return inTransaction(deps, async (tx, effects) => {
    const created = await tx.trainee.create({ data: { ...fields, partnershipId, organizationId: actor.organization.id, createdById: userId }, select: { id: true } });
    // The audit log is visible to partnership managers: no personal data in it.
    await recordAudit(tx, { partnershipId, actorId: userId, action: "trainee.created", subjectType: "Trainee", subjectId: created.id });
    announceTotals(effects, partnershipId);
    return created;
  });
}

/** Replaces the whole record (as the form sends it), by the owning organization only. */
export async function updateTrainee(deps: ServicesDeps, { userId, input }: Call<UpdateTraineeInput>) {
  const { trainee, via } = await deps.access.requireTrainee(userId, input.traineeId);
  if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can change their record.");
  const { traineeId, ...fields } = input;
  return inTransaction(deps, async (tx) => {
    // The owner never changes (no use case moves a trainee), so the check above still holds.
    await tx.trainee.update({ where: { id: traineeId }, data: fields });
    await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.updated", subjectType: "Trainee", subjectId: traineeId });
    return { id: traineeId };
  });
}

/** A trainee's record as the asker may see it; a reviewer's read is logged, and only the owner sees the log. */
export async function getTrainee(deps: ServicesDeps, { userId, input }: Call<{ traineeId: string }>) {
  const { db } = deps;
  const { traineeId } = input;
  const { actor, trainee, via } = await deps.access.requireTrainee(userId, traineeId);
  if (via === "REVIEWER") await logTraineeRead(db, { traineeId, userId, reason: "Viewed the trainee's record while reviewing requests" });
  const isOwner = via === "OWNER";
  const [organization, requests, grants, logs, grantable] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: trainee.organizationId }, select: { name: true } }),
    db.serviceRequest.findMany({
      where: { AND: [{ traineeId }, actor.visibleRequests] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, category: true, status: true, requestedCents: true, approvedCents: true, neededBy: true, submittedAt: true },
    }),
    isOwner
      ? db.traineeAccessGrant.findMany({ where: { traineeId }, orderBy: { createdAt: "asc" }, select: { organizationId: true, createdAt: true, organization: { select: { name: true } } } })
      : Promise.resolve([]),
    isOwner ? db.traineeAccessLog.findMany({ where: { traineeId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 }) : Promise.resolve([]),
    isOwner
      ? db.organization.findMany({ where: { partnershipId: trainee.partnershipId, type: "CBO", id: { not: trainee.organizationId } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const readers = await db.user.findMany({ where: { id: { in: [...new Set(logs.map((l) => l.userId))] } }, select: { id: true, name: true } });
  // Self-reported answers are the owner's and the reviewers' only: a CBO the record is shared with sees the rest.
  const { raceEthnicity, sex, veteranStatus, disabilityStatus, ageBand, ...identity } = trainee;
  return {
    trainee: { ...identity, organizationName: organization.name },
    demographics: via === "GRANTED" ? null : { raceEthnicity, sex, veteranStatus, disabilityStatus, ageBand },
    via,
    canEdit: isOwner,
    requests: requests.map((r) => ({ ...r, category: r.category as ServiceCategory, status: r.status as RequestStatus })),
    grants: grants.map((g) => ({ organizationId: g.organizationId, organizationName: g.organization.name, createdAt: g.createdAt })),
    grantable,
    accessLog: groupReads(logs).map((l) => ({
      id: l.id,
      reader: readers.find((u) => u.id === l.userId)?.name ?? "Former member",
      reason: l.reason,
      requestId: l.requestId,
      at: l.createdAt,
      times: l.times,
    })),
  };
}

/** The owner shares the record with another CBO of the partnership, which may then see and request for the trainee. */
export async function grantTraineeAccess(deps: ServicesDeps, { userId, input }: Call<GrantInput>) {
  const { traineeId, organizationId } = input;
  const { trainee, via } = await deps.access.requireTrainee(userId, traineeId);
  if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can share their record.");
  const org = await deps.db.organization.findFirst({ where: { id: organizationId, partnershipId: trainee.partnershipId }, select: { type: true, id: true, name: true } });
  if (!org) throw fieldError("BAD_REQUEST", "organizationId", "Choose an organization of this partnership.");
  if (org.type !== "CBO") throw fieldError("BAD_REQUEST", "organizationId", "Access can be shared only with another community-based organization.");
  if (org.id === trainee.organizationId) throw fieldError("BAD_REQUEST", "organizationId", "Your organization already owns this record.");
  return inTransaction(deps, async (tx, effects) => {
    // The composite foreign key keeps the grantee in the trainee's partnership; the unique key, one grant per organization.
    await tx.traineeAccessGrant.create({ data: { partnershipId: trainee.partnershipId, traineeId, organizationId, grantedById: userId } });
    await tx.traineeAccessLog.create({ data: { traineeId, userId, reason: `Shared the record with ${org.name}` } });
    await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.accessGranted", subjectType: "Trainee", subjectId: traineeId, data: { organizationId } });
    await announceAffectedRequests(tx, effects, { traineeId, organizationId });
    return { traineeId, organizationId };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "That organization already has access.");
    throw error;
  });
}

/**
 * The owner stops sharing: from the commit on, the other CBO sees neither the trainee nor their name or
 * contact on the requests it made for them (it keeps their amounts and status), and can no longer
 * submit, answer or attach for them. A step of that CBO running at the same moment holds the grant's
 * row (`requireTraineeAccess`), so the deletion waits for it: nothing of theirs commits after this.
 */
export async function revokeTraineeAccess(deps: ServicesDeps, { userId, input }: Call<GrantInput>) {
  const { traineeId, organizationId } = input;
  const { trainee, via } = await deps.access.requireTrainee(userId, traineeId);
  if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can change who sees their record.");
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.traineeAccessGrant.deleteMany({ where: { traineeId, organizationId } });
    if (count === 0) throw notFound("Access grant");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
    await tx.traineeAccessLog.create({ data: { traineeId, userId, reason: `Stopped sharing the record with ${org.name}` } });
    await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.accessRevoked", subjectType: "Trainee", subjectId: traineeId, data: { organizationId } });
    await announceAffectedRequests(tx, effects, { traineeId, organizationId });
    return { traineeId, organizationId };
  });
}

/** The pages of the requests that organization made for the trainee refetch (and show or hide the trainee). */
async function announceAffectedRequests(tx: Tx, effects: Effects, where: GrantInput) {
  const requests = await tx.serviceRequest.findMany({ where, select: { id: true, partnershipId: true, organizationId: true, traineeId: true, status: true } });
  for (const request of requests) await announceRequest(tx, effects, request, { totals: false });
}

/**
 * Consecutive entries (newest first) by the same person, for the same reason, within half an hour of
 * each other, shown as one line with a count: a reviewer's page refetches on every live change. The
 * log itself keeps every read.
 */
function groupReads<T extends { userId: string; reason: string; requestId: string | null; createdAt: Date }>(logs: T[]) {
  const grouped: Array<T & { times: number }> = [];
  for (const log of logs) {
    const last = grouped.at(-1);
    if (last && last.userId === log.userId && last.reason === log.reason && last.requestId === log.requestId && last.createdAt.getTime() - log.createdAt.getTime() < 30 * 60_000) {
      last.times += 1;
      continue;
    }
    grouped.push({ ...log, times: 1 });
  }
  return grouped;
}
