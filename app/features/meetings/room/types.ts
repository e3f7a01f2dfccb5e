// Shapes and wording (through the meetings catalog) shared by the meeting room's components (the page data comes from meetings.get).
import type { TFunction } from "i18next";
import type { RouterOutputs } from "~/lib/trpc";
import { describeQuorumRule, type CoChairSide } from "../../../../server/domains/meetings/meetings.rules";

export type MeetingView = RouterOutputs["meetings"]["meeting"]["get"];
export type AgendaItem = MeetingView["agenda"]["items"][number];
export type RosterEntry = MeetingView["roster"][number];
export type Approval = MeetingView["agenda"]["approvals"][number];
export type { CoChairSide };

/** "the labor co-chair and the management co-chair" (one or both sides). */
export function coChairsPhrase(t: TFunction, sides: CoChairSide[]): string {
  if (sides.length >= 2) return t("meetings:coChairs.both");
  return sides[0] === "MANAGEMENT" ? t("meetings:coChairs.MANAGEMENT") : t("meetings:coChairs.LABOR");
}

/** 95 → "1 h 35 min" */
export function formatMinutes(t: TFunction, total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t("meetings:duration.minutes", { m });
  return m === 0 ? t("meetings:duration.hours", { h }) : t("meetings:duration.hoursMinutes", { h, m });
}

export function roleLabel(t: TFunction, r: Pick<RosterEntry, "role" | "coChairSide">): string {
  if (r.role === "CO_CHAIR") return r.coChairSide ? t(`meetings:role.coChair.${r.coChairSide}`) : t("meetings:role.coChair.any");
  return t(`meetings:role.${r.role}`);
}

/** Quorum snapshot in one line: "met (labor 3/2, management 2/2)". */
export function quorumSummary(t: TFunction, q: MeetingView["quorum"]): string {
  const values = { laborPresent: q.LABOR.present, laborRequired: q.LABOR.required, managementPresent: q.MANAGEMENT.present, managementRequired: q.MANAGEMENT.required };
  return q.met ? t("meetings:quorumSummary.met", values) : t("meetings:quorumSummary.notMet", values);
}

/** A body's quorum rule in a sentence ("At least 2 voting members present from the labor side and …"). */
export function quorumRuleText(t: TFunction, rule: MeetingView["body"]["quorumRule"]): string {
  return describeQuorumRule(rule, t);
}

export const isAgendaOpen = (view: MeetingView) => view.meeting.status === "SCHEDULED" || view.meeting.status === "LIVE";

/** The viewer's user id, from their roster entry (the viewer block names the membership). */
export function viewerUserId(view: MeetingView): string | null {
  return view.roster.find((r) => r.membershipId === view.viewer.membershipId)?.userId ?? null;
}
