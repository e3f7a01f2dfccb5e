// Memberships: a member leaves (is removed from) the partnership with all their seats. Joining is an
// accepted invitation (invitations.ts); roles are seats on the top body (committees.ts: setSeat). A
// side's co-chair removes members of their own side at once; anyone else's removal is a joint change.
import type { AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { proposeJointChange, type ProposedOr } from "../joint/joint.api.js";
import { deleteMember, readSeat } from "./partnerships.api.js";
import { inTransactionWithRooms, recheckPartnershipManager, type PartnershipsDeps } from "./partnerships.guards.js";
import { isOwnSide } from "./partnerships.policy.js";
import { AppError } from "../../errors.js";

/**
 * Removes a member and their seats. Under the top body's lock (seat changes wait for it), and with
 * the membership itself locked, so a seat being given to them meanwhile either lands before and goes
 * with them, or finds them gone.
 */
export async function removeMember(
  deps: PartnershipsDeps & Pick<AppDeps, "realtime" | "logger">,
  { userId, input }: { userId: string; input: { partnershipId: string; membershipId: string } },
): Promise<ProposedOr<{ id?: string }>> {
  const { partnershipId, membershipId } = input;
  const actor = await deps.access.requirePartnershipManager(userId, partnershipId);
  const target = await deps.db.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { organization: { select: { side: true } } } });
  if (!target) throw notFound("Member");
  if (!isOwnSide(actor.side, target.organization.side as typeof actor.side)) {
    return proposeJointChange(deps, { userId, input: { partnershipId, bodyId: null, kind: "MEMBER_REMOVAL", payload: { membershipId } } });
  }
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    const { topBodyId, member } = await recheckPartnershipManager(tx, userId, partnershipId, "UPDATE");
    const { member: still } = await readSeat(tx, { partnershipId, bodyId: topBodyId, membershipId });
    if (!still) throw notFound("Member");
    if (still.side !== member.side) throw new AppError("CONFLICT", "That member's side changed meanwhile. Reload and try again.");
    await deleteMember(tx, effects, rooms, { partnershipId, topBodyId, membershipId, actorId: userId, changeId: null });
    return { id: membershipId, pending: false as const };
  });
}
