// What other domains may ask of partnerships, inside their own transaction: who acts for each side of
// a body, and the writes a joint change applies (quorum rule, representation, a committee, seats,
// removals, organizations). The one-sided use cases (committees.ts, members.ts, organizations.ts) make
// the same writes through these functions, so a change reads and is checked the same whichever way it
// comes. Callers hold the locks each function names.
import type { MemberFacts, SeatFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { lockMembership, lockOrganization, lockTopBody, memberFactsIn, otherCoChairs, seatOrThrow, type RoomChanges } from "./partnerships.guards.js";
import {
  keepsACoChair,
  keepsEachSideCoChair,
  LAST_CO_CHAIR_REFUSAL,
  organizationRemovalRefusal,
  SIDE_KEEPS_CO_CHAIR_REFUSAL,
  sideChangeRefusal,
} from "./partnerships.policy.js";
import { seatFor } from "./partnerships.rules.js";
import type { OrganizationType, SeatRole, Side } from "./partnerships.schema.js";

export { inTransactionWithRooms, lockTopBody, type RoomChanges } from "./partnerships.guards.js";
export { pendingInvitationEmail } from "./invitations.js";

type Client = Db | Tx;
type CoChairSide = "LABOR" | "MANAGEMENT";
/** Who made the change, and the joint change it applies (null: one-sided). */
type By = { actorId: string; changeId: string | null };
export type BodyRef = { id: string; partnershipId: string; kind: string; name: string };
export type Scope = { partnershipId: string; bodyId: string | null };

const partnershipChanged = (effects: Effects, partnershipId: string) => effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });
const SIDE_WORD: Record<Side, string> = { LABOR: "labor", MANAGEMENT: "management", NEUTRAL: "neutral" };

// ─── who acts for each side ─────────────────────────────────────────────────

export type CoChair = { userId: string; membershipId: string; name: string; side: CoChairSide };

/**
 * The co-chairs who act for each side on a body: that body's own co-chairs and the partnership's (who
 * manage every committee). For the partnership's own business (`bodyId` null), its co-chairs.
 */
export async function coChairsFor(client: Client, scope: Scope): Promise<CoChair[]> {
  const seats = await client.bodySeat.findMany({
    where: {
      role: "CO_CHAIR",
      OR: [{ partnershipId: scope.partnershipId, body: { kind: "PARTNERSHIP" } }, ...(scope.bodyId ? [{ bodyId: scope.bodyId }] : [])],
    },
    select: { coChairSide: true, membership: { select: { id: true, user: { select: { id: true, name: true } } } } },
  });
  const byMembership = new Map<string, CoChair>();
  for (const s of seats) {
    byMembership.set(s.membership.id, { userId: s.membership.user.id, membershipId: s.membership.id, name: s.membership.user.name, side: s.coChairSide as CoChairSide });
  }
  return [...byMembership.values()];
}

/**
 * A user's standing for a scope's joint changes: their member facts, the side they co-chair it for
 * (null when they co-chair neither the body nor the partnership), and whether they are its staff.
 * Null when they are not a member of the partnership.
 */
export async function standingIn(client: Client, userId: string, scope: Scope) {
  const member: MemberFacts | null = await memberFactsIn(client as Tx, userId, scope.partnershipId);
  if (!member) return null;
  const bodySeat = scope.bodyId
    ? ((await client.bodySeat.findUnique({
        where: { bodyId_membershipId: { bodyId: scope.bodyId, membershipId: member.membershipId } },
        select: { role: true, coChairSide: true, isVoting: true },
      })) as SeatFacts | null)
    : null;
  const seats = [member.partnershipSeat, bodySeat];
  const coChair = seats.find((s) => s?.role === "CO_CHAIR");
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return {
    member,
    name: user.name,
    coChairSide: (coChair?.coChairSide ?? null) as CoChairSide | null,
    isStaff: seats.some((s) => s?.role === "STAFF"),
  };
}

// ─── bodies ─────────────────────────────────────────────────────────────────

export async function findBody(client: Client, bodyId: string) {
  return client.body.findUnique({
    where: { id: bodyId },
    select: {
      id: true,
      partnershipId: true,
      kind: true,
      name: true,
      quorumMode: true,
      quorumLabor: true,
      quorumManagement: true,
      equalRepresentation: true,
      seatsPerSide: true,
      unitRule: true,
    },
  });
}

