// The one permission layer. Every procedure, loader, action and socket room asks it; a read the
// user may not make answers NOT_FOUND (nothing is revealed), a change they may not make FORBIDDEN.
import type { Db } from "../db.js";
import { AppError, forbidden, notFound } from "../errors.js";
import type { RoomRef } from "../realtime/realtime.events.js";
import { canManageBody, canManagePartnership, type MemberFacts, type SeatFacts, type Side } from "./access.rules.js";

export type Access = ReturnType<typeof createAccess>;

export function createAccess(db: Db) {
  async function getMember(userId: string, partnershipId: string): Promise<MemberFacts | null> {
    const membership = await db.membership.findUnique({
      where: { partnershipId_userId: { partnershipId, userId } },
      select: {
        id: true,
        organizationId: true,
        organization: { select: { side: true } },
        seats: { where: { body: { kind: "PARTNERSHIP" } }, select: { role: true, coChairSide: true, isVoting: true } },
      },
    });
    if (!membership) return null;
    return {
      userId,
      partnershipId,
      membershipId: membership.id,
      organizationId: membership.organizationId,
      side: membership.organization.side as Side,
      partnershipSeat: (membership.seats[0] as SeatFacts | undefined) ?? null,
    };
  }

  async function requireMember(userId: string, partnershipId: string): Promise<MemberFacts> {
    const member = await getMember(userId, partnershipId);
    if (!member) throw notFound("Partnership");
    return member;
  }

  async function requirePartnershipManager(userId: string, partnershipId: string): Promise<MemberFacts> {
    const member = await requireMember(userId, partnershipId);
    if (!canManagePartnership(member)) throw forbidden("Only the partnership's co-chairs can do that.");
    return member;
  }

  /** Resolves a body (partnership or committee) the user can read, or NOT_FOUND. */
  async function requireBodyMember(userId: string, bodyId: string) {
    const body = await db.body.findUnique({ where: { id: bodyId }, select: { id: true, partnershipId: true, kind: true } });
    if (!body) throw notFound("Committee");
    const member = await getMember(userId, body.partnershipId);
    if (!member) throw notFound("Committee");
    return { body, member };
  }

  async function requireBodyManager(userId: string, bodyId: string) {
    const { body, member } = await requireBodyMember(userId, bodyId);
    const seat = await db.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId, membershipId: member.membershipId } },
      select: { role: true, coChairSide: true, isVoting: true },
    });
    if (!canManageBody(member, seat as SeatFacts | null)) {
      throw forbidden("Only the partnership's co-chairs or this committee's co-chairs can do that.");
    }
    return { body, member };
  }

  async function assertCanJoinRoom(userId: string, room: RoomRef): Promise<void> {
    switch (room.kind) {
      case "partnership":
        await requireMember(userId, room.id);
        return;
      default:
        throw new AppError("BAD_REQUEST", "Unknown room.");
    }
  }

  return { getMember, requireMember, requirePartnershipManager, requireBodyMember, requireBodyManager, assertCanJoinRoom };
}
