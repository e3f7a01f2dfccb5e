// socket.io against the real server: the handshake needs a session cookie and an allowed Origin,
// joining a room is a permission check, and events reach exactly the sockets that may see them.
import { afterAll, describe, expect, it } from "vitest";
import { addMember, createOrganization, createPartnership, createUser } from "../../server/fixtures/factories.js";
import { inTransaction } from "../../server/unit-of-work/unit-of-work.js";
import { collectEvents, joinRoom, nextEvent, startTestApp, type TestSocket } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

/** Lets events already on the wire arrive before asserting that some did not. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

async function partnershipWithChair() {
  const chairUser = await createUser(app.db);
  const p = await createPartnership(app.db, { creatorId: chairUser.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: p.partnership.id, side: "MANAGEMENT" });
  return { ...p, employer, chairUser, chair: await app.signIn(chairUser) };
}

describe("handshake", () => {
  it("refuses a socket without a session cookie", async () => {
    await expect(app.connectSocket()).rejects.toThrow("UNAUTHORIZED");
  });

  it("refuses a socket with an unknown session", async () => {
    await expect(app.connectSocket({ cookie: `jointly_session=${"a".repeat(40)}` })).rejects.toThrow("UNAUTHORIZED");
  });

  it.each([
    ["a foreign Origin", "https://evil.example"],
    ["a look-alike Origin", "http://localhost.evil.example"],
    ["no Origin", ""],
  ])("refuses a signed-in socket with %s", async (_what, origin) => {
    const me = await app.signIn(await createUser(app.db));
    await expect(me.connect({ origin })).rejects.toThrow();
    // The same session from the app's own origin connects (the refusal was about the origin).
    const ok = await me.connect();
    expect(ok.connected).toBe(true);
  });

  it("accepts a signed-in socket from the app's origin and from 127.0.0.1 beside localhost", async () => {
    const me = await app.signIn(await createUser(app.db));
    expect((await me.connect()).connected).toBe(true);
    expect((await me.connect({ origin: app.config.appOrigin.replace("localhost", "127.0.0.1") })).connected).toBe(true);
  });
});

describe("rooms", () => {
  it("lets a member join their partnership's room", async () => {
    const { chair, partnership } = await partnershipWithChair();
    const socket = await chair.connect();
    expect(await joinRoom(socket, { kind: "partnership", id: partnership.id })).toMatchObject({ ok: true });
  });

  it("refuses another partnership's room as if it did not exist, and sends that room nothing", async () => {
    const a = await partnershipWithChair();
    const b = await partnershipWithChair();
    const outsider = await a.chair.connect();
    expect(await joinRoom(outsider, { kind: "partnership", id: b.partnership.id })).toEqual({
      ok: false,
      error: { code: "NOT_FOUND", message: "Partnership was not found." },
    });

    const insider = await b.chair.connect();
    await joinRoom(insider, { kind: "partnership", id: b.partnership.id });
    const leaked = collectEvents(outsider, "partnership:changed");
    const seen = nextEvent(insider, "partnership:changed");
    await b.chair.trpc.partnerships.committee.create({ partnershipId: b.partnership.id, name: "B's committee" });
    expect(await seen).toEqual({ partnershipId: b.partnership.id });
    await settle();
    expect(leaked).toEqual([]);
  });

  it.each([
    ["an unknown kind", { kind: "user", id: "someone" }],
    ["no id", { kind: "partnership" }],
    ["an over-long id", { kind: "partnership", id: "x".repeat(65) }],
    ["not an object", "partnership:abc"],
  ])("refuses a join request with %s", async (_what, ref) => {
    const { chair } = await partnershipWithChair();
    const socket = await chair.connect();
    const ack = await socket.timeout(3_000).emitWithAck("room:join", ref as never);
    expect(ack).toEqual({ ok: false, error: { code: "BAD_REQUEST", message: "Unknown room." } });
  });

  it("stops sending a room's events after room:leave", async () => {
    const { chair, partnership } = await partnershipWithChair();
    const leaving = await chair.connect();
    const staying = await chair.connect();
    await joinRoom(leaving, { kind: "partnership", id: partnership.id });
    await joinRoom(staying, { kind: "partnership", id: partnership.id });
    expect(await leaving.timeout(3_000).emitWithAck("room:leave", { kind: "partnership", id: partnership.id })).toMatchObject({ ok: true });

    const afterLeaving = collectEvents(leaving, "partnership:changed");
    const seen = nextEvent(staying, "partnership:changed");
    await chair.trpc.partnerships.committee.create({ partnershipId: partnership.id, name: "After leaving" });
    await seen;
    await settle();
    expect(afterLeaving).toEqual([]);
  });
});

describe("live events", () => {
  it("tells the partnership's room when someone joins, and notifies the inviter in their own room", async () => {
    const { chair, chairUser, partnership, employer } = await partnershipWithChair();
    const roomSocket = await chair.connect();
    await joinRoom(roomSocket, { kind: "partnership", id: partnership.id });
    // Another socket of the inviter that joined no room: user-room events still reach it.
    const bellSocket = await chair.connect();
    const stranger = await (await app.signIn(await createUser(app.db))).connect();
    const strangerEvents = [collectEvents(stranger, "membership:joined"), collectEvents(stranger, "notification:created")];

    const { link } = await chair.trpc.partnerships.invitation.create({
      partnershipId: partnership.id,
      organizationId: employer.id,
      email: "joining@example.test",
      role: "MEMBER",
    });
    const joiner = await app.signIn(await createUser(app.db, { name: "Jo Iner", email: "joining@example.test" }));
    const joined = nextEvent(roomSocket, "membership:joined");
    const notified = nextEvent(bellSocket, "notification:created");

    const { membershipId } = await joiner.trpc.partnerships.invitation.accept({ token: link.split("/").pop()! });

    expect(await joined).toEqual({ partnershipId: partnership.id, membershipId, name: "Jo Iner" });
    const notification = await notified;
    expect(notification.unreadCount).toBe(1);
    expect(await app.db.notification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
      userId: chairUser.id,
      kind: "membership.joined",
    });
    await settle();
    expect(strangerEvents).toEqual([[], []]);
  });

  it("tells an existing user they were invited, on their own sockets only", async () => {
    const { chair, partnership, employer } = await partnershipWithChair();
    const invited = await app.signIn(await createUser(app.db));
    const invitedSocket = await invited.connect();
    const chairSocket = await chair.connect();
    const chairNotifications = collectEvents(chairSocket, "notification:created");
    const notified = nextEvent(invitedSocket, "notification:created");

    await chair.trpc.partnerships.invitation.create({
      partnershipId: partnership.id,
      organizationId: employer.id,
      email: invited.user.email,
      role: "OBSERVER",
    });

    const { id, unreadCount } = await notified;
    expect(unreadCount).toBe(1);
    expect(await app.db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: invited.user.id, kind: "invitation.received" });
    await settle();
    expect(chairNotifications).toEqual([]);
  });

  it("stops sending a partnership's events to a removed member's sockets at once", async () => {
    const { chair, partnership, organization } = await partnershipWithChair();
    const membership = await addMember(app.db, { partnershipId: partnership.id, organizationId: organization.id, role: "MEMBER" });
    const member = await app.signIn({ id: membership.userId });
    const memberSocket = await member.connect();
    const chairSocket = await chair.connect();
    await joinRoom(memberSocket, { kind: "partnership", id: partnership.id });
    await joinRoom(chairSocket, { kind: "partnership", id: partnership.id });

    // While a member, they hear the partnership's events.
    const heard = nextEvent(memberSocket, "partnership:changed");
    await chair.trpc.partnerships.committee.create({ partnershipId: partnership.id, name: "Before removal" });
    expect(await heard).toEqual({ partnershipId: partnership.id });

    const afterRemoval: unknown[] = [
      collectEvents(memberSocket, "partnership:changed"),
      collectEvents(memberSocket, "membership:removed"),
      collectEvents(memberSocket, "membership:joined"),
    ];
    const removed = nextEvent(chairSocket, "membership:removed");
    await chair.trpc.partnerships.member.remove({ partnershipId: partnership.id, membershipId: membership.id });
    expect(await removed).toEqual({ partnershipId: partnership.id, membershipId: membership.id });

    const changed = nextEvent(chairSocket, "partnership:changed");
    await chair.trpc.partnerships.committee.create({ partnershipId: partnership.id, name: "After removal" });
    await changed;
    await settle();
    expect(afterRemoval).toEqual([[], [], []]);
    // The server dropped the socket so every room is checked again; reconnected (as the browser does
    // at once), the person is still signed in but cannot rejoin the partnership's room.
    expect(memberSocket.connected).toBe(false);
    const reconnected = new Promise((resolve) => memberSocket.once("connect", () => resolve(true)));
    memberSocket.connect();
    await reconnected;
    expect(await joinRoom(memberSocket, { kind: "partnership", id: partnership.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("tells the user's own sockets when notifications are read", async () => {
    const { chair, chairUser, partnership } = await partnershipWithChair();
    // A notification made the way the app makes them: in a unit of work, created after commit.
    await inTransaction(app.server.deps, async (_tx, effects) =>
      effects.notify([chairUser.id], "membership.joined", {
        partnershipId: partnership.id,
        partnershipName: partnership.name,
        memberName: "Someone",
        organizationName: "Somewhere",
      }),
    );
    const created = await app.db.notification.findFirstOrThrow({ where: { userId: chairUser.id, kind: "membership.joined", readAt: null } });
    const socket: TestSocket = await chair.connect();
    const read = nextEvent(socket, "notifications:read");
    await chair.trpc.notifications.markRead({ ids: [created.id] });
    expect(await read).toEqual({ unreadCount: 0 });
  });
});
