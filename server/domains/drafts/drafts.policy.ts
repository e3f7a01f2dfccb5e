// Who may do what to a curriculum draft in which state: pure predicates over facts the use cases load.
// The draft page's `viewer.can*` flags and the use cases' guards both ask these, so a button is shown
// exactly when its action would be accepted.
import type { SeatFacts } from "../../access/access.rules.js";
import { isOpen } from "./drafts.rules.js";
import type { DraftStatus } from "./drafts.schema.js";

type DraftState = { status: DraftStatus; currentVersion: number };

export const isManagementCoChair = (seat: SeatFacts) => seat.role === "CO_CHAIR" && seat.coChairSide === "MANAGEMENT";

/** The body's co-chairs and the members it marked as editors start, save and withdraw its drafts. */
export const mayEditDrafts = (seat: Pick<SeatFacts, "role">, isEditor: boolean) => seat.role === "CO_CHAIR" || isEditor;
export const canEdit = (seat: SeatFacts, isEditor: boolean, draft: DraftState) => mayEditDrafts(seat, isEditor) && isOpen(draft.status);

/** Everyone seated on the body comments, except observers, while the draft is open. */
export const mayComment = (seat: SeatFacts) => seat.role !== "OBSERVER";
export const canComment = (seat: SeatFacts, draft: DraftState) => mayComment(seat) && isOpen(draft.status);

/** A thread is resolved or reopened by its author or by someone who edits the body's drafts. */
export const canResolve = (options: { isAuthor: boolean; mayEdit: boolean }) => options.isAuthor || options.mayEdit;

/** A decision is taken on the draft's current version, while that version is under review. */
export const acceptsSignOff = (draft: DraftState, versionNumber: number) =>
  versionNumber >= 1 && draft.currentVersion === versionNumber && (draft.status === "IN_REVIEW" || draft.status === "SIGNED_OFF");

/** Members of the worker sign-off group decide once per version. */
export const canSignOff = (options: { isReviewer: boolean; hasDecided: boolean; draft: DraftState }) =>
  options.isReviewer && !options.hasDecided && acceptsSignOff(options.draft, options.draft.currentVersion);

/** A version is adopted when it is the current one, signed off, and its sign-off still meets the rule. */
export const isAdoptable = (draft: DraftState, versionNumber: number, ruleMet: boolean) =>
  draft.status === "SIGNED_OFF" && draft.currentVersion === versionNumber && ruleMet;

/**
 * Adoption needs both sides (issue 10): a co-chair of the body (or of the partnership) proposes adopting
 * the signed-off version, the other side's co-chair concurs (a DRAFT_ADOPTION joint change); or the
 * body passes, by dual majority, a motion that names that version. Staff prepare a proposal.
 */
export const mayProposeAdoption = (seat: Pick<SeatFacts, "role">) => seat.role === "CO_CHAIR" || seat.role === "STAFF";
export const canProposeAdoption = (seat: SeatFacts, draft: DraftState, ruleMet: boolean) => mayProposeAdoption(seat) && isAdoptable(draft, draft.currentVersion, ruleMet);

/** Voting members of the body move a motion to adopt the signed-off version (the voting domain's own rule says the same). */
export const mayMoveAdoption = (seat: SeatFacts) => seat.isVoting && (seat.role === "CO_CHAIR" || seat.role === "MEMBER");
export const canMoveAdoption = (seat: SeatFacts, draft: DraftState, ruleMet: boolean) => mayMoveAdoption(seat) && isAdoptable(draft, draft.currentVersion, ruleMet);

/** Why version `versionNumber` cannot be adopted (or put to a vote for adoption) now; null: it can. */
export function adoptionProblem(draft: DraftState & { ruleMet: boolean }, versionNumber: number): string | null {
  if (draft.status === "ADOPTED") return "This draft is already adopted.";
  if (draft.status === "WITHDRAWN") return "This draft was withdrawn.";
  if (draft.currentVersion !== versionNumber) return `Version ${draft.currentVersion} replaced version ${versionNumber}; it needs its own worker sign-off first.`;
  if (draft.status !== "SIGNED_OFF" || !draft.ruleMet) return "The worker reviewers have not signed off this version yet.";
  return null;
}

// ─── registration agency approval ───────────────────────────────────────────

/** An adopted registered-apprenticeship standard goes to the registration agency: its co-chairs or staff record the steps. */
export const mayRecordRegistration = (seat: Pick<SeatFacts, "role">) => seat.role === "CO_CHAIR" || seat.role === "STAFF";
export const canRecordRegistration = (seat: SeatFacts, draft: { status: DraftStatus; programKind: string }) =>
  mayRecordRegistration(seat) && draft.status === "ADOPTED" && draft.programKind === "REGISTERED_APPRENTICESHIP";
