// Running a meeting: start, the current item, caucus breaks, adjournment, the speakers' queue, and
// attendance with quorum counted per side (and recorded with each decision).
import { afterAll, describe, expect, it } from "vitest";
import {
  betweenChecksAndTransaction,
  itemInput,
  liveMeeting,
  meetingOf,
  meetingWorld,
  refusedWithoutWrites,
  type MeetingView,
  type Person,
  type World,
} from "../support/meetings-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const view = (who: Person, meetingId: string) => who.trpc.meetings.meeting.get({ meetingId });

describe("running a meeting", () => {
  it("lets a co-chair start it, and refuses anyone else (FORBIDDEN) or a second start (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    for (const who of [world.laborMember, world.staff, world.observer]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.meeting.start({ meetingId: meeting.id }));
    }
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.meeting.start({ meetingId: meeting.id }));

    const before = Date.now();
    await world.managementChair.trpc.meetings.meeting.start({ meetingId: meeting.id });
    const started = await view(world.laborMember, meeting.id);
    expect(started.meeting.status).toBe("LIVE");
    expect(started.meeting.startedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.meeting.start({ meetingId: meeting.id }));
  });

  it("sets the current item with its start time, and clears it", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 2 });
    const run = world.laborChair.trpc.meetings.meeting;
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => run.setCurrentItem({ meetingId: meeting.id, itemId: items[0]!.id }));
    await run.start({ meetingId: meeting.id });

    const before = Date.now();
    await run.setCurrentItem({ meetingId: meeting.id, itemId: items[1]!.id });
    let v = await view(world.laborMember, meeting.id);
    expect(v.meeting.currentItemId).toBe(items[1]!.id);
    expect(v.meeting.currentItemStartedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.setCurrentItem({ meetingId: meeting.id, itemId: items[0]!.id }));
    const elsewhere = await meetingOf(app, world, { items: 1 });
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => run.setCurrentItem({ meetingId: meeting.id, itemId: elsewhere.items[0]!.id }));

    await run.setCurrentItem({ meetingId: meeting.id, itemId: null });
    v = await view(world.laborMember, meeting.id);
    expect(v.meeting).toMatchObject({ currentItemId: null, currentItemStartedAt: null });
  });

  it("calls a caucus with an end time, and resumes (clearing it)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const before = Date.now();
    const { endsAt } = await world.managementChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 15 });
    expect(endsAt.getTime() - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(endsAt.getTime() - before).toBeLessThanOrEqual(15 * 60_000 + 1000);
    let v = await view(world.laborMember, meeting.id);
    expect(v.meeting.caucusEndsAt).toEqual(endsAt);
    expect(v.meeting.caucusStartedAt).toBeInstanceOf(Date);

    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.resume({ meetingId: meeting.id }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 5 }));
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 0 }));

    await world.laborChair.trpc.meetings.meeting.resume({ meetingId: meeting.id });
    v = await view(world.laborMember, meeting.id);
    expect(v.meeting.caucusEndsAt).toBeNull();
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).caucusEndsAt).toBeNull();
  });

  it("refuses a caucus before the meeting starts (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 5 }));
  });

  it("adjourns: closes the speakers' queue, the current item and any caucus", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    await world.laborChair.trpc.meetings.meeting.setCurrentItem({ meetingId: meeting.id, itemId: items[0]!.id });
    await world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 10 });
    await world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await world.managementMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.speaker.callNext({ meetingId: meeting.id });

    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.meeting.adjourn({ meetingId: meeting.id }));
    await world.managementChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });

    const v = await view(world.laborMember, meeting.id);
    expect(v.meeting).toMatchObject({ status: "ADJOURNED", currentItemId: null, caucusEndsAt: null });
    expect(v.meeting.adjournedAt).toBeInstanceOf(Date);
    expect(v.speakers).toEqual([]);
    const entries = await app.db.speakerEntry.findMany({ where: { meetingId: meeting.id } });
    expect(entries.map((e) => e.status)).toEqual(["DONE", "DONE"]);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id }));
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id }));
  });
});

