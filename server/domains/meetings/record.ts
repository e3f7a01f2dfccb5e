// The minutes of record of one meeting: what a board files. Everyone on the roll with their
// attendance, the agenda with each item's minutes, every motion of the meeting (from voting.api.ts),
// decisions (those without an agenda item too), action items, caucus breaks (times only) and how the
// minutes were approved. Read for any seat on the body (the permission layer); the minutes page and
// the minutes PDF show exactly this.
import type { AppDeps } from "../../deps.js";
import { readMeetingMotions, readMinutesApprovalMotion } from "../voting/voting.api.js";
import type { ActionStatus, AgendaItemKind, AttendanceStatus, MeetingIdInput, MeetingStatus, VoteDecision } from "./meetings.schema.js";
import { approvalState, type CoChairSide, type Quorum } from "./meetings.rules.js";
import { caucusBreaks, recordAttendance } from "./record.rules.js";

type ReadDeps = Pick<AppDeps, "db" | "access">;

const CAUCUS_ACTIONS = ["meeting.caucusCalled", "meeting.resumed", "meeting.caucusEnded", "meeting.adjourned"];

export async function getMeetingRecord({ db, access }: ReadDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { body } = await access.requireMeetingSeat(userId, input.meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: input.meetingId },
    include: {
      partnership: { select: { name: true } },
      items: { where: { status: "ACCEPTED" }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      attendance: { select: { membershipId: true, status: true, checkedInSelf: true } },
      decisions: { orderBy: { createdAt: "asc" } },
      actionItems: { orderBy: { createdAt: "asc" } },
      minutesApprovals: { orderBy: { createdAt: "asc" } },
    },
  });
  const [seats, motions, approvalMotion, caucusEvents] = await Promise.all([
    db.bodySeat.findMany({
      where: { bodyId: body.id },
      select: { role: true, coChairSide: true, isVoting: true, membership: { select: { id: true, user: { select: { name: true } }, organization: { select: { name: true, side: true } } } } },
    }),
    readMeetingMotions(db, meeting.id),
    readMinutesApprovalMotion(db, meeting.id),
    db.auditEvent.findMany({
      where: { partnershipId: meeting.partnershipId, subjectType: "Meeting", subjectId: meeting.id, action: { in: CAUCUS_ACTIONS } },
      orderBy: { createdAt: "asc" },
      select: { action: true, createdAt: true },
    }),
  ]);
  const attendance = recordAttendance(
    seats.map((s) => ({
      membershipId: s.membership.id,
      name: s.membership.user.name,
      organizationName: s.membership.organization.name,
      side: s.membership.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL",
      role: s.role as "CO_CHAIR" | "MEMBER" | "OBSERVER" | "STAFF",
      coChairSide: s.coChairSide as CoChairSide | null,
      isVoting: s.isVoting,
    })),
    meeting.attendance.map((a) => ({ membershipId: a.membershipId, status: a.status as AttendanceStatus, checkedInSelf: a.checkedInSelf })),
  );
  const motionIds = new Set(motions.map((m) => m.id));
  const nameOfMembership = new Map(seats.map((s) => [s.membership.id, s.membership.user.name]));
  const approverIds = [...new Set(meeting.minutesApprovals.map((a) => a.userId))];
  const approvers = new Map((await db.user.findMany({ where: { id: { in: approverIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const minutesState = approvalState(meeting.minutesVersion, meeting.minutesApprovals);
  const approvedBy = meeting.minutesApprovedAt ? (minutesState.approvedSides.length === 2 ? ("CO_CHAIRS" as const) : ("VOTE" as const)) : null;

  return {
    partnership: { id: meeting.partnershipId, name: meeting.partnership.name },
    body: { id: body.id, name: body.name },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      location: meeting.location,
      videoUrl: meeting.videoUrl,
      status: meeting.status as MeetingStatus,
      startedAt: meeting.startedAt,
      adjournedAt: meeting.adjournedAt,
    },
    attendance,
    items: meeting.items.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind as AgendaItemKind,
      presenter: i.presenter,
      minutes: i.minutes,
    })),
    motions,
    // A vote's result (or its settled deadlock) is recorded as a decision too; the record shows it once,
    // with its motion (which carries the result, the quorum and the resolution).
    decisions: meeting.decisions
      .filter((d) => !d.motionId || !motionIds.has(d.motionId))
      .map((d) => ({ id: d.id, agendaItemId: d.agendaItemId, text: d.text, vote: (d.vote as VoteDecision | null) ?? null, quorum: d.quorum as Quorum, createdAt: d.createdAt })),
    actionItems: meeting.actionItems.map((a) => ({
      id: a.id,
      agendaItemId: a.agendaItemId,
      text: a.text,
      ownerName: nameOfMembership.get(a.ownerMembershipId) ?? "A former member",
      dueDate: a.dueDate,
      status: a.status as ActionStatus,
    })),
    caucusBreaks: caucusBreaks(caucusEvents),
    approval: {
      version: meeting.minutesVersion,
      approvedAt: meeting.minutesApprovedAt,
      approvedBy,
      /** The approvals of the current version, side by side. */
      coChairs: meeting.minutesApprovals
        .filter((a) => a.version === meeting.minutesVersion)
        .map((a) => ({ side: a.side as CoChairSide, name: approvers.get(a.userId) ?? "A former member", at: a.createdAt })),
      byMotion: approvedBy === "VOTE" ? approvalMotion : null,
    },
  };
}

export type MeetingRecord = Awaited<ReturnType<typeof getMeetingRecord>>;
