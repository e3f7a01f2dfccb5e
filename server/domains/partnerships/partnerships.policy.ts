// Pure predicates of the partnerships domain: who may manage what, and when a change would break a
// rule. The pages' `viewer.canManage` / `canRemove` flags and the use cases' guards both come from
// here, so a button is shown exactly when the rule would let it through. No I/O.
import { canManageBody, canManagePartnership } from "../../access/access.rules.js";
import { INVITATION_REFUSALS, invitationState } from "./partnerships.rules.js";
import type { Side } from "./partnerships.schema.js";

export { canManageBody, canManagePartnership };

export const MANAGE_PARTNERSHIP_REFUSAL = "Only the partnership's co-chairs can do that.";
export const MANAGE_BODY_REFUSAL = "Only the partnership's co-chairs or this committee's co-chairs can do that.";
export const LAST_CO_CHAIR_REFUSAL = "A partnership needs at least one co-chair. Seat another co-chair first.";

/**
 * A partnership must always keep one co-chair, or nobody could manage it: a change that takes a
 * co-chair seat of the top body away (a demotion, a removal) is allowed only while another remains.
 */
export function keepsACoChair(change: { isTopBody: boolean; losesCoChairSeat: boolean; otherCoChairs: number }): boolean {
  return !change.isTopBody || !change.losesCoChairSeat || change.otherCoChairs > 0;
}

export const SIDE_KEEPS_CO_CHAIR_REFUSAL = (side: "LABOR" | "MANAGEMENT") => {
  const word = side === "LABOR" ? "labor" : "management";
  return `The partnership keeps a co-chair on each side: the ${word} co-chair hands the seat over to another ${word} member (make them co-chair) instead.`;
};

/**
 * Once both sides have a co-chair of the partnership, neither side's seat is ever left empty: it
 * changes hands in one step (a hand-over to a member of the same side). An empty side could not
 * concur with anything, and whoever filled it would be choosing the other side's co-chair.
 */
export function keepsEachSideCoChair(change: { isTopBody: boolean; losesCoChairSeat: boolean; sameSideLeft: number; otherSide: number }): boolean {
  return !change.isTopBody || !change.losesCoChairSeat || change.sameSideLeft > 0 || change.otherSide === 0;
}

/**
 * One-sided seat business: a side's co-chair appoints, seats and removes the members of their own side.
 * Anything about the other side's members, or a neutral member's seat, needs the other side (a joint change).
 */
export const isOwnSide = (actorSide: Side, targetSide: Side) => actorSide !== "NEUTRAL" && actorSide === targetSide;

/**
 * Each side invites its own people. A neutral organization's people join without a vote (giving them
 * one is a joint seat change), so either co-chair invites them. Into the other side only while that
 * side has no co-chair yet: someone has to invite its first one.
 */
export function invitationSideRefusal(f: { inviterSide: Side; organizationSide: Side; otherSideHasCoChair: boolean }): string | null {
  if (f.organizationSide === "NEUTRAL" || f.organizationSide === f.inviterSide || !f.otherSideHasCoChair) return null;
  const word = f.organizationSide === "LABOR" ? "labor" : "management";
  return `Each side invites its own people: the ${word} co-chair invites into ${word}-side organizations.`;
}

/** Everyone in the partnership has a seat on its top body: it is left by removing the member. */
export const canRemoveSeat = (body: { kind: string }) => body.kind === "COMMITTEE";

/**
 * Why an organization cannot be removed, or null if it can: people still belong to it, or it has
 * trainees or supportive-service requests on record (kept with the log of who read them).
 */
export function organizationRemovalRefusal(counts: { memberships: number; trainees: number; serviceRequests: number }): string | null {
  if (counts.memberships > 0) return "People still belong to this organization. Remove them first.";
  if (counts.trainees > 0 || counts.serviceRequests > 0) {
    return "This organization has trainees or supportive-service requests on record, so it stays.";
  }
  return null;
}

export const canRemoveOrganization = (counts: { memberships: number; trainees: number; serviceRequests: number }) =>
  organizationRemovalRefusal(counts) === null;

/** A co-chair seat belongs to its holder's side, so their organization's side is fixed while they hold it. */
export function sideChangeRefusal(change: { from: Side; to: Side; hasCoChair: boolean }): string | null {
  if (change.from !== change.to && change.hasCoChair) return "A co-chair belongs to this organization, so its side cannot change.";
  return null;
}

/**
 * Why `user` cannot accept `invitation` now, or null: it must be pending (not used, withdrawn or
 * expired) and addressed to the user's own e-mail.
 */
export function invitationAcceptRefusal(
  invitation: { email: string; acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  user: { email: string },
  now: Date,
): { code: "PRECONDITION_FAILED" | "FORBIDDEN"; message: string } | null {
  const state = invitationState(invitation, now);
  if (state !== "PENDING") return { code: "PRECONDITION_FAILED", message: INVITATION_REFUSALS[state] };
  if (user.email !== invitation.email) {
    return { code: "FORBIDDEN", message: `This invitation is for ${invitation.email}. Sign in with that email to accept it.` };
  }
  return null;
}

