// Socket events of the partnerships domain. Payloads carry ids and small deltas, never private data.
export interface PartnershipEvents {
  /** Someone became a member; members refetch the partnership's people. */
  "membership:joined": (payload: { partnershipId: string; membershipId: string; name: string }) => void;
  /** A member left or was removed. */
  "membership:removed": (payload: { partnershipId: string; membershipId: string }) => void;
  /** Organizations, committees, seats or invitations changed; members refetch. */
  "partnership:changed": (payload: { partnershipId: string }) => void;
}
