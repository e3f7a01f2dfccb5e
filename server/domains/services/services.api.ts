// What other domains may ask of supportive services, inside their own transaction: the writes that
// govern the money (a new fund, closing one, its caps, who reviews requests). The joint domain applies
// a concurred change with these; nothing else writes those rows.
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { userRoom } from "../../realtime/realtime.events.js";
import { lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import { formatCents, SERVICE_CATEGORIES, type ServiceCategory } from "./services.rules.js";
import { announceTotals, fieldError } from "./services.shared.js";

type Client = Db | Tx;
type By = { actorId: string; changeId: string | null };

export async function readFund(client: Client, partnershipId: string, fundId: string) {
  return client.fund.findFirst({
    where: { id: fundId, partnershipId },
    select: { id: true, name: true, startingCents: true, committedCents: true, spentCents: true, closedAt: true, bothSidesAboveCents: true },
  });
}

/** A new fund (its name is unique in the partnership). */
export async function insertFund(tx: Tx, effects: Effects, { partnershipId, name, startingCents, ...by }: { partnershipId: string; name: string; startingCents: number } & By) {
  const taken = await tx.fund.findFirst({ where: { partnershipId, name }, select: { id: true } });
  if (taken) throw fieldError("BAD_REQUEST", "name", "A fund with this name already exists.");
  const created = await tx.fund.create({ data: { partnershipId, name, startingCents }, select: { id: true } });
  await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "fund.created", subjectType: "Fund", subjectId: created.id, data: { startingCents, jointChangeId: by.changeId } });
  announceTotals(effects, partnershipId);
  return created;
}

/**
 * Closes a fund to new approvals, under its row lock (approvals lock it first too, so one in flight
 * either lands before or finds it closed). Requests it already approved are still fulfilled or cancelled.
 */
export async function closeFund(tx: Tx, effects: Effects, { partnershipId, fundId, ...by }: { partnershipId: string; fundId: string } & By) {
  const fund = await readFund(tx, partnershipId, fundId);
  if (!fund || !(await lockRow(tx, "Fund", fund.id))) throw notFound("Fund");
  const { count } = await tx.fund.updateMany({ where: { id: fund.id, closedAt: null }, data: { closedAt: new Date() } });
  if (!count) throw new AppError("CONFLICT", `${fund.name} is already closed.`);
  await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "fund.closed", subjectType: "Fund", subjectId: fund.id, data: { committedCents: fund.committedCents, jointChangeId: by.changeId } });
  announceTotals(effects, partnershipId);
}

export type CapKey = { fundId: string; category: ServiceCategory | "ALL"; perTrainee: boolean };

export async function readFundCap(client: Client, key: CapKey) {
  const cap = await client.fundCap.findUnique({ where: { fundId_category_perTrainee: key }, select: { capCents: true } });
  return cap?.capCents ?? null;
}

export const capLabel = (key: Pick<CapKey, "category" | "perTrainee">) =>
  `${key.category === "ALL" ? "All categories" : SERVICE_CATEGORIES[key.category]}, ${key.perTrainee ? "per trainee" : "all trainees together"}, per calendar year`;

/** Sets (or, with null, removes) one yearly cap of a fund, under the fund's lock: approvals check the caps under it. */
export async function writeFundCap(tx: Tx, effects: Effects, { partnershipId, key, capCents, ...by }: { partnershipId: string; key: CapKey; capCents: number | null } & By) {
  const fund = await readFund(tx, partnershipId, key.fundId);
  if (!fund || !(await lockRow(tx, "Fund", fund.id))) throw notFound("Fund");
  if (capCents === null) await tx.fundCap.deleteMany({ where: key });
  else await tx.fundCap.upsert({ where: { fundId_category_perTrainee: key }, create: { ...key, capCents }, update: { capCents } });
  await recordAudit(tx, {
    partnershipId,
    actorId: by.actorId,
    action: "fund.capSet",
    subjectType: "Fund",
    subjectId: fund.id,
    data: { category: key.category, perTrainee: key.perTrainee, capCents, jointChangeId: by.changeId },
  });
  announceTotals(effects, partnershipId);
}

export const centsLabel = (cents: number | null) => (cents === null ? "no cap" : formatCents(cents));

/**
 * Sets a fund's review policy: above `bothSidesAboveCents` an approval needs a reviewer of each side
 * (null: one reviewer, any amount). Under the fund's lock, which approvals take first: an approval in
 * flight is decided under the old policy or waits and sees the new one.
 */
