// Scheduling a body's meetings: create, reschedule, cancel, and the meeting's .ics file.
import { canScheduleMeetings } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { AppDeps } from "../../deps.js";
import { forbidden } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { resolveLocale } from "../../mail/templates/i18n.js";
import { meetingCalendar } from "./meetings.calendar.js";
import { lockMeeting, meetingChanged, meetingsListChanged, requireMeetingActor, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayCancel, mayReschedule } from "./meetings.policy.js";
import { zonedLocalToUtc } from "./meetings.rules.js";
import type { MeetingIdInput, ScheduleMeetingInput, UpdateMeetingInput } from "./meetings.schema.js";

export async function scheduleMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: ScheduleMeetingInput }) {
  const { body, seat } = await deps.access.requireBodySeat(userId, input.bodyId);
  if (!canScheduleMeetings(seat)) throw forbidden("Only the body's co-chairs or staff schedule its meetings.");
  return inTransaction(deps, async (tx, effects) => {
    const meeting = await tx.meeting.create({
      data: {
        partnershipId: body.partnershipId,
        bodyId: body.id,
        title: input.title,
        startsAt: zonedLocalToUtc(input.startsAtLocal, input.timeZone),
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes,
        location: input.location,
        videoUrl: input.videoUrl,
        createdById: userId,
      },
      select: { id: true, partnershipId: true },
    });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "meeting.scheduled", subjectType: "Meeting", subjectId: meeting.id });
    meetingsListChanged(effects, body.partnershipId);
    return { id: meeting.id, partnershipId: meeting.partnershipId };
  });
}

export async function updateMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: UpdateMeetingInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayReschedule(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayReschedule(actor, await lockMeeting(tx, meeting.id)));
    await tx.meeting.update({
      where: { id: meeting.id },
      data: {
        title: input.title,
        startsAt: zonedLocalToUtc(input.startsAtLocal, input.timeZone),
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes,
        location: input.location,
        videoUrl: input.videoUrl,
        calendarSequence: { increment: 1 },
      },
    });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.updated", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "details");
    meetingsListChanged(effects, meeting.partnershipId);
    return { id: meeting.id };
  });
}

export async function cancelMeeting(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayCancel(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayCancel(actor, await lockMeeting(tx, meeting.id)));
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: "CANCELLED", calendarSequence: { increment: 1 } } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.cancelled", subjectType: "Meeting", subjectId: meeting.id });
    meetingChanged(effects, meeting.id, "details");
    meetingsListChanged(effects, meeting.partnershipId);
    return { id: meeting.id };
  });
}

/** The meeting as an iCalendar file, for anyone on its body. */
export async function getMeetingCalendar(deps: Pick<AppDeps, "db" | "access" | "config">, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, body } = await requireMeetingActor(deps, userId, input.meetingId);
  // The description in the downloader's language (a read of their profile's language, nothing else).
  const viewer = await deps.db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return meetingCalendar(
    {
      ...meeting,
      bodyName: body.name,
      url: `${deps.config.appOrigin}/p/${meeting.partnershipId}/meetings/${meeting.id}`,
      host: new URL(deps.config.appOrigin).hostname,
    },
    resolveLocale(viewer?.locale),
  );
}
