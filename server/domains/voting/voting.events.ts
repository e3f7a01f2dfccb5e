// Socket events of the voting domain. A secret vote's tally never travels before it closes: only the
// number of ballots cast.
import type { Counts } from "./voting.rules.js";

export type LiveTally = {
  motionId: string;
  cast: number;
  eligible: number;
  /** Roll call only: running counts per side. Null for a secret ballot until it closes. */
  bySide: { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts } | null;
  /**
   * The motion's `tallyVersion` when these counts were taken: it grows with every committed batch of
   * ballots and once more at the close, under the motion's row lock. Tallies may arrive out of order
   * (several processes, a throttle); a client keeps the one with the highest version.
   */
  version: number;
};

export interface VotingEvents {
  /** Sent to the motion's room after counted ballots (at most one per 50 ms per process) and once at the close. */
  "tally:updated": (payload: LiveTally) => void;
  /** The motion's status, text or result changed; viewers refetch it. */
  "motion:changed": (payload: { motionId: string }) => void;
  /** Sent to the partnership's room when a motion is moved, opened or closed (lists refetch). */
  "motions:changed": (payload: { partnershipId: string }) => void;
}
