// Bodies of a partnership (its top body and its committees): details, rules and seats. What needs both
// sides (a new committee, the quorum rule, equal representation, any seat of the other side or of a
// neutral member) is proposed as a joint change (server/domains/joint); what is a side's own business
// (seating and removing its own members, handing over its own co-chair seat) applies at once. Seat
// changes lock the body's row, so two of them never decide on the same picture: the partnership keeps
// its co-chairs, and one co-chair per side per body is a unique key besides.
import type { SeatFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange, type ProposedOr } from "../joint/joint.api.js";
import type { QuorumRuleInput } from "../meetings/meetings.schema.js";
import { deleteSeat, readSeat, writeSeat } from "./partnerships.api.js";
import { conflictOnUnique, inTransactionWithRooms, recheckBodyManager, type PartnershipsDeps } from "./partnerships.guards.js";
import { canManageBody, canRemoveSeat, isOwnSide } from "./partnerships.policy.js";
import type { CreateCommitteeInput, RepresentationInput, SeatRole, SetSeatInput, Side, UpdateCommitteeInput } from "./partnerships.schema.js";

/** Proposing may apply a removal at once (no co-chair on the other side yet): its sockets leave their rooms. */
type ProposingDeps = PartnershipsDeps & Pick<AppDeps, "realtime" | "logger">;

const DUPLICATE_NAME = "A committee with this name already exists.";
const CO_CHAIR_HELD = "That side's co-chair seat was filled meanwhile. Reload and try again.";

/** A committee (or the partnership's top body) with its seats, for a member of the partnership. */
export async function getCommittee(deps: Pick<PartnershipsDeps, "db" | "access">, { userId, input }: { userId: string; input: { bodyId: string } }) {
  const { body, member } = await deps.access.requireBodyMember(userId, input.bodyId);
  const full = await deps.db.body.findUniqueOrThrow({
    where: { id: body.id },
    select: {
      id: true,
      kind: true,
      name: true,
      description: true,
      quorumMode: true,
      quorumLabor: true,
      quorumManagement: true,
      equalRepresentation: true,
      seatsPerSide: true,
      unitRule: true,
      partnership: { select: { id: true, name: true } },
      seats: {
        orderBy: [{ role: "asc" }, { membership: { user: { name: "asc" } } }],
        select: {
          role: true,
          coChairSide: true,
          isVoting: true,
          membership: {
            select: { id: true, user: { select: { id: true, name: true } }, organization: { select: { name: true, side: true } } },
          },
        },
      },
    },
  });
  const viewerSeat = full.seats.find((s) => s.membership.id === member.membershipId);
  const seats = [member.partnershipSeat, (viewerSeat as SeatFacts | undefined) ?? null];
  return {
    id: full.id,
    kind: full.kind as "PARTNERSHIP" | "COMMITTEE",
    name: full.name,
    description: full.description,
    partnership: full.partnership,
    quorumRule: { mode: full.quorumMode as "COUNT" | "SHARE", labor: full.quorumLabor, management: full.quorumManagement },
    representation: { equalRepresentation: full.equalRepresentation, seatsPerSide: full.seatsPerSide, unitRule: full.unitRule },
    canManage: canManageBody(member, (viewerSeat as SeatFacts | undefined) ?? null),
    /** The viewer's side, and how they take part in joint changes here (co-chairs propose, staff prepare). */
    viewer: {
      membershipId: member.membershipId,
      side: member.side,
      coChairSide: (seats.find((seat) => seat?.role === "CO_CHAIR")?.coChairSide ?? null) as "LABOR" | "MANAGEMENT" | null,
      isStaff: seats.some((seat) => seat?.role === "STAFF"),
    },
    seats: full.seats.map((s) => ({
      membershipId: s.membership.id,
      userId: s.membership.user.id,
      name: s.membership.user.name,
      organizationName: s.membership.organization.name,
      side: s.membership.organization.side as Side,
      role: s.role as SeatRole,
      coChairSide: s.coChairSide as "LABOR" | "MANAGEMENT" | null,
      isVoting: s.isVoting,
    })),
  };
}

/** A new committee needs both sides: proposed for the other side's co-chair (applied at once only while that side has none). */
export async function createCommittee(deps: ProposingDeps, { userId, input }: { userId: string; input: CreateCommitteeInput }) {
  const { partnershipId, ...payload } = input;
  return proposeJointChange(deps, { userId, input: { partnershipId, bodyId: null, kind: "COMMITTEE", payload } }) as Promise<ProposedOr<{ id?: string }>>;
}

