// Words and colors for motions, shared by the votes list, the motion page and the overview.
import type { RouterOutputs } from "~/lib/trpc";
import type { MotionStatus, Outcome } from "../../../server/domains/voting/voting.rules";
import { truncateText } from "../../../server/text";

export type MotionView = RouterOutputs["voting"]["motion"]["get"];
export type MotionSummary = RouterOutputs["voting"]["motion"]["list"][number];
export type Tone = "slate" | "amber" | "green" | "red" | "indigo";

export const OUTCOME_LABELS: Record<Outcome, string> = {
  PASSED: "Passed",
  FAILED: "Failed",
  DEADLOCKED: "Deadlocked",
  NO_QUORUM: "No quorum",
};
export const OUTCOME_TONES: Record<Outcome, Tone> = { PASSED: "green", FAILED: "red", DEADLOCKED: "amber", NO_QUORUM: "slate" };

export const STATUS_LABELS: Record<MotionStatus, string> = {
  MOVED: "Needs a second",
  SECONDED: "Seconded, ready to open",
  OPEN: "Voting open",
  CLOSED: "Closed",
  WITHDRAWN: "Withdrawn",
  TABLED: "Tabled",
};
export const STATUS_TONES: Record<MotionStatus, Tone> = {
  MOVED: "amber",
  SECONDED: "indigo",
  OPEN: "green",
  CLOSED: "slate",
  WITHDRAWN: "slate",
  TABLED: "slate",
};

/** Short names for badges (BALLOT_KINDS has the long, explanatory ones for the form). */
export const BALLOT_SHORT = { ROLL_CALL: "Roll call", SECRET: "Secret ballot" } as const;

export const SIDE_LABELS = { LABOR: "Labor", MANAGEMENT: "Management", NEUTRAL: "Neutral" } as const;

/** A motion's first words, for titles and compact lists. */
export function excerpt(text: string, max = 90) {
  const flat = text.replace(/\s+/g, " ").trim();
  return truncateText(flat, max);
}
