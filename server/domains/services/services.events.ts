// Socket events of supportive services. They carry ids and a status only, never a trainee's name:
// request events go to the user rooms of the people allowed to see that request (its organization,
// the trainee's organization and the reviewers, decided at publish time); totals go to the partnership.
import type { RequestStatus } from "./services.rules.js";

export interface ServicesEvents {
  /** A request was created or changed; viewers allowed to see it refetch it through the permission layer. */
  "serviceRequest:changed": (payload: { partnershipId: string; requestId: string; status: RequestStatus }) => void;
  /** Fund balances or request counts changed (aggregates every member may see). */
  "services:totalsChanged": (payload: { partnershipId: string }) => void;
}
