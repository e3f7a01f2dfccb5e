// Pure rules of the partnerships domain: which seat a role gives, and an invitation's state.
import type { PartnershipRole, SeatRole, Side } from "./partnerships.schema.js";

export type Seat = { role: SeatRole; coChairSide: "LABOR" | "MANAGEMENT" | null; isVoting: boolean };
export type SeatResult = { ok: true; seat: Seat } | { ok: false; message: string };

const SIDE_WORD = { LABOR: "labor", MANAGEMENT: "management" } as const;

/**
 * The seat a role gives a member of an organization on `side`. A co-chair seat belongs to one side,
 * so a labor co-chair must come from a labor organization (and one person can never hold both).
 * Observers and staff never vote; neutral members are advisory unless a body says otherwise.
 */
export function seatFor(role: SeatRole, side: Side, requestedVoting?: boolean): SeatResult {
  switch (role) {
    case "CO_CHAIR":
      if (side === "NEUTRAL") return { ok: false, message: "Co-chairs come from the labor or the management side." };
      return { ok: true, seat: { role, coChairSide: side, isVoting: true } };
    case "MEMBER":
      return { ok: true, seat: { role, coChairSide: null, isVoting: requestedVoting ?? side !== "NEUTRAL" } };
    case "OBSERVER":
    case "STAFF":
      return { ok: true, seat: { role, coChairSide: null, isVoting: false } };
  }
}

/** The seat an invitation role gives on the partnership's top body. */
export function seatForInvitation(role: PartnershipRole, side: Side): SeatResult {
  if (role === "LABOR_CO_CHAIR" || role === "MANAGEMENT_CO_CHAIR") {
    const wanted = role === "LABOR_CO_CHAIR" ? "LABOR" : "MANAGEMENT";
    if (side !== wanted) {
      return { ok: false, message: `The ${SIDE_WORD[wanted]} co-chair must belong to a ${SIDE_WORD[wanted]}-side organization.` };
    }
    return seatFor("CO_CHAIR", side);
  }
  return seatFor(role, side);
}

/** The invitation role that describes a top-body seat (for display and for re-inviting). */
export function roleOfSeat(seat: Pick<Seat, "role" | "coChairSide">): PartnershipRole {
  if (seat.role === "CO_CHAIR") return seat.coChairSide === "LABOR" ? "LABOR_CO_CHAIR" : "MANAGEMENT_CO_CHAIR";
  return seat.role;
}

export type InvitationState = "PENDING" | "ACCEPTED" | "EXPIRED" | "REVOKED";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "PENDING";
}

export const INVITATION_REFUSALS: Record<Exclude<InvitationState, "PENDING">, string> = {
  ACCEPTED: "This invitation has already been used.",
  EXPIRED: "This invitation has expired. Ask the person who invited you for a new one.",
  REVOKED: "This invitation was withdrawn.",
};
