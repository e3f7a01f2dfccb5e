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

/** The body's management co-chair adopts; after the body's vote, any of its co-chairs records it. */
export const canAdopt = (seat: SeatFacts, draft: DraftState, ruleMet: boolean) => isManagementCoChair(seat) && isAdoptable(draft, draft.currentVersion, ruleMet);
export const mayRecordAdoptionByVote = (seat: SeatFacts) => seat.role === "CO_CHAIR";

export type MotionFacts = { bodyId: string; rule: string; status: string; outcome: string | null; closedAt: Date | null };
export type AdoptionMotionProblem = "OTHER_BODY" | "NOT_PASSED_BY_DUAL_MAJORITY" | "CLOSED_BEFORE_VERSION";

/**
 * Why a motion cannot adopt a version of a draft of `bodyId` (null: it can): it must be the body's,
 * passed under the dual-majority rule, and closed after the version existed.
 */
export function adoptionMotionProblem(motion: MotionFacts, bodyId: string, versionCreatedAt: Date | null): AdoptionMotionProblem | null {
  if (motion.bodyId !== bodyId) return "OTHER_BODY";
  if (motion.rule !== "DUAL_MAJORITY" || motion.status !== "CLOSED" || motion.outcome !== "PASSED") return "NOT_PASSED_BY_DUAL_MAJORITY";
  if (!versionCreatedAt || !motion.closedAt || motion.closedAt < versionCreatedAt) return "CLOSED_BEFORE_VERSION";
  return null;
}
