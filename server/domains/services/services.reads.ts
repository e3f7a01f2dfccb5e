// What the supportive-services pages read: the overview, request lists (the reviewers' queue carries no
// trainee identity), one request, trainee lists and search, funds, and the counts and totals every
// member may see (summary, CSV export). Who sees what is the permission layer's where-clauses, applied
// in each query; a trainee's identity appears only where `traineeVia` allows it.
import type { Prisma } from "../../generated/prisma/client.js";
import { notFound } from "../../errors.js";
import { readerLocale, serverWords } from "../../i18n.js";
import { csvText } from "../common.rules.js";
import { dashboardWords } from "../participants/dashboard.words.rules.js";
import {
  canAttachFiles,
  canEditRequest,
  canOpenFiles,
  canTake,
  mayActForTrainee,
  traineeVia,
  type RequestViewer,
} from "./services.policy.js";
import {
  availableCents,
  describeReviewPolicy,
  DEMOGRAPHIC_LABELS,
  DEMOGRAPHICS,
  FUNDED_STATUSES,
  OPEN_STATUSES,
  RACE_ETHNICITY_GROUPS,
  raceEthnicityGroup,
  REQUEST_STATUSES,
  slaClock,
  type ApprovalSide,
  type RequestStatus,
  type ServiceCategory,
} from "./services.rules.js";
import { logTraineeRead, targetDays, type Call, type ServicesDeps, type ServicesLimitsDeps } from "./services.shared.js";
import { readSuppressionThreshold } from "../participants/participants.api.js";
import { describeSuppressionRule, suppressBreakdown } from "../participants/suppression.rules.js";

type PartnershipInput = { partnershipId: string };

/** What a request list shows of each request (the trainee's name is added only where it may be seen). */
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

export async function getOverview(deps: ServicesDeps & { config: Pick<ServicesLimitsDeps["config"], "MAX_REQUEST_CENTS"> }, { userId, input }: Call<PartnershipInput>) {
  const { partnershipId } = input;
  const actor = await deps.access.requireServicesActor(userId, partnershipId);
  const [reviewers, days] = await Promise.all([
    deps.db.serviceReviewer.findMany({
      where: { partnershipId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { membershipId: true, membership: { select: { user: { select: { name: true } }, organization: { select: { name: true } } } } },
    }),
    targetDays(deps.db, partnershipId),
  ]);
  return {
    viewer: {
      isCbo: actor.isCbo,
      isReviewer: actor.isReviewer,
      canManage: actor.canManage,
      organizationId: actor.organization.id,
      organizationName: actor.organization.name,
    },
    targetDays: days,
    maxRequestCents: deps.config.MAX_REQUEST_CENTS,
    reviewers: reviewers.map((r) => ({ membershipId: r.membershipId, name: r.membership.user.name, organizationName: r.membership.organization.name })),
  };
}

/** mine: the requests of my organization or for its trainees; queue/all: what reviewers see (no trainee names). */
export async function listRequests(deps: ServicesDeps, { userId, input }: Call<PartnershipInput & { view: "mine" | "queue" | "all" }>) {
  const { partnershipId, view } = input;
  const actor = await deps.access.requireServicesActor(userId, partnershipId);
  const days = await targetDays(deps.db, partnershipId);
  const now = new Date();
  const orgId = actor.member.organizationId;
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
    const statuses = view === "queue" ? [...OPEN_STATUSES, "APPROVED"] : Object.keys(REQUEST_STATUSES).filter((s) => s !== "DRAFT");
    const rows = await deps.db.serviceRequest.findMany({
      where: { AND: [actor.visibleRequests, { status: { in: statuses } }] },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: 500,
      select: LISTED_REQUEST,
    });
    return rows.map((r) => listed(r, null, r.organizationId === orgId));
  }
  const rows = await deps.db.serviceRequest.findMany({
    where: { AND: [actor.visibleRequests, { OR: [{ organizationId: orgId }, { trainee: { organizationId: orgId } }] }] },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: { ...LISTED_REQUEST, trainee: { select: { name: true, organizationId: true, grants: { where: { organizationId: orgId }, select: { id: true } } } } },
  });
  return rows.map(({ trainee, ...r }) => {
    // A request made for another CBO's trainee shows the name only while that CBO still shares the record.
    const via = traineeVia({ viewerOrganizationId: orgId, ownerOrganizationId: trainee.organizationId, hasGrant: trainee.grants.length > 0, isReviewer: false, underReview: false });
    return listed(r, mayActForTrainee(via) ? trainee.name : null, true);
  });
}

