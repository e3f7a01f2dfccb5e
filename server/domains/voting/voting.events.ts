// Socket events of the voting domain. A secret vote's tally never travels before it closes: only the
// number of ballots cast.
import type { Counts } from "./voting.rules.js";

export type LiveTally = {
  motionId: string;
  cast: number;
  eligible: number;
  /** Roll call only: running counts per side. Null for a secret ballot until it closes. */
  bySide: { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts } | null;
};

export interface VotingEvents {
  /** Sent to the motion's room after every counted ballot. */
  "tally:updated": (payload: LiveTally) => void;
  /** The motion's status, text or result changed; viewers refetch it. */
  "motion:changed": (payload: { motionId: string }) => void;
  /** Sent to the partnership's room when a motion is moved, opened or closed (lists refetch). */
  "motions:changed": (payload: { partnershipId: string }) => void;
}
