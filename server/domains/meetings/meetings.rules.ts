// Pure rules of meetings: quorum per side, the joint-approval state of an agenda or minutes, and
// time-zone conversion for scheduling. No I/O; unit-tested; shared with the browser.

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

export function describeQuorumRule(rule: QuorumRule): string {
  const unit = (n: number) => (rule.mode === "COUNT" ? `${n} voting member${n === 1 ? "" : "s"}` : `${n}% of voting members`);
  return `At least ${unit(rule.labor)} present from the labor side and ${unit(rule.management)} from the management side.`;
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

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-12-03T09:30" in America/Chicago → the UTC instant. */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const [date, time] = local.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  const [hh, mm] = time!.split(":").map(Number);
  const guess = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const first = offsetMs(guess - offsetMs(guess, timeZone), timeZone);
  return new Date(guess - first);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" in `timeZone` (for editing forms). */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** Seconds left in a time box (negative when over time). */
export function secondsLeft(startedAt: Date, minutes: number, now: Date): number {
  return Math.round((startedAt.getTime() + minutes * 60_000 - now.getTime()) / 1000);
}

export function isCaucusActive(meeting: { caucusEndsAt: Date | null }, now: Date): boolean {
  return meeting.caucusEndsAt !== null && meeting.caucusEndsAt.getTime() > now.getTime();
}
