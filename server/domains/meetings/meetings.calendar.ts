// The iCalendar file of a meeting (RFC 5545), written by ical-generator (decision 0011): escaping and
// line folding (75 octets, never inside a character) are the library's. What stays ours:
// - a stable UID `meeting-<id>@<host>` and a SEQUENCE that grows with each change, so calendars
//   replace the event instead of adding a second one; a cancelled meeting is STATUS:CANCELLED;
// - times in UTC ("…Z"): a meeting happens once, so UTC names the instant exactly, every client reads
//   it the same way and shows it in its own zone, and no VTIMEZONE block (which clients otherwise
//   need beside a TZID, and which goes stale with the tz rules) has to be written. The meeting's own
//   zone is named in the description for people.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";

/** "Thursday, December 3, 2026, 9:30 AM CST (America/Chicago)" */
function meetingTimeText(startsAt: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(timeZone);
  const text = zoned.toLocaleString("en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return `${text} (${timeZone.replace(/_/g, " ")})`;
}

export function meetingCalendar(meeting: {
  id: string;
  title: string;
  bodyName: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  location: string;
  videoUrl: string;
  status: string;
  calendarSequence: number;
  updatedAt: Date;
  url: string;
  host: string;
}): string {
  const end = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const description = [
    `${meeting.bodyName} meeting.`,
    `Meeting time: ${meetingTimeText(meeting.startsAt, meeting.timeZone)}.`,
    meeting.videoUrl ? `Join online: ${meeting.videoUrl}` : "",
    `Agenda and minutes: ${meeting.url}`,
  ]
    .filter(Boolean)
    .join("\n");
  const calendar = ical({
    prodId: { company: "Jointly", product: "Meetings", language: "EN" },
    scale: "GREGORIAN",
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `meeting-${meeting.id}@${meeting.host}`,
    sequence: meeting.calendarSequence,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end,
    summary: meeting.title,
    description,
    location: meeting.location || meeting.videoUrl || null,
    url: meeting.url,
    status: meeting.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  const ics = calendar.toString();
  return ics.endsWith("\r\n") ? ics : `${ics}\r\n`;
}
