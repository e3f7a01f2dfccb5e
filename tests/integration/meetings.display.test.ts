// Room displays (a projector signed in as no person): the co-chairs' display links, what a link admits
// (one meeting, read-only, its own socket rooms) and what it does not (another meeting, anything after
// revocation, any write), and what the display shows of a secret ballot (only how many voted).
import { io as connectIo } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { hashToken } from "../../server/auth/tokens.js";
import { liveMeeting, meetingOf, meetingWorld, refusedWithoutWrites, settle, type World } from "../support/meetings-helpers.js";
import { collectEvents, joinRoom, nextDisconnect, nextEvent, refusal, startTestApp, type TestSocket } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

/** A display's socket: the link's token instead of a session cookie. */
function connectDisplay(token: string, origin = app.config.appOrigin): Promise<TestSocket> {
  const socket: TestSocket = connectIo(app.baseUrl, { transports: ["websocket"], extraHeaders: { origin }, auth: { displayToken: token }, forceNew: true, reconnection: false, timeout: 5_000 });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function displayOf(world: World, items = 2) {
  const made = await liveMeeting(app, world, { items });
  await world.laborChair.trpc.meetings.meeting.setCurrentItem({ meetingId: made.meeting.id, itemId: made.items[0]!.id });
  const link = await world.laborChair.trpc.meetings.display.create({ meetingId: made.meeting.id, label: "Room 2 projector" });
  return { ...made, link };
}

describe("display links", () => {
  it("are created by a co-chair, shown once, and stored only as a hash", async () => {
    const world = await meetingWorld(app);
    const { meeting, link } = await displayOf(world);
    expect(link.path).toBe(`/display/${link.token}`);
    const row = await app.db.meetingDisplayLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const list = await world.managementChair.trpc.meetings.display.list({ meetingId: meeting.id });
    expect(list).toEqual([expect.objectContaining({ id: link.id, label: "Room 2 projector", createdByName: world.laborChair.name, revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(link.token);
  });

  it("are refused to members who are not co-chairs (FORBIDDEN) and to everyone else (NOT_FOUND), writing nothing", async () => {
    const world = await meetingWorld(app);
    const { meeting, link } = await displayOf(world);
    for (const who of [world.laborMember, world.staff, world.observer]) {
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.display.create({ meetingId: meeting.id, label: "" }));
      await refusedWithoutWrites(app.db, "FORBIDDEN", () => who.trpc.meetings.display.revoke({ linkId: link.id }));
      expect((await refusal(who.trpc.meetings.display.list({ meetingId: meeting.id }))).code).toBe("FORBIDDEN");
    }
    for (const who of [world.outsider, world.stranger]) {
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.meetings.display.create({ meetingId: meeting.id, label: "" }));
      await refusedWithoutWrites(app.db, "NOT_FOUND", () => who.trpc.meetings.display.revoke({ linkId: link.id }));
    }
  });

  it("cannot be made for a meeting that is over", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    await refusedWithoutWrites(app.db, "PRECONDITION_FAILED", () => world.laborChair.trpc.meetings.display.create({ meetingId: meeting.id, label: "" }));
  });
});

describe("what a display link admits", () => {
  it("reads its own meeting with no person signed in: item, time box, speakers by side, quorum", async () => {
    const world = await meetingWorld(app);
    const { meeting, items, link } = await displayOf(world);
    await world.managementMember.trpc.meetings.speaker.raiseHand({ meetingId: meeting.id });
    const view = await app.anonymous.meetings.display.get({ token: link.token });
    expect(view.meeting).toMatchObject({ title: meeting.title, status: "LIVE" });
    expect(view.current).toMatchObject({ number: 1, title: items[0]!.title, timeBoxMinutes: items[0]!.timeBoxMinutes });
    expect(view.current?.startedAt).toBeInstanceOf(Date);
    expect(view.speakers).toEqual([expect.objectContaining({ name: world.managementMember.name, side: "MANAGEMENT", status: "WAITING" })]);
    // The labor co-chair who started the meeting was checked in by the start.
    expect(view.quorum.LABOR).toMatchObject({ present: 1 });
    // Nothing of the roster, the minutes or anyone's e-mail.
    expect(JSON.stringify(view)).not.toMatch(/@|minutes"|roster/);
  });

  it("refuses an unknown, malformed or revoked token (NOT_FOUND), and ends the revoked link's sockets", async () => {
    const world = await meetingWorld(app);
    const { link } = await displayOf(world);
    const socket = await connectDisplay(link.token);
    const disconnected = nextDisconnect(socket);
    await world.managementChair.trpc.meetings.display.revoke({ linkId: link.id });
    expect(await disconnected).toBe("io server disconnect");
    for (const token of [link.token, "x".repeat(43), "not a token", "A".repeat(128)]) {
      expect((await refusal(app.anonymous.meetings.display.get({ token }))).code).toBe("NOT_FOUND");
    }
    await expect(connectDisplay(link.token)).rejects.toThrow("UNAUTHORIZED");
    // Revoked stays revoked, even for a direct write (a database rule).
    await expect(app.db.meetingDisplayLink.update({ where: { id: link.id }, data: { revokedAt: null, revokedById: null } })).rejects.toThrow(/stays revoked/);
    expect((await refusal(world.laborChair.trpc.meetings.display.revoke({ linkId: link.id }))).code).toBe("PRECONDITION_FAILED");
    const listed = await world.laborChair.trpc.meetings.display.list({ meetingId: link.id ? (await app.db.meetingDisplayLink.findUniqueOrThrow({ where: { id: link.id } })).meetingId : "" });
    expect(listed[0]).toMatchObject({ id: link.id, revokedByName: world.managementChair.name });
  });

  it("admits only its own meeting: another meeting's motions and rooms are refused", async () => {
    const world = await meetingWorld(app);
    const { link } = await displayOf(world);
    const other = await meetingOf(app, world, { items: 1 });
    await world.laborChair.trpc.meetings.meeting.start({ meetingId: other.meeting.id });
    const elsewhere = await world.laborMember.trpc.voting.motion.move({
      bodyId: world.committee.id,
      meetingId: other.meeting.id,
      agendaItemId: other.items[0]!.id,
      approvesMinutesOfMeetingId: null,
      text: "Elsewhere.",
      rationale: "",
      ballotKind: "ROLL_CALL",
      rule: "SIMPLE_MAJORITY",
      requireQuorum: false,
    });
    const socket = await connectDisplay(link.token);
    for (const ref of [
      { kind: "motion" as const, id: elsewhere.id },
      { kind: "meeting" as const, id: other.meeting.id },
      { kind: "caucus" as const, id: other.meeting.id },
      { kind: "partnership" as const, id: world.partnership.id },
    ]) {
      expect(await joinRoom(socket, ref), `${ref.kind}`).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    // The other meeting's changes never reach it; its own do, without anyone's presence.
    const presence = collectEvents(socket, "presence:changed");
    const changes = collectEvents(socket, "meeting:changed");
    const viewer = await world.laborMember.connect();
    await joinRoom(viewer, { kind: "meeting", id: link.id ? (await app.db.meetingDisplayLink.findUniqueOrThrow({ where: { id: link.id } })).meetingId : "" });
    await world.laborChair.trpc.meetings.meeting.setCurrentItem({ meetingId: other.meeting.id, itemId: null });
    await settle();
    expect(changes).toEqual([]);
    expect(presence).toEqual([]);
  });

  it("can write nothing: no session means every mutation is UNAUTHORIZED, and the token is no cookie", async () => {
    const world = await meetingWorld(app);
    const { meeting, items, link } = await displayOf(world);
    for (const call of [
      () => app.anonymous.meetings.meeting.setCurrentItem({ meetingId: meeting.id, itemId: items[1]!.id }),
      () => app.anonymous.meetings.speaker.raiseHand({ meetingId: meeting.id }),
      () => app.anonymous.meetings.display.revoke({ linkId: link.id }),
      () => app.anonymous.meetings.display.list({ meetingId: meeting.id }),
    ]) {
      await refusedWithoutWrites(app.db, "UNAUTHORIZED", call);
    }
    const asCookie = await app.http.mutate("meetings.meeting.setCurrentItem", { meetingId: meeting.id, itemId: items[1]!.id }, { cookie: `${app.server.sessions.cookieName}=${link.token}` });
    expect(asCookie.status).toBe(401);
    expect((await app.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).currentItemId).toBe(items[0]!.id);
  });

  it("follows its meeting live and shows a secret ballot only as how many voted", async () => {
    const world = await meetingWorld(app);
    const { meeting, items, link } = await displayOf(world);
    const socket = await connectDisplay(link.token);
    const changed = nextEvent(socket, "meeting:changed");
    const moved = await world.laborMember.trpc.voting.motion.move({
      bodyId: world.committee.id,
      meetingId: meeting.id,
      agendaItemId: items[0]!.id,
      approvesMinutesOfMeetingId: null,
      text: "Adopt the safety plan.",
      rationale: "",
      ballotKind: "SECRET",
      rule: "DUAL_MAJORITY",
      requireQuorum: false,
    });
    expect(await changed).toEqual({ meetingId: meeting.id, parts: ["motions"] });
    await world.managementMember.trpc.voting.motion.second({ motionId: moved.id });
    await world.laborChair.trpc.voting.motion.open({ motionId: moved.id, deadline: null });
    expect(await joinRoom(socket, { kind: "motion", id: moved.id })).toMatchObject({ ok: true });
    const tally = nextEvent(socket, "tally:updated");
    await world.laborMember.trpc.voting.ballot.cast({ motionId: moved.id, choice: "YES" });
    expect(await tally).toMatchObject({ motionId: moved.id, cast: 1, bySide: null });
    const view = await app.anonymous.meetings.display.get({ token: link.token });
    expect(view.vote).toMatchObject({ id: moved.id, status: "OPEN", ballotKind: "SECRET", tally: { cast: 1, bySide: null }, outcome: null });
    await world.managementMember.trpc.voting.ballot.cast({ motionId: moved.id, choice: "YES" });
    await world.laborChair.trpc.voting.motion.close({ motionId: moved.id });
    const closed = await app.anonymous.meetings.display.get({ token: link.token });
    expect(closed.vote).toMatchObject({ id: moved.id, status: "CLOSED", outcome: "PASSED", tally: { cast: 2 } });
    expect(closed.vote?.tally.bySide?.LABOR.YES).toBe(1);
  });
});