/**
 * Locks a body for a change of its rules or seats: the partnership's top body first (FOR UPDATE when it
 * is the body changed, FOR SHARE otherwise), then the committee FOR UPDATE. Returns the top body's id.
 */
export async function lockBody(tx: Tx, body: Pick<BodyRef, "id" | "partnershipId" | "kind">): Promise<string> {
  const topBodyId = await lockTopBody(tx, body.partnershipId, body.kind === "PARTNERSHIP" ? "UPDATE" : "SHARE");
  if (body.kind !== "PARTNERSHIP") {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM "Body" WHERE "id" = $1 FOR UPDATE`, body.id);
    if (!rows.length) throw notFound("Committee");
  }
  return topBodyId;
}

export type QuorumRuleValue = { mode: "COUNT" | "SHARE"; labor: number; management: number };

export async function readQuorumRule(client: Client, bodyId: string): Promise<QuorumRuleValue> {
  const b = await client.body.findUniqueOrThrow({ where: { id: bodyId }, select: { quorumMode: true, quorumLabor: true, quorumManagement: true } });
  return { mode: b.quorumMode as QuorumRuleValue["mode"], labor: b.quorumLabor, management: b.quorumManagement };
}

/** The body's quorum rule: how many voting members of each side must be present. */
export async function writeQuorumRule(tx: Tx, effects: Effects, { body, rule, ...by }: { body: BodyRef; rule: QuorumRuleValue } & By) {
  await tx.body.update({ where: { id: body.id }, data: { quorumMode: rule.mode, quorumLabor: rule.labor, quorumManagement: rule.management } });
  await recordAudit(tx, { partnershipId: body.partnershipId, actorId: by.actorId, action: "body.quorumRuleSet", subjectType: "Body", subjectId: body.id, data: { ...rule, jointChangeId: by.changeId } });
  partnershipChanged(effects, body.partnershipId);
}

export type Representation = { equalRepresentation: boolean; seatsPerSide: number | null; unitRule: boolean };

export async function readRepresentation(client: Client, bodyId: string): Promise<Representation> {
  return client.body.findUniqueOrThrow({ where: { id: bodyId }, select: { equalRepresentation: true, seatsPerSide: true, unitRule: true } });
}

/** Voting seats per side on a body (co-chairs and voting members), leaving out one member's if told. */
export async function votingSeatsBySide(client: Client, bodyId: string, exceptMembershipId?: string): Promise<Record<Side, number>> {
  const seats = await client.bodySeat.findMany({
    where: { bodyId, isVoting: true, role: { in: ["CO_CHAIR", "MEMBER"] }, ...(exceptMembershipId ? { membershipId: { not: exceptMembershipId } } : {}) },
    select: { membership: { select: { organization: { select: { side: true } } } } },
  });
  const counts: Record<Side, number> = { LABOR: 0, MANAGEMENT: 0, NEUTRAL: 0 };
  for (const s of seats) counts[s.membership.organization.side as Side] += 1;
  return counts;
}

/**
 * Under equal representation each side holds at most `seatsPerSide` voting seats and no neutral member
 * votes. Call under the body's lock, before a seat change (`seat`: the member's seat as it will be) or
 * after a change of the rules. Vacancies are each side's own to fill. (A trigger refuses the same.)
 */
export async function checkParity(tx: Tx, bodyId: string, seat?: { membershipId: string; side: Side; voting: boolean }) {
  const body = await tx.body.findUniqueOrThrow({ where: { id: bodyId }, select: { name: true, equalRepresentation: true, seatsPerSide: true } });
  if (!body.equalRepresentation || body.seatsPerSide === null) return;
  const counts = await votingSeatsBySide(tx, bodyId, seat?.membershipId);
  if (seat?.voting) counts[seat.side] += 1;
  if (counts.NEUTRAL > 0) {
    throw new AppError("PRECONDITION_FAILED", `${body.name} has equal representation: only labor and management members vote there. Seat the neutral member without a vote.`);
  }
  for (const side of ["LABOR", "MANAGEMENT"] as const) {
    if (counts[side] > body.seatsPerSide) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${body.name} has equal representation: ${SIDE_WORD[side]} holds ${body.seatsPerSide} voting seat${body.seatsPerSide === 1 ? "" : "s"}, all filled. ` +
          `Free one first (remove a member or take their vote), or propose more seats per side to the other side.`,
        { fieldErrors: { isVoting: ["No voting seat is free for this side."] } },
      );
    }
  }
}

