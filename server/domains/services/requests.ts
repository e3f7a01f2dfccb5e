// The life of a supportive-service request: created (draft or at once submitted), edited while a draft,
// submitted, reviewed, answered, approved from a fund within its caps (above the fund's threshold, by a
// reviewer of each side), denied, fulfilled, cancelled.
// Every step re-reads the request in its transaction, checks the move with the pure rules, and moves it
// with a conditional update on the status it checked; history, audit and events commit with it.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden } from "../../errors.js";
import type { ServiceRequest } from "../../generated/prisma/client.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { canRecordTrainees, roleFor } from "./services.policy.js";
import {
  approvalStep,
  availableCents,
  capBreached,
  checkTransition,
  formatCents,
  FUNDED_STATUSES,
  yearRange,
  type ApprovalSide,
  type Cap,
  type RequestAction,
  type RequestStatus,
  type ServiceCategory,
} from "./services.rules.js";
import type { ApproveInput, CreateRequestInput, UpdateRequestInput } from "./services.schema.js";
import {
  announceRequest,
  checkAmount,
  checkDate,
  fieldError,
  notifyOtherSideReviewers,
  notifyRequester,
  notifyReviewers,
  recordRequestEvent,
  requireTraineeAccess,
  type Call,
  type ServicesDeps,
  type ServicesLimitsDeps,
} from "./services.shared.js";

type Limits = Pick<ServicesLimitsDeps["config"], "MAX_REQUEST_CENTS">;
type LimitsDeps = ServicesDeps & { config: Limits };

export async function createRequest(deps: LimitsDeps, { userId, input }: Call<CreateRequestInput>) {
  const actor = await deps.access.requireServicesActor(userId, input.partnershipId);
  if (!canRecordTrainees(actor)) throw forbidden("Only members of a community-based organization make supportive-service requests.");
  checkAmount(input.amount, deps.config.MAX_REQUEST_CENTS);
  checkDate(input.neededBy);
  const orgId = actor.member.organizationId;
  const trainee = await deps.db.trainee.findFirst({
    where: { id: input.traineeId, partnershipId: input.partnershipId, OR: [{ organizationId: orgId }, { grants: { some: { organizationId: orgId } } }] },
    select: { id: true },
  });
  // A trainee of another CBO (without a grant) looks like no trainee at all.
  const notYours = () => fieldError("BAD_REQUEST", "traineeId", "Choose one of your organization's trainees.");
  if (!trainee) throw notYours();
  const status: RequestStatus = input.submit ? "SUBMITTED" : "DRAFT";
  return inTransaction(deps, async (tx, effects) => {
    // The grant may have been revoked since: checked again, and held until commit.
    await requireTraineeAccess(tx, { traineeId: trainee.id, organizationId: orgId }).catch(() => {
      throw notYours();
    });
    const request = await tx.serviceRequest.create({
      data: {
        partnershipId: input.partnershipId,
        organizationId: orgId,
        traineeId: trainee.id,
        category: input.category,
        requestedCents: input.amount,
        neededBy: input.neededBy,
        justification: input.justification,
        status,
        createdById: userId,
        submittedAt: input.submit ? new Date() : null,
      },
    });
    await recordRequestEvent(tx, request.id, { kind: "CREATED", from: null, to: "DRAFT", actorId: userId, amountCents: input.amount });
    if (input.submit) await recordRequestEvent(tx, request.id, { kind: "SUBMITTED", from: "DRAFT", to: "SUBMITTED", actorId: userId });
    await recordAudit(tx, {
      partnershipId: input.partnershipId,
      actorId: userId,
      action: "serviceRequest.created",
      subjectType: "ServiceRequest",
      subjectId: request.id,
      data: { status, requestedCents: input.amount },
    });
    await announceRequest(tx, effects, request);
    if (input.submit) await notifyReviewers(tx, effects, request, userId);
    return { id: request.id, status };
  });
}

/** A draft's details, by the requesting organization while it may still act for the trainee. */
export async function updateRequest(deps: LimitsDeps, { userId, input }: Call<UpdateRequestInput>) {
  const { request: seen, asRequester } = await deps.access.requireServiceRequest(userId, input.requestId);
  if (!asRequester) throw forbidden("Only the requesting organization can change a request.");
  checkAmount(input.amount, deps.config.MAX_REQUEST_CENTS);
  checkDate(input.neededBy);
  return inTransaction(deps, async (tx, effects) => {
    await requireTraineeAccess(tx, seen);
    const moved = await tx.serviceRequest.updateMany({
      where: { id: seen.id, status: "DRAFT" },
      data: { category: input.category, requestedCents: input.amount, neededBy: input.neededBy, justification: input.justification },
    });
    if (moved.count !== 1) throw new AppError("PRECONDITION_FAILED", "Only a draft can be changed. Cancel this request and make a new one instead.");
    await recordRequestEvent(tx, seen.id, { kind: "UPDATED", from: "DRAFT", to: "DRAFT", actorId: userId, amountCents: input.amount });
    await announceRequest(tx, effects, { ...seen, status: "DRAFT" });
    return { id: seen.id };
  });
}

