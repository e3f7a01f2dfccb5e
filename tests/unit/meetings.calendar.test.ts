// The meeting's .ics (meetings.calendar.ts on ical-generator): what calendars need to replace the
// event (stable UID, growing SEQUENCE), cancelled meetings, UTC times, and line folding that never
// splits a character: every physical line is at most 75 octets and valid UTF-8 on its own, and
// unfolding gives back the title exactly.
import { describe, expect, it } from "vitest";
import { meetingCalendar } from "../../server/domains/meetings/meetings.calendar.js";

const meeting = {
  id: "m1",
  title: "JATC, monthly; with a very long title that needs folding because calendar lines stop at 75 octets",
  bodyName: "JATC",
  startsAt: new Date("2026-12-03T15:30:00Z"),
  timeZone: "America/Chicago",
  durationMinutes: 90,
  location: "Hall 2",
  videoUrl: "",
  status: "SCHEDULED",
  calendarSequence: 3,
  updatedAt: new Date("2026-11-20T12:00:00Z"),
  url: "https://jointly.example/p/p1/meetings/m1",
  host: "jointly.example",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
/** RFC 5545 §3.3.11 TEXT unescaping. */
const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** The unfolded, unescaped value of the one property `name` of the event. */
function property(ics: string, name: string): string | undefined {
  const line = unfold(ics)
    .split("\r\n")
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line === undefined ? undefined : unescapeText(line.slice(line.indexOf(":") + 1));
}

/** Every physical line: at most 75 octets, and a whole UTF-8 text by itself (no character cut in two). */
function expectWellFolded(ics: string, context: string) {
  expect(ics.endsWith("\r\n"), context).toBe(true);
  const physical = ics.slice(0, -2).split("\r\n");
  for (const line of physical) {
    const bytes = Buffer.from(line, "utf8");
    expect(bytes.length, `${context}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(75);
    expect(() => utf8.decode(bytes), `${context}: ${JSON.stringify(line)}`).not.toThrow();
    expect(line, context).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  }
}

/** Titles that make folding hard: emoji (with skin tones, ZWJ families, flags), CJK, combining marks, long words. */
function hardTitles(): string[] {
  const pieces = [
    "🎉",
    "👩🏽‍🔧",
    "👨‍👩‍👧‍👦",
    "🇺🇸",
    "🏳️‍🌈",
    "会議",
    "労使協議会の月例会議",
    "훈련",
    "é",
    "e\u0301",
    "Ω",
    "ñ",
    "𝕁𝕠𝕚𝕟𝕥𝕝𝕪",
    "Supercalifragilisticexpialidocious",
    "x".repeat(150),
    ",",
    ";",
    "\\",
    " ",
  ];
  const titles: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let t = 0; t < 200; t++) {
    let title = "";
    // A leading run of ASCII shifts where the fold falls, so every piece meets a fold somewhere.
    title += "a".repeat(t % 40);
    while (title.length < 120 + (t % 80)) title += pieces[next() % pieces.length];
    titles.push(title);
  }
  titles.push("🎉".repeat(100), "会".repeat(200), "👨‍👩‍👧‍👦".repeat(18), "e\u0301".repeat(100));
  return titles;
}

describe("meetingCalendar", () => {
  it("has a stable UID, the sequence, METHOD:PUBLISH, and start and end in UTC", () => {
    const ics = meetingCalendar(meeting);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("METHOD:PUBLISH\r\n");
    expect(ics).toContain("UID:meeting-m1@jointly.example\r\n");
    expect(ics).toContain("SEQUENCE:3\r\n");
    expect(ics).toContain("DTSTART:20261203T153000Z\r\n");
    expect(ics).toContain("DTEND:20261203T170000Z\r\n");
    expect(ics).toContain("DTSTAMP:20261120T120000Z\r\n");
    // No TZID anywhere, so no VTIMEZONE is needed.
    expect(ics).not.toContain("TZID");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(meetingCalendar({ ...meeting, status: "CANCELLED" })).toContain("STATUS:CANCELLED");
  });

  it("names the meeting's own time zone in the description", () => {
    expect(property(meetingCalendar(meeting), "DESCRIPTION")).toContain("Meeting time: Thursday, December 3, 2026 at 9:30");
    expect(property(meetingCalendar(meeting), "DESCRIPTION")).toContain("CST (America/Chicago).");
    expect(property(meetingCalendar({ ...meeting, timeZone: "Europe/Berlin" }), "DESCRIPTION")).toContain("(Europe/Berlin)");
  });

  it("escapes text and folds long lines", () => {
    const ics = meetingCalendar(meeting);
    expect(ics).toContain("SUMMARY:JATC\\, monthly\\; with");
    expectWellFolded(ics, "plain title");
    expect(property(ics, "SUMMARY")).toBe(meeting.title);
    expect(property(ics, "LOCATION")).toBe("Hall 2");
  });

  it("folds titles with emoji, CJK text and long words without splitting a character; unfolding restores each title exactly", () => {
    const titles = hardTitles();
    expect(titles.length).toBeGreaterThanOrEqual(80);
    for (const title of titles) {
      const ics = meetingCalendar({ ...meeting, title, location: title });
      expectWellFolded(ics, title);
      expect(property(ics, "SUMMARY"), title).toBe(title);
      expect(property(ics, "LOCATION"), title).toBe(title);
    }
  });

  it("keeps new lines of the description as escaped \\n and gives them back", () => {
    const ics = meetingCalendar({ ...meeting, videoUrl: "https://meet.example/room?id=1,2;3" });
    const description = property(ics, "DESCRIPTION")!;
    expect(description.split("\n")).toEqual([
      "JATC meeting.",
      expect.stringContaining("Meeting time:"),
      "Join online: https://meet.example/room?id=1,2;3",
      "Agenda and minutes: https://jointly.example/p/p1/meetings/m1",
    ]);
  });

  it("writes the description in the downloader's language (Spanish here), the times in its conventions", () => {
    const ics = meetingCalendar({ ...meeting, videoUrl: "https://meet.example/room" }, "es");
    const description = property(ics, "DESCRIPTION")!;
    expect(description.split("\n")).toEqual([
      "Reunión de JATC.",
      expect.stringMatching(/^Hora de la reunión: jueves, 3 de diciembre de 2026.* CST \(America\/Chicago\)\.$/),
      "Unirse en línea: https://meet.example/room",
      "Orden del día y acta: https://jointly.example/p/p1/meetings/m1",
    ]);
    expect(ics).toContain("PRODID:-//Jointly//Meetings//ES");
  });
});