/** Turns equal representation (and the unit rule) on or off; the seats must already fit. */
export async function writeRepresentation(tx: Tx, effects: Effects, { body, representation, ...by }: { body: BodyRef; representation: Representation } & By) {
  const data = representation.equalRepresentation ? representation : { equalRepresentation: false, seatsPerSide: null, unitRule: false };
  await tx.body.update({ where: { id: body.id }, data });
  await checkParity(tx, body.id);
  await recordAudit(tx, { partnershipId: body.partnershipId, actorId: by.actorId, action: "body.representationSet", subjectType: "Body", subjectId: body.id, data: { ...data, jointChangeId: by.changeId } });
  partnershipChanged(effects, body.partnershipId);
}

/** A new committee of the partnership (its name is unique there). Hold the top body's lock. */
export async function insertCommittee(tx: Tx, effects: Effects, { partnershipId, name, description, ...by }: { partnershipId: string; name: string; description: string } & By) {
  const taken = await tx.body.findFirst({ where: { partnershipId, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "A committee with this name already exists.", { fieldErrors: { name: ["A committee with this name already exists."] } });
  const b = await tx.body.create({ data: { partnershipId, kind: "COMMITTEE", name, description }, select: { id: true, name: true } });
  await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "committee.created", subjectType: "Body", subjectId: b.id, data: { name: b.name, jointChangeId: by.changeId } });
  partnershipChanged(effects, partnershipId);
  return { id: b.id };
}

// ─── seats ──────────────────────────────────────────────────────────────────

export type SeatValue = { role: SeatRole; coChairSide: CoChairSide | null; isVoting: boolean };

/** Refuses a seat its holder's side does not allow (a neutral co-chair), with the field error. */
export async function checkSeat(client: Client, { partnershipId, membershipId, role, isVoting }: { partnershipId: string; membershipId: string; role: SeatRole; isVoting: boolean }) {
  const m = await client.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { organization: { select: { side: true } } } });
  if (!m) throw new AppError("BAD_REQUEST", "Choose a member of this partnership.", { fieldErrors: { membershipId: ["Choose a member of this partnership."] } });
  seatOrThrow(seatFor(role, m.organization.side as Side, isVoting));
}

/** A member of the partnership (their name and side) and their seat on a body, if any. */
export async function readSeat(client: Client, { partnershipId, bodyId, membershipId }: { partnershipId: string; bodyId: string; membershipId: string }) {
  const membership = await client.membership.findFirst({
    where: { id: membershipId, partnershipId },
    select: { id: true, userId: true, user: { select: { name: true } }, organization: { select: { name: true, side: true } } },
  });
  if (!membership) return { member: null, seat: null };
  const seat = await client.bodySeat.findUnique({
    where: { bodyId_membershipId: { bodyId, membershipId } },
    select: { role: true, coChairSide: true, isVoting: true, alternateMembershipId: true },
  });
  return {
    member: { membershipId: membership.id, userId: membership.userId, name: membership.user.name, organizationName: membership.organization.name, side: membership.organization.side as Side },
    seat: seat ? ({ role: seat.role, coChairSide: seat.coChairSide, isVoting: seat.isVoting } as SeatValue) : null,
  };
}

/**
 * Seats a member on a body or changes their seat. Hold `lockBody`'s locks. Making someone co-chair of
 * their side hands them that side's seat: its holder stays on as a voting member (a hand-over, in one
 * step). The partnership never loses its last co-chair, nor a side's co-chair once both sides have one;
 * equal representation is checked after the change.
 */
