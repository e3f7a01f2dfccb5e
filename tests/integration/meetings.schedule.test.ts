// Meetings' life before they start: scheduling (local time in a zone → UTC), who may schedule, who
// sees a body's meetings (only those with a seat on it), and the iCalendar file with a stable UID.
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

  it("refuses an update by a member (FORBIDDEN) without bumping SEQUENCE", async () => {
    const world = await meetingWorld(app);
    const { id } = await world.laborChair.trpc.meetings.meeting.schedule(scheduleInput(world.committee.id));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.update(updateInput(id, { title: "Hijacked" })));
    expect(await world.laborMember.trpc.meetings.meeting.calendar({ meetingId: id })).toContain("SEQUENCE:0\r\n");
  });
});
