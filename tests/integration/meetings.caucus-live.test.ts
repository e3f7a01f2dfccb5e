// What each side keeps to itself during a caucus (notes, straw polls, their socket events), and the
// live events of a meeting's room: changes, refusals to join, and who is viewing.
import { afterAll, describe, expect, it } from "vitest";
import { callCaucus, endCaucus } from "../../server/domains/meetings/live.js";
import { eventMatching, liveMeeting, meetingOf, meetingWorld, refusedWithoutWrites, settle, type World } from "../support/meetings-helpers.js";
import { collectEvents, joinRoom, nextEvent, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

/** The job queue's row for a meeting's caucus end, if one is waiting. */
async function caucusEndJob(meetingId: string) {
  const rows = await app.db.$queryRawUnsafe<Array<{ run_at: Date }>>(
    `SELECT "run_at" FROM graphile_worker._private_jobs WHERE "key" = $1`,
    `caucus-end:${meetingId}`,
  );
  return rows[0] ?? null;
}

/** Resolves once `check` holds, or fails after `timeoutMs`. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function caucusWithLaborNotes(world: World) {
  const { meeting } = await liveMeeting(app, world);
  await world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 10 });
  await world.laborMember.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Hold firm on the seniority rule.", baseRevision: 0 });
  const poll = await world.laborMember.trpc.meetings.caucus.createPoll({ meetingId: meeting.id, question: "Accept the 3% offer?" });
  return { meeting, poll };
}

describe("caucus privacy", () => {
  it("shows each side only its own notes and straw polls", async () => {
    const world = await meetingWorld(app);
    const { meeting, poll } = await caucusWithLaborNotes(world);

    const labor = await world.laborChair.trpc.meetings.caucus.get({ meetingId: meeting.id });
    expect(labor.side).toBe("LABOR");
    expect(labor.note).toMatchObject({ text: "Hold firm on the seniority rule.", revision: 1 });
    expect(labor.polls).toEqual([expect.objectContaining({ id: poll.id, question: "Accept the 3% offer?", tally: { YES: 0, NO: 0, UNSURE: 0 }, myChoice: null })]);

    const management = await world.managementMember.trpc.meetings.caucus.get({ meetingId: meeting.id });
    expect(management).toEqual({ side: "MANAGEMENT", canWrite: true, note: { text: "", revision: 0, updatedAt: null }, polls: [] });
    expect(JSON.stringify(await world.managementChair.trpc.meetings.caucus.get({ meetingId: meeting.id }))).not.toContain("seniority");

    // Management's notes are a separate document; labor's stay as they were.
    await world.managementChair.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Our ceiling is 3.5%.", baseRevision: 0 });
    expect((await world.managementMember.trpc.meetings.caucus.get({ meetingId: meeting.id })).note).toMatchObject({ text: "Our ceiling is 3.5%.", revision: 1 });
    const laborAgain = await world.laborMember.trpc.meetings.caucus.get({ meetingId: meeting.id });
    expect(laborAgain.note.text).toBe("Hold firm on the seniority rule.");
    expect(JSON.stringify(laborAgain)).not.toContain("3.5%");
  });

  it("answers NOT_FOUND to a vote on the other side's poll, and writes nothing", async () => {
    const world = await meetingWorld(app);
    const { poll } = await caucusWithLaborNotes(world);
    const refused = await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.managementMember.trpc.meetings.caucus.vote({ pollId: poll.id, choice: "NO" }));
    expect(refused.message).toBe("Straw poll was not found.");
  });

  it("tallies its own side's straw votes, one per member (a second vote changes it)", async () => {
    const world = await meetingWorld(app);
    const { meeting, poll } = await caucusWithLaborNotes(world);
    await world.laborChair.trpc.meetings.caucus.vote({ pollId: poll.id, choice: "YES" });
    await world.laborMember.trpc.meetings.caucus.vote({ pollId: poll.id, choice: "NO" });
    await world.laborMember.trpc.meetings.caucus.vote({ pollId: poll.id, choice: "UNSURE" });
    const view = await world.laborMember.trpc.meetings.caucus.get({ meetingId: meeting.id });
    expect(view.polls[0]).toMatchObject({ tally: { YES: 1, NO: 0, UNSURE: 1 }, myChoice: "UNSURE" });
    expect(await app.db.strawVote.count({ where: { pollId: poll.id } })).toBe(2);
  });

  it("refuses a neutral member (FORBIDDEN) and someone not on the body (NOT_FOUND)", async () => {
    const world = await meetingWorld(app);
    const { meeting, poll } = await caucusWithLaborNotes(world);
    const caucus = world.neutralMember.trpc.meetings.caucus;
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.get({ meetingId: meeting.id }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.saveNote({ meetingId: meeting.id, text: "Neutral view", baseRevision: 0 }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.createPoll({ meetingId: meeting.id, question: "Neutral?" }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.vote({ pollId: poll.id, choice: "YES" }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.caucus.get({ meetingId: meeting.id }));
    await refusedWithoutWrites(app.db, "NOT_FOUND", () => world.outsider.trpc.meetings.caucus.vote({ pollId: poll.id, choice: "YES" }));
  });

  it("lets an observer of the side follow the caucus but not write in it or vote (FORBIDDEN)", async () => {
    const world = await meetingWorld(app);
    const { meeting, poll } = await caucusWithLaborNotes(world);
    const caucus = world.observer.trpc.meetings.caucus;
    expect(await caucus.get({ meetingId: meeting.id })).toMatchObject({ side: "LABOR", canWrite: false, note: { text: "Hold firm on the seniority rule." } });
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.saveNote({ meetingId: meeting.id, text: "Observer view", baseRevision: 1 }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.createPoll({ meetingId: meeting.id, question: "Observer?" }));
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => caucus.vote({ pollId: poll.id, choice: "YES" }));
  });

  it("refuses stale notes (CONFLICT) and straw polls outside a session (PRECONDITION_FAILED)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await caucusWithLaborNotes(world);
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Overwrite", baseRevision: 0 }));
    const scheduled = await meetingOf(app, world);
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.caucus.createPoll({ meetingId: scheduled.meeting.id, question: "Too early?" }));
  });

  it("sends caucus events to the saving side's caucus room only", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const laborSocket = await world.laborMember.connect();
    const managementSocket = await world.managementMember.connect();
    const managementInMeeting = await world.managementChair.connect();
    expect(await joinRoom(laborSocket, { kind: "caucus", id: meeting.id })).toEqual({ ok: true });
    expect(await joinRoom(managementSocket, { kind: "caucus", id: meeting.id })).toEqual({ ok: true });
    expect(await joinRoom(managementInMeeting, { kind: "meeting", id: meeting.id })).toEqual({ ok: true });

    // Neither a neutral member nor an outsider gets a caucus room.
    const neutralSocket = await world.neutralMember.connect();
    expect(await joinRoom(neutralSocket, { kind: "caucus", id: meeting.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const outsiderSocket = await world.outsider.connect();
    expect(await joinRoom(outsiderSocket, { kind: "caucus", id: meeting.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    const leaked = [managementSocket, managementInMeeting, neutralSocket, outsiderSocket].map((s) => collectEvents(s, "caucus:changed"));
    const laborSaw = nextEvent(laborSocket, "caucus:changed");
    await world.laborChair.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Labor only", baseRevision: 0 });
    expect(await laborSaw).toEqual({ meetingId: meeting.id });
    const laborPoll = nextEvent(laborSocket, "caucus:changed");
    await world.laborMember.trpc.meetings.caucus.createPoll({ meetingId: meeting.id, question: "Strike vote?" });
    await laborPoll;
    await settle();
    expect(leaked.flat()).toEqual([]);

    // And the other way round.
    const laborLeaked = collectEvents(laborSocket, "caucus:changed");
    const managementSaw = nextEvent(managementSocket, "caucus:changed");
    await world.managementChair.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Management only", baseRevision: 0 });
    expect(await managementSaw).toEqual({ meetingId: meeting.id });
    await settle();
    expect(laborLeaked).toEqual([]);
  });
});

describe("the meeting's room", () => {
  it("stays joined when the socket leaves its side's caucus room", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 10 });
    const socket = await world.laborMember.connect();
    await joinRoom(socket, { kind: "meeting", id: meeting.id });
    await joinRoom(socket, { kind: "caucus", id: meeting.id });
    await new Promise<void>((resolve) => socket.emit("room:leave", { kind: "caucus", id: meeting.id }, () => resolve()));

    const caucusEvents = collectEvents(socket, "caucus:changed");
    const meetingEvent = nextEvent(socket, "meeting:changed");
    await world.laborChair.trpc.meetings.caucus.saveNote({ meetingId: meeting.id, text: "Not heard any more", baseRevision: 0 });
    await world.laborChair.trpc.meetings.meeting.resume({ meetingId: meeting.id });
    expect(await meetingEvent).toMatchObject({ meetingId: meeting.id });
    await settle();
    expect(caucusEvents).toEqual([]);
  });

  it("tells its clients what changed: agenda, approvals, the queue", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await meetingOf(app, world, { items: 1 });
    const socket = await world.observer.connect();
    expect(await joinRoom(socket, { kind: "meeting", id: meeting.id })).toEqual({ ok: true });
    // A socket of a body member that did not join the room hears nothing of it.
    const notJoined = await world.laborMember.connect();
    const unheard = collectEvents(notJoined, "meeting:changed");

    let seen = nextEvent(socket, "meeting:changed");
    await world.laborMember.trpc.meetings.agenda.propose({ meetingId: meeting.id, title: "Safety", timeBoxMinutes: 10, kind: "INFORMATION" });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["agenda", "approvals"] });

    seen = nextEvent(socket, "meeting:changed");
    await world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["approvals", "agenda"] });

    seen = nextEvent(socket, "meeting:changed");
    await world.laborChair.trpc.meetings.agenda.edit({ itemId: items[0]!.id, title: "Renamed", timeBoxMinutes: 5, kind: "DECISION" });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["agenda", "approvals"] });

    seen = nextEvent(socket, "meeting:changed");
    await world.managementChair.trpc.meetings.meeting.start({ meetingId: meeting.id });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["run", "details", "attendance"] });

    seen = nextEvent(socket, "meeting:changed");
    await world.managementMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["queue"] });

    seen = nextEvent(socket, "meeting:changed");
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "PRESENT" });
    expect(await seen).toEqual({ meetingId: meeting.id, parts: ["attendance"] });

    await settle(100);
    expect(unheard).toEqual([]);
  });

  it("does not send refused changes", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    const socket = await world.laborChair.connect();
    await joinRoom(socket, { kind: "meeting", id: meeting.id });
    const events = collectEvents(socket, "meeting:changed");
    await refusedWithoutWrites(app.db, "FORBIDDEN", () => world.laborMember.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 }));
    await refusedWithoutWrites(app.db, "CONFLICT", () => world.laborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 9 }));
    await settle(200);
    expect(events).toEqual([]);
  });

  it("refuses the room to someone who is not on the body (NOT_FOUND), and sends them nothing", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world, { items: 1 });
    for (const who of [world.outsider, world.stranger]) {
      const socket = await who.connect();
      expect(await joinRoom(socket, { kind: "meeting", id: meeting.id })).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Meeting was not found." } });
      const leaked = collectEvents(socket, "meeting:changed");
      await world.laborMember.trpc.meetings.agenda.propose({ meetingId: meeting.id, title: "Leak?", timeBoxMinutes: 10, kind: "INFORMATION" });
      await settle(100);
      expect(leaked).toEqual([]);
    }
    const unknown = await world.laborChair.connect();
    expect(await joinRoom(unknown, { kind: "meeting", id: "no-such-meeting" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("lists who is viewing, and drops a viewer who disconnects", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await meetingOf(app, world);
    const room = `meeting:${meeting.id}`;
    const names = (payload: { viewers: Array<{ name: string }> }) => payload.viewers.map((v) => v.name);

    const first = await world.laborMember.connect();
    const alone = eventMatching(first, "presence:changed", (p) => p.room === room);
    await joinRoom(first, { kind: "meeting", id: meeting.id });
    expect(await alone).toEqual({ room, viewers: [{ userId: world.laborMember.user.id, name: world.laborMember.name }] });

    const second = await world.managementMember.connect();
    const both = eventMatching(first, "presence:changed", (p) => p.viewers.length === 2);
    const secondSees = eventMatching(second, "presence:changed", (p) => p.room === room);
    await joinRoom(second, { kind: "meeting", id: meeting.id });
    const expected = [world.laborMember.name, world.managementMember.name].sort((a, b) => a.localeCompare(b));
    expect(names(await both)).toEqual(expected);
    expect(names(await secondSees)).toEqual(expected);

    // A second tab of the same person is one viewer.
    const secondTab = await world.managementMember.connect();
    const stillTwo = eventMatching(first, "presence:changed", () => true);
    await joinRoom(secondTab, { kind: "meeting", id: meeting.id });
    expect(names(await stillTwo)).toEqual(expected);

    const afterOneTab = eventMatching(first, "presence:changed", () => true);
    secondTab.disconnect();
    expect(names(await afterOneTab)).toEqual(expected);

    const afterLeaving = eventMatching(first, "presence:changed", (p) => p.viewers.length === 1);
    second.disconnect();
    expect(await afterLeaving).toEqual({ room, viewers: [{ userId: world.laborMember.user.id, name: world.laborMember.name }] });
  });

  it("tells the partnership's room when a meeting is scheduled", async () => {
    const world = await meetingWorld(app);
    const socket = await world.outsider.connect();
    await joinRoom(socket, { kind: "partnership", id: world.partnership.id });
    const seen = nextEvent(socket, "meetings:changed");
    await world.staff.trpc.meetings.meeting.schedule({
      bodyId: world.committee.id,
      title: "New",
      startsAtLocal: "2027-01-05T10:00",
      timeZone: "America/New_York",
      durationMinutes: 60,
    });
    // Only the partnership id: the meeting itself is not revealed to members who are not on its body.
    expect(await seen).toEqual({ partnershipId: world.partnership.id });
  });
});

describe("a caucus's end", () => {
  // The procedure takes whole minutes; the use case takes any length, so a caucus of a second or two
  // runs through the real job runner of the test app (it polls every 2 s).
  const shortCaucus = (world: World, meetingId: string, seconds: number) =>
    callCaucus(app.server.deps, { userId: world.laborChair.user.id, input: { meetingId, minutes: seconds / 60 } });
  const isRun = (p: { parts: string[] }) => p.parts.includes("run");
  const endsRecorded = (meetingId: string) => app.db.auditEvent.count({ where: { subjectId: meetingId, action: "meeting.caucusEnded" } });

  it("brings everyone back when the time is up, through the job queue, once", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const socket = await world.managementMember.connect();
    await joinRoom(socket, { kind: "meeting", id: meeting.id });
    const events = collectEvents(socket, "meeting:changed");

    const { endsAt } = await shortCaucus(world, meeting.id, 1.5);
    expect((await caucusEndJob(meeting.id))?.run_at.getTime()).toBe(endsAt.getTime());
    expect((await world.laborMember.trpc.meetings.meeting.get({ meetingId: meeting.id })).meeting.caucusEndsAt).toEqual(endsAt);

    // The call's own event, then the end's.
    await eventually(() => events.filter(isRun).length >= 2, 20_000, "the caucus's end was announced");
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt.getTime());
    expect(await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true, caucusEndsAt: true } })).toEqual({ status: "LIVE", caucusEndsAt: null });
    expect(await endsRecorded(meeting.id)).toBe(1);
    await eventually(async () => (await caucusEndJob(meeting.id)) === null, 5_000, "the job is done");

    // The job again (a retry, or a second process): the caucus is over, nothing changes and nothing is sent.
    const heard = events.length;
    await endCaucus(app.server.deps, { meetingId: meeting.id });
    await settle();
    expect(events).toHaveLength(heard);
    expect(await endsRecorded(meeting.id)).toBe(1);
  }, 60_000);

  it("removes the end when the chair resumes early or adjourns, and a new caucus replaces it", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    const socket = await world.managementMember.connect();
    await joinRoom(socket, { kind: "meeting", id: meeting.id });

    const events = collectEvents(socket, "meeting:changed");
    const { endsAt } = await shortCaucus(world, meeting.id, 2);
    expect(await caucusEndJob(meeting.id)).not.toBeNull();
    await world.laborChair.trpc.meetings.meeting.resume({ meetingId: meeting.id });
    expect(await caucusEndJob(meeting.id)).toBeNull();
    // The call's event and the resumption's.
    await eventually(() => events.filter(isRun).length === 2, 3_000, "the call and the resumption were announced");

    // Past the old end and a poll of the job runner: no end is announced for a caucus that is over.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt.getTime() - Date.now()) + 3_000));
    expect(events.filter(isRun)).toHaveLength(2);
    expect(await endsRecorded(meeting.id)).toBe(0);

    // A caucus called again replaces the end; adjourning removes it.
    await shortCaucus(world, meeting.id, 60);
    const { endsAt: newEnd } = await world.managementChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 20 });
    expect((await caucusEndJob(meeting.id))?.run_at.getTime()).toBe(newEnd.getTime());
    expect(await app.db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM graphile_worker._private_jobs WHERE "payload"->>'meetingId' = $1`, meeting.id)).toHaveLength(1);
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    expect(await caucusEndJob(meeting.id)).toBeNull();
  }, 60_000);
});
