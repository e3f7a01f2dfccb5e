// Pure pieces of the minutes of record: the roll with everyone's attendance, caucus breaks from the
// meeting's audit trail, and the words of the record's stamp. No I/O; shared with the pages.
import type { Translate } from "../common.rules.js";
import { reasonIn } from "../voting/voting.rules.js";
import type { AttendanceStatus, VoteDecision } from "./meetings.schema.js";
import type { CoChairSide } from "./meetings.rules.js";

type Side = "LABOR" | "MANAGEMENT" | "NEUTRAL";
type Role = "CO_CHAIR" | "MEMBER" | "OBSERVER" | "STAFF";

export type RollEntry = {
  membershipId: string;
  name: string;
  organizationName: string;
  side: Side;
  role: Role;
  coChairSide: CoChairSide | null;
  isVoting: boolean;
  status: AttendanceStatus;
  /** False when nobody marked or checked them in: listed as absent. */
  isRecorded: boolean;
  checkedInSelf: boolean;
};

const ROLE_ORDER: Record<Role, number> = { CO_CHAIR: 0, MEMBER: 1, STAFF: 2, OBSERVER: 3 };
const SIDE_ORDER: Record<Side, number> = { LABOR: 0, MANAGEMENT: 1, NEUTRAL: 2 };

/**
 * Everyone seated on the body, each with one attendance status: what was marked or checked in, and
 * absent for anyone nobody recorded (a record lists the whole roll, never only those marked). Co-chairs
 * first, then by side and name.
 */
export function recordAttendance(
  seats: Array<Omit<RollEntry, "status" | "isRecorded" | "checkedInSelf">>,
  marks: Array<{ membershipId: string; status: AttendanceStatus; checkedInSelf: boolean }>,
): RollEntry[] {
  const byMember = new Map(marks.map((m) => [m.membershipId, m]));
  return seats
    .map((s) => {
      const mark = byMember.get(s.membershipId);
      return { ...s, status: mark?.status ?? "ABSENT", isRecorded: Boolean(mark), checkedInSelf: mark?.checkedInSelf ?? false };
    })
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || a.name.localeCompare(b.name));
}

export type CaucusBreak = { startedAt: Date; endedAt: Date | null };

/**
 * The caucus breaks of a meeting from its audit trail (oldest first): a call starts one; resuming,
 * the caucus's end, adjournment or a new call ends it. Only times: what a side said in caucus stays
 * with that side.
 */
export function caucusBreaks(events: Array<{ action: string; createdAt: Date }>): CaucusBreak[] {
  const breaks: CaucusBreak[] = [];
  let open: CaucusBreak | null = null;
  for (const e of events) {
    if (e.action === "meeting.caucusCalled") {
      if (open) open.endedAt = e.createdAt;
      open = { startedAt: e.createdAt, endedAt: null };
      breaks.push(open);
    } else if (open && (e.action === "meeting.resumed" || e.action === "meeting.caucusEnded" || e.action === "meeting.adjourned")) {
      open.endedAt = e.createdAt;
      open = null;
    }
  }
  return breaks;
}

/**
 * A decision of the minutes in the reader's language: a vote's result is said from its codes
 * (`Decision.vote`); a decision a person typed, or a result recorded before the codes, as written.
 */
export function decisionText(t: Translate, decision: { text: string; vote: VoteDecision | null }): string {
  const { vote } = decision;
  if (!vote) return decision.text;
  if (vote.kind === "umpire") {
    return t("meetings:decisions.umpire", { motion: vote.motionText, umpire: vote.umpireName, question: vote.question, decision: vote.decision, names: vote.attestedBy });
  }
  const result = t("meetings:decisions.voteResult", {
    motion: vote.motionText,
    outcome: t(`voting:outcome.${vote.outcome}`).toLocaleLowerCase(),
    reason: reasonIn(t, vote.why),
  });
  if (!vote.adoption) return result;
  if (vote.adoption.adopted) return `${result} ${t("meetings:decisions.adopted", { version: vote.adoption.version })}`;
  // The reason is a server message: its translation when the errors catalog has one.
  const reason = t(vote.adoption.reason, { ns: "errors", keySeparator: false, nsSeparator: false, defaultValue: vote.adoption.reason });
  return `${result} ${t("meetings:decisions.notAdopted", { reason })}`;
}