export async function writeSeat(
  tx: Tx,
  effects: Effects,
  {
    body,
    topBodyId,
    membershipId,
    role,
    isVoting,
    onlySide,
    ...by
  }: { body: BodyRef; topBodyId: string; membershipId: string; role: SeatRole; isVoting: boolean; onlySide?: Side } & By,
) {
  const membership = await lockMembership(tx, body.partnershipId, membershipId, "SHARE");
  if (!membership) throw notFound("Member");
  if (onlySide && membership.side !== onlySide) throw new AppError("CONFLICT", "That member's side changed meanwhile. Reload and try again.");
  const seat = seatOrThrow(seatFor(role, membership.side, isVoting));
  const existing = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: body.id, membershipId } }, select: { role: true, coChairSide: true } });
  let handedOverBy: string | null = null;
  if (seat.role === "CO_CHAIR" && existing?.role !== "CO_CHAIR") {
    const holder = await tx.bodySeat.findFirst({ where: { bodyId: body.id, coChairSide: seat.coChairSide }, select: { id: true, membershipId: true } });
    if (holder) {
      await tx.bodySeat.update({ where: { id: holder.id }, data: { role: "MEMBER", coChairSide: null, isVoting: true } });
      handedOverBy = holder.membershipId;
    }
  }
  const isTopBody = body.id === topBodyId;
  const losesCoChairSeat = existing?.role === "CO_CHAIR" && seat.role !== "CO_CHAIR";
  if (isTopBody && losesCoChairSeat) await checkCoChairsRemain(tx, topBodyId, membershipId, existing!.coChairSide as CoChairSide);
  await checkParity(tx, body.id, { membershipId, side: membership.side, voting: seat.isVoting && (seat.role === "CO_CHAIR" || seat.role === "MEMBER") });
  await tx.bodySeat.upsert({
    where: { bodyId_membershipId: { bodyId: body.id, membershipId } },
    create: { partnershipId: body.partnershipId, bodyId: body.id, membershipId, ...seat },
    update: seat,
  });
  await recordAudit(tx, {
    partnershipId: body.partnershipId,
    actorId: by.actorId,
    action: "seat.set",
    subjectType: "Body",
    subjectId: body.id,
    data: { membershipId, ...seat, handedOverBy, jointChangeId: by.changeId },
  });
  partnershipChanged(effects, body.partnershipId);
}

/** On the top body: the partnership keeps a co-chair, and a side's co-chair once both sides have one. */
async function checkCoChairsRemain(tx: Tx, topBodyId: string, membershipId: string, side: CoChairSide) {
  const others = await otherCoChairs(tx, topBodyId, membershipId);
  if (!keepsACoChair({ isTopBody: true, losesCoChairSeat: true, otherCoChairs: others })) throw new AppError("PRECONDITION_FAILED", LAST_CO_CHAIR_REFUSAL);
  const sameSideLeft = await tx.bodySeat.count({ where: { bodyId: topBodyId, coChairSide: side, membershipId: { not: membershipId } } });
  const otherSide = await tx.bodySeat.count({ where: { bodyId: topBodyId, coChairSide: side === "LABOR" ? "MANAGEMENT" : "LABOR" } });
  if (!keepsEachSideCoChair({ isTopBody: true, losesCoChairSeat: true, sameSideLeft, otherSide })) throw new AppError("PRECONDITION_FAILED", SIDE_KEEPS_CO_CHAIR_REFUSAL(side));
}

/** Takes a member's seat on a committee away. Hold `lockBody`'s locks. */
export async function deleteSeat(tx: Tx, effects: Effects, rooms: RoomChanges, { body, membershipId, ...by }: { body: BodyRef; membershipId: string } & By) {
  const seat = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: body.id, membershipId } }, select: { membership: { select: { userId: true } } } });
  const { count } = await tx.bodySeat.deleteMany({ where: { bodyId: body.id, membershipId } });
  if (!seat || !count) throw notFound("Seat");
  await recordAudit(tx, { partnershipId: body.partnershipId, actorId: by.actorId, action: "seat.removed", subjectType: "Body", subjectId: body.id, data: { membershipId, jointChangeId: by.changeId } });
  // Their sockets leave this body's meeting and motion rooms (they rejoin only what they may still read).
  rooms.recheck(seat.membership.userId);
  partnershipChanged(effects, body.partnershipId);
}

/**
 * Removes a member and their seats. Hold the top body's lock FOR UPDATE; the membership is locked here,
 * so a seat being given to them meanwhile either lands before and goes with them, or finds them gone.
 */
export async function deleteMember(
  tx: Tx,
  effects: Effects,
  rooms: RoomChanges,
  { partnershipId, topBodyId, membershipId, ...by }: { partnershipId: string; topBodyId: string; membershipId: string } & By,
) {
  const membership = await lockMembership(tx, partnershipId, membershipId, "UPDATE");
  if (!membership) throw notFound("Member");
  const seat = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: topBodyId, membershipId } }, select: { role: true, coChairSide: true } });
  if (seat?.role === "CO_CHAIR") await checkCoChairsRemain(tx, topBodyId, membershipId, seat.coChairSide as CoChairSide);
  await tx.membership.delete({ where: { id: membershipId } });
  await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "membership.removed", subjectType: "Membership", subjectId: membershipId, data: { userId: membership.userId, jointChangeId: by.changeId } });
  // The removed person's open sockets stop receiving this partnership's events at once (before this
  // removal is announced), and their meeting, caucus and motion rooms are checked again on reconnect.
  rooms.leavePartnership(membership.userId, partnershipId);
  rooms.recheck(membership.userId);
  effects.publish(partnershipRoom(partnershipId), "membership:removed", { partnershipId, membershipId });
}

