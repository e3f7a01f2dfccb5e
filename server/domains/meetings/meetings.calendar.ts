// The iCalendar file of a meeting (RFC 5545), written by ical-generator (decision 0011): escaping and
// line folding (75 octets, never inside a character) are the library's. What stays ours:
// - a stable UID `meeting-<id>@<host>` and a SEQUENCE that grows with each change, so calendars
//   replace the event instead of adding a second one; a cancelled meeting is STATUS:CANCELLED;
// - times in UTC ("…Z"): a meeting happens once, so UTC names the instant exactly, every client reads
//   it the same way and shows it in its own zone, and no VTIMEZONE block (which clients otherwise
//   need beside a TZID, and which goes stale with the tz rules) has to be written. The meeting's own
//   zone is named in the description for people.
// - the description in the language of the person who downloads it (their User.locale; decision 0018).
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { messagesFor, type Locale } from "../../mail/templates/i18n.js";

const MESSAGES = {
  en: {
    intl: "en-US",
    body: (name: string) => `${name} meeting.`,
    time: (when: string) => `Meeting time: ${when}.`,
    online: (url: string) => `Join online: ${url}`,
    page: (url: string) => `Agenda and minutes: ${url}`,
  },
  es: {
    intl: "es-US",
    body: (name: string) => `Reunión de ${name}.`,
    time: (when: string) => `Hora de la reunión: ${when}.`,
    online: (url: string) => `Unirse en línea: ${url}`,
    page: (url: string) => `Orden del día y acta: ${url}`,
  },
};

/** "Thursday, December 3, 2026, 9:30 AM CST (America/Chicago)" */
function meetingTimeText(startsAt: Date, timeZone: string, intl: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(timeZone);
  const text = zoned.toLocaleString(intl, {
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

export function meetingCalendar(
  meeting: {
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
  },
  locale: Locale = "en",
): string {
  const m = messagesFor(MESSAGES, locale);
  const end = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
  const description = [
    m.body(meeting.bodyName),
    m.time(meetingTimeText(meeting.startsAt, meeting.timeZone, m.intl)),
    meeting.videoUrl ? m.online(meeting.videoUrl) : "",
    m.page(meeting.url),
  ]
    .filter(Boolean)
    .join("\n");
  const calendar = ical({
    prodId: { company: "Jointly", product: "Meetings", language: locale.toUpperCase() },
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
