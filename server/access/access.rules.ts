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

/**
 * Whom a partnership's two-factor requirement applies to: its co-chairs (of the partnership or of any of
 * its committees) and everyone who can read trainee data (members of a community-based organization,
 * which records trainees, and the designated service reviewers).
 */
export const mustUseTwoFactor = (facts: { isCoChair: boolean; isCbo: boolean; isReviewer: boolean }) => facts.isCoChair || facts.isCbo || facts.isReviewer;

/** Organizations, committees, invitations and members of a partnership: its co-chairs only. */
export const canManagePartnership = (member: MemberFacts) => isCoChair(member.partnershipSeat);

/** A committee's members and details: the partnership's co-chairs, or that committee's co-chairs. */
export const canManageBody = (member: MemberFacts, bodySeat: SeatFacts | null) =>
  canManagePartnership(member) || isCoChair(bodySeat);

// ─── meetings ───────────────────────────────────────────────────────────────

/** Co-chairs and staff of a body schedule its meetings. */
export const canScheduleMeetings = (seat: SeatFacts) => seat.role === "CO_CHAIR" || seat.role === "STAFF";
/** Observers see a body's meetings but do not propose items or ask for the floor. */
export const canTakePart = (seat: SeatFacts) => seat.role !== "OBSERVER";
/** Only co-chairs approve agendas and minutes, start, run and adjourn meetings. */
export const canChair = (seat: SeatFacts) => isCoChair(seat);
/** Minutes are written by the co-chairs or the meeting's designated note-taker. */
export const canWriteMinutes = (seat: SeatFacts, isNoteTaker: boolean) => isCoChair(seat) || isNoteTaker;
