// The iCalendar file of a meeting (RFC 5545): a stable UID, so an update replaces the event.

const icsDate = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const icsText = (s: string) => s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

const octets = (s: string) => Buffer.byteLength(s, "utf8");

/** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (octets(rest) > 75) {
    let cut = 75;
    while (octets(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = " " + rest.slice(cut);
  }
  out.push(rest);
  return out.join("\r\n");
}

export function meetingCalendar(meeting: {
  id: string;
  title: string;
  bodyName: string;
  startsAt: Date;
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
  const description = [`${meeting.bodyName} meeting.`, meeting.videoUrl ? `Join online: ${meeting.videoUrl}` : "", `Agenda and minutes: ${meeting.url}`]
    .filter(Boolean)
    .join("\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Jointly//Meetings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    // Stable UID: calendars replace the event when SEQUENCE grows, instead of adding a second one.
    `UID:meeting-${meeting.id}@${meeting.host}`,
    `SEQUENCE:${meeting.calendarSequence}`,
    `DTSTAMP:${icsDate(meeting.updatedAt)}`,
    `DTSTART:${icsDate(meeting.startsAt)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${icsText(meeting.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    meeting.location || meeting.videoUrl ? `LOCATION:${icsText(meeting.location || meeting.videoUrl)}` : "",
    `URL:${meeting.url}`,
    `STATUS:${meeting.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].filter(Boolean);
  return lines.map(fold).join("\r\n") + "\r\n";
}
