// Colors for motions, shared by the votes list, the motion page and the overview (the words are in
// app/locales/<lng>/voting.json: status.*, outcome.*, ballotShort.*, rule.*).
import type { RouterOutputs } from "~/lib/trpc";
import type { MotionStatus, Outcome } from "../../../server/domains/voting/voting.rules";
import { truncateText } from "../../../server/text";

export type MotionView = RouterOutputs["voting"]["motion"]["get"];
export type MotionSummary = RouterOutputs["voting"]["motion"]["list"][number];
export type Tone = "slate" | "amber" | "green" | "red" | "indigo";

export const OUTCOME_TONES: Record<Outcome, Tone> = { PASSED: "green", FAILED: "red", DEADLOCKED: "amber", NO_QUORUM: "slate" };

export const STATUS_TONES: Record<MotionStatus, Tone> = {
  MOVED: "amber",
  SECONDED: "indigo",
  OPEN: "green",
  CLOSED: "slate",
  WITHDRAWN: "slate",
  TABLED: "slate",
};

/** A motion's first words, for titles and compact lists. */
export function excerpt(text: string, max = 90) {
  const flat = text.replace(/\s+/g, " ").trim();
  return truncateText(flat, max);
}

