// What other domains may ask of meetings, inside their own transaction: a domain never writes another
// domain's tables, it calls these. (Voting records a meeting's votes in its minutes, and a passed motion
// may approve an earlier meeting's minutes.)
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { meetingRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import type { VoteDecision } from "./meetings.schema.js";

export type { VoteDecision };

/**
 * A vote taken at a meeting goes into that meeting's minutes as a decision, with the quorum it was
 * judged by. `text` is the English sentence; `vote` the same result as codes, which readers are shown
 * in their own language.
 */
export async function recordVoteDecision(
  tx: Tx,
  effects: Effects,
  decision: { meetingId: string; agendaItemId: string | null; motionId: string; text: string; vote?: VoteDecision; quorum: unknown; recordedById: string },
): Promise<void> {
  await tx.decision.create({
    data: {
      meetingId: decision.meetingId,
      agendaItemId: decision.agendaItemId,
      motionId: decision.motionId,
      text: decision.text,
      vote: decision.vote as never,
      quorum: decision.quorum as never,
      recordedById: decision.recordedById,
    },
  });
  effects.publish(meetingRoom(decision.meetingId), "meeting:changed", { meetingId: decision.meetingId, parts: ["minutes"] });
}

/**
 * A passed motion approves an adjourned meeting's minutes (unless the co-chairs did meanwhile): a
 * conditional write, so it happens once. Tells the meeting's room and notifies the body's members.
 * Returns whether this call approved them.
 */
export async function approveMinutesByVote(
  tx: Tx,
  effects: Effects,
  { meetingId, motionId, actorId }: { meetingId: string; motionId: string; actorId: string | null },
): Promise<boolean> {
  const { count } = await tx.meeting.updateMany({
    where: { id: meetingId, status: "ADJOURNED", minutesApprovedAt: null },
    data: { minutesApprovedAt: new Date() },
  });
  if (!count) return false;
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { partnershipId: true, title: true, body: { select: { seats: { select: { membership: { select: { userId: true } } } } } } },
  });
  await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId, action: "minutes.approvedByVote", subjectType: "Meeting", subjectId: meetingId, data: { motionId } });
  effects.publish(meetingRoom(meetingId), "meeting:changed", { meetingId, parts: ["minutes"] });
  effects.notify(
    meeting.body.seats.map((s) => s.membership.userId),
    "minutes.approved",
    { partnershipId: meeting.partnershipId, meetingId, meetingTitle: meeting.title },
  );
  return true;
}
