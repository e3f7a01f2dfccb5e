// What the supportive-services use cases share: their dependencies, input checks that need the
// configuration, the guard for managers, and the pieces every change runs inside its transaction
// (history row, trainee-access lock, who hears of a request, the requester's notification).
import type { Access } from "../../access/access.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, forbidden } from "../../errors.js";
import { partnershipRoom, userRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { canManageServices, NO_TRAINEE_ACCESS } from "./services.policy.js";
import { checkMaximum, checkNeededBy, REQUEST_STATUSES, SERVICE_CATEGORIES, type RequestStatus, type ServiceCategory } from "./services.rules.js";

/** What most use cases need: the database, the permission layer and the outbox (through `inTransaction`). */
export type ServicesDeps = Pick<AppDeps, "db" | "access" | "outbox">;
/** …and the configured limits, for the use cases that check amounts or files. */
export type ServicesLimitsDeps = ServicesDeps & { config: Pick<Config, "MAX_REQUEST_CENTS" | "MAX_ATTACHMENT_BYTES"> };
/** One use case's argument: who asks, and what (already parsed by zod). */
export type Call<I> = { userId: string; input: I };

export const DEFAULT_TARGET_DAYS = 5;
export const MAX_ATTACHMENTS_PER_REQUEST = 20;

export const fieldError = (code: "BAD_REQUEST" | "PRECONDITION_FAILED", field: string, message: string) =>
  new AppError(code, message, { fieldErrors: { [field]: [message] } });

export function checkAmount(cents: number, maxCents: number, field = "amount") {
  const max = checkMaximum(cents, maxCents);
  if (!max.ok) throw fieldError("BAD_REQUEST", field, max.message);
}

export function checkDate(neededBy: Date) {
  const ok = checkNeededBy(neededBy, new Date());
  if (!ok.ok) throw fieldError("BAD_REQUEST", "neededBy", ok.message);
}

export async function targetDays(db: Db | Tx, partnershipId: string) {
  const settings = await db.serviceSettings.findUnique({ where: { partnershipId }, select: { targetDays: true } });
  return settings?.targetDays ?? DEFAULT_TARGET_DAYS;
}

export async function requireManager(access: Access, userId: string, partnershipId: string) {
  const actor = await access.requireServicesActor(userId, partnershipId);
  if (!canManageServices(actor)) throw forbidden("Only the partnership's co-chairs and staff can do that.");
  return actor;
}

/**
 * Inside a change for a trainee (request, submit, answer, edit, attach): the requesting organization
 * must own the trainee or hold the owner's grant now. The grant's row stays share-locked until commit,
 * so a revocation (which deletes it) waits for this change or comes first and makes it fail: a step
 * never commits after the owner's decision. Lock the grant before the request's row (one order for all).
 */
export async function requireTraineeAccess(tx: Tx, { traineeId, organizationId }: { traineeId: string; organizationId: string }) {
  const owner = await tx.trainee.findUnique({ where: { id: traineeId }, select: { organizationId: true } });
  if (owner?.organizationId === organizationId) return;
  const grant = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "TraineeAccessGrant" WHERE "traineeId" = ${traineeId} AND "organizationId" = ${organizationId} FOR SHARE`;
  if (!grant.length) throw forbidden(NO_TRAINEE_ACCESS);
}

export type HistoryEntry = { kind: string; from: RequestStatus | null; to: RequestStatus; actorId: string; note?: string; amountCents?: number | null };

export async function recordRequestEvent(tx: Tx, requestId: string, entry: HistoryEntry) {
  await tx.requestEvent.create({
    data: { requestId, kind: entry.kind, fromStatus: entry.from, toStatus: entry.to, actorId: entry.actorId, note: entry.note ?? "", amountCents: entry.amountCents ?? null },
  });
}

export async function logTraineeRead(db: Db | Tx, entry: { traineeId: string; userId: string; reason: string; requestId?: string }) {
  await db.traineeAccessLog.create({ data: { traineeId: entry.traineeId, userId: entry.userId, reason: entry.reason, requestId: entry.requestId ?? null } });
}

type RequestRef = { id: string; partnershipId: string; organizationId: string; traineeId: string; status: string };

/** User ids allowed to see a request: its organization, the trainee's organization, and (once sent for review) the reviewers. */
async function requestAudience(tx: Tx, request: RequestRef) {
  const trainee = await tx.trainee.findUniqueOrThrow({ where: { id: request.traineeId }, select: { organizationId: true } });
  const rows = await tx.membership.findMany({
    where: {
      partnershipId: request.partnershipId,
      OR: [
        { organizationId: { in: [request.organizationId, trainee.organizationId] } },
        ...(request.status === "DRAFT" ? [] : [{ serviceReviewer: { isNot: null } }]),
      ],
    },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * After commit, the request's audience (computed now, inside the transaction) refetches it, and unless
 * told otherwise every member's totals refresh. Payloads carry ids and the status, never a trainee.
 */
export async function announceRequest(tx: Tx, effects: Effects, request: RequestRef, options: { totals?: boolean } = {}) {
  const payload = { partnershipId: request.partnershipId, requestId: request.id, status: request.status as RequestStatus };
  for (const userId of await requestAudience(tx, request)) effects.publish(userRoom(userId), "serviceRequest:changed", payload);
  if (options.totals !== false) announceTotals(effects, request.partnershipId);
}

export function announceTotals(effects: Effects, partnershipId: string) {
  effects.publish(partnershipRoom(partnershipId), "services:totalsChanged", { partnershipId });
}

type ReviewedRequest = { id: string; partnershipId: string; organizationId: string; category: string };

/**
 * The users who review the partnership's requests (of one side, if given), but the requesting
 * organization's reviewers (who never review their own organization's requests) and `except`.
 */
async function reviewerUserIds(tx: Tx, request: ReviewedRequest, { except, side }: { except: string; side?: "LABOR" | "MANAGEMENT" }): Promise<string[]> {
  const reviewers = await tx.serviceReviewer.findMany({
    where: { partnershipId: request.partnershipId, membership: { organizationId: { not: request.organizationId }, ...(side ? { organization: { side } } : {}) } },
    select: { membership: { select: { userId: true } } },
  });
  return reviewers.map((r) => r.membership.userId).filter((id) => id !== except);
}

/**
 * Tells the partnership's reviewers that a request is new in their queue: its category only. Reviewers of
 * the requesting organization are left out (they never review their own organization's requests).
 */
export async function notifyReviewers(tx: Tx, effects: Effects, request: ReviewedRequest, actorId: string) {
  effects.notify(
    await reviewerUserIds(tx, request, { except: actorId }),
    "serviceRequest.submitted",
    { partnershipId: request.partnershipId, requestId: request.id, category: SERVICE_CATEGORIES[request.category as ServiceCategory], categoryCode: request.category },
  );
}

/**
 * Above its fund's threshold a reviewer of each side approves: when one side's reviewer has, tells the
 * other side's reviewers (but those of the requesting organization, and the approver) that the request
 * waits for them, with the amount to approve. The category and the amount only, never the trainee.
 */
export async function notifyOtherSideReviewers(
  tx: Tx,
  effects: Effects,
  request: ReviewedRequest,
  approval: { side: "LABOR" | "MANAGEMENT"; amountCents: number; byUserId: string },
) {
  const [reviewers, by] = await Promise.all([
    reviewerUserIds(tx, request, { except: approval.byUserId, side: approval.side === "LABOR" ? "MANAGEMENT" : "LABOR" }),
    tx.user.findUniqueOrThrow({ where: { id: approval.byUserId }, select: { name: true } }),
  ]);
  effects.notify(
    reviewers,
    "serviceRequest.awaitingSide",
    {
      partnershipId: request.partnershipId,
      requestId: request.id,
      category: SERVICE_CATEGORIES[request.category as ServiceCategory],
      categoryCode: request.category,
      amountCents: approval.amountCents,
      byName: by.name,
    },
  );
}

/** Tells the member who created the request (if still in its organization) of its new status: category and status only. */
export async function notifyRequester(
  tx: Tx,
  effects: Effects,
  request: { id: string; partnershipId: string; organizationId: string; createdById: string; category: string; status: string },
) {
  const still = await tx.membership.findFirst({
    where: { partnershipId: request.partnershipId, organizationId: request.organizationId, userId: request.createdById },
    select: { userId: true },
  });
  if (!still) return;
  effects.notify([still.userId], "serviceRequest.updated", {
    partnershipId: request.partnershipId,
    requestId: request.id,
    category: SERVICE_CATEGORIES[request.category as ServiceCategory],
    statusLabel: REQUEST_STATUSES[request.status as RequestStatus],
    categoryCode: request.category,
    status: request.status,
  });
}
