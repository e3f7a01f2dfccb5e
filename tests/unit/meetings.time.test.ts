// Meeting times and time zones (meetings.rules.ts through Temporal, decision 0011): one DST rule in
// every zone (a time skipped by spring-forward moves forward by the gap, a time repeated by fall-back
// is the earlier instant), round trips, and the meetings UI's formatting helper (meeting-time.tsx).
import { describe, expect, it } from "vitest";
import { fixedT } from "../../app/i18n/config.js";
import {
  formatDueDate,
  formatEndInZone,
  formatInZone,
  isSameClock,
  localTimeNotice,
  viewerTimeText,
} from "../../app/features/meetings/meeting-time.js";
import {
  canonicalTimeZone,
  isLocalDateTime,
  isTimeZone,
  resolveLocalTime,
  utcToZonedLocal,
  zonedLocalToUtc,
} from "../../server/domains/meetings/meetings.rules.js";
import { ScheduleMeetingInputSchema } from "../../server/domains/meetings/meetings.schema.js";

type Case = { zone: string; local: string; utc: string; kind: "ORDINARY" | "GAP" | "OVERLAP"; shownAs?: string };

// 2026's transitions: the US on 8 March and 1 November at 02:00; the EU on 29 March and 25 October
// (02:00 → 03:00, 03:00 → 02:00); Lord Howe Island by 30 minutes on 4 October (02:00 → 02:30) and
// 5 April (02:00 → 01:30); Phoenix keeps UTC−7 all year.
const CASES: Case[] = [
  { zone: "America/Chicago", local: "2026-03-08T02:30", utc: "2026-03-08T08:30:00.000Z", kind: "GAP", shownAs: "2026-03-08T03:30" },
  { zone: "America/Chicago", local: "2026-11-01T01:30", utc: "2026-11-01T06:30:00.000Z", kind: "OVERLAP" },
  { zone: "America/Chicago", local: "2026-12-03T09:30", utc: "2026-12-03T15:30:00.000Z", kind: "ORDINARY" },
  { zone: "America/Chicago", local: "2026-07-03T09:30", utc: "2026-07-03T14:30:00.000Z", kind: "ORDINARY" },
  { zone: "America/New_York", local: "2026-03-08T02:30", utc: "2026-03-08T07:30:00.000Z", kind: "GAP", shownAs: "2026-03-08T03:30" },
  { zone: "America/New_York", local: "2026-11-01T01:30", utc: "2026-11-01T05:30:00.000Z", kind: "OVERLAP" },
  { zone: "America/New_York", local: "2026-06-01T12:00", utc: "2026-06-01T16:00:00.000Z", kind: "ORDINARY" },
  { zone: "Europe/Berlin", local: "2026-03-29T02:30", utc: "2026-03-29T01:30:00.000Z", kind: "GAP", shownAs: "2026-03-29T03:30" },
  { zone: "Europe/Berlin", local: "2026-10-25T02:30", utc: "2026-10-25T00:30:00.000Z", kind: "OVERLAP" },
  { zone: "Europe/Berlin", local: "2026-12-03T09:30", utc: "2026-12-03T08:30:00.000Z", kind: "ORDINARY" },
  { zone: "America/Phoenix", local: "2026-03-08T02:30", utc: "2026-03-08T09:30:00.000Z", kind: "ORDINARY" },
  { zone: "America/Phoenix", local: "2026-11-01T01:30", utc: "2026-11-01T08:30:00.000Z", kind: "ORDINARY" },
  { zone: "Australia/Lord_Howe", local: "2026-10-04T02:15", utc: "2026-10-03T15:45:00.000Z", kind: "GAP", shownAs: "2026-10-04T02:45" },
  { zone: "Australia/Lord_Howe", local: "2026-04-05T01:45", utc: "2026-04-04T14:45:00.000Z", kind: "OVERLAP" },
  { zone: "Australia/Lord_Howe", local: "2026-07-01T09:00", utc: "2026-06-30T22:30:00.000Z", kind: "ORDINARY" },
  { zone: "Asia/Kolkata", local: "2026-12-03T09:30", utc: "2026-12-03T04:00:00.000Z", kind: "ORDINARY" },
];

const MINUTE = 60_000;

