// Meetings' life before they start: scheduling (local time in a zone → UTC, one DST rule in every
// zone), text limits refused and never cut, who may schedule, who sees a body's meetings (only those
// with a seat on it), and the iCalendar file with a stable UID.
import { afterAll, describe, expect, it } from "vitest";
import type { ScheduleMeetingInput } from "../../server/domains/meetings/meetings.schema.js";
import { createMeeting } from "../../server/fixtures/factories.js";
import { meetingOf, meetingWorld, refusedWithoutWrites } from "../support/meetings-helpers.js";
import { startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const scheduleInput = (bodyId: string, overrides: Partial<ScheduleMeetingInput> = {}): ScheduleMeetingInput => ({
  bodyId,
  title: "Quarterly training review",
  startsAtLocal: "2026-12-03T09:30",
  timeZone: "America/Chicago",
  durationMinutes: 90,
  location: "Union hall, room 2",
  videoUrl: "",
  ...overrides,
});
const updateInput = (meetingId: string, overrides: Partial<ScheduleMeetingInput> = {}) => {
  const { bodyId: _bodyId, ...rest } = scheduleInput("unused", overrides);
  return { ...rest, meetingId };
};

describe("scheduling a meeting", () => {
  it("lets a co-chair schedule one, storing the local start as UTC", async () => {
    const world = await meetingWorld(app);
    // 09:30 in Chicago in December is CST (UTC−6); in July it is CDT (UTC−5).
    const winter = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id));
    const summer = await world.managementChair.trpc.meetings.meeting.schedule(
      scheduleInput(world.committee.id, { startsAtLocal: "2027-07-01T09:30", title: "Summer review" }),
    );

    expect(winter.partnershipId).toBe(world.partnership.id);
    const stored = await app.db.meeting.findUniqueOrThrow({ where: { id: winter.id } });
    expect(stored).toMatchObject({
      bodyId: world.committee.id,
      title: "Quarterly training review",
      timeZone: "America/Chicago",
      status: "SCHEDULED",
      agendaVersion: 1,
      publishedVersion: null,
      createdById: world.laborChair.user.id,
    });
    expect(stored.startsAt.toISOString()).toBe("2026-12-03T15:30:00.000Z");
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id: summer.id } })).startsAt.toISOString()).toBe("2027-07-01T14:30:00.000Z");
    expect(await app.db.auditEvent.count({ where: { subjectId: winter.id, action: "meeting.scheduled" } })).toBe(1);

    const view = await world.laborMember.trpc.meetings.meeting.get({ meetingId: winter.id });
    expect(view.meeting.startsAt.toISOString()).toBe("2026-12-03T15:30:00.000Z");
    expect(view.meeting.timeZone).toBe("America/Chicago");
  });

  it("lets the body's staff schedule one", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.staff.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id, { timeZone: "Europe/Berlin" }));
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id } })).startsAt.toISOString()).toBe("2026-12-03T08:30:00.000Z");
  });

  it("refuses a member (FORBIDDEN) and an observer, and writes nothing", async () => {
    const world = await meetingWorld(app);
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id)));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.observer.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id)));
  });

  it("answers NOT_FOUND to someone without a seat on the body", async () => {
    const world = await meetingWorld(app);
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id)));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id)));
  });

  it("refuses an invalid time zone or start (BAD_REQUEST)", async () => {
    const world = await meetingWorld(app);
    const chair = world.laborChair.trpc.meetings.meeting;
    const zone = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => chair.schedule(scheduleInput(world.committee.id, { timeZone: "Mars/Olympus" })));
    expect(zone.fieldErrors).toHaveProperty("timeZone");
    const start = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "3 Dec 2026" })));
    expect(start.fieldErrors).toHaveProperty("startsAtLocal");
  });
});