describe("a start, cancellation or adjournment that lands just after another call's checks", () => {
  // The worst moment, made to happen: the status change commits after the call checked the meeting's
  // status but before its transaction. The call must see the new status and refuse.
  const cases = {
    "a cancellation after the start": {
      live: false,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.start({ meetingId }),
      call: (world: World, meetingId: string) => world.managementChair.trpc.meetings.meeting.cancel({ meetingId }),
      status: "LIVE",
    },
    "a raised hand after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: (world: World, meetingId: string) => world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId }),
      status: "ADJOURNED",
    },
    "a caucus after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: (world: World, meetingId: string) => world.managementChair.trpc.meetings.meeting.callCaucus({ meetingId, minutes: 5 }),
      status: "ADJOURNED",
    },
    "a decision after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: (world: World, meetingId: string) => world.managementChair.trpc.meetings.minutes.recordDecision({ meetingId, agendaItemId: null, text: "Too late" }),
      status: "ADJOURNED",
    },
    "a proposal after the cancellation": {
      live: false,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.cancel({ meetingId }),
      call: (world: World, meetingId: string) => world.laborMember.trpc.meetings.agenda.propose(itemInput(meetingId)),
      status: "CANCELLED",
    },
    "a check-in after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: (world: World, meetingId: string) => world.laborMember.trpc.meetings.attendance.checkIn({ meetingId }),
      status: "ADJOURNED",
    },
    "an attendance mark after the cancellation": {
      live: false,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.cancel({ meetingId }),
      call: (world: World, meetingId: string) =>
        world.managementChair.trpc.meetings.attendance.mark({ meetingId, membershipId: world.laborMember.membershipId, status: "PRESENT" }),
      status: "CANCELLED",
    },
    "the next speaker after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: (world: World, meetingId: string) => world.managementChair.trpc.meetings.speaker.callNext({ meetingId }),
      status: "ADJOURNED",
    },
    "a current item after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: async (world: World, meetingId: string) => {
        const [item] = await app.db.agendaItem.findMany({ where: { meetingId } });
        return world.managementChair.trpc.meetings.meeting.setCurrentItem({ meetingId, itemId: item!.id });
      },
      status: "ADJOURNED",
    },
    "an agenda edit after the adjournment": {
      live: true,
      between: (world: World, meetingId: string) => world.laborChair.trpc.meetings.meeting.adjourn({ meetingId }),
      call: async (world: World, meetingId: string) => {
        const [item] = await app.db.agendaItem.findMany({ where: { meetingId } });
        return world.managementChair.trpc.meetings.agenda.edit({ ...itemInput(meetingId, { title: "Rewritten afterwards" }), itemId: item!.id });
      },
      status: "ADJOURNED",
    },
  };

  it.each(Object.keys(cases) as Array<keyof typeof cases>)("refuses %s (PRECONDITION_FAILED)", async (name) => {
    const world = await meetingWorld(app);
    const c = cases[name];
    const { meeting } = c.live ? await liveMeeting(app, world, { items: 1 }) : await meetingOf(app, world, { items: 1 });
    const race = betweenChecksAndTransaction(app.db, () => c.between(world, meeting.id));
    let refused;
    try {
      refused = await refusal(c.call(world, meeting.id));
    } finally {
      race.restore();
    }
    expect((await race.outcome).status).toBe("fulfilled");
    expect(refused.code).toBe("PRECONDITION_FAILED");
    const stored = await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { items: true, speakers: true, decisions: true, attendance: true } });
    expect(stored).toMatchObject({ status: c.status, caucusEndsAt: null, currentItemId: null, speakers: [], decisions: [] });
    // Only the co-chair who started the meeting is checked in (by the start itself).
    expect(stored.attendance.filter((a) => a.membershipId !== world.laborChair.membershipId)).toEqual([]);
    expect(stored.items.map((i) => i.title)).toEqual(["Item 1"]);
  });

  it("refuses a current item that was taken off the agenda just after the call's checks (BAD_REQUEST)", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world, { items: 2 });
    for (const [change, run] of [
      ["rejected", () => world.managementChair.trpc.meetings.agenda.reject({ itemId: items[0]!.id, reason: "Not today" })],
      ["removed", () => world.managementChair.trpc.meetings.agenda.remove({ itemId: items[1]!.id })],
    ] as const) {
      const itemId = change === "rejected" ? items[0]!.id : items[1]!.id;
      const race = betweenChecksAndTransaction(app.db, run);
      let refused;
      try {
        refused = await refusal(world.laborChair.trpc.meetings.meeting.setCurrentItem({ meetingId: meeting.id, itemId }));
      } finally {
        race.restore();
      }
      expect((await race.outcome).status, change).toBe("fulfilled");
      expect(refused, change).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { itemId: ["Choose an item of this meeting's agenda."] } });
      expect((await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).currentItemId).toBeNull();
    }
  });
});

