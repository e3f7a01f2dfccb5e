// Pure rules of meetings: quorum per side, the joint-approval state of an agenda or minutes, and
// time-zone conversion for scheduling. No I/O; unit-tested; shared with the browser.
import { Temporal } from "temporal-polyfill";
import { DEFAULT_LOCALE, fixedT } from "../../../app/i18n/config.js";
import type { Translate } from "../common.rules.js";

export type CoChairSide = "LABOR" | "MANAGEMENT";
export const CO_CHAIR_SIDES: CoChairSide[] = ["LABOR", "MANAGEMENT"];

// ─── quorum ─────────────────────────────────────────────────────────────────

export type QuorumRule = { mode: "COUNT" | "SHARE"; labor: number; management: number };
export type SideQuorum = { voting: number; present: number; required: number; met: boolean };
export type Quorum = { LABOR: SideQuorum; MANAGEMENT: SideQuorum; met: boolean };

/** Members present for quorum: present, or arrived late. */
export const COUNTS_AS_PRESENT = new Set(["PRESENT", "LATE"]);

/**
 * Quorum holds only when BOTH the labor and the management side have enough voting members present.
 * COUNT needs at least N present; SHARE needs at least that percentage of the side's voting members
 * (rounded up). A side with no voting members never meets a quorum that requires anyone.
 */
export function computeQuorum(
  rule: QuorumRule,
  votingMembers: Array<{ side: string; attendance: string | null }>,
): Quorum {
  const side = (s: CoChairSide): SideQuorum => {
    const members = votingMembers.filter((m) => m.side === s);
    const present = members.filter((m) => m.attendance !== null && COUNTS_AS_PRESENT.has(m.attendance)).length;
    const setting = s === "LABOR" ? rule.labor : rule.management;
    const required = rule.mode === "COUNT" ? setting : Math.ceil((members.length * setting) / 100);
    return { voting: members.length, present, required, met: present >= required };
  };
  const LABOR = side("LABOR");
  const MANAGEMENT = side("MANAGEMENT");
  return { LABOR, MANAGEMENT, met: LABOR.met && MANAGEMENT.met };
}

/**
 * A body's quorum rule in a sentence ("At least 2 voting members present from the labor side and …"),
 * in the language of `t` (meetings.json `quorumRule.*`); English when no `t` is given.
 */
export function describeQuorumRule(rule: QuorumRule, t: Translate = fixedT(DEFAULT_LOCALE, "meetings")): string {
  const unit = (n: number) => (rule.mode === "COUNT" ? t("meetings:quorumRule.count", { count: n }) : t("meetings:quorumRule.share", { percent: n }));
  return t("meetings:quorumRule.sentence", { labor: unit(rule.labor), management: unit(rule.management) });
}

// ─── joint approval ─────────────────────────────────────────────────────────

export type Approval = { side: string; version: number; userId: string; createdAt: Date };

/** Which sides approved `version`, and which still must. Published when both did. */
export function approvalState(version: number, approvals: Approval[]) {
  const current = approvals.filter((a) => a.version === version);
  const approvedSides = CO_CHAIR_SIDES.filter((s) => current.some((a) => a.side === s));
  return {
    approvedSides,
    waitingFor: CO_CHAIR_SIDES.filter((s) => !approvedSides.includes(s)),
    isComplete: approvedSides.length === CO_CHAIR_SIDES.length,
  };
}

// ─── time ───────────────────────────────────────────────────────────────────
// Local meeting times ↔ instants through Temporal (the temporal-polyfill package; decision 0011),
// never by hand. The DST rule is Temporal's "compatible" disambiguation, the same in every zone:
// - a local time that does not exist (spring-forward gap) moves forward by the length of the gap:
//   02:30 on the night clocks jump 02:00 → 03:00 is 03:30; on Lord Howe Island (a 30-minute jump
//   02:00 → 02:30) 02:15 is 02:45;
// - a local time that happens twice (fall-back overlap) is the earlier of the two instants.

/** The rule, spelled out rather than left to a default. */
const DST_RULE = { disambiguation: "compatible" } as const;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** A named zone as the tz database spells it ("America/Chicago", "UTC", "Etc/GMT+5"); no offsets. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** The tz database's spelling of a named zone ("america/chicago" → "America/Chicago"), or null if unknown. */
export function canonicalTimeZone(zone: string): string | null {
  if (!ZONE_NAME.test(zone)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone).timeZoneId;
  } catch {
    return null;
  }
}

export const isTimeZone = (zone: string) => canonicalTimeZone(zone) !== null;

/** "YYYY-MM-DDTHH:mm" naming a real calendar day and time of day (no 30 February, no 24:00). */
export function isLocalDateTime(local: string): boolean {
  if (!LOCAL_DATE_TIME.test(local)) return false;
  try {
    Temporal.PlainDateTime.from(local, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

/**
 * "2026-12-03T09:30" in America/Chicago → the instant. A time in a DST gap moves forward by the gap,
 * a time in an overlap takes the earlier instant (see above). Throws RangeError for a local time that
 * is not a real one or an unknown zone (the schemas refuse both first).
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(local, { overflow: "reject" }).toZonedDateTime(timeZone, DST_RULE);
  return new Date(zoned.epochMilliseconds);
}

/**
 * What a typed local time becomes, for the schedule form to say so before saving: `ORDINARY`, `GAP`
 * (skipped by the clocks: `startsLocal` is the later wall-clock time it moves to) or `OVERLAP` (happens
 * twice: the earlier one is taken). Null when the input is not a real local time or zone yet.
 */
export function resolveLocalTime(
  local: string,
  timeZone: string,
): { kind: "ORDINARY" | "GAP" | "OVERLAP"; instant: Date; startsLocal: string } | null {
  if (!isLocalDateTime(local) || !isTimeZone(timeZone)) return null;
  const wall = Temporal.PlainDateTime.from(local);
  const chosen = wall.toZonedDateTime(timeZone, DST_RULE);
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" });
  const startsLocal = chosen.toPlainDateTime().toString({ smallestUnit: "minute" });
  const kind = earlier.equals(later) ? "ORDINARY" : Temporal.PlainDateTime.compare(chosen.toPlainDateTime(), wall) === 0 ? "OVERLAP" : "GAP";
  return { kind, instant: new Date(chosen.epochMilliseconds), startsLocal };
}

/** The instant as "YYYY-MM-DDTHH:mm" in `timeZone` (for editing forms); seconds are dropped. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute", roundingMode: "trunc" });
}

/** Seconds left in a time box (negative when over time). */
export function secondsLeft(startedAt: Date, minutes: number, now: Date): number {
  return Math.round((startedAt.getTime() + minutes * 60_000 - now.getTime()) / 1000);
}

export function isCaucusActive(meeting: { caucusEndsAt: Date | null }, now: Date): boolean {
  return meeting.caucusEndsAt !== null && meeting.caucusEndsAt.getTime() > now.getTime();
}
