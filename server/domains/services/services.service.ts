// Use cases of supportive services: trainees (personal data owned by a CBO), requests and their life,
// funds and caps, reviewers, attachments, and the aggregate every member may see. Each change is one
// transaction (permission check first, audit inside); events go out after commit and carry ids only.
import type { Access } from "../../access/access.js";
import { recordAudit } from "../../audit/audit.js";
import type { Config } from "../../config.js";
import type { Db, Tx } from "../../db.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import { partnershipRoom, userRoom } from "../../realtime/realtime.events.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import {
  availableCents,
  capBreached,
  checkAttachment,
  checkMaximum,
  checkNeededBy,
  checkTransition,
  canAttach,
  canEditDetails,
  formatCents,
  FUNDED_STATUSES,
  OPEN_STATUSES,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  SERVICE_CATEGORIES,
  slaClock,
  yearRange,
  type Actor,
  type AttachmentMime,
  type Cap,
  type RequestAction,
  type RequestStatus,
  type ServiceCategory,
} from "./services.rules.js";
import type {
  ApproveInput,
  CreateFundInput,
  CreateRequestInput,
  CreateTraineeInput,
  SetCapInput,
  UpdateRequestInput,
  UpdateTraineeInput,
} from "./services.schema.js";

type Deps = {
  db: Db;
  config: Pick<Config, "MAX_REQUEST_CENTS" | "MAX_ATTACHMENT_BYTES">;
  access: Access;
  realtime: Pick<Realtime, "publish">;
  notifications: Pick<NotificationsService, "notify">;
};

export type ServicesService = ReturnType<typeof createServicesService>;
type RequestRow = Awaited<ReturnType<Access["requireServiceRequest"]>>["request"];

const DEFAULT_TARGET_DAYS = 5;
const MAX_ATTACHMENTS_PER_REQUEST = 20;
const fieldError = (code: "BAD_REQUEST" | "PRECONDITION_FAILED", field: string, message: string) =>
  new AppError(code, message, { fieldErrors: { [field]: [message] } });

/** What a request list shows of each request (trainee identity is added only where it may be seen). */
const LISTED_REQUEST = {
  id: true,
  status: true,
  category: true,
  requestedCents: true,
  approvedCents: true,
  neededBy: true,
  submittedAt: true,
  decidedAt: true,
  organizationId: true,
  organization: { select: { name: true } },
} as const;
type ListedRequestRow = Prisma.ServiceRequestGetPayload<{ select: typeof LISTED_REQUEST }>;