/**
 * One request as the asker may see it. The trainee (name, contact) only for those `traineeVia` allows:
 * the owning CBO, a CBO holding the owner's grant, a reviewer (logged). The requesting organization
 * whose access was revoked keeps the request's amounts, status and history, without the trainee.
 */
export async function getRequest(deps: ServicesDeps, { userId, input }: Call<{ requestId: string }>) {
  const { db } = deps;
  const { requestId } = input;
  const { actor, request, asRequester, traineeVia: via } = await deps.access.requireServiceRequest(userId, requestId);
  const viewer: RequestViewer = { asRequester, isReviewer: actor.isReviewer, traineeVia: via };
  if (via === "REVIEWER") await logTraineeRead(db, { traineeId: request.traineeId, userId, reason: "Reviewing a supportive-service request", requestId });
  const isReviewing = actor.isReviewer && !asRequester;
  const [trainee, organization, events, attachments, fund, days, funds, approvals] = await Promise.all([
    via
      ? db.trainee.findUniqueOrThrow({
          where: { id: request.traineeId },
          select: { id: true, name: true, email: true, phone: true, program: true, preferredLanguage: true, organizationId: true },
        })
      : Promise.resolve(null),
    db.organization.findUniqueOrThrow({ where: { id: request.organizationId }, select: { name: true } }),
    db.requestEvent.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.attachment.findMany({ where: { requestId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, originalName: true, mimeType: true, sizeBytes: true, createdAt: true } }),
    request.fundId ? db.fund.findUnique({ where: { id: request.fundId }, select: { id: true, name: true } }) : Promise.resolve(null),
    targetDays(db, request.partnershipId),
    isReviewing ? db.fund.findMany({ where: { partnershipId: request.partnershipId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) : Promise.resolve([]),
    db.requestApproval.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } }),
  ]);
  const approvalFunds = await db.fund.findMany({ where: { id: { in: approvals.map((a) => a.fundId) } }, select: { id: true, name: true } });
  const people = await db.user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId))] } }, select: { id: true, name: true } });
  const status = request.status as RequestStatus;
  const { traineeId, ...shown } = request;
  return {
    request: {
      ...shown,
      /** Null when the asker may not see the trainee. */
      traineeId: via ? traineeId : null,
      status,
      category: request.category as ServiceCategory,
      organizationName: organization.name,
      fund,
      clock: request.submittedAt && OPEN_STATUSES.includes(status) ? slaClock(request.submittedAt, new Date(), days) : null,
    },
    /** Null when the asker may not see the trainee (e.g. the owner revoked the requesting organization's access). */
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
    /** Above a fund's threshold, each side's reviewer approves: the approvals given so far (the fund is charged at the second). */
    approvals: approvals.map((a) => ({
      side: a.side as ApprovalSide,
      reviewerName: a.reviewerName,
      amountCents: a.amountCents,
      fundId: a.fundId,
      fundName: approvalFunds.find((f) => f.id === a.fundId)?.name ?? "",
      createdAt: a.createdAt,
    })),
    funds: funds.map((f) => ({ id: f.id, name: f.name, availableCents: availableCents(f), bothSidesAboveCents: f.bothSidesAboveCents })),
    /** The reviewer's side (labor, management or neutral): above a fund's threshold one approval per side. */
    reviewerSide: isReviewing ? actor.member.side : null,
    targetDays: days,
    viewer: { asRequester, isReviewer: actor.isReviewer, conflictOfInterest: actor.isReviewer && asRequester, traineeVia: via },
    can: {
      edit: canEditRequest(status, viewer),
      attach: canAttachFiles(status, viewer),
      openFiles: canOpenFiles(viewer),
      submit: canTake("submit", status, viewer),
      answer: canTake("answer", status, viewer),
      startReview: canTake("startReview", status, viewer),
      askInfo: canTake("askInfo", status, viewer),
      approve: canTake("approve", status, viewer),
      deny: canTake("deny", status, viewer),
      fulfil: canTake("fulfil", status, viewer),
      cancel: canTake("cancel", status, viewer),
    },
  };
}

