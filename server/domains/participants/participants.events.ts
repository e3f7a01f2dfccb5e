// Socket events of participants. Ids only, never a name: a person's record changed (to the people who
// may see it, in their user rooms), counts changed (the partnership), an A&O snapshot moved.
export interface ParticipantsEvents {
  "participant:changed": (payload: { partnershipId: string; participantId: string }) => void;
  "participants:totalsChanged": (payload: { partnershipId: string }) => void;
  "aoSnapshot:changed": (payload: { partnershipId: string; snapshotId: string; status: string }) => void;
}