/**
 * What a step writes; `to` keeps the request short of the action's status (one side's approval of two);
 * `audit` adds to the step's audit entry what its history line does not hold (a side's fund, and the
 * approval it replaced).
 */
type StepResult = { data: Partial<ServiceRequest>; kind: string; note?: string; amountCents?: number | null; to?: RequestStatus; audit?: Record<string, unknown> };

/**
 * Moves a request one step of its life in one transaction: re-reads it, checks the step against the
 * rules and the asker's part (requester or reviewer, never both), applies the step's own writes, and
 * updates the request only if its status is still the one checked. A requester's steps for the trainee
 * also hold the owner's grant (see `requireTraineeAccess`). The request's row is locked before it is
 * read (after the grant, before the fund: one order for all), so two steps on one request take turns.
 */
async function step(deps: ServicesDeps, userId: string, requestId: string, action: RequestAction, apply: (tx: Tx, request: ServiceRequest) => Promise<StepResult>) {
  const { actor, request: seen, asRequester, traineeVia } = await deps.access.requireServiceRequest(userId, requestId);
  return stepAs(deps, { userId, actor, seen, asRequester, traineeVia }, action, apply);
}

type Asker = { userId: string } & Pick<Awaited<ReturnType<ServicesDeps["access"]["requireServiceRequest"]>>, "actor" | "asRequester" | "traineeVia"> & {
  seen: Awaited<ReturnType<ServicesDeps["access"]["requireServiceRequest"]>>["request"];
};

async function stepAs(deps: ServicesDeps, { userId, actor, seen, asRequester, traineeVia }: Asker, action: RequestAction, apply: (tx: Tx, request: ServiceRequest) => Promise<StepResult>) {
  const part = roleFor(action, { asRequester, isReviewer: actor.isReviewer, traineeVia });
  if (!part.ok) throw forbidden(part.message);
  const role = part.role;

  return inTransaction(deps, async (tx, effects) => {
    if (role === "CBO" && action !== "cancel") await requireTraineeAccess(tx, seen);
    await lockRow(tx, "ServiceRequest", seen.id);
    const request = await tx.serviceRequest.findUniqueOrThrow({ where: { id: seen.id } });
    const from = request.status as RequestStatus;
    const check = checkTransition(from, action, role);
    if (!check.ok) throw new AppError(check.reason === "STATUS" ? "PRECONDITION_FAILED" : "FORBIDDEN", check.message);
    const { data, kind, note, amountCents, to = check.to, audit } = await apply(tx, request);
    const moved = await tx.serviceRequest.updateMany({ where: { id: request.id, status: from }, data: { ...data, status: to } });
    if (moved.count !== 1) throw new AppError("CONFLICT", "Someone else changed this request at the same moment. Reload and try again.");
    await recordRequestEvent(tx, request.id, { kind, from, to, actorId: userId, note, amountCents });
    await recordAudit(tx, {
      partnershipId: request.partnershipId,
      actorId: userId,
      action: `serviceRequest.${action}`,
      subjectType: "ServiceRequest",
      subjectId: request.id,
      data: { from, to, ...(amountCents !== undefined && amountCents !== null ? { amountCents } : {}), ...(kind === "APPROVED_BY_SIDE" ? { waitingForOtherSide: true } : {}), ...audit },
    });
    const updated = { ...request, status: to };
    await announceRequest(tx, effects, updated);
    if (role === "REVIEWER" && to !== from) await notifyRequester(tx, effects, updated);
    if (action === "submit") await notifyReviewers(tx, effects, updated, userId);
    if (kind === "APPROVED_BY_SIDE" && (actor.member.side === "LABOR" || actor.member.side === "MANAGEMENT")) {
      await notifyOtherSideReviewers(tx, effects, updated, { side: actor.member.side, amountCents: amountCents!, byUserId: userId });
    }
    return { id: request.id, status: to };
  });
}

type RequestIdInput = { requestId: string };
type NoteInput = RequestIdInput & { note: string };

export function submitRequest(deps: LimitsDeps, { userId, input }: Call<RequestIdInput>) {
  return step(deps, userId, input.requestId, "submit", async (_tx, request) => {
    checkDate(request.neededBy);
    checkAmount(request.requestedCents, deps.config.MAX_REQUEST_CENTS);
    return { data: { submittedAt: new Date() }, kind: "SUBMITTED" };
  });
}

