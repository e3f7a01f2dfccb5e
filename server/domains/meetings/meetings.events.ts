// Socket events of the meetings domain. They say what changed; clients refetch what they may see.
export type MeetingPart = "details" | "agenda" | "approvals" | "run" | "queue" | "attendance" | "minutes" | "actions" | "motions" | "displays" | "documents";

export interface MeetingEvents {
  /** Sent to the meeting's room after a change commits. */
  "meeting:changed": (payload: { meetingId: string; parts: MeetingPart[] }) => void;
  /** Sent to one side's caucus room only. */
  "caucus:changed": (payload: { meetingId: string }) => void;
  /** Sent to the partnership's room when a meeting is scheduled, moved or cancelled. */
  "meetings:changed": (payload: { partnershipId: string }) => void;
}