describe("daylight saving and time zones when scheduling", () => {
  const storedStart = async (id: string) => (await app.db.meeting.findUniqueOrThrow({ where: { id } })).startsAt.toISOString();

  it("moves a start in a spring-forward gap forward by the gap, in Chicago and in Berlin alike (02:30 → 03:30)", async () => {
    const world = await meetingWorld(app);
    const chair = world.laborChair.trpc.meetings.meeting;
    const chicago = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-03-08T02:30", timeZone: "America/Chicago" }));
    const berlin = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-03-29T02:30", timeZone: "Europe/Berlin" }));
    // 03:30 CDT (UTC−5) and 03:30 CEST (UTC+2); the old code stored 01:30 CST in Chicago.
    expect(await storedStart(chicago.id)).toBe("2026-03-08T08:30:00.000Z");
    expect(await storedStart(berlin.id)).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the earlier instant of a fall-back overlap, in Chicago and in Berlin alike", async () => {
    const world = await meetingWorld(app);
    const chair = world.laborChair.trpc.meetings.meeting;
    const chicago = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-11-01T01:30", timeZone: "America/Chicago" }));
    const berlin = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-10-25T02:30", timeZone: "Europe/Berlin" }));
    // 01:30 CDT (UTC−5), not 01:30 CST; 02:30 CEST (UTC+2), not 02:30 CET (the old code took the later one in Berlin).
    expect(await storedStart(chicago.id)).toBe("2026-11-01T06:30:00.000Z");
    expect(await storedStart(berlin.id)).toBe("2026-10-25T00:30:00.000Z");
  });

  it("moves a 30-minute gap on Lord Howe Island by 30 minutes, and leaves Phoenix (no DST) alone", async () => {
    const world = await meetingWorld(app);
    const chair = world.laborChair.trpc.meetings.meeting;
    const lordHowe = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-10-04T02:15", timeZone: "Australia/Lord_Howe" }));
    const phoenix = await chair.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-03-08T02:30", timeZone: "America/Phoenix" }));
    expect(await storedStart(lordHowe.id)).toBe("2026-10-03T15:45:00.000Z");
    expect(await storedStart(phoenix.id)).toBe("2026-03-08T09:30:00.000Z");
  });

  it("refuses a day that does not exist instead of moving it (the old code stored 30 February as 2 March)", async () => {
    const world = await meetingWorld(app);
    const refused = await refusedWithoutWrites(app.db, "BAD_REQUEST", () =>
      world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id, { startsAtLocal: "2026-02-30T10:00" })),
    );
    expect(refused.fieldErrors?.startsAtLocal).toEqual(["Enter a date and time that exist (no 30 February, no 24:00)."]);
  });

  it("stores the zone as the tz database spells it", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id, { timeZone: "europe/berlin" }));
    expect(await app.db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ timeZone: "Europe/Berlin" });
  });
});

describe("text limits when scheduling", () => {
  it("refuses a title or location over 200 characters with a message naming the field, and writes nothing", async () => {
    const world = await meetingWorld(app);
    const chair = world.laborChair.trpc.meetings.meeting;
    const title = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => chair.schedule(scheduleInput(world.committee.id, { title: "t".repeat(201) })));
    expect(title.fieldErrors?.title).toEqual(["Title must be at most 200 characters."]);
    const location = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => chair.schedule(scheduleInput(world.committee.id, { location: "l".repeat(201) })));
    expect(location.fieldErrors?.location).toEqual(["Location must be at most 200 characters."]);
    const { id } = await chair.schedule(scheduleInput(world.committee.id));
    const update = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => chair.update(updateInput(id, { title: "🎉".repeat(101) })));
    expect(update.fieldErrors?.title).toEqual(["Title must be at most 200 characters."]);
  });

  it("keeps a title of exactly 200 characters whole, emoji included, in the database and in the calendar file", async () => {
    const world = await meetingWorld(app);
    const title = `${"会議 ".repeat(30)}${"🎉".repeat(55)}`;
    expect(title.length).toBe(200);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id, { title }));
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id } })).title).toBe(title);
    const ics = await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id });
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const summary = /^SUMMARY:(.*)$/m.exec(ics.replace(/\r\n[ \t]/g, ""))?.[1];
    expect(summary).toBe(title);
  });
});