export function startReview(deps: ServicesDeps, { userId, input }: Call<RequestIdInput>) {
  return step(deps, userId, input.requestId, "startReview", async () => ({ data: {}, kind: "REVIEW_STARTED" }));
}

export function askForInfo(deps: ServicesDeps, { userId, input }: Call<NoteInput>) {
  return step(deps, userId, input.requestId, "askInfo", async () => ({ data: {}, kind: "INFO_REQUESTED", note: input.note }));
}

export function answerRequest(deps: ServicesDeps, { userId, input }: Call<NoteInput>) {
  return step(deps, userId, input.requestId, "answer", async () => ({ data: {}, kind: "INFO_PROVIDED", note: input.note }));
}

export function denyRequest(deps: ServicesDeps, { userId, input }: Call<RequestIdInput & { reason: string }>) {
  return step(deps, userId, input.requestId, "deny", async () => ({
    data: { decisionNote: input.reason, decidedAt: new Date(), decidedById: userId },
    kind: "DENIED",
    note: input.reason,
  }));
}

/**
 * Approves all or part of a request and commits the money. The fund's row is locked first, so
 * approvals against the same fund (of any request) take turns: the year's totals read next include
 * every approval committed before ours, and none can commit between our cap check and our commit.
 * The charge itself stays one conditional UPDATE (it matches no row when the money is not there).
 *
 * Above the fund's threshold (its review policy, a joint change) a reviewer of each side approves: a
 * side's approval is recorded (`RequestApproval`, one per side and request: a unique key) and the
 * request waits, the fund uncharged; the other side's approval of the same amount from the same fund
 * completes it and charges the fund. The other side may instead approve another amount or fund: that
 * replaces its own earlier approval, if any, and the request waits for the first side to agree (each
 * approval is kept in the request's history). All run under the request's row lock (taken by `step`),
 * so two reviewers at once take turns: the second of one side with the same approval is refused, the
 * second of the other completes. Triggers refuse an APPROVED status above the threshold without both
 * sides' matching approvals, and any change to the approvals once the request is decided.
 */
export async function approveRequest(deps: ServicesDeps, { userId, input }: Call<ApproveInput>) {
  const asker = await deps.access.requireServiceRequest(userId, input.requestId);
  return stepAs(deps, { userId, ...asker, seen: asker.request }, "approve", async (tx, request) => {
    const cents = input.amount;
    if (cents > request.requestedCents) throw fieldError("BAD_REQUEST", "amount", `Approve at most the amount requested (${formatCents(request.requestedCents)}).`);
    const found = await tx.fund.findFirst({ where: { id: input.fundId, partnershipId: request.partnershipId }, select: { id: true } });
    if (!found || !(await lockRow(tx, "Fund", found.id))) throw fieldError("BAD_REQUEST", "fundId", "Choose one of the partnership's funds.");
    const fund = await tx.fund.findUniqueOrThrow({ where: { id: found.id }, include: { caps: true } });
    // Closed by both sides' agreement: nothing new is approved from it (checked under its lock).
    if (fund.closedAt) throw fieldError("PRECONDITION_FAILED", "fundId", `${fund.name} is closed: choose another fund.`);
    const approvals = await tx.requestApproval.findMany({ where: { requestId: request.id }, orderBy: { createdAt: "asc" } });
    const fundNames = new Map((await tx.fund.findMany({ where: { id: { in: approvals.map((a) => a.fundId) } }, select: { id: true, name: true } })).map((f) => [f.id, f.name]));
    const next = approvalStep({
      reviewerSide: asker.actor.member.side,
      cents,
      fundId: fund.id,
      bothSidesAboveCents: fund.bothSidesAboveCents,
      approvals: approvals.map((a) => ({ side: a.side as ApprovalSide, amountCents: a.amountCents, fundId: a.fundId, fundName: fundNames.get(a.fundId) ?? "another fund", reviewerName: a.reviewerName })),
    });
    if (next.step === "REFUSED") throw new AppError(next.code, next.message);
    const decidedAt = new Date();
    // The audit keeps each side's terms, and what a new approval set aside (the history line holds only the amount).
    const terms = (a: { side: string; amountCents: number; fundId: string }) => ({ side: a.side, amountCents: a.amountCents, fundId: a.fundId });
    const audit =
      next.step === "CHARGE"
        ? { fundId: fund.id, ...(approvals.length ? { setAside: approvals.map(terms) } : {}) }
        : { fundId: fund.id, side: asker.actor.member.side, ...(next.replaces ? { replaces: terms(next.replaces) } : {}) };
    // One reviewer approves at or below the threshold alone: a side's approval of a larger amount played
    // no part in it and goes (it stays in the history), so the request never shows it as agreed.
    if (next.step === "CHARGE" && approvals.length) await tx.requestApproval.deleteMany({ where: { requestId: request.id } });
    if (next.step !== "CHARGE") {
      // The side's word is its latest: an earlier approval of this side (another amount or fund) gives way.
      if (next.replaces) await tx.requestApproval.delete({ where: { requestId_side: { requestId: request.id, side: next.replaces.side } } });
      const reviewer = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
      await tx.requestApproval.create({
        data: {
          requestId: request.id,
          side: asker.actor.member.side,
          reviewerMembershipId: asker.actor.member.membershipId,
          reviewerUserId: userId,
          reviewerName: reviewer.name,
          organizationId: asker.actor.member.organizationId,
          fundId: fund.id,
          amountCents: cents,
        },
      });
    }
    if (next.step === "WAIT") {
      // Not charged yet; but an approval the money or the caps could not carry is refused now, not at the other side's turn.
      if (availableCents(fund) < cents) throw fieldError("PRECONDITION_FAILED", "amount", `${fund.name} has only ${formatCents(availableCents(fund))} available.`);
      await checkCaps(tx, { fund, request, cents, decidedAt });
      return { data: {}, kind: "APPROVED_BY_SIDE", note: input.note, amountCents: cents, to: "UNDER_REVIEW", audit };
    }
    const charged = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" + ${cents} WHERE "id" = ${fund.id} AND "committedCents" + "spentCents" + ${cents} <= "startingCents"`;
    if (charged !== 1) throw fieldError("PRECONDITION_FAILED", "amount", `${fund.name} has only ${formatCents(availableCents(fund))} available.`);
    await checkCaps(tx, { fund, request, cents, decidedAt });
    return {
      data: { approvedCents: cents, fundId: fund.id, decidedAt, decidedById: userId, decisionNote: input.note },
      kind: "APPROVED",
      note: input.note,
      amountCents: cents,
      audit,
    };
  });
}