export async function writeFundReviewPolicy(
  tx: Tx,
  effects: Effects,
  { partnershipId, fundId, bothSidesAboveCents, ...by }: { partnershipId: string; fundId: string; bothSidesAboveCents: number | null } & By,
) {
  const fund = await readFund(tx, partnershipId, fundId);
  if (!fund || !(await lockRow(tx, "Fund", fund.id))) throw notFound("Fund");
  await tx.fund.update({ where: { id: fund.id }, data: { bothSidesAboveCents } });
  await recordAudit(tx, {
    partnershipId,
    actorId: by.actorId,
    action: "fund.reviewPolicySet",
    subjectType: "Fund",
    subjectId: fund.id,
    data: { from: fund.bothSidesAboveCents, bothSidesAboveCents, jointChangeId: by.changeId },
  });
  announceTotals(effects, partnershipId);
}

/** A member of the partnership and whether they review supportive-service requests. */
export async function readReviewer(client: Client, partnershipId: string, membershipId: string) {
  const m = await client.membership.findFirst({
    where: { id: membershipId, partnershipId },
    select: { id: true, userId: true, user: { select: { name: true } }, organization: { select: { name: true } }, serviceReviewer: { select: { id: true } } },
  });
  return m ? { membershipId: m.id, userId: m.userId, name: m.user.name, organizationName: m.organization.name, isReviewer: Boolean(m.serviceReviewer) } : null;
}

/**
 * Designates a member to review requests (they see trainees' identities) or takes it back. The
 * composite foreign key refuses a membership removed meanwhile; the unique key, a second designation.
 */
export async function writeReviewer(tx: Tx, effects: Effects, { partnershipId, membershipId, designate, ...by }: { partnershipId: string; membershipId: string; designate: boolean } & By) {
  const member = await readReviewer(tx, partnershipId, membershipId);
  if (!member) throw fieldError("BAD_REQUEST", "membershipId", "Choose a member of this partnership.");
  if (designate) {
    if (member.isReviewer) throw new AppError("CONFLICT", "This member is already a reviewer.");
    await tx.serviceReviewer.create({ data: { partnershipId, membershipId, designatedBy: by.actorId } });
  } else {
    const { count } = await tx.serviceReviewer.deleteMany({ where: { partnershipId, membershipId } });
    if (!count) throw notFound("Reviewer");
  }
  await recordAudit(tx, {
    partnershipId,
    actorId: by.actorId,
    action: designate ? "services.reviewerAdded" : "services.reviewerRemoved",
    subjectType: "Membership",
    subjectId: membershipId,
    data: { jointChangeId: by.changeId },
  });
  // The reviewer's pages refetch (the queue appears or goes), and everyone's totals.
  effects.publish(userRoom(member.userId), "services:totalsChanged", { partnershipId });
  announceTotals(effects, partnershipId);
}

// ─── trainees linked into programs (participants) ───────────────────────────
// A CBO may put one of its trainees (or one shared with it) into a program of the partnership. The
// record stays the CBO's: programs read the name through here, every read of the record by a program's
// staff lands in the CBO's access log, and the self-reported answers leave only as counts.
import { Prisma } from "../../generated/prisma/client.js";
import { logTraineeRead } from "./services.shared.js";

/** Whether `organizationId` may link the trainee into a program: it owns the trainee or holds the owner's grant. */
export async function traineeLinkableBy(client: Client, { partnershipId, traineeId, organizationId }: { partnershipId: string; traineeId: string; organizationId: string }) {
  const found = await client.trainee.findFirst({
    where: { id: traineeId, partnershipId, OR: [{ organizationId }, { grants: { some: { organizationId } } }] },
    select: { id: true },
  });
  return Boolean(found);
}

/** Linked trainees' names, for the people a program shows them to (the caller logs reads of a record). */
export async function readTraineeNames(client: Client, partnershipId: string, traineeIds: string[]): Promise<Map<string, string>> {
  if (!traineeIds.length) return new Map();
  const rows = await client.trainee.findMany({ where: { partnershipId, id: { in: traineeIds } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Records, in the owning CBO's access log, that someone outside it read the trainee's record and why. */
export async function logTraineeReadFor(client: Client, entry: { traineeId: string; userId: string; reason: string }) {
  await logTraineeRead(client, entry);
}

/**
 * Trainees' self-reported answers as a SQL subquery (id, raceEthnicity, sex, veteranStatus,
 * disabilityStatus, ageBand) for counting only: a caller may group and count them, never show a row.
 */
export function traineeAnswersSql(partnershipId: string): Prisma.Sql {
  return Prisma.sql`(SELECT "id", "raceEthnicity", "sex", "veteranStatus", "disabilityStatus", "ageBand" FROM "Trainee" WHERE "partnershipId" = ${partnershipId})`;
}