describe("who sees a body's meetings", () => {
  it("answers NOT_FOUND for get and calendar to a partnership member who is not on the body", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    for (const who of [world.outsider, world.stranger]) {
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.meetings.meeting.get({ meetingId: meeting.id }));
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.meetings.meeting.calendar({ meetingId: meeting.id }));
    }
    // Everyone with a seat, observers included, sees it.
    for (const who of world.seated) {
      expect((await who.trpc.meetings.meeting.get({ meetingId: meeting.id })).meeting.id).toBe(meeting.id);
    }
  });

  it("answers NOT_FOUND for a meeting that does not exist, like one the user may not see", async () => {
    const world = await meetingWorld(app);
    const refused = await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.laborChair.trpc.meetings.meeting.get({ meetingId: "no-such-meeting" }));
    expect(refused.message).toBe("Meeting was not found.");
  });

  it("lists only the meetings of bodies the user sits on", async () => {
    const world = await meetingWorld(app);
    const { meeting: committeeMeeting } = await meetingOf(app, world, { title: "Committee meeting" });
    const plenary = await createMeeting(app.db, { bodyId: world.topBody.id, createdById: world.founder.user.id, title: "Plenary" });
    const past = await createMeeting(app.db, {
      bodyId: world.committee.id,
      createdById: world.laborChair.user.id,
      title: "Last month",
      startsAt: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000),
    });
    // Another partnership's meeting never shows up.
    const elsewhere = await meetingWorld(app);
    await meetingOf(app, elsewhere, { title: "Elsewhere" });

    const memberList = await world.laborMember.trpc.meetings.meeting.list({ partnershipId: world.partnership.id });
    expect(memberList.upcoming.map((m) => m.id).sort()).toEqual([committeeMeeting.id, plenary.id].sort());
    expect(memberList.past.map((m) => m.id)).toEqual([past.id]);
    expect(memberList.upcoming.find((m) => m.id === committeeMeeting.id)).toMatchObject({ body: { id: world.committee.id }, isAgendaPublished: false });

    // Everyone sits on the partnership's top body, but the outsider is not on the committee.
    const outsiderList = await world.outsider.trpc.meetings.meeting.list({ partnershipId: world.partnership.id });
    expect(outsiderList.upcoming.map((m) => m.id)).toEqual([plenary.id]);
    expect(outsiderList.past).toEqual([]);
    const filtered = await world.outsider.trpc.meetings.meeting.list({ partnershipId: world.partnership.id, bodyId: world.committee.id });
    expect(filtered).toEqual({ upcoming: [], past: [] });

    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.stranger.trpc.meetings.meeting.list({ partnershipId: world.partnership.id }));
  });
});

describe("iCalendar", () => {
  it("keeps the UID across updates and increments SEQUENCE on each update", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id));
    const first = await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id });

    const field = (ics: string, name: string) => new RegExp(`^${name}:(.*)$`, "m").exec(ics)?.[1]?.trim();
    expect(first.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(field(first, "UID")).toBe(`meeting-${id}@localhost`);
    expect(field(first, "SEQUENCE")).toBe("0");
    expect(field(first, "DTSTART")).toBe("20261203T153000Z");
    expect(field(first, "DTEND")).toBe("20261203T170000Z");
    expect(field(first, "SUMMARY")).toBe("Quarterly training review");

    await world.laborChair.trpc.meetings.meeting.update(updateInput(id, { startsAtLocal: "2026-12-04T10:00", title: "Moved review" }));
    const second = await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id });
    expect(field(second, "UID")).toBe(field(first, "UID"));
    expect(field(second, "SEQUENCE")).toBe("1");
    expect(field(second, "DTSTART")).toBe("20261204T160000Z");
    expect(field(second, "SUMMARY")).toBe("Moved review");

    await world.staff.trpc.meetings.meeting.update(updateInput(id, { location: "Training center" }));
    const third = await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id });
    expect(field(third, "UID")).toBe(field(first, "UID"));
    expect(field(third, "SEQUENCE")).toBe("2");
    expect(field(third, "LOCATION")).toBe("Training center");
  });

  it("marks a cancelled meeting STATUS:CANCELLED with a higher SEQUENCE, so calendars remove it", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id));
    expect(await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id })).toContain("STATUS:CONFIRMED\r\n");
    await world.laborChair.trpc.meetings.meeting.cancel({ meetingId: id });
    const ics = await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id });
    expect(ics).toContain("METHOD:PUBLISH\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("SEQUENCE:1\r\n");
    expect(ics).toContain(`UID:meeting-${id}@localhost\r\n`);
  });

  it("refuses an update by a member (FORBIDDEN) without bumping SEQUENCE", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.update(updateInput(id, { title: "Hijacked" })));
    expect(await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id })).toContain("SEQUENCE:0\r\n");
  });
});