describe("the speakers' queue", () => {
  const queue = (v: MeetingView) => v.speakers.map((s) => [s.membershipId, s.status]);

  it("queues members who raise their hand, and refuses an observer (FORBIDDEN) or a meeting not in session", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id }));
    await world.laborChair.trpc.meetings.meeting.start({ meetingId: meeting.id });

    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.observer.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id }));

    await world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await world.managementMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await world.neutralMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    const v = await view(world.observer, meeting.id);
    expect(queue(v)).toEqual([
      [world.laborMember.membershipId, "WAITING"],
      [world.managementMember.membershipId, "WAITING"],
      [world.neutralMember.membershipId, "WAITING"],
    ]);
    expect(v.speakers[1]).toMatchObject({ name: world.managementMember.name, side: "MANAGEMENT" });
  });

  it("keeps one entry per member when a hand goes up twice, or ten times at once", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    await Promise.all(Array.from({ length: 10 }, () => world.managementMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id })));

    expect(await app.db.speakerEntry.count({ where: { meetingId: meeting.id, membershipId: world.laborMember.membershipId } })).toBe(1);
    expect(await app.db.speakerEntry.count({ where: { meetingId: meeting.id, membershipId: world.managementMember.membershipId } })).toBe(1);
    expect(queue(await view(world.laborChair, meeting.id))).toEqual([
      [world.laborMember.membershipId, "WAITING"],
      [world.managementMember.membershipId, "WAITING"],
    ]);

    // The current speaker raising their hand again is not queued a second time either.
    await world.laborChair.trpc.meetings.speaker.callNext({ meetingId: meeting.id });
    await world.laborMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    expect(await app.db.speakerEntry.count({ where: { meetingId: meeting.id, membershipId: world.laborMember.membershipId } })).toBe(1);
  });

  it("gives the floor in order, moves, removes and lowers hands", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const [a, b, c, d] = [world.laborMember, world.managementMember, world.neutralMember, world.laborAdvisory];
    for (const who of [a, b, c, d]) await who.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    const entryOf = async (who: Person) => (await view(world.laborChair, meeting.id)).speakers.find((s) => s.membershipId === who.membershipId)!.id;
    const speaker = world.laborChair.trpc.meetings.speaker;

    // c moves up past b; a moves down past c.
    await speaker.move({ entryId: await entryOf(c), direction: "up" });
    expect(queue(await view(world.laborChair, meeting.id)).map(([m]) => m)).toEqual([a, c, b, d].map((p) => p.membershipId));
    await speaker.move({ entryId: await entryOf(a), direction: "down" });
    expect(queue(await view(world.laborChair, meeting.id)).map(([m]) => m)).toEqual([c, a, b, d].map((p) => p.membershipId));
    // Moving the first one up (or the last one down) changes nothing.
    await speaker.move({ entryId: await entryOf(c), direction: "up" });
    await speaker.move({ entryId: await entryOf(d), direction: "down" });
    expect(queue(await view(world.laborChair, meeting.id)).map(([m]) => m)).toEqual([c, a, b, d].map((p) => p.membershipId));

    await refusedWithoutWrites(app.db, "FORBIDDEN", async () => a.trpc.meetings.speaker.move({ entryId: await entryOf(a), direction: "up" }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", async () => a.trpc.meetings.speaker.remove({ entryId: await entryOf(b) }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => a.trpc.meetings.speaker.callNext({ meetingId: meeting.id }));

    // The first waiting speaker gets the floor.
    const first = await speaker.callNext({ meetingId: meeting.id });
    expect(first.entryId).toBe(await entryOf(c));
    expect(queue(await view(world.laborChair, meeting.id))).toEqual([
      [c.membershipId, "SPEAKING"],
      [a.membershipId, "WAITING"],
      [b.membershipId, "WAITING"],
      [d.membershipId, "WAITING"],
    ]);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", async () => speaker.move({ entryId: await entryOf(c), direction: "down" }));

    // The chair takes b off the queue; a lowers their own hand.
    await speaker.remove({ entryId: await entryOf(b) });
    await a.trpc.meetings.speaker.lowerHand({ meetingId: meeting.id });
    expect(queue(await view(world.laborChair, meeting.id))).toEqual([
      [c.membershipId, "SPEAKING"],
      [d.membershipId, "WAITING"],
    ]);

    // Next: c is done, d speaks; then nobody is left.
    await speaker.callNext({ meetingId: meeting.id });
    expect(queue(await view(world.laborChair, meeting.id))).toEqual([[d.membershipId, "SPEAKING"]]);
    expect(await speaker.callNext({ meetingId: meeting.id })).toEqual({ entryId: null });
    expect((await view(world.laborChair, meeting.id)).speakers).toEqual([]);
    const statuses = await app.db.speakerEntry.findMany({ where: { meetingId: meeting.id }, select: { membershipId: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.membershipId, s.status]))).toEqual({
      [a.membershipId]: "REMOVED",
      [b.membershipId]: "REMOVED",
      [c.membershipId]: "DONE",
      [d.membershipId]: "DONE",
    });

    // A lowered hand can go up again.
    await a.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    expect(queue(await view(world.laborChair, meeting.id))).toEqual([[a.membershipId, "WAITING"]]);
  });
});