describe("local meeting time → instant, one DST rule in every zone", () => {
  it.each(CASES)("$zone $local ($kind) is $utc", ({ zone, local, utc, kind, shownAs }) => {
    const instant = zonedLocalToUtc(local, zone);
    expect(instant.toISOString()).toBe(utc);
    expect(resolveLocalTime(local, zone)).toEqual({ kind, instant, startsLocal: shownAs ?? local });
    // What the meeting's own clock shows afterwards: the typed time, or for a gap the time moved forward.
    expect(utcToZonedLocal(instant, zone)).toBe(shownAs ?? local);
  });

  it("moves 02:30 in a spring-forward gap to 03:30 in Chicago and in Berlin alike (the old code made it 01:30 in Chicago)", () => {
    expect(utcToZonedLocal(zonedLocalToUtc("2026-03-08T02:30", "America/Chicago"), "America/Chicago")).toBe("2026-03-08T03:30");
    expect(utcToZonedLocal(zonedLocalToUtc("2026-03-29T02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("takes the earlier of the two instants in a fall-back overlap: the later one shows the same clock time", () => {
    for (const { zone, local } of CASES.filter((c) => c.kind === "OVERLAP")) {
      const earlier = zonedLocalToUtc(local, zone);
      const shift = zone === "Australia/Lord_Howe" ? 30 : 60;
      const later = new Date(earlier.getTime() + shift * MINUTE);
      expect(utcToZonedLocal(later, zone), zone).toBe(local);
      // …and nothing before the chosen instant shows that time: it is the first.
      expect(utcToZonedLocal(new Date(earlier.getTime() - shift * MINUTE), zone), zone).not.toBe(local);
    }
  });

  it("keeps every existing time of a transition day in order, and moves only gap times, by exactly the gap", () => {
    const days = [
      ["America/Chicago", "2026-03-08", 60],
      ["America/Chicago", "2026-11-01", 60],
      ["America/New_York", "2026-03-08", 60],
      ["Europe/Berlin", "2026-03-29", 60],
      ["Europe/Berlin", "2026-10-25", 60],
      ["America/Phoenix", "2026-03-08", 0],
      ["Australia/Lord_Howe", "2026-10-04", 30],
      ["Australia/Lord_Howe", "2026-04-05", 30],
    ] as const;
    for (const [zone, day, gapMinutes] of days) {
      let previous = -Infinity;
      for (let m = 0; m < 24 * 60; m += 5) {
        const local = `${day}T${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        const instant = zonedLocalToUtc(local, zone);
        const resolved = resolveLocalTime(local, zone)!;
        const shown = utcToZonedLocal(instant, zone);
        if (resolved.kind === "GAP") {
          const moved = new Date(Date.parse(`${local}:00Z`) + gapMinutes * MINUTE).toISOString().replace(/:00\.000Z$/, "");
          expect(shown, `${zone} ${local}`).toBe(moved);
        } else {
          // Times that exist keep their order (gap times land on the hour after, by design).
          expect(instant.getTime(), `${zone} ${local}`).toBeGreaterThan(previous);
          previous = instant.getTime();
          expect(shown, `${zone} ${local}`).toBe(local);
        }
      }
    }
  });

  it("round-trips every instant of the transition days, except the second pass through an overlap, which reads back as the first", () => {
    const days = [
      ["America/Chicago", "2026-11-01T00:00:00Z", 60],
      ["Europe/Berlin", "2026-10-24T20:00:00Z", 60],
      ["Australia/Lord_Howe", "2026-04-04T10:00:00Z", 30],
      ["America/New_York", "2026-03-08T00:00:00Z", 60],
    ] as const;
    for (const [zone, from, shift] of days) {
      for (let i = 0; i < 24 * 4; i++) {
        const instant = new Date(Date.parse(from) + i * 15 * MINUTE);
        const local = utcToZonedLocal(instant, zone);
        const back = zonedLocalToUtc(local, zone);
        if (back.getTime() !== instant.getTime()) {
          expect(resolveLocalTime(local, zone)?.kind, `${zone} ${instant.toISOString()}`).toBe("OVERLAP");
          expect(back.getTime(), `${zone} ${instant.toISOString()}`).toBe(instant.getTime() - shift * MINUTE);
        }
      }
    }
  });

  it("round-trips ordinary times for editing forms", () => {
    for (const zone of ["America/Los_Angeles", "America/Phoenix", "Europe/Berlin", "Australia/Lord_Howe", "UTC"]) {
      for (const local of ["2026-01-15T18:45", "2026-07-15T07:05", "2027-02-28T23:59"]) {
        expect(utcToZonedLocal(zonedLocalToUtc(local, zone), zone), zone).toBe(local);
      }
    }
    // Seconds are dropped, never rounded up into the next minute.
    expect(utcToZonedLocal(new Date("2026-12-03T15:30:59.999Z"), "America/Chicago")).toBe("2026-12-03T09:30");
  });
});

describe("what a start time and a zone may be", () => {
  it("accepts only real calendar days and times of day", () => {
    expect(isLocalDateTime("2028-02-29T10:00")).toBe(true);
    for (const bad of ["2026-02-30T10:00", "2027-02-29T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01T10:00:00", "2026-01-01"]) {
      expect(isLocalDateTime(bad), bad).toBe(false);
    }
  });

  it("knows named zones in any case, and refuses offsets and ISO strings dressed as zones", () => {
    expect(canonicalTimeZone("america/chicago")).toBe("America/Chicago");
    expect(canonicalTimeZone("Australia/Lord_Howe")).toBe("Australia/Lord_Howe");
    for (const bad of ["Mars/Olympus", "+05:00", "2026-01-01T00:00Z[America/Chicago]", "America/Chicago\u0000", "", "x".repeat(65)]) {
      expect(isTimeZone(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it("the schedule schema refuses a day that does not exist (the old code moved 30 February to 2 March) and stores the zone's usual spelling", () => {
    const base = { bodyId: "b", title: "M", startsAtLocal: "2026-12-03T09:30", timeZone: "America/Chicago", durationMinutes: 60 };
    const feb30 = ScheduleMeetingInputSchema.safeParse({ ...base, startsAtLocal: "2026-02-30T10:00" });
    expect(feb30.success).toBe(false);
    expect(feb30.error?.flatten().fieldErrors.startsAtLocal).toEqual(["Enter a date and time that exist (no 30 February, no 24:00)."]);
    expect(ScheduleMeetingInputSchema.safeParse({ ...base, startsAtLocal: "0000-01-01T10:00" }).success).toBe(false);
    expect(ScheduleMeetingInputSchema.parse({ ...base, timeZone: "europe/berlin" }).timeZone).toBe("Europe/Berlin");
  });
});

describe("the meetings UI's time helper", () => {
  const start = new Date("2026-12-03T15:30:00Z");

  it("shows a meeting's time in the meeting's zone with the zone's name", () => {
    expect(formatInZone(start, "America/Chicago")).toBe(`Thu, Dec 3, 2026, 9:30${sep()}AM CST`);
    expect(formatInZone(start, "Europe/Berlin", "time")).toBe(`4:30${sep()}PM GMT+1`);
    expect(formatInZone(start, "America/Chicago", "date")).toBe("Dec 3, 2026");
  });

  it("adds the viewer's time only when their clock differs, with the date when the day differs", () => {
    expect(viewerTimeText(start, "America/Chicago", null)).toBeNull();
    expect(viewerTimeText(start, "America/Chicago", "America/Chicago")).toBeNull();
    // Winnipeg keeps Chicago's clock: nothing to add.
    expect(isSameClock(start, "America/Chicago", "America/Winnipeg")).toBe(true);
    expect(viewerTimeText(start, "America/Chicago", "America/Winnipeg")).toBeNull();
    expect(viewerTimeText(start, "America/Chicago", "Europe/Berlin")).toBe(`4:30${sep()}PM GMT+1`);
    expect(viewerTimeText(start, "America/Chicago", "Asia/Tokyo")).toBe(`Fri, Dec 4, 2026, 12:30${sep()}AM GMT+9`);
  });

  it("shows the end with its date only when the meeting runs past midnight", () => {
    expect(formatEndInZone(start, new Date(start.getTime() + 90 * MINUTE), "America/Chicago")).toBe(`11:00${sep()}AM CST`);
    expect(formatEndInZone(start, new Date(start.getTime() + 16 * 60 * MINUTE), "America/Chicago")).toBe(`Fri, Dec 4, 2026, 1:30${sep()}AM CST`);
  });

  it("says before saving what a skipped or repeated start becomes", () => {
    const en = fixedT("en", "meetings");
    expect(localTimeNotice("2026-03-08T02:30", "America/Chicago", en)).toBe(
      `02:30 does not exist on Mar 8, 2026 in America/Chicago: the clocks skip it. The meeting will start at 3:30${sep()}AM CDT.`,
    );
    expect(localTimeNotice("2026-11-01T01:30", "America/Chicago", en)).toBe(
      `01:30 happens twice on Nov 1, 2026 in America/Chicago: the clocks go back. The meeting will start at the first 01:30, 1:30${sep()}AM CDT.`,
    );
    expect(localTimeNotice("2026-12-03T09:30", "America/Chicago", en)).toBeNull();
    expect(localTimeNotice("", "America/Chicago", en)).toBeNull();
    expect(localTimeNotice("2026-03-08T02:30", "America/Chicago", fixedT("es", "meetings"), "es-US")).toBe(
      `Las 02:30 no existen el 8 mar 2026 en America/Chicago: los relojes se adelantan y saltan esa hora. La reunión comenzará a las 3:30${sep()}a.m. CDT.`,
    );
  });

  it("shows due dates as the calendar day they are, in any zone", () => {
    expect(formatDueDate(new Date("2026-12-03T00:00:00Z"))).toBe("Dec 3, 2026");
  });
});

/** The space ICU puts before AM/PM (a narrow no-break space in current ICU, a plain space in older). */
function sep(): string {
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", timeZone: "UTC" }).format(new Date(0)).replace(/^12(\s)AM$/u, "$1");
}