export function createServicesService({ db, config, access, realtime, notifications }: Deps) {
  // ─── shared helpers ───────────────────────────────────────────────────────

  async function targetDays(partnershipId: string) {
    const settings = await db.serviceSettings.findUnique({ where: { partnershipId } });
    return settings?.targetDays ?? DEFAULT_TARGET_DAYS;
  }

  async function requireManager(userId: string, partnershipId: string) {
    const actor = await access.requireServicesActor(userId, partnershipId);
    if (!actor.canManage) throw forbidden("Only the partnership's co-chairs and staff can do that.");
    return actor;
  }

  /** User ids allowed to see a request: its organization, the trainee's organization, the reviewers. */
  async function requestAudience(request: { partnershipId: string; organizationId: string; traineeId: string; status: string }) {
    const trainee = await db.trainee.findUniqueOrThrow({ where: { id: request.traineeId }, select: { organizationId: true } });
    const rows = await db.membership.findMany({
      where: {
        partnershipId: request.partnershipId,
        OR: [
          { organizationId: { in: [request.organizationId, trainee.organizationId] } },
          // Reviewers see a request once it is sent for review, never a draft.
          ...(request.status === "DRAFT" ? [] : [{ serviceReviewer: { isNot: null } }]),
        ],
      },
      select: { userId: true },
    });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** After commit: the request's audience refetches it; every member's totals refresh. */
  async function announce(request: { id: string; partnershipId: string; organizationId: string; traineeId: string; status: string }) {
    const payload = { partnershipId: request.partnershipId, requestId: request.id, status: request.status as RequestStatus };
    for (const userId of await requestAudience(request)) realtime.publish(userRoom(userId), "serviceRequest:changed", payload);
    realtime.publish(partnershipRoom(request.partnershipId), "services:totalsChanged", { partnershipId: request.partnershipId });
  }

  /** Tells the requesting organization's members who created the request (if still members) of a new status. */
  async function notifyRequester(request: RequestRow, status: RequestStatus) {
    const still = await db.membership.findFirst({
      where: { partnershipId: request.partnershipId, organizationId: request.organizationId, userId: request.createdById },
      select: { userId: true },
    });
    if (!still) return;
    await notifications.notify([still.userId], "serviceRequest.updated", {
      partnershipId: request.partnershipId,
      requestId: request.id,
      category: SERVICE_CATEGORIES[request.category as ServiceCategory],
      statusLabel: REQUEST_STATUSES[status],
    });
  }

  async function logTraineeRead(tx: Tx | Db, entry: { traineeId: string; userId: string; reason: string; requestId?: string }) {
    await tx.traineeAccessLog.create({ data: { traineeId: entry.traineeId, userId: entry.userId, reason: entry.reason, requestId: entry.requestId ?? null } });
  }

  async function event(
    tx: Tx,
    request: { id: string },
    data: { kind: string; from: RequestStatus | null; to: RequestStatus; actorId: string; note?: string; amountCents?: number | null },
  ) {
    await tx.requestEvent.create({
      data: { requestId: request.id, kind: data.kind, fromStatus: data.from, toStatus: data.to, actorId: data.actorId, note: data.note ?? "", amountCents: data.amountCents ?? null },
    });
  }

  function checkAmount(cents: number, field = "amount") {
    const max = checkMaximum(cents, config.MAX_REQUEST_CENTS);
    if (!max.ok) throw fieldError("BAD_REQUEST", field, max.message);
  }

  function checkDate(neededBy: Date) {
    const ok = checkNeededBy(neededBy, new Date());
    if (!ok.ok) throw fieldError("BAD_REQUEST", "neededBy", ok.message);
  }

  /**
   * Moves a request one step of its life inside a transaction: re-reads it, checks the step against
   * the rules and the asker's part (requester or reviewer, never both: a reviewer does not review their
   * own organization's request), updates it only if its status is still the one checked.
   */
  async function step(
    userId: string,
    requestId: string,
    action: RequestAction,
    apply: (tx: Tx, request: RequestRow, to: RequestStatus) => Promise<{ data: Record<string, unknown>; kind: string; note?: string; amountCents?: number | null }>,
  ) {
    const { actor, request: seen, asRequester } = await access.requireServiceRequest(userId, requestId);
    const by = REQUEST_ACTIONS[action].by as readonly Actor[];
    let role: Actor;
    if (by.includes("CBO") && asRequester) role = "CBO";
    else if (by.includes("REVIEWER") && actor.isReviewer) {
      if (asRequester) throw forbidden("Conflict of interest: a reviewer cannot review their own organization's request.");
      role = "REVIEWER";
    } else if (by.includes("REVIEWER") && !by.includes("CBO")) throw forbidden("Only a designated reviewer can do that.");
    else throw forbidden("Only the requesting organization can do that.");

    const updated = await db.$transaction(async (tx) => {
      const request = await tx.serviceRequest.findUniqueOrThrow({ where: { id: seen.id } });
      const from = request.status as RequestStatus;
      const check = checkTransition(from, action, role);
      if (!check.ok) throw new AppError(check.reason === "STATUS" ? "PRECONDITION_FAILED" : "FORBIDDEN", check.message);
      const { data, kind, note, amountCents } = await apply(tx, request, check.to);
      const moved = await tx.serviceRequest.updateMany({ where: { id: request.id, status: from }, data: { ...data, status: check.to } });
      if (moved.count !== 1) throw new AppError("CONFLICT", "Someone else changed this request at the same moment. Reload and try again.");
      await event(tx, request, { kind, from, to: check.to, actorId: userId, note, amountCents });
      await recordAudit(tx, {
        partnershipId: request.partnershipId,
        actorId: userId,
        action: `serviceRequest.${action}`,
        subjectType: "ServiceRequest",
        subjectId: request.id,
        data: { from, to: check.to, ...(amountCents !== undefined && amountCents !== null ? { amountCents } : {}) },
      });
      return tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
    });
    await announce(updated);
    if (role === "REVIEWER") await notifyRequester(updated, updated.status as RequestStatus);
    return { id: updated.id, status: updated.status as RequestStatus };
  }

  // ─── settings and reviewers ───────────────────────────────────────────────

  async function overview({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    const actor = await access.requireServicesActor(userId, partnershipId);
    const reviewers = await db.serviceReviewer.findMany({
      where: { partnershipId },
      orderBy: { createdAt: "asc" },
      select: { membershipId: true, membership: { select: { user: { select: { name: true } }, organization: { select: { name: true } } } } },
    });
    return {
      viewer: {
        isCbo: actor.isCbo,
        isReviewer: actor.isReviewer,
        canManage: actor.canManage,
        organizationId: actor.organization.id,
        organizationName: actor.organization.name,
      },
      targetDays: await targetDays(partnershipId),
      maxRequestCents: config.MAX_REQUEST_CENTS,
      reviewers: reviewers.map((r) => ({ membershipId: r.membershipId, name: r.membership.user.name, organizationName: r.membership.organization.name })),
    };
  }

  async function setSettings({ userId, partnershipId, targetDays: days }: { userId: string; partnershipId: string; targetDays: number }) {
    await requireManager(userId, partnershipId);
    await db.$transaction(async (tx) => {
      await tx.serviceSettings.upsert({ where: { partnershipId }, create: { partnershipId, targetDays: days }, update: { targetDays: days } });
      await recordAudit(tx, { partnershipId, actorId: userId, action: "services.settingsChanged", subjectType: "Partnership", subjectId: partnershipId, data: { targetDays: days } });
    });
    realtime.publish(partnershipRoom(partnershipId), "services:totalsChanged", { partnershipId });
    return { targetDays: days };
  }

  async function addReviewer({ userId, partnershipId, membershipId }: { userId: string; partnershipId: string; membershipId: string }) {
    await requireManager(userId, partnershipId);
    const membership = await db.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { id: true, userId: true } });
    if (!membership) throw fieldError("BAD_REQUEST", "membershipId", "Choose a member of this partnership.");
    await db
      .$transaction(async (tx) => {
        await tx.serviceReviewer.create({ data: { partnershipId, membershipId, designatedBy: userId } });
        await recordAudit(tx, { partnershipId, actorId: userId, action: "services.reviewerAdded", subjectType: "Membership", subjectId: membershipId });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This member is already a reviewer.");
        throw error;
      });
    realtime.publish(userRoom(membership.userId), "services:totalsChanged", { partnershipId });
    return { membershipId };
  }

  async function removeReviewer({ userId, partnershipId, membershipId }: { userId: string; partnershipId: string; membershipId: string }) {
    await requireManager(userId, partnershipId);
    const removed = await db.$transaction(async (tx) => {
      const { count } = await tx.serviceReviewer.deleteMany({ where: { partnershipId, membershipId } });
      if (count === 0) throw notFound("Reviewer");
      await recordAudit(tx, { partnershipId, actorId: userId, action: "services.reviewerRemoved", subjectType: "Membership", subjectId: membershipId });
      return count;
    });
    return { membershipId, removed };
  }

  // ─── trainees ─────────────────────────────────────────────────────────────

  const traineeSummary = { id: true, name: true, program: true, preferredLanguage: true, organizationId: true, createdAt: true } as const;

  async function listTrainees({ userId, partnershipId, search }: { userId: string; partnershipId: string; search: string }) {
    const actor = await access.requireServicesActor(userId, partnershipId);
    // Reviewers see trainees through the requests they review (each read logged), not as a browsable list.
    const orgId = actor.member.organizationId;
    const rows = await db.trainee.findMany({
      where: {
        AND: [
          { partnershipId, OR: [{ organizationId: orgId }, { grants: { some: { organizationId: orgId } } }] },
          ...(search ? [{ OR: [{ name: { contains: search } }, { program: { contains: search } }] }] : []),
        ],
      },
      orderBy: { name: "asc" },
      take: 500,
      select: { ...traineeSummary, organization: { select: { name: true } }, _count: { select: { requests: true } } },
    });
    return rows.map(({ _count, organization, ...t }) => ({ ...t, organizationName: organization.name, isOwn: t.organizationId === orgId, requestCount: _count.requests }));
  }

  async function createTrainee({ userId, input }: { userId: string; input: CreateTraineeInput }) {
    const actor = await access.requireServicesActor(userId, input.partnershipId);
    if (!actor.isCbo) throw forbidden("Only members of a community-based organization record trainees.");
    const { partnershipId, ...fields } = input;
    const trainee = await db.$transaction(async (tx) => {
      const created = await tx.trainee.create({ data: { ...fields, partnershipId, organizationId: actor.organization.id, createdById: userId }, select: { id: true } });
      // The audit log is visible to partnership managers: no personal data in it.
      await recordAudit(tx, { partnershipId, actorId: userId, action: "trainee.created", subjectType: "Trainee", subjectId: created.id });
      return created;
    });
    realtime.publish(partnershipRoom(partnershipId), "services:totalsChanged", { partnershipId });
    return trainee;
  }

  async function updateTrainee({ userId, input }: { userId: string; input: UpdateTraineeInput }) {
    const { trainee, via } = await access.requireTrainee(userId, input.traineeId);
    if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can change their record.");
    const { traineeId, ...fields } = input;
    await db.$transaction(async (tx) => {
      await tx.trainee.update({ where: { id: traineeId }, data: fields });
      await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.updated", subjectType: "Trainee", subjectId: traineeId });
    });
    return { id: traineeId };
  }

  async function getTrainee({ userId, traineeId }: { userId: string; traineeId: string }) {
    const { actor, trainee, via } = await access.requireTrainee(userId, traineeId);
    if (via === "REVIEWER") await logTraineeRead(db, { traineeId, userId, reason: "Viewed the trainee's record while reviewing requests" });
    const isOwner = via === "OWNER";
    const [organization, requests, grants, logs] = await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: trainee.organizationId }, select: { name: true } }),
      db.serviceRequest.findMany({
        where: { traineeId, ...actor.visibleRequests },
        orderBy: { createdAt: "desc" },
        select: { id: true, category: true, status: true, requestedCents: true, approvedCents: true, neededBy: true, submittedAt: true },
      }),
      isOwner
        ? db.traineeAccessGrant.findMany({ where: { traineeId }, select: { organizationId: true, createdAt: true, organization: { select: { name: true } } } })
        : Promise.resolve([]),
      isOwner ? db.traineeAccessLog.findMany({ where: { traineeId }, orderBy: { createdAt: "desc" }, take: 100 }) : Promise.resolve([]),
    ]);
    const readers = await db.user.findMany({ where: { id: { in: [...new Set(logs.map((l) => l.userId))] } }, select: { id: true, name: true } });
    const grantable = isOwner
      ? await db.organization.findMany({
          where: { partnershipId: trainee.partnershipId, type: "CBO", id: { not: trainee.organizationId } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [];
    return {
      trainee: { ...trainee, organizationName: organization.name },
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

  async function grantAccess({ userId, traineeId, organizationId }: { userId: string; traineeId: string; organizationId: string }) {
    const { trainee, via } = await access.requireTrainee(userId, traineeId);
    if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can share their record.");
    const org = await db.organization.findFirst({ where: { id: organizationId, partnershipId: trainee.partnershipId }, select: { type: true, id: true } });
    if (!org) throw fieldError("BAD_REQUEST", "organizationId", "Choose an organization of this partnership.");
    if (org.type !== "CBO") throw fieldError("BAD_REQUEST", "organizationId", "Access can be shared only with another community-based organization.");
    if (org.id === trainee.organizationId) throw fieldError("BAD_REQUEST", "organizationId", "Your organization already owns this record.");
    await db
      .$transaction(async (tx) => {
        await tx.traineeAccessGrant.create({ data: { partnershipId: trainee.partnershipId, traineeId, organizationId, grantedById: userId } });
        await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.accessGranted", subjectType: "Trainee", subjectId: traineeId, data: { organizationId } });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError("CONFLICT", "That organization already has access.");
        throw error;
      });
    return { traineeId, organizationId };
  }

  async function revokeAccess({ userId, traineeId, organizationId }: { userId: string; traineeId: string; organizationId: string }) {
    const { trainee, via } = await access.requireTrainee(userId, traineeId);
    if (via !== "OWNER") throw forbidden("Only the organization that recorded this trainee can change who sees their record.");
    await db.$transaction(async (tx) => {
      const { count } = await tx.traineeAccessGrant.deleteMany({ where: { traineeId, organizationId } });
      if (count === 0) throw notFound("Access grant");
      await recordAudit(tx, { partnershipId: trainee.partnershipId, actorId: userId, action: "trainee.accessRevoked", subjectType: "Trainee", subjectId: traineeId, data: { organizationId } });
    });
    return { traineeId, organizationId };
  }

  // ─── funds ────────────────────────────────────────────────────────────────

  async function createFund({ userId, input }: { userId: string; input: CreateFundInput }) {
    await requireManager(userId, input.partnershipId);
    const fund = await db
      .$transaction(async (tx) => {
        const created = await tx.fund.create({ data: { partnershipId: input.partnershipId, name: input.name, startingCents: input.starting }, select: { id: true } });
        await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "fund.created", subjectType: "Fund", subjectId: created.id, data: { startingCents: input.starting } });
        return created;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw fieldError("BAD_REQUEST", "name", "A fund with this name already exists.");
        throw error;
      });
    realtime.publish(partnershipRoom(input.partnershipId), "services:totalsChanged", { partnershipId: input.partnershipId });
    return fund;
  }

  async function setCap({ userId, input }: { userId: string; input: SetCapInput }) {
    const fund = await db.fund.findUnique({ where: { id: input.fundId }, select: { id: true, partnershipId: true } });
    if (!fund) throw notFound("Fund");
    await access.requireMember(userId, fund.partnershipId).catch(() => {
      throw notFound("Fund");
    });
    await requireManager(userId, fund.partnershipId);
    const key = { fundId_category_perTrainee: { fundId: fund.id, category: input.category, perTrainee: input.perTrainee } };
    await db.$transaction(async (tx) => {
      if (input.cap === "") await tx.fundCap.deleteMany({ where: key.fundId_category_perTrainee });
      else await tx.fundCap.upsert({ where: key, create: { ...key.fundId_category_perTrainee, capCents: input.cap }, update: { capCents: input.cap } });
      await recordAudit(tx, { partnershipId: fund.partnershipId, actorId: userId, action: "fund.capSet", subjectType: "Fund", subjectId: fund.id, data: { category: input.category, perTrainee: input.perTrainee, capCents: input.cap === "" ? null : input.cap } });
    });
    realtime.publish(partnershipRoom(fund.partnershipId), "services:totalsChanged", { partnershipId: fund.partnershipId });
    return { fundId: fund.id };
  }

  /** Funds with their balances, caps, and approved/spent amounts by category and by month. Every member may see these totals. */
  async function listFunds({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    await access.requireMember(userId, partnershipId);
    const funds = await db.fund.findMany({ where: { partnershipId }, orderBy: { createdAt: "asc" }, include: { caps: { orderBy: [{ perTrainee: "asc" }, { category: "asc" }] } } });
    const rows = await db.serviceRequest.findMany({
      where: { partnershipId, fundId: { not: null }, status: { in: FUNDED_STATUSES } },
      select: { fundId: true, category: true, status: true, approvedCents: true, decidedAt: true, fulfilledOn: true },
    });
    return funds.map((fund) => {
      const mine = rows.filter((r) => r.fundId === fund.id);
      const byCategory = new Map<ServiceCategory, { committedCents: number; spentCents: number; count: number }>();
      const byMonth = new Map<string, { committedCents: number; spentCents: number }>();
      for (const r of mine) {
        const cents = r.approvedCents ?? 0;
        const spent = r.status === "FULFILLED";
        const c = byCategory.get(r.category as ServiceCategory) ?? { committedCents: 0, spentCents: 0, count: 0 };
        c.count += 1;
        if (spent) c.spentCents += cents;
        else c.committedCents += cents;
        byCategory.set(r.category as ServiceCategory, c);
        const when = spent ? (r.fulfilledOn ?? r.decidedAt) : r.decidedAt;
        const month = (when ?? new Date()).toISOString().slice(0, 7);
        const m = byMonth.get(month) ?? { committedCents: 0, spentCents: 0 };
        if (spent) m.spentCents += cents;
        else m.committedCents += cents;
        byMonth.set(month, m);
      }
      return {
        id: fund.id,
        name: fund.name,
        startingCents: fund.startingCents,
        committedCents: fund.committedCents,
        spentCents: fund.spentCents,
        availableCents: availableCents(fund),
        caps: fund.caps.map((c) => ({ category: c.category as ServiceCategory | "ALL", perTrainee: c.perTrainee, capCents: c.capCents })),
        byCategory: [...byCategory.entries()].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.committedCents + b.spentCents - (a.committedCents + a.spentCents)),
        byMonth: [...byMonth.entries()].map(([month, v]) => ({ month, ...v })).sort((a, b) => a.month.localeCompare(b.month)),
      };
    });
  }

  // ─── the aggregate every member sees ──────────────────────────────────────

  /** Counts and totals only: no trainee, no organization, no request id. */
  async function summary({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    await access.requireMember(userId, partnershipId);
    const [byStatus, byCategory, trainees, funds] = await Promise.all([
      db.serviceRequest.groupBy({ by: ["status"], where: { partnershipId }, _count: { _all: true }, _sum: { requestedCents: true } }),
      db.serviceRequest.groupBy({ by: ["category"], where: { partnershipId, status: { in: FUNDED_STATUSES } }, _count: { _all: true }, _sum: { approvedCents: true } }),
      db.trainee.count({ where: { partnershipId } }),
      db.fund.aggregate({ where: { partnershipId }, _sum: { startingCents: true, committedCents: true, spentCents: true } }),
    ]);
    const count = (s: RequestStatus) => byStatus.find((g) => g.status === s)?._count._all ?? 0;
    const starting = funds._sum.startingCents ?? 0;
    const committed = funds._sum.committedCents ?? 0;
    const spent = funds._sum.spentCents ?? 0;
    return {
      trainees,
      byStatus: Object.fromEntries((Object.keys(REQUEST_STATUSES) as RequestStatus[]).map((s) => [s, count(s)])) as Record<RequestStatus, number>,
      open: OPEN_STATUSES.reduce((n, s) => n + count(s), 0),
      requestedOpenCents: byStatus.filter((g) => OPEN_STATUSES.includes(g.status as RequestStatus)).reduce((n, g) => n + (g._sum.requestedCents ?? 0), 0),
      byCategory: byCategory.map((g) => ({ category: g.category as ServiceCategory, count: g._count._all, approvedCents: g._sum.approvedCents ?? 0 })),
      funds: { startingCents: starting, committedCents: committed, spentCents: spent, availableCents: starting - committed - spent },
    };
  }

  /** A CSV of counts and totals by category and status (no personal data, whoever asks). */
  async function exportCsv({ userId, partnershipId }: { userId: string; partnershipId: string }) {
    await access.requireMember(userId, partnershipId);
    const groups = await db.serviceRequest.groupBy({
      by: ["category", "status"],
      where: { partnershipId, status: { not: "DRAFT" } },
      _count: { _all: true },
      _sum: { requestedCents: true, approvedCents: true },
      orderBy: [{ category: "asc" }, { status: "asc" }],
    });
    const lines = ["category,status,requests,requested_dollars,approved_dollars"];
    for (const g of groups) {
      lines.push([SERVICE_CATEGORIES[g.category as ServiceCategory], REQUEST_STATUSES[g.status as RequestStatus], g._count._all, dollars(g._sum.requestedCents ?? 0), dollars(g._sum.approvedCents ?? 0)].map(csvCell).join(","));
    }
    return lines.join("\n") + "\n";
  }

  // ─── requests: reading ────────────────────────────────────────────────────

  async function listRequests({ userId, partnershipId, view }: { userId: string; partnershipId: string; view: "mine" | "queue" | "all" }) {
    const actor = await access.requireServicesActor(userId, partnershipId);
    const days = await targetDays(partnershipId);
    const now = new Date();
    const listed = ({ organization, ...r }: ListedRequestRow, traineeName: string | null, isOwnOrganization: boolean) => ({
      ...r,
      status: r.status as RequestStatus,
      category: r.category as ServiceCategory,
      organizationName: organization.name,
      traineeName,
      isOwnOrganization,
      clock: r.submittedAt && OPEN_STATUSES.includes(r.status as RequestStatus) ? slaClock(r.submittedAt, now, days) : null,
    });
    if (view === "queue" || view === "all") {
      // The queue shows no trainee identity (so listing it reads no personal data); the request page does, and logs it.
      if (!actor.isReviewer) throw notFound("Review queue");
      const rows = await db.serviceRequest.findMany({
        where: { partnershipId, status: { in: view === "queue" ? [...OPEN_STATUSES, "APPROVED"] : Object.keys(REQUEST_STATUSES).filter((s) => s !== "DRAFT") } },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        take: 500,
        select: LISTED_REQUEST,
      });
      return rows.map((r) => listed(r, null, r.organizationId === actor.member.organizationId));
    }
    const orgId = actor.member.organizationId;
    const rows = await db.serviceRequest.findMany({
      where: { partnershipId, OR: [{ organizationId: orgId }, { trainee: { organizationId: orgId } }] },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: 500,
      select: { ...LISTED_REQUEST, trainee: { select: { name: true } } },
    });
    return rows.map(({ trainee, ...r }) => listed(r, trainee.name, true));
  }

  async function getRequest({ userId, requestId }: { userId: string; requestId: string }) {
    const { actor, request, asRequester } = await access.requireServiceRequest(userId, requestId);
    const trainee = await db.trainee.findUniqueOrThrow({
      where: { id: request.traineeId },
      select: { id: true, name: true, email: true, phone: true, program: true, preferredLanguage: true, organizationId: true },
    });
    const viaReviewer = !asRequester && trainee.organizationId !== actor.member.organizationId;
    if (viaReviewer) await logTraineeRead(db, { traineeId: trainee.id, userId, reason: "Reviewing a supportive-service request", requestId });
    const [organization, events, attachments, fund, days] = await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: request.organizationId }, select: { name: true } }),
      db.requestEvent.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      db.attachment.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, select: { id: true, originalName: true, mimeType: true, sizeBytes: true, createdAt: true } }),
      request.fundId ? db.fund.findUnique({ where: { id: request.fundId }, select: { id: true, name: true } }) : Promise.resolve(null),
      targetDays(request.partnershipId),
    ]);
    const people = await db.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, name: true } });
    const status = request.status as RequestStatus;
    const isReviewing = actor.isReviewer && !asRequester;
    const allowed = (action: RequestAction) => {
      const role: Actor | null = asRequester && (REQUEST_ACTIONS[action].by as readonly Actor[]).includes("CBO") ? "CBO" : isReviewing ? "REVIEWER" : null;
      return role !== null && checkTransition(status, action, role).ok;
    };
    const funds = isReviewing
      ? (await db.fund.findMany({ where: { partnershipId: request.partnershipId }, orderBy: { createdAt: "asc" } })).map((f) => ({ id: f.id, name: f.name, availableCents: availableCents(f) }))
      : [];
    return {
      request: {
        ...request,
        status,
        category: request.category as ServiceCategory,
        organizationName: organization.name,
        fund,
        clock: request.submittedAt && OPEN_STATUSES.includes(status) ? slaClock(request.submittedAt, new Date(), days) : null,
      },
      trainee,
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus as RequestStatus | null,
        toStatus: e.toStatus as RequestStatus,
        note: e.note,
        amountCents: e.amountCents,
        actorName: people.find((p) => p.id === e.actorId)?.name ?? "Former member",
        createdAt: e.createdAt,
      })),
      attachments,
      funds,
      targetDays: days,
      viewer: { asRequester, isReviewer: actor.isReviewer, conflictOfInterest: actor.isReviewer && asRequester },
      can: {
        edit: asRequester && canEditDetails(status),
        attach: asRequester && canAttach(status),
        submit: allowed("submit"),
        answer: allowed("answer"),
        startReview: allowed("startReview"),
        askInfo: allowed("askInfo"),
        approve: allowed("approve"),
        deny: allowed("deny"),
        fulfil: allowed("fulfil"),
        cancel: allowed("cancel"),
      },
    };
  }

  // ─── requests: changes ────────────────────────────────────────────────────

  async function createRequest({ userId, input }: { userId: string; input: CreateRequestInput }) {
    const actor = await access.requireServicesActor(userId, input.partnershipId);
    if (!actor.isCbo) throw forbidden("Only members of a community-based organization make supportive-service requests.");
    checkAmount(input.amount);
    checkDate(input.neededBy);
    const orgId = actor.member.organizationId;
    const trainee = await db.trainee.findFirst({
      where: { id: input.traineeId, partnershipId: input.partnershipId, OR: [{ organizationId: orgId }, { grants: { some: { organizationId: orgId } } }] },
      select: { id: true },
    });
    // A trainee of another CBO (without a grant) looks like no trainee at all.
    if (!trainee) throw fieldError("BAD_REQUEST", "traineeId", "Choose one of your organization's trainees.");
    const status: RequestStatus = input.submit ? "SUBMITTED" : "DRAFT";
    const now = new Date();
    const created = await db.$transaction(async (tx) => {
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
          submittedAt: input.submit ? now : null,
        },
      });
      await event(tx, request, { kind: "CREATED", from: null, to: "DRAFT", actorId: userId, amountCents: input.amount });
      if (input.submit) await event(tx, request, { kind: "SUBMITTED", from: "DRAFT", to: "SUBMITTED", actorId: userId });
      await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "serviceRequest.created", subjectType: "ServiceRequest", subjectId: request.id, data: { status, requestedCents: input.amount } });
      return request;
    });
    await announce(created);
    return { id: created.id, status };
  }

  async function updateRequest({ userId, input }: { userId: string; input: UpdateRequestInput }) {
    const { request: seen, asRequester } = await access.requireServiceRequest(userId, input.requestId);
    if (!asRequester) throw forbidden("Only the requesting organization can change a request.");
    checkAmount(input.amount);
    checkDate(input.neededBy);
    const updated = await db.$transaction(async (tx) => {
      const moved = await tx.serviceRequest.updateMany({
        where: { id: seen.id, status: "DRAFT" },
        data: { category: input.category, requestedCents: input.amount, neededBy: input.neededBy, justification: input.justification },
      });
      if (moved.count !== 1) throw new AppError("PRECONDITION_FAILED", "Only a draft can be changed. Cancel this request and make a new one instead.");
      await event(tx, seen, { kind: "UPDATED", from: "DRAFT", to: "DRAFT", actorId: userId, amountCents: input.amount });
      return tx.serviceRequest.findUniqueOrThrow({ where: { id: seen.id } });
    });
    await announce(updated);
    return { id: updated.id };
  }

  const submit = ({ userId, requestId }: { userId: string; requestId: string }) =>
    step(userId, requestId, "submit", async (_tx, request) => {
      checkDate(request.neededBy);
      checkAmount(request.requestedCents);
      return { data: { submittedAt: new Date() }, kind: "SUBMITTED" };
    });

  const startReview = ({ userId, requestId }: { userId: string; requestId: string }) =>
    step(userId, requestId, "startReview", async () => ({ data: {}, kind: "REVIEW_STARTED" }));

  const askInfo = ({ userId, requestId, note }: { userId: string; requestId: string; note: string }) =>
    step(userId, requestId, "askInfo", async () => ({ data: {}, kind: "INFO_REQUESTED", note }));

  const answer = ({ userId, requestId, note }: { userId: string; requestId: string; note: string }) =>
    step(userId, requestId, "answer", async () => ({ data: {}, kind: "INFO_PROVIDED", note }));

  const deny = ({ userId, requestId, reason }: { userId: string; requestId: string; reason: string }) =>
    step(userId, requestId, "deny", async () => ({ data: { decisionNote: reason, decidedAt: new Date(), decidedById: userId }, kind: "DENIED", note: reason }));

  /**
   * Approves all or part of a request and commits the money. The fund is charged with one conditional
   * UPDATE (it matches no row when the money is not there), which also locks the fund's row on
   * PostgreSQL, so the caps are read after any other approval on the same fund has committed.
   */
  const approve = ({ userId, input }: { userId: string; input: ApproveInput }) =>
    step(userId, input.requestId, "approve", async (tx, request) => {
      const cents = input.amount;
      if (cents > request.requestedCents) throw fieldError("BAD_REQUEST", "amount", `Approve at most the amount requested (${formatCents(request.requestedCents)}).`);
      const fund = await tx.fund.findFirst({ where: { id: input.fundId, partnershipId: request.partnershipId }, include: { caps: true } });
      if (!fund) throw fieldError("BAD_REQUEST", "fundId", "Choose one of the partnership's funds.");
      const charged = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" + ${cents} WHERE "id" = ${fund.id} AND "committedCents" + "spentCents" + ${cents} <= "startingCents"`;
      if (charged !== 1) {
        const now = await tx.fund.findUniqueOrThrow({ where: { id: fund.id } });
        throw fieldError("PRECONDITION_FAILED", "amount", `${fund.name} has only ${formatCents(availableCents(now))} available.`);
      }
      const decidedAt = new Date();
      const { start, end } = yearRange(decidedAt);
      const inYear = { fundId: fund.id, status: { in: FUNDED_STATUSES }, decidedAt: { gte: start, lt: end }, id: { not: request.id } };
      const sum = async (where: object) => (await tx.serviceRequest.aggregate({ where: { ...inYear, ...where }, _sum: { approvedCents: true } }))._sum.approvedCents ?? 0;
      const [categoryYearCents, traineeCategoryYearCents, traineeYearCents] = await Promise.all([
        sum({ category: request.category }),
        sum({ category: request.category, traineeId: request.traineeId }),
        sum({ traineeId: request.traineeId }),
      ]);
      const breach = capBreached(fund.caps as Cap[], request.category as ServiceCategory, cents, { categoryYearCents, traineeCategoryYearCents, traineeYearCents });
      if (breach) throw fieldError("PRECONDITION_FAILED", "amount", breach.message);
      return {
        data: { approvedCents: cents, fundId: fund.id, decidedAt, decidedById: userId, decisionNote: input.note },
        kind: "APPROVED",
        note: input.note,
        amountCents: cents,
      };
    });

  /** Paid or delivered: the committed money becomes spent. */
  const fulfil = ({ userId, requestId, fulfilledOn, reference }: { userId: string; requestId: string; fulfilledOn: Date; reference: string }) =>
    step(userId, requestId, "fulfil", async (tx, request) => {
      if (fulfilledOn.getTime() > Date.now()) throw fieldError("BAD_REQUEST", "fulfilledOn", "The date it was paid or delivered cannot be in the future.");
      const cents = request.approvedCents ?? 0;
      const moved = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" - ${cents}, "spentCents" = "spentCents" + ${cents} WHERE "id" = ${request.fundId} AND "committedCents" >= ${cents}`;
      if (moved !== 1) throw new AppError("CONFLICT", "The fund's committed balance does not cover this request. Reload and try again.");
      return { data: { fulfilledOn, fulfilmentReference: reference }, kind: "FULFILLED", note: reference, amountCents: cents };
    });

  /** Cancelled: an approved request's committed money goes back to the fund. */
  const cancel = ({ userId, requestId, reason }: { userId: string; requestId: string; reason: string }) =>
    step(userId, requestId, "cancel", async (tx, request) => {
      if (request.status === "APPROVED" && request.fundId && request.approvedCents) {
        const cents = request.approvedCents;
        const released = await tx.$executeRaw`UPDATE "Fund" SET "committedCents" = "committedCents" - ${cents} WHERE "id" = ${request.fundId} AND "committedCents" >= ${cents}`;
        if (released !== 1) throw new AppError("CONFLICT", "The fund's committed balance does not cover this request. Reload and try again.");
        return { data: {}, kind: "CANCELLED", note: reason, amountCents: cents };
      }
      return { data: {}, kind: "CANCELLED", note: reason };
    });

  // ─── attachments ──────────────────────────────────────────────────────────

  /** Records a receipt or quote with its bytes, in one transaction (so every process can serve it). */
  async function addAttachment({ userId, requestId, fileName, bytes }: { userId: string; requestId: string; fileName: string; bytes: Uint8Array }) {
    const { request, asRequester } = await access.requireServiceRequest(userId, requestId);
    if (!asRequester) throw forbidden("Only the requesting organization can attach files.");
    if (!canAttach(request.status as RequestStatus)) throw new AppError("PRECONDITION_FAILED", "Files can be attached only until a decision is taken.");
    const checked = checkAttachment({ name: fileName, bytes, maxBytes: config.MAX_ATTACHMENT_BYTES });
    if (!checked.ok) throw fieldError("BAD_REQUEST", "file", checked.message);
    const attachment = await db.$transaction(async (tx) => {
      const current = await tx.serviceRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, _count: { select: { attachments: true } } } });
      if (!canAttach(current.status as RequestStatus)) throw new AppError("PRECONDITION_FAILED", "Files can be attached only until a decision is taken.");
      if (current._count.attachments >= MAX_ATTACHMENTS_PER_REQUEST) {
        throw new AppError("PRECONDITION_FAILED", `A request can have at most ${MAX_ATTACHMENTS_PER_REQUEST} files.`);
      }
      const created = await tx.attachment.create({
        data: {
          requestId,
          originalName: checked.value.name,
          mimeType: checked.value.mime,
          sizeBytes: bytes.length,
          uploadedById: userId,
          content: { create: { bytes: Buffer.from(bytes) } },
        },
        select: { id: true, originalName: true, mimeType: true, sizeBytes: true, createdAt: true },
      });
      await event(tx, request, { kind: "ATTACHMENT_ADDED", from: current.status as RequestStatus, to: current.status as RequestStatus, actorId: userId, note: checked.value.name });
      return created;
    });
    await announce(request);
    return attachment;
  }

  /** The file behind an attachment, for those who may see its request (a reviewer's download is logged). */
  async function getAttachmentFile({ userId, attachmentId }: { userId: string; attachmentId: string }) {
    const attachment = await db.attachment.findUnique({ where: { id: attachmentId } });
    if (!attachment) throw notFound("File");
    const { actor, request, asRequester } = await access.requireServiceRequest(userId, attachment.requestId).catch(() => {
      throw notFound("File");
    });
    const trainee = await db.trainee.findUniqueOrThrow({ where: { id: request.traineeId }, select: { organizationId: true } });
    if (!asRequester && trainee.organizationId !== actor.member.organizationId) {
      await logTraineeRead(db, { traineeId: request.traineeId, userId, reason: `Opened the attachment "${attachment.originalName}"`, requestId: request.id });
    }
    const content = await db.attachmentContent.findUniqueOrThrow({ where: { attachmentId }, select: { bytes: true } });
    return {
      bytes: Buffer.from(content.bytes),
      mimeType: attachment.mimeType as AttachmentMime,
      originalName: attachment.originalName,
      sizeBytes: attachment.sizeBytes,
    };
  }

  return {
    overview,
    setSettings,
    addReviewer,
    removeReviewer,
    listTrainees,
    createTrainee,
    updateTrainee,
    getTrainee,
    grantAccess,
    revokeAccess,
    createFund,
    setCap,
    listFunds,
    summary,
    exportCsv,
    listRequests,
    getRequest,
    createRequest,
    updateRequest,
    submit,
    startReview,
    askInfo,
    answer,
    approve,
    deny,
    fulfil,
    cancel,
    addAttachment,
    getAttachmentFile,
  };
}

/**
 * Consecutive reads (newest first) by the same person, for the same reason, within half an hour of each
 * other, shown as one line with a count: a reviewer's page refetches on every live change. The log
 * itself keeps every read.
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

const dollars = (cents: number) => (cents / 100).toFixed(2);
/** A CSV cell, quoted when needed, and never starting like a spreadsheet formula. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