/** A committee's name and purpose: either side's co-chair (they describe it; its rules and seats are joint). */
export async function updateCommittee(deps: PartnershipsDeps, { userId, input }: { userId: string; input: UpdateCommitteeInput }) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  if (body.kind !== "COMMITTEE") throw notFound("Committee");
  return inTransaction(deps, async (tx, effects) => {
    await recheckBodyManager(tx, userId, body, "UPDATE");
    await tx.body.update({ where: { id: body.id }, data: { name: input.name, description: input.description } });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "committee.updated", subjectType: "Body", subjectId: body.id });
    effects.publish(partnershipRoom(body.partnershipId), "partnership:changed", { partnershipId: body.partnershipId });
    return { id: body.id };
  }).catch(conflictOnUnique(DUPLICATE_NAME, "name"));
}

/** The body's quorum rule (how many voting members of each side must be present): a joint change. */
export async function setQuorumRule(deps: ProposingDeps, { userId, input }: { userId: string; input: QuorumRuleInput }) {
  const { body } = await deps.access.requireBodyMember(userId, input.bodyId);
  const { bodyId, ...payload } = input;
  return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId, kind: "QUORUM_RULE", payload } });
}

/** Equal representation, seats per side and the unit rule: a joint change. */
export async function setRepresentation(deps: ProposingDeps, { userId, input }: { userId: string; input: RepresentationInput }) {
  const { body } = await deps.access.requireBodyMember(userId, input.bodyId);
  const { bodyId, ...payload } = input;
  return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId, kind: "REPRESENTATION", payload } });
}

/**
 * Seats a partnership member on a body, or changes their seat there. A member of the actor's own side:
 * at once (making them co-chair hands them the side's seat: a hand-over). Anyone of the other side, or a
 * neutral member: a joint change for the other side to concur. Under the body's lock: the member is
 * still there (a removal waits, or has happened and this is NOT_FOUND), still of that side, and the
 * partnership keeps its co-chairs.
 */
export async function setSeat(deps: ProposingDeps, { userId, input }: { userId: string; input: SetSeatInput }): Promise<ProposedOr<{ bodyId?: string }>> {
  const { body, member } = await deps.access.requireBodyManager(userId, input.bodyId);
  const target = await readSeat(deps.db, { partnershipId: body.partnershipId, bodyId: body.id, membershipId: input.membershipId });
  if (!target.member) throw notFound("Member");
  const { bodyId, ...payload } = input;
  if (!isOwnSide(member.side, target.member.side)) {
    return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId, kind: "SEAT", payload } });
  }
  const full = { ...body, name: "" };
  return inTransaction(deps, async (tx, effects) => {
    const { topBodyId, member: now } = await recheckBodyManager(tx, userId, body, "UPDATE");
    await writeSeat(tx, effects, { body: full, topBodyId, ...payload, onlySide: now.side, actorId: userId, changeId: null });
    return { bodyId: body.id, pending: false as const };
  }).catch(conflictOnUnique(CO_CHAIR_HELD, "role"));
}

/**
 * Takes a member's seat on a committee away: at once for the actor's own side (their sockets then
 * rejoin only what they may still read), as a joint change for anyone else.
 */
export async function removeSeat(
  deps: ProposingDeps,
  { userId, input }: { userId: string; input: { bodyId: string; membershipId: string } },
): Promise<ProposedOr<{ bodyId?: string }>> {
  const { body, member } = await deps.access.requireBodyManager(userId, input.bodyId);
  if (!canRemoveSeat(body)) throw new AppError("BAD_REQUEST", "Everyone in the partnership has a seat on it; remove the member instead.");
  const target = await readSeat(deps.db, { partnershipId: body.partnershipId, bodyId: body.id, membershipId: input.membershipId });
  if (!target.member || !target.seat) throw notFound("Seat");
  if (!isOwnSide(member.side, target.member.side)) {
    return proposeJointChange(deps, { userId, input: { partnershipId: body.partnershipId, bodyId: body.id, kind: "SEAT_REMOVAL", payload: { membershipId: input.membershipId } } });
  }
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    const { member: now } = await recheckBodyManager(tx, userId, body, "UPDATE");
    const { member: still } = await readSeat(tx, { partnershipId: body.partnershipId, bodyId: body.id, membershipId: input.membershipId });
    if (still && still.side !== now.side) throw new AppError("CONFLICT", "That member's side changed meanwhile. Reload and try again.");
    await deleteSeat(tx, effects, rooms, { body: { ...body, name: "" }, membershipId: input.membershipId, actorId: userId, changeId: null });
    return { bodyId: body.id, pending: false as const };
  });
}
