// Notifications belong to one user: listing, counting and marking read only ever touch the caller's rows
// (and tell only the caller's sockets); they are created by units of work through effects.notify.
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../server/errors.js";
import { createUser } from "../../server/fixtures/factories.js";
import { inTransaction } from "../../server/unit-of-work/unit-of-work.js";
import { collectEvents, nextEvent, refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const payload = (memberName: string) => ({
  partnershipId: "p1",
  partnershipName: "A partnership",
  memberName,
  organizationName: "An organization",
});

/** Two users with notifications created a minute apart (oldest first), all unread. */
async function twoUsers(counts: { mine: number; theirs: number } = { mine: 3, theirs: 2 }) {
  const me = await createUser(app.db);
  const them = await createUser(app.db);
  const base = Date.now() - 60 * 60_000;
  const make = async (userId: string, n: number) => {
    const rows = [];
    for (let i = 0; i < n; i++) {
      rows.push(
        await app.db.notification.create({
          data: { userId, kind: "membership.joined", payload: payload(`Person ${i}`), createdAt: new Date(base + i * 60_000) },
        }),
      );
    }
    return rows;
  };
  return {
    me: await app.signIn(me),
    them: await app.signIn(them),
    mine: await make(me.id, counts.mine),
    theirs: await make(them.id, counts.theirs),
  };
}

const readState = async (ids: string[]) =>
  Object.fromEntries((await app.db.notification.findMany({ where: { id: { in: ids } } })).map((n) => [n.id, n.readAt]));

describe("list", () => {
  it("lists only the caller's notifications, newest first, with the unread count", async () => {
    const { me, mine } = await twoUsers();
    const list = await me.trpc.notifications.list({});
    expect(list.items.map((n) => n.id)).toEqual(mine.map((n) => n.id).reverse());
    expect(list.items[0]).toEqual({ id: mine[2]!.id, kind: "membership.joined", payload: payload("Person 2"), readAt: null, createdAt: mine[2]!.createdAt });
    expect(list.unreadCount).toBe(3);
    expect(list.nextCursor).toBeNull();
  });

  it("pages with a cursor", async () => {
    const { me, mine } = await twoUsers({ mine: 5, theirs: 1 });
    const first = await me.trpc.notifications.list({ limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual([mine[4]!.id, mine[3]!.id]);
    expect(first.nextCursor).toBe(mine[3]!.id);
    const second = await me.trpc.notifications.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((n) => n.id)).toEqual([mine[2]!.id, mine[1]!.id]);
    const third = await me.trpc.notifications.list({ limit: 2, cursor: second.nextCursor! });
    expect(third.items.map((n) => n.id)).toEqual([mine[0]!.id]);
    expect(third.nextCursor).toBeNull();
  });

  it("never returns another user's notification, whatever the cursor", async () => {
    const { me, mine, theirs } = await twoUsers();
    const list = await me.trpc.notifications.list({ cursor: theirs[1]!.id });
    for (const item of list.items) expect(mine.map((n) => n.id)).toContain(item.id);
  });

  it("filters to unread ones", async () => {
    const { me, mine } = await twoUsers();
    await me.trpc.notifications.markRead({ ids: [mine[1]!.id] });
    const unread = await me.trpc.notifications.list({ filter: "unread" });
    expect(unread.items.map((n) => n.id)).toEqual([mine[2]!.id, mine[0]!.id]);
    expect(unread.unreadCount).toBe(2);
    expect((await me.trpc.notifications.list({ filter: "all" })).items).toHaveLength(3);
  });

  it("refuses limits outside 1–100", async () => {
    const { me } = await twoUsers({ mine: 1, theirs: 0 });
    expect((await refusal(me.trpc.notifications.list({ limit: 0 }))).code).toBe("BAD_REQUEST");
    expect((await refusal(me.trpc.notifications.list({ limit: 101 }))).code).toBe("BAD_REQUEST");
  });

  it("needs a signed-in user", async () => {
    expect((await refusal(app.anonymous.notifications.list({}))).code).toBe("UNAUTHORIZED");
    expect((await refusal(app.anonymous.notifications.unreadCount())).code).toBe("UNAUTHORIZED");
    expect((await refusal(app.anonymous.notifications.markAllRead())).code).toBe("UNAUTHORIZED");
  });
});

describe("unread count", () => {
  it("counts the caller's unread notifications only", async () => {
    const { me, them, mine } = await twoUsers({ mine: 4, theirs: 2 });
    expect(await me.trpc.notifications.unreadCount()).toBe(4);
    expect(await them.trpc.notifications.unreadCount()).toBe(2);
    await me.trpc.notifications.markRead({ ids: [mine[0]!.id, mine[1]!.id] });
    expect(await me.trpc.notifications.unreadCount()).toBe(2);
    expect(await them.trpc.notifications.unreadCount()).toBe(2);
  });
});

describe("markRead", () => {
  it("marks the caller's own notifications read and returns the new count", async () => {
    const { me, mine } = await twoUsers();
    const result = await me.trpc.notifications.markRead({ ids: [mine[0]!.id, mine[2]!.id] });
    expect(result).toEqual({ unreadCount: 1 });
    const state = await readState(mine.map((n) => n.id));
    expect(state[mine[0]!.id]).toBeInstanceOf(Date);
    expect(state[mine[1]!.id]).toBeNull();
    expect(state[mine[2]!.id]).toBeInstanceOf(Date);
  });

  it("ignores ids of other users' notifications", async () => {
    const { me, them, mine, theirs } = await twoUsers();
    const result = await me.trpc.notifications.markRead({ ids: [theirs[0]!.id, theirs[1]!.id, mine[0]!.id] });
    expect(result).toEqual({ unreadCount: 2 });
    expect(Object.values(await readState(theirs.map((n) => n.id)))).toEqual([null, null]);
    expect(await them.trpc.notifications.unreadCount()).toBe(2);
  });

  it("keeps the time a notification was first read", async () => {
    const { me, mine } = await twoUsers({ mine: 1, theirs: 0 });
    await me.trpc.notifications.markRead({ ids: [mine[0]!.id] });
    const firstRead = (await readState([mine[0]!.id]))[mine[0]!.id];
    await new Promise((resolve) => setTimeout(resolve, 20));
    await me.trpc.notifications.markRead({ ids: [mine[0]!.id] });
    expect((await readState([mine[0]!.id]))[mine[0]!.id]).toEqual(firstRead);
  });

  it("refuses an empty or over-long list of ids", async () => {
    const { me } = await twoUsers({ mine: 1, theirs: 0 });
    expect((await refusal(me.trpc.notifications.markRead({ ids: [] }))).code).toBe("BAD_REQUEST");
    expect((await refusal(me.trpc.notifications.markRead({ ids: Array.from({ length: 101 }, (_, i) => `id${i}`) }))).code).toBe("BAD_REQUEST");
  });
});

describe("markAllRead", () => {
  it("marks every one of the caller's notifications read, and nobody else's", async () => {
    const { me, them, mine, theirs } = await twoUsers();
    expect(await me.trpc.notifications.markAllRead()).toEqual({ unreadCount: 0 });
    expect(Object.values(await readState(mine.map((n) => n.id))).every((r) => r instanceof Date)).toBe(true);
    expect(Object.values(await readState(theirs.map((n) => n.id)))).toEqual([null, null]);
    expect(await them.trpc.notifications.unreadCount()).toBe(2);
    expect(await me.trpc.notifications.unreadCount()).toBe(0);
  });
});

describe("markRead and markAllRead tell the user's own sockets", () => {
  it("sends the new unread count to the caller's sockets only, after commit", async () => {
    const { me, them, mine } = await twoUsers();
    const mySocket = await me.connect();
    const theirSocket = await them.connect();
    const theirs = collectEvents(theirSocket, "notifications:read");

    const read = nextEvent(mySocket, "notifications:read");
    await me.trpc.notifications.markRead({ ids: [mine[0]!.id] });
    expect(await read).toEqual({ unreadCount: 2 });

    const allRead = nextEvent(mySocket, "notifications:read");
    await me.trpc.notifications.markAllRead();
    expect(await allRead).toEqual({ unreadCount: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(theirs).toEqual([]);
  });
});

describe("effects.notify (notifications created by a unit of work)", () => {
  it("writes one row per distinct recipient, and tells each of them", async () => {
    const a = await createUser(app.db);
    const b = await createUser(app.db);
    const socket = await (await app.signIn(a)).connect();
    const told = nextEvent(socket, "notification:created");
    await inTransaction(app.server.deps, async (_tx, effects) => effects.notify([a.id, b.id, a.id], "membership.joined", payload("Newcomer")));
    expect(await app.db.notification.count({ where: { userId: a.id } })).toBe(1);
    expect(await app.db.notification.count({ where: { userId: b.id } })).toBe(1);
    const { id, unreadCount } = await told;
    expect(unreadCount).toBe(1);
    expect(await app.db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: a.id, kind: "membership.joined", payload: payload("Newcomer") });
  });

  it("refuses a payload that does not match its kind, and writes nothing", async () => {
    const a = await createUser(app.db);
    const bad = { partnershipId: "p1" } as unknown as ReturnType<typeof payload>;
    await expect(inTransaction(app.server.deps, async (_tx, effects) => effects.notify([a.id], "membership.joined", bad))).rejects.toThrow();
    expect(await app.db.notification.count({ where: { userId: a.id } })).toBe(0);
  });

  it("creates nothing for a change that was refused (rolled back)", async () => {
    const a = await createUser(app.db);
    const refused = inTransaction(app.server.deps, async (_tx, effects) => {
      effects.notify([a.id], "membership.joined", payload("Never"));
      throw new AppError("PRECONDITION_FAILED", "refused");
    });
    await expect(refused).rejects.toThrow("refused");
    expect(await app.db.notification.count({ where: { userId: a.id } })).toBe(0);
  });
});
