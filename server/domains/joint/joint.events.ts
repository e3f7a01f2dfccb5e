// Socket events of the joint domain. Payloads carry ids and the status, never the change itself:
// clients refetch it through the permission layer.
import type { JointStatus } from "./joint.schema.js";

export interface JointEvents {
  /**
   * A joint change was prepared, proposed, decided, withdrawn or lapsed. Sent to the partnership's room
   * and to the user rooms of the co-chairs who act on it (and its proposer), whose home pages list it.
   */
  "joint:changed": (payload: { partnershipId: string; bodyId: string | null; changeId: string; status: JointStatus }) => void;
}
