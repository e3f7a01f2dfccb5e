// Pure permission rules over a member's seats. No I/O: the access layer loads the facts, these decide.
export type Side = "LABOR" | "MANAGEMENT" | "NEUTRAL";
export type SeatRole = "CO_CHAIR" | "MEMBER" | "OBSERVER" | "STAFF";
export type SeatFacts = { role: SeatRole; coChairSide: "LABOR" | "MANAGEMENT" | null; isVoting: boolean };

/** What the permission layer knows about a user inside one partnership. */
export type MemberFacts = {
  userId: string;
  partnershipId: string;
  membershipId: string;
  organizationId: string;
  side: Side;
  /** The seat on the partnership's top body (every member has one). */
  partnershipSeat: SeatFacts | null;
};

export const isCoChair = (seat: SeatFacts | null | undefined) => seat?.role === "CO_CHAIR";

/** Organizations, committees, invitations and members of a partnership: its co-chairs only. */
export const canManagePartnership = (member: MemberFacts) => isCoChair(member.partnershipSeat);

/** A committee's members and details: the partnership's co-chairs, or that committee's co-chairs. */
export const canManageBody = (member: MemberFacts, bodySeat: SeatFacts | null) =>
  canManagePartnership(member) || isCoChair(bodySeat);