/** The trainees the asker's CBO owns or was granted, by name or program (any case). Reviewers do not browse trainees. */
export async function listTrainees(deps: ServicesDeps, { userId, input }: Call<PartnershipInput & { search: string }>) {
  const { partnershipId, search } = input;
  const actor = await deps.access.requireServicesActor(userId, partnershipId);
  const orgId = actor.member.organizationId;
  const rows = await deps.db.trainee.findMany({
    where: {
      AND: [
        actor.visibleTrainees,
        { OR: [{ organizationId: orgId }, { grants: { some: { organizationId: orgId } } }] },
        ...(search ? [{ OR: [{ name: { contains: search, mode: "insensitive" as const } }, { program: { contains: search, mode: "insensitive" as const } }] }] : []),
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true, program: true, preferredLanguage: true, organizationId: true, createdAt: true, organization: { select: { name: true } }, _count: { select: { requests: true } } },
  });
  return rows.map(({ _count, organization, ...t }) => ({ ...t, organizationName: organization.name, isOwn: t.organizationId === orgId, requestCount: _count.requests }));
}

/** Funds with their balances, caps, and approved/spent amounts by category and by month. Every member may see these totals. */
export async function listFunds(deps: ServicesDeps, { userId, input }: Call<PartnershipInput>) {
  const { partnershipId } = input;
  await deps.access.requireMember(userId, partnershipId);
  const [funds, rows] = await Promise.all([
    deps.db.fund.findMany({ where: { partnershipId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { caps: { orderBy: [{ perTrainee: "asc" }, { category: "asc" }] } } }),
    deps.db.serviceRequest.findMany({
      where: { partnershipId, fundId: { not: null }, status: { in: FUNDED_STATUSES } },
      select: { fundId: true, category: true, status: true, approvedCents: true, decidedAt: true, fulfilledOn: true },
    }),
  ]);
  return funds.map((fund) => {
    const byCategory = new Map<ServiceCategory, { committedCents: number; spentCents: number; count: number }>();
    const byMonth = new Map<string, { committedCents: number; spentCents: number }>();
    for (const r of rows.filter((row) => row.fundId === fund.id)) {
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
      closedAt: fund.closedAt,
      /** Above this, a reviewer of each side approves (null: one reviewer, any amount). */
      bothSidesAboveCents: fund.bothSidesAboveCents,
      reviewPolicy: describeReviewPolicy(fund.bothSidesAboveCents),
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

/** Counts and totals only: no trainee, no organization, no request id. */
export async function getSummary(deps: ServicesDeps, { userId, input }: Call<PartnershipInput>) {
  const { partnershipId } = input;
  const { db } = deps;
  await deps.access.requireMember(userId, partnershipId);
  const [byStatus, byCategory, trainees, funds, demographics] = await Promise.all([
    db.serviceRequest.groupBy({ by: ["status"], where: { partnershipId }, _count: { _all: true }, _sum: { requestedCents: true } }),
    db.serviceRequest.groupBy({ by: ["category"], where: { partnershipId, status: { in: FUNDED_STATUSES } }, orderBy: { category: "asc" }, _count: { _all: true }, _sum: { approvedCents: true } }),
    db.trainee.count({ where: { partnershipId } }),
    db.fund.aggregate({ where: { partnershipId }, _sum: { startingCents: true, committedCents: true, spentCents: true } }),
    traineeDemographics(deps, partnershipId),
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
    demographics,
  };
}

/**
 * Trainees counted by each self-reported question (race and ethnicity as one group per person: a
 * category alone, several, or not said), with small groups hidden as every table about people is
 * (the partnership's threshold, participants.api.ts). No name, no organization: anyone may see these.
 */
async function traineeDemographics(deps: ServicesDeps, partnershipId: string) {
  const [rows, threshold] = await Promise.all([
    deps.db.trainee.findMany({ where: { partnershipId }, select: { raceEthnicity: true, sex: true, veteranStatus: true, disabilityStatus: true, ageBand: true } }),
    readSuppressionThreshold(deps.db, partnershipId),
  ]);
  const breakdown = (key: keyof typeof DEMOGRAPHIC_LABELS, groups: Record<string, string>, groupOf: (row: (typeof rows)[number]) => string) => {
    const label = DEMOGRAPHIC_LABELS[key];
    const keys = Object.keys(groups);
    const suppressed = suppressBreakdown(
      keys.map((k) => rows.filter((row) => groupOf(row) === k).length),
      threshold,
    );
    return { key, label, rows: keys.map((k, i) => ({ key: k, label: groups[k]!, count: suppressed.counts[i]! })), total: suppressed.total };
  };
  return {
    threshold,
    rule: describeSuppressionRule(threshold),
    tables: [
      breakdown("raceEthnicity", RACE_ETHNICITY_GROUPS, (row) => raceEthnicityGroup(row.raceEthnicity)),
      ...(Object.keys(DEMOGRAPHICS) as Array<keyof typeof DEMOGRAPHICS>).map((q) => breakdown(q, DEMOGRAPHICS[q], (row) => row[q])),
    ],
  };
}

/** A CSV of counts and totals by category and status, or of trainees by group (no personal data, whoever asks), in the reader's language. */
export async function exportSummaryCsv(deps: ServicesDeps, { userId, input }: Call<PartnershipInput & { table?: "requests" | "trainees" }>) {
  const { partnershipId } = input;
  await deps.access.requireMember(userId, partnershipId);
  const { t } = serverWords(await readerLocale(deps.db, userId));
  if (input.table === "trainees") {
    // Trainees by each self-reported question, small groups hidden (an empty cell is a hidden count).
    const { tables, threshold } = await traineeDemographics(deps, partnershipId);
    const words = dashboardWords(t, { year: 0, threshold });
    return csvText([
      [t("services:csv.question"), t("services:csv.group"), t("services:csv.trainees")],
      ...tables.flatMap((table) => [
        ...table.rows.map((row) => [words.table(table), words.group(table, row), row.count]),
        [words.table(table), t("services:index.allTrainees"), table.total],
      ]),
      [t("services:csv.suppression"), words.rule, null],
    ]);
  }
  const groups = await deps.db.serviceRequest.groupBy({
    by: ["category", "status"],
    where: { partnershipId, status: { not: "DRAFT" } },
    _count: { _all: true },
    _sum: { requestedCents: true, approvedCents: true },
    orderBy: [{ category: "asc" }, { status: "asc" }],
  });
  return csvText([
    (["category", "status", "requests", "requestedDollars", "approvedDollars"] as const).map((column) => t(`services:csv.${column}`)),
    ...groups.map((g) => [
      t(`services:category.${g.category}`),
      t(`services:status.${g.status}`),
      g._count._all,
      dollars(g._sum.requestedCents ?? 0),
      dollars(g._sum.approvedCents ?? 0),
    ]),
  ]);
}

const dollars = (cents: number) => (cents / 100).toFixed(2);
