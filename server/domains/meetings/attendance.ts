// Attendance: the co-chairs mark it, members check themselves in; the quorum per side is computed
// from it (meetings.rules.ts). Marks lock the meeting's row, so a quorum read under the same lock (a
// decision) sees exactly the attendance of that moment.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { lockMeeting, meetingChanged, requireBodyMember, requireMeetingActor, touchMinutes, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, checkInStatus, mayCheckIn, mayMarkAttendance } from "./meetings.policy.js";
import { computeQuorum, type Quorum, type QuorumRule } from "./meetings.rules.js";
import type { MarkAttendanceInput, MeetingIdInput } from "./meetings.schema.js";

const NOT_ON_BODY = "Choose a member of this body.";

/** A co-chair records someone's attendance (after adjournment, a correction of the minutes). */
export async function markAttendance(deps: MeetingsDeps, { userId, input }: { userId: string; input: MarkAttendanceInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayMarkAttendance(actor, meeting));
  const { membershipId, status } = input;
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayMarkAttendance(actor, fresh));
    await requireBodyMember(tx, meeting.bodyId, membershipId, "membershipId", NOT_ON_BODY);
    await tx.attendance.upsert({
      where: { meetingId_membershipId: { meetingId: meeting.id, membershipId } },
      create: { meetingId: meeting.id, membershipId, status, markedById: userId },
      update: { status, markedById: userId, checkedInSelf: false },
    });
    await touchMinutes(tx, fresh);
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.attendanceMarked", subjectType: "Meeting", subjectId: meeting.id, data: { membershipId, status } });
    meetingChanged(effects, meeting.id, "attendance");
    return { membershipId, status };
  });
}

/** A member checks themself in: present, or arrived late once the meeting is well under way. */
export async function checkIn(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayCheckIn(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayCheckIn(actor, fresh));
    const status = checkInStatus(fresh, new Date());
    await tx.attendance.upsert({
      where: { meetingId_membershipId: { meetingId: meeting.id, membershipId: actor.membershipId } },
      create: { meetingId: meeting.id, membershipId: actor.membershipId, status, checkedInSelf: true, markedById: userId },
      update: { status, checkedInSelf: true, markedById: userId },
    });
    meetingChanged(effects, meeting.id, "attendance");
    return { status };
  });
}

/** The body's quorum rule as the rules module takes it. */
export const quorumRuleOf = (body: { quorumMode: string; quorumLabor: number; quorumManagement: number }): QuorumRule => ({
  mode: body.quorumMode as QuorumRule["mode"],
  labor: body.quorumLabor,
  management: body.quorumManagement,
});

/**
 * The quorum per side right now: the body's rule, its voting seats and their attendance at this
 * meeting. Read inside the caller's transaction, under the meeting's lock, so no mark lands between
 * this reading and what the caller records with it.
 */
export async function readQuorum(tx: Tx, meeting: { id: string; bodyId: string }): Promise<Quorum> {
  const body = await tx.body.findUniqueOrThrow({ where: { id: meeting.bodyId }, select: { quorumMode: true, quorumLabor: true, quorumManagement: true } });
  const seats = await tx.bodySeat.findMany({
    where: { bodyId: meeting.bodyId, isVoting: true },
    select: { membershipId: true, membership: { select: { organization: { select: { side: true } } } } },
  });
  const attendance = await tx.attendance.findMany({ where: { meetingId: meeting.id }, select: { membershipId: true, status: true } });
  const statusOf = new Map(attendance.map((a) => [a.membershipId, a.status]));
  return computeQuorum(
    quorumRuleOf(body),
    seats.map((s) => ({ side: s.membership.organization.side, attendance: statusOf.get(s.membershipId) ?? null })),
  );
}