// ─── organizations ──────────────────────────────────────────────────────────

export type OrganizationChange = {
  action: "CREATE" | "UPDATE" | "REMOVE";
  organizationId: string | null;
  name: string;
  type: OrganizationType;
  side: Side;
};

export async function readOrganization(client: Client, partnershipId: string, organizationId: string) {
  return client.organization.findFirst({ where: { id: organizationId, partnershipId }, select: { id: true, name: true, type: true, side: true } });
}

/**
 * Refuses an organization change that cannot be made now (throws the AppError the user sees): a name
 * taken, an organization gone, a side change while a co-chair belongs to it or its members hold voting
 * seats on a body with equal representation (their votes would change sides), a removal while people
 * or service records name it. Checked when it is proposed and again when it is written.
 */
export async function checkOrganizationChange(tx: Tx, partnershipId: string, change: OrganizationChange) {
  if (change.action !== "REMOVE") {
    const taken = await tx.organization.findFirst({ where: { partnershipId, name: change.name, ...(change.organizationId ? { id: { not: change.organizationId } } : {}) }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "An organization with this name is already in the partnership.", { fieldErrors: { name: ["An organization with this name is already in the partnership."] } });
  }
  if (change.action === "CREATE") return;
  const org = await readOrganization(tx, partnershipId, change.organizationId ?? "");
  if (!org) throw notFound("Organization");
  if (change.action === "REMOVE") {
    const counts = await tx.organization.findUniqueOrThrow({ where: { id: org.id }, select: { _count: { select: { memberships: true, trainees: true, serviceRequests: true } } } });
    const refusal = organizationRemovalRefusal(counts._count);
    if (refusal) throw new AppError("PRECONDITION_FAILED", refusal);
    return;
  }
  const coChairs = await tx.bodySeat.count({ where: { role: "CO_CHAIR", membership: { organizationId: org.id } } });
  const refusal = sideChangeRefusal({ from: org.side as Side, to: change.side, hasCoChair: coChairs > 0 });
  if (refusal) throw new AppError("PRECONDITION_FAILED", refusal, { fieldErrors: { side: [refusal] } });
  if (org.side !== change.side) {
    const parity = await tx.bodySeat.count({ where: { isVoting: true, body: { equalRepresentation: true }, membership: { organizationId: org.id } } });
    if (parity > 0) {
      const message = "Members of this organization hold voting seats on a body with equal representation, so its side cannot change.";
      throw new AppError("PRECONDITION_FAILED", message, { fieldErrors: { side: [message] } });
    }
  }
}

/**
 * Creates, changes or removes an organization. Hold the top body's lock (FOR SHARE is enough); the
 * organization's row is locked here before `checkOrganizationChange` looks again.
 */
export async function writeOrganization(tx: Tx, effects: Effects, { partnershipId, change, ...by }: { partnershipId: string; change: OrganizationChange } & By) {
  if (change.action === "CREATE") {
    await checkOrganizationChange(tx, partnershipId, change);
    const o = await tx.organization.create({ data: { partnershipId, name: change.name, type: change.type, side: change.side } });
    await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "organization.created", subjectType: "Organization", subjectId: o.id, data: { name: o.name, side: o.side, jointChangeId: by.changeId } });
    partnershipChanged(effects, partnershipId);
    return { id: o.id };
  }
  // Locked first: a membership, trainee or request naming it, or a co-chair seated from it, waits for
  // this transaction (or is seen by the check below).
  const org = await lockOrganization(tx, partnershipId, change.organizationId ?? "", "UPDATE");
  if (!org) throw notFound("Organization");
  await checkOrganizationChange(tx, partnershipId, change);
  if (change.action === "REMOVE") {
    await tx.organization.delete({ where: { id: org.id } });
    await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "organization.removed", subjectType: "Organization", subjectId: org.id, data: { jointChangeId: by.changeId } });
  } else {
    await tx.organization.update({ where: { id: org.id }, data: { name: change.name, type: change.type, side: change.side } });
    await recordAudit(tx, { partnershipId, actorId: by.actorId, action: "organization.updated", subjectType: "Organization", subjectId: org.id, data: { name: change.name, side: change.side, jointChangeId: by.changeId } });
  }
  partnershipChanged(effects, partnershipId);
  return { id: org.id };
}
