// Bodies of a partnership (its top body and its committees): details, quorum rule and seats. Seat
// changes lock the body's row, so two of them never decide on the same picture: the last co-chair of
// the partnership cannot be demoted by two changes at once, and one co-chair per side per body is a
// unique key besides.
import type { SeatFacts } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { QuorumRuleInput } from "../meetings/meetings.schema.js";
import {
  conflictOnUnique,
  inTransactionWithRooms,
  lockMembership,
  otherCoChairs,
  recheckBodyManager,
  recheckPartnershipManager,
  seatOrThrow,
  type PartnershipsDeps,
} from "./partnerships.guards.js";
import { canManageBody, canRemoveSeat, keepsACoChair, LAST_CO_CHAIR_REFUSAL } from "./partnerships.policy.js";
import { seatFor } from "./partnerships.rules.js";
import type { CreateCommitteeInput, SeatRole, SetSeatInput, Side, UpdateCommitteeInput } from "./partnerships.schema.js";

const DUPLICATE_NAME = "A committee with this name already exists.";
const CO_CHAIR_HELD = "That side's co-chair seat is already held. Change the current co-chair's seat first.";

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
  return {
    id: full.id,
    kind: full.kind as "PARTNERSHIP" | "COMMITTEE",
    name: full.name,
    description: full.description,
    partnership: full.partnership,
    quorumRule: { mode: full.quorumMode as "COUNT" | "SHARE", labor: full.quorumLabor, management: full.quorumManagement },
    canManage: canManageBody(member, (viewerSeat as SeatFacts | undefined) ?? null),
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

export async function createCommittee(deps: PartnershipsDeps, { userId, input }: { userId: string; input: CreateCommitteeInput }) {
  await deps.access.requirePartnershipManager(userId, input.partnershipId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckPartnershipManager(tx, userId, input.partnershipId);
    const b = await tx.body.create({
      data: { partnershipId: input.partnershipId, kind: "COMMITTEE", name: input.name, description: input.description },
    });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "committee.created", subjectType: "Body", subjectId: b.id, data: { name: b.name } });
    effects.publish(partnershipRoom(input.partnershipId), "partnership:changed", { partnershipId: input.partnershipId });
    return { id: b.id };
  }).catch(conflictOnUnique(DUPLICATE_NAME, "name"));
}

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

/** The body's quorum rule: how many voting members of each side must be present. */
export async function setQuorumRule(deps: PartnershipsDeps, { userId, input }: { userId: string; input: QuorumRuleInput }) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  return inTransaction(deps, async (tx, effects) => {
    await recheckBodyManager(tx, userId, body, "UPDATE");
    await tx.body.update({
      where: { id: body.id },
      data: { quorumMode: input.mode, quorumLabor: input.labor, quorumManagement: input.management },
    });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "body.quorumRuleSet", subjectType: "Body", subjectId: body.id, data: input });
    effects.publish(partnershipRoom(body.partnershipId), "partnership:changed", { partnershipId: body.partnershipId });
    return { bodyId: body.id };
  });
}

/**
 * Seats a partnership member on a body, or changes their seat there. Under the body's lock: the
 * member is still there (a removal waits, or has happened and this is NOT_FOUND), their side is the
 * one their seat is computed from, and the partnership keeps a co-chair.
 */
export async function setSeat(deps: PartnershipsDeps, { userId, input }: { userId: string; input: SetSeatInput }) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  return inTransaction(deps, async (tx, effects) => {
    const { topBodyId } = await recheckBodyManager(tx, userId, body, "UPDATE");
    const membership = await lockMembership(tx, body.partnershipId, input.membershipId, "SHARE");
    if (!membership) throw notFound("Member");
    const seat = seatOrThrow(seatFor(input.role, membership.side, input.isVoting));
    const existing = await tx.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId: body.id, membershipId: membership.id } },
      select: { role: true },
    });
    const change = {
      isTopBody: body.id === topBodyId,
      losesCoChairSeat: existing?.role === "CO_CHAIR" && seat.role !== "CO_CHAIR",
      otherCoChairs: 0,
    };
    if (change.isTopBody && change.losesCoChairSeat) change.otherCoChairs = await otherCoChairs(tx, topBodyId, membership.id);
    if (!keepsACoChair(change)) throw new AppError("PRECONDITION_FAILED", LAST_CO_CHAIR_REFUSAL);
    await tx.bodySeat.upsert({
      where: { bodyId_membershipId: { bodyId: body.id, membershipId: membership.id } },
      create: { partnershipId: body.partnershipId, bodyId: body.id, membershipId: membership.id, ...seat },
      update: seat,
    });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.set", subjectType: "Body", subjectId: body.id, data: { membershipId: membership.id, ...seat } });
    effects.publish(partnershipRoom(body.partnershipId), "partnership:changed", { partnershipId: body.partnershipId });
    return { bodyId: body.id };
  }).catch(conflictOnUnique(CO_CHAIR_HELD, "role"));
}

/** Takes a member's seat on a committee away (their sockets then rejoin only what they may still read). */
export async function removeSeat(
  deps: PartnershipsDeps & Pick<AppDeps, "realtime" | "logger">,
  { userId, input }: { userId: string; input: { bodyId: string; membershipId: string } },
) {
  const { body } = await deps.access.requireBodyManager(userId, input.bodyId);
  if (!canRemoveSeat(body)) throw new AppError("BAD_REQUEST", "Everyone in the partnership has a seat on it; remove the member instead.");
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    await recheckBodyManager(tx, userId, body, "UPDATE");
    const seat = await tx.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId: body.id, membershipId: input.membershipId } },
      select: { membership: { select: { userId: true } } },
    });
    const { count } = await tx.bodySeat.deleteMany({ where: { bodyId: body.id, membershipId: input.membershipId } });
    if (!seat || !count) throw notFound("Seat");
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "seat.removed", subjectType: "Body", subjectId: body.id, data: { membershipId: input.membershipId } });
    // Their sockets leave this body's meeting and motion rooms (they rejoin only what they may still read).
    rooms.recheck(seat.membership.userId);
    effects.publish(partnershipRoom(body.partnershipId), "partnership:changed", { partnershipId: body.partnershipId });
    return { bodyId: body.id };
  });
}
