// Memberships: a member leaves (is removed from) the partnership with all their seats. Joining is an
// accepted invitation (invitations.ts); roles are seats on the top body (committees.ts: setSeat).
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransactionWithRooms, lockMembership, otherCoChairs, recheckPartnershipManager, type PartnershipsDeps } from "./partnerships.guards.js";
import { keepsACoChair, LAST_CO_CHAIR_REFUSAL } from "./partnerships.policy.js";

/**
 * Removes a member and their seats. Under the top body's lock (seat changes wait for it), and with
 * the membership itself locked, so a seat being given to them meanwhile either lands before and goes
 * with them, or finds them gone.
 */
export async function removeMember(
  deps: PartnershipsDeps & Pick<AppDeps, "realtime" | "logger">,
  { userId, input }: { userId: string; input: { partnershipId: string; membershipId: string } },
) {
  const { partnershipId, membershipId } = input;
  await deps.access.requirePartnershipManager(userId, partnershipId);
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    const { topBodyId } = await recheckPartnershipManager(tx, userId, partnershipId, "UPDATE");
    const membership = await lockMembership(tx, partnershipId, membershipId, "UPDATE");
    if (!membership) throw notFound("Member");
    const seat = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: topBodyId, membershipId } }, select: { role: true } });
    const change = { isTopBody: true, losesCoChairSeat: seat?.role === "CO_CHAIR", otherCoChairs: 0 };
    if (change.losesCoChairSeat) change.otherCoChairs = await otherCoChairs(tx, topBodyId, membershipId);
    if (!keepsACoChair(change)) throw new AppError("PRECONDITION_FAILED", LAST_CO_CHAIR_REFUSAL);
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(tx, { partnershipId, actorId: userId, action: "membership.removed", subjectType: "Membership", subjectId: membershipId, data: { userId: membership.userId } });
    // The removed person's open sockets stop receiving this partnership's events at once (before this
    // removal is announced), and their meeting, caucus and motion rooms are checked again on reconnect.
    rooms.leavePartnership(membership.userId, partnershipId);
    rooms.recheck(membership.userId);
    effects.publish(partnershipRoom(partnershipId), "membership:removed", { partnershipId, membershipId });
    return { id: membershipId };
  });
}
