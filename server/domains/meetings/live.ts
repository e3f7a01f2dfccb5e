// Running a meeting: start, the current item, caucus breaks, adjournment. A caucus ends by itself
// through a job scheduled in the transaction that calls it (`meetings:caucusEnd`, keyed per meeting, so
// any process may run it); resuming early or adjourning removes the job in their own transaction.
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { cancelJob, scheduleJob } from "../../jobs/jobs.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import { caucusEndJobKey, lockMeeting, meetingChanged, meetingsListChanged, requireMeetingActor, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayAdjourn, mayCallCaucus, mayRunMeeting, mayStart } from "./meetings.policy.js";
import type { CaucusInput, MeetingIdInput, SetCurrentItemInput } from "./meetings.schema.js";

export async function startMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayStart(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayStart(actor, await lockMeeting(tx, meeting.id)));
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: "LIVE", startedAt: new Date() } });
    // The co-chair who opens the meeting is in the room: checked in, so the record never lists the chair as absent.
    await tx.attendance.upsert({
      where: { meetingId_membershipId: { meetingId: meeting.id, membershipId: actor.membershipId } },
      create: { meetingId: meeting.id, membershipId: actor.membershipId, status: "PRESENT", checkedInSelf: true, markedById: userId },
      update: { status: "PRESENT", checkedInSelf: true, markedById: userId },
    });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.started", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "run", "details", "attendance");
    meetingsListChanged(effects, meeting.partnershipId);
    return { id: meeting.id };
  });
}

/** The item under discussion (one of the accepted agenda), with the time it started; null clears it. */
export async function setCurrentItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: SetCurrentItemInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayRunMeeting(actor, meeting));
  const { itemId } = input;
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayRunMeeting(actor, await lockMeeting(tx, meeting.id)));
    if (itemId) {
      // Read under the lock: a rejection or removal of the item may have committed since the page was drawn.
      const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true, status: true } });
      if (!item || item.meetingId !== meeting.id || item.status !== "ACCEPTED") {
        throw new AppError("BAD_REQUEST", "Choose an item of this meeting's agenda.", { fieldErrors: { itemId: ["Choose an item of this meeting's agenda."] } });
      }
    }
    await tx.meeting.update({ where: { id: meeting.id }, data: { currentItemId: itemId, currentItemStartedAt: itemId ? new Date() : null } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.currentItem", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "run");
    return { id: meeting.id };
  });
}

/** A caucus of `minutes` (each side meets apart); a new call replaces a running caucus and its end. */
export async function callCaucus(deps: MeetingsDeps, { userId, input }: { userId: string; input: CaucusInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayCallCaucus(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayCallCaucus(actor, await lockMeeting(tx, meeting.id)));
    const now = new Date();
    const endsAt = new Date(now.getTime() + input.minutes * 60_000);
    await tx.meeting.update({ where: { id: meeting.id }, data: { caucusStartedAt: now, caucusEndsAt: endsAt } });
    await scheduleJob(tx, "meetings:caucusEnd", { meetingId: meeting.id }, { runAt: endsAt, key: caucusEndJobKey(meeting.id) });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.caucusCalled", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "run");
    return { endsAt };
  });
}

/** Everyone back to the joint meeting before the caucus's time is up. */
export async function resumeMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayRunMeeting(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayRunMeeting(actor, await lockMeeting(tx, meeting.id)));
    await tx.meeting.update({ where: { id: meeting.id }, data: { caucusEndsAt: null } });
    await cancelJob(tx, caucusEndJobKey(meeting.id));
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.resumed", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "run");
    return { id: meeting.id };
  });
}

/** Ends the meeting: closes the speakers' queue, the current item and any caucus. */
export async function adjournMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayAdjourn(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayAdjourn(actor, await lockMeeting(tx, meeting.id)));
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { status: "ADJOURNED", adjournedAt: new Date(), currentItemId: null, currentItemStartedAt: null, caucusEndsAt: null },
    });
    await tx.speakerEntry.updateMany({ where: { meetingId: meeting.id, status: { in: ["WAITING", "SPEAKING"] } }, data: { status: "DONE" } });
    await cancelJob(tx, caucusEndJobKey(meeting.id));
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.adjourned", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "run", "queue", "details");
    meetingsListChanged(effects, meeting.partnershipId);
    return { id: meeting.id };
  });
}

/**
 * The `meetings:caucusEnd` job: when the caucus's time is up, records its end and brings everyone's
 * screen back to the joint view. Only the caucus still running counts: one resumed early, ended by
 * adjournment or already ended (a retried job) changes nothing and sends nothing. A job that runs
 * before the end it was set for (a caucus called again, clocks apart) is set again for that end.
 */
export async function endCaucus(deps: Pick<AppDeps, "db" | "outbox">, { meetingId }: { meetingId: string }): Promise<void> {
  await inTransaction(deps, async (tx, effects) => {
    if (!(await lockRow(tx, "Meeting", meetingId))) return;
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, caucusEndsAt: true, partnershipId: true } });
    if (meeting.status !== "LIVE" || !meeting.caucusEndsAt) return;
    if (meeting.caucusEndsAt.getTime() > Date.now()) {
      await scheduleJob(tx, "meetings:caucusEnd", { meetingId }, { runAt: meeting.caucusEndsAt, key: caucusEndJobKey(meetingId) });
      return;
    }
    await tx.meeting.update({ where: { id: meetingId }, data: { caucusEndsAt: null } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, action: "meeting.caucusEnded", subjectType: "Meeting", subjectId: meetingId });
    meetingChanged(effects, meetingId, "run");
  });
}