describe("attendance and quorum by side", () => {
  /** Committee quorum: at least 2 voting members present from each side (a joint change: both co-chairs agree). */
  async function withQuorumRule(world: World) {
    const proposal = await world.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: world.committee.id, mode: "COUNT", labor: 2, management: 2 });
    await world.managementChair.trpc.joint.change.concur({ changeId: (proposal as { changeId: string }).changeId });
  }

  const side = (v: MeetingView, s: "LABOR" | "MANAGEMENT") => v.quorum[s];

  it("lets only a body's co-chairs (or the partnership's) set the quorum rule", async () => {
    const world = await meetingWorld(app);
    await refusedWithoutWrites(app.db, "FORBIDDEN", () =>
      world.laborMember.trpc.partnerships.committee.setQuorumRule({ bodyId: world.committee.id, mode: "COUNT", labor: 0, management: 0 }),
    );
    await withQuorumRule(world);
    const { meeting } = await meetingOf(app, world);
    expect((await view(world.laborMember, meeting.id)).body.quorumRule).toEqual({ mode: "COUNT", labor: 2, management: 2 });
  });

  it("counts present and late voting members per side, not excused, absent or advisory ones", async () => {
    const world = await meetingWorld(app);
    await withQuorumRule(world);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    const mark = (who: Person, status: "PRESENT" | "LATE" | "EXCUSED" | "ABSENT") =>
      world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: who.membershipId, status });

    let v = await view(world.laborMember, meeting.id);
    expect(v.quorum).toEqual({
      LABOR: { voting: 2, present: 0, required: 2, met: false },
      MANAGEMENT: { voting: 2, present: 0, required: 2, met: false },
      met: false,
    });

    await mark(world.laborMember, "PRESENT");
    await mark(world.laborAdvisory, "PRESENT"); // advisory: not counted
    await mark(world.neutralMember, "PRESENT"); // neutral: no side in the quorum
    v = await view(world.laborMember, meeting.id);
    expect(side(v, "LABOR")).toEqual({ voting: 2, present: 1, required: 2, met: false });

    await mark(world.laborChair, "LATE");
    v = await view(world.laborMember, meeting.id);
    expect(side(v, "LABOR")).toEqual({ voting: 2, present: 2, required: 2, met: true });
    expect(v.quorum.met).toBe(false);

    await mark(world.managementChair, "EXCUSED");
    await mark(world.managementMember, "ABSENT");
    v = await view(world.laborMember, meeting.id);
    expect(side(v, "MANAGEMENT")).toEqual({ voting: 2, present: 0, required: 2, met: false });
    expect(v.roster.find((r) => r.membershipId === world.managementChair.membershipId)).toMatchObject({ attendance: "EXCUSED", checkedInSelf: false });

    // Self check-in before the start counts as present.
    expect(await world.managementChair.trpc.meetings.attendance.checkIn({ meetingId: meeting.id })).toEqual({ status: "PRESENT" });
    v = await view(world.laborMember, meeting.id);
    expect(side(v, "MANAGEMENT")).toMatchObject({ present: 1, met: false });
    expect(v.roster.find((r) => r.membershipId === world.managementChair.membershipId)).toMatchObject({ attendance: "PRESENT", checkedInSelf: true });

    await mark(world.managementMember, "PRESENT");
    v = await view(world.observer, meeting.id);
    expect(v.quorum).toEqual({
      LABOR: { voting: 2, present: 2, required: 2, met: true },
      MANAGEMENT: { voting: 2, present: 2, required: 2, met: true },
      met: true,
    });

    // Someone leaving (marked absent) breaks it again.
    await mark(world.laborMember, "ABSENT");
    expect((await view(world.laborMember, meeting.id)).quorum).toMatchObject({ LABOR: { present: 1, met: false }, met: false });
  });

  it("applies a SHARE rule as a rounded-up share of each side's voting members", async () => {
    const world = await meetingWorld(app);
    const proposal = await world.managementChair.trpc.partnerships.committee.setQuorumRule({ bodyId: world.committee.id, mode: "SHARE", labor: 51, management: 50 });
    await world.laborChair.trpc.joint.change.concur({ changeId: (proposal as { changeId: string }).changeId });
    const { meeting } = await meetingOf(app, world);
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "PRESENT" });
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.managementMember.membershipId, status: "PRESENT" });
    const v = await view(world.laborMember, meeting.id);
    expect(v.quorum.LABOR).toEqual({ voting: 2, present: 1, required: 2, met: false });
    expect(v.quorum.MANAGEMENT).toEqual({ voting: 2, present: 1, required: 1, met: true });
  });

  it("lets only co-chairs mark attendance, and only of the body's members", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const input = (who: Person) => ({ meetingId: meeting.id, membershipId: who.membershipId, status: "PRESENT" as const });
    for (const who of [world.laborMember, world.staff, world.observer]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.attendance.mark(input(world.laborMember)));
    }
    const notOnBody = await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.attendance.mark(input(world.outsider)));
    expect(notOnBody.fieldErrors).toHaveProperty("membershipId");
    const elsewhere = await meetingWorld(app);
    await refusedWithoutWrites(app.db, "BAD_REQUEST", () => world.laborChair.trpc.meetings.attendance.mark(input(elsewhere.laborMember)));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.attendance.checkIn({ meetingId: meeting.id }));
  });

  it("marks a self check-in well after the start as LATE, which still counts", async () => {
    const world = await meetingWorld(app);
    await withQuorumRule(world);
    const { meeting } = await liveMeeting(app, world);
    await app.db.meeting.update({ where: { id: meeting.id }, data: { startedAt: new Date(Date.now() - 20 * 60_000) } });
    expect(await world.laborMember.trpc.meetings.attendance.checkIn({ meetingId: meeting.id })).toEqual({ status: "LATE" });
    // The late member and the co-chair who started the meeting (checked in by the start).
    expect((await view(world.laborChair, meeting.id)).quorum.LABOR).toMatchObject({ present: 2 });
  });

  it("records the quorum at the moment of each decision", async () => {
    const world = await meetingWorld(app);
    await withQuorumRule(world);
    const { meeting, items } = await liveMeeting(app, world);
    const mark = (who: Person) =>
      world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: who.membershipId, status: "PRESENT" });
    await mark(world.laborChair);
    await mark(world.laborMember);
    await mark(world.managementChair);

    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.minutes.recordDecision({ meetingId: meeting.id, agendaItemId: null, text: "No." }));
    const first = await world.laborChair.trpc.meetings.minutes.recordDecision({ meetingId: meeting.id, agendaItemId: items[0]!.id, text: "Adopt the intake plan." });
    expect(first.quorum).toEqual({
      LABOR: { voting: 2, present: 2, required: 2, met: true },
      MANAGEMENT: { voting: 2, present: 1, required: 2, met: false },
      met: false,
    });

    await mark(world.managementMember);
    const second = await world.managementChair.trpc.meetings.minutes.recordDecision({ meetingId: meeting.id, agendaItemId: null, text: "Meet monthly." });
    expect(second.quorum.met).toBe(true);

    // The stored snapshots do not follow later attendance.
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "ABSENT" });
    const stored = await app.db.decision.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: "asc" } });
    expect(stored.map((d) => [d.text, d.agendaItemId, (d.quorum as { met: boolean }).met])).toEqual([
      ["Adopt the intake plan.", items[0]!.id, false],
      ["Meet monthly.", null, true],
    ]);
    expect(stored[0]!.quorum).toEqual(first.quorum);
    const v = await view(world.laborMember, meeting.id);
    expect(v.decisions.map((d) => d.quorum.met)).toEqual([false, true]);
    expect(v.quorum.met).toBe(false);
  });
});
