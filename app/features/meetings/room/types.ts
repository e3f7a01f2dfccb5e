// Shapes and wording shared by the meeting room's components (the page data comes from meetings.get).
import type { RouterOutputs } from "~/lib/trpc";
import type { CoChairSide } from "../../../../server/domains/meetings/meetings.rules";

export type MeetingView = RouterOutputs["meetings"]["meeting"]["get"];
export type AgendaItem = MeetingView["agenda"]["items"][number];
export type RosterEntry = MeetingView["roster"][number];
export type Approval = MeetingView["agenda"]["approvals"][number];
export type { CoChairSide };

export const SIDE_WORD: Record<CoChairSide, string> = { LABOR: "labor", MANAGEMENT: "management" };
export const SIDE_TITLE: Record<CoChairSide, string> = { LABOR: "Labor", MANAGEMENT: "Management" };

/** "the labor co-chair and the management co-chair" */
export function coChairsPhrase(sides: CoChairSide[]): string {
  return sides.map((s) => `the ${SIDE_WORD[s]} co-chair`).join(" and ");
}

/** 95 → "1 h 35 min" */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function roleLabel(r: Pick<RosterEntry, "role" | "coChairSide">): string {
  if (r.role === "CO_CHAIR") return r.coChairSide ? `${SIDE_TITLE[r.coChairSide]} co-chair` : "Co-chair";
  return { MEMBER: "Member", OBSERVER: "Observer", STAFF: "Staff" }[r.role];
}

/** Quorum snapshot in one line: "met (labor 3/2, management 2/2)". */
export function quorumSummary(q: MeetingView["quorum"]): string {
  return `${q.met ? "met" : "not met"} (labor ${q.LABOR.present}/${q.LABOR.required}, management ${q.MANAGEMENT.present}/${q.MANAGEMENT.required})`;
}

export const isAgendaOpen = (view: MeetingView) => view.meeting.status === "SCHEDULED" || view.meeting.status === "LIVE";

/** The viewer's user id, from their roster entry (the viewer block names the membership). */
export function viewerUserId(view: MeetingView): string | null {
  return view.roster.find((r) => r.membershipId === view.viewer.membershipId)?.userId ?? null;
}
