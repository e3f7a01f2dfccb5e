// Socket events of the drafts domain. They say what changed (ids and small deltas); viewers refetch
// what they may see.
export type DraftPart = "details" | "workingCopy" | "versions" | "signOffs" | "status" | "comments" | "settings" | "registration";

export interface DraftEvents {
  /** Sent to the draft's room after a change commits. `by` is the user who made it. */
  "draft:changed": (payload: { draftId: string; parts: DraftPart[]; by: string; version?: number; commentId?: string }) => void;
  /** Sent to the partnership's room when a draft is created or changes status (lists refetch). */
  "drafts:changed": (payload: { partnershipId: string }) => void;
}