/** The fund's yearly caps, with this approval counted (under the fund's lock). */
async function checkCaps(tx: Tx, { fund, request, cents, decidedAt }: { fund: { id: string; caps: unknown[] }; request: ServiceRequest; cents: number; decidedAt: Date }) {
  const { start, end } = yearRange(decidedAt);
  const inYear = { fundId: fund.id, status: { in: FUNDED_STATUSES }, decidedAt: { gte: start, lt: end }, id: { not: request.id } };
  const sum = async (where: object) => (await tx.serviceRequest.aggregate({ where: { ...inYear, ...where }, _sum: { approvedCents: true } }))._sum.approvedCents ?? 0;
  const categoryYearCents = await sum({ category: request.category });
  const traineeCategoryYearCents = await sum({ category: request.category, traineeId: request.traineeId });
  const traineeYearCents = await sum({ traineeId: request.traineeId });
  const breach = capBreached(fund.caps as Cap[], request.category as ServiceCategory, cents, { categoryYearCents, traineeCategoryYearCents, traineeYearCents });
  if (breach) throw fieldError("PRECONDITION_FAILED", "amount", breach.message);
}

/** Paid or delivered: the committed money becomes spent. */
export function fulfilRequest(deps: ServicesDeps, { userId, input }: Call<RequestIdInput & { fulfilledOn: Date; reference: string }>) {
  return step(deps, userId, input.requestId, "fulfil", async (tx, request) => {
    if (input.fulfilledOn.getTime() > Date.now()) throw fieldError("BAD_REQUEST", "fulfilledOn", "The date it was paid or delivered cannot be in the future.");
    const cents = request.approvedCents ?? 0;
    const moved = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" - ${cents}, "spentCents" = "spentCents" + ${cents} WHERE "id" = ${request.fundId} AND "committedCents" >= ${cents}`;
    if (moved !== 1) throw new AppError("CONFLICT", "The fund's committed balance does not cover this request. Reload and try again.");
    return { data: { fulfilledOn: input.fulfilledOn, fulfilmentReference: input.reference }, kind: "FULFILLED", note: input.reference, amountCents: cents };
  });
}

/** Cancelled (by the requesting organization, even without access to the trainee any more, or a reviewer): an approved request's money goes back. */
export function cancelRequest(deps: ServicesDeps, { userId, input }: Call<RequestIdInput & { reason: string }>) {
  return step(deps, userId, input.requestId, "cancel", async (tx, request) => {
    if (request.status === "APPROVED" && request.fundId && request.approvedCents) {
      const cents = request.approvedCents;
      const released = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" - ${cents} WHERE "id" = ${request.fundId} AND "committedCents" >= ${cents}`;
      if (released !== 1) throw new AppError("CONFLICT", "The fund's committed balance does not cover this request. Reload and try again.");
      return { data: {}, kind: "CANCELLED", note: input.reason, amountCents: cents };
    }
    return { data: {}, kind: "CANCELLED", note: input.reason };
  });
}
