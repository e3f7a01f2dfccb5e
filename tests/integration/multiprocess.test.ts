// Several processes, one database: three real server processes (server/index.ts as production starts
// them) share nothing but PostgreSQL. A ballot cast through one reaches socket clients of the others
// (socket.io's PostgreSQL adapter), a sign-in limit reached on one holds on another for the same account
// and address (the limiter's PostgreSQL store), and due jobs run exactly once among them (graphile-worker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connectIo, type Socket } from "socket.io-client";
import { createSessionService } from "../../server/auth/sessions.js";
import { loadConfig } from "../../server/config.js";
import { createDb } from "../../server/db.js";
import { addMember, createOrganization, createPartnership, createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { scheduleJob } from "../../server/jobs/jobs.js";
import { assertBuildExists, startServerProcess, type ServerProcess } from "../support/server-process.js";
import { httpClient } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-db.js";

const MAX_SIGN_IN_ATTEMPTS = 3;

assertBuildExists();
const database = await createTestDatabase();
const db = createDb(database.url, { poolSize: 3 });
const sessions = createSessionService({ db, config: loadConfig({ DATABASE_URL: database.url }) });
let servers: ServerProcess[] = [];

beforeAll(async () => {
  servers = await Promise.all([1, 2, 3].map(() => startServerProcess(database.url, { SIGN_IN_MAX_FAILURES: String(MAX_SIGN_IN_ATTEMPTS) })));
}, 60_000);

afterAll(async () => {
  const codes = await Promise.all(servers.map((s) => s.stop()));
  await db.$disconnect();
  await database.remove();
  // Each process stopped cleanly on SIGTERM.
  expect(codes).toEqual(servers.map(() => 0));
}, 30_000);

/** A partnership whose top body has a labor co-chair, a management member and a labor member, each with a session. */
async function votingBody() {
  const chair = await createUser(db, { name: "Lena Chair" });
  const { partnership, topBody } = await createPartnership(db, { creatorId: chair.id, seat: "LABOR" });
  const employer = await createOrganization(db, { partnershipId: partnership.id, side: "MANAGEMENT" });
  const union = await db.organization.findFirstOrThrow({ where: { partnershipId: partnership.id, side: "LABOR" } });
  const manager = await addMember(db, { partnershipId: partnership.id, organizationId: employer.id, role: "MEMBER" });
  const member = await addMember(db, { partnershipId: partnership.id, organizationId: union.id, role: "MEMBER" });
  const cookieOf = async (userId: string) => (await sessions.start(userId)).cookie.split(";")[0]!;
  return { topBody, chair: await cookieOf(chair.id), manager: await cookieOf(manager.userId), member: await cookieOf(member.userId) };
}

function connect(server: ServerProcess, cookie: string): Promise<Socket> {
  const socket = connectIo(server.origin.replace("localhost", "127.0.0.1"), {
    transports: ["websocket"],
    extraHeaders: { cookie, origin: server.origin },
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const api = (server: ServerProcess, cookie: string) => httpClient(server.origin.replace("localhost", "127.0.0.1"), { cookie, origin: server.origin });

describe("three processes on one database", () => {
  it("a ballot cast through process A reaches clients connected to B and C within a second", async () => {
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const world = await votingBody();
    const moved = await api(a, world.chair).mutate("voting.motion.move", { bodyId: world.topBody.id, text: "Adopt the three-process resolution.", ballotKind: "ROLL_CALL", rule: "SIMPLE_MAJORITY", requireQuorum: false });
    expect(moved.status).toBe(200);
    const motionId = (moved.data as { id: string }).id;
    expect((await api(b, world.manager).mutate("voting.motion.second", { motionId })).status).toBe(200);
    expect((await api(c, world.chair).mutate("voting.motion.open", { motionId, deadline: new Date(Date.now() + 3_600_000) })).status).toBe(200);

    const onB = await connect(b, world.manager);
    const onC = await connect(c, world.member);
    try {
      for (const socket of [onB, onC]) {
        const joined = await socket.timeout(3_000).emitWithAck("room:join", { kind: "motion", id: motionId });
        expect(joined).toEqual({ ok: true, data: undefined });
      }
      const tallyOn = (socket: Socket) =>
        new Promise<{ cast: number; at: number }>((resolve) => socket.on("tally:updated", (t: { cast: number }) => t.cast >= 1 && resolve({ cast: t.cast, at: Date.now() })));
      const [seenB, seenC] = [tallyOn(onB), tallyOn(onC)];
      const sent = Date.now();
      const cast = await api(a, world.chair).mutate("voting.ballot.cast", { motionId, choice: "YES" });
      expect(cast.status).toBe(200);
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no tally within 1 s")), 1_000));
      const [gotB, gotC] = await Promise.race([Promise.all([seenB, seenC]), timeout]);
      expect(gotB.cast).toBe(1);
      expect(gotC.cast).toBe(1);
      expect(Math.max(gotB.at, gotC.at) - sent).toBeLessThan(1_000);
    } finally {
      onB.close();
      onC.close();
    }
  });

  it("a sign-in limit reached through process A holds on process B for the same account and address, even with the right password", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const user = await createUser(db, { hashCost: 10 });
    const signIn = (server: ServerProcess, password: string) =>
      fetch(`${server.origin}/signin?_data=routes%2Fsignin`, {
        method: "POST",
        headers: { origin: server.origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: user.email, password, redirectTo: "/" }),
        redirect: "manual",
      });
    for (let i = 0; i < MAX_SIGN_IN_ATTEMPTS; i++) expect((await signIn(a, "not-the-password")).status).toBe(401);
    const refused = await signIn(b, DEFAULT_PASSWORD);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { formError: string }).formError).toMatch(/Too many failed sign-in attempts/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Every request so far came from 127.0.0.1. The servers trust X-Forwarded-For from loopback (a local
    // proxy): with it the owner comes from another address and is let in (the form's redirect, with a cookie).
    const owner = await fetch(`${b.origin}/signin`, {
      method: "POST",
      headers: { origin: b.origin, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.20.30.40" },
      body: new URLSearchParams({ email: user.email, password: DEFAULT_PASSWORD, redirectTo: "/" }),
      redirect: "manual",
    });
    expect(owner.status).toBe(302);
    expect(owner.headers.get("set-cookie")).toMatch(/^jointly_session=[a-z0-9]{40};/);
  });

  it("signing out through process A ends that session's sockets on B and C, and only those", async () => {
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const world = await votingBody();
    const mine = [await connect(b, world.member), await connect(c, world.member)];
    const others = await connect(b, world.manager);
    try {
      const ended = mine.map((socket) => new Promise<void>((resolve) => socket.once("session:ended", () => resolve())));
      const closed = mine.map((socket) => new Promise<void>((resolve) => socket.once("disconnect", () => resolve())));
      const res = await fetch(`${a.origin}/signout`, { method: "POST", headers: { cookie: world.member, origin: a.origin }, redirect: "manual" });
      expect(res.status).toBe(302);
      await Promise.race([Promise.all([...ended, ...closed]), new Promise((_, reject) => setTimeout(() => reject(new Error("sockets not ended within 2 s")), 2_000))]);
      expect(others.connected).toBe(true);
    } finally {
      [...mine, others].forEach((s) => s.close());
    }
  });

  it("due jobs run exactly once among the three processes", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `multiprocess-once-${i}-${Date.now()}`);
    for (const key of keys) await scheduleJob(db, "maintenance:cleanup", {}, { key });
    const ranFor = (key: string) => servers.flatMap((s) => s.logs.filter((l) => l.msg === "job done" && l.jobKey === key).map(() => s.port));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && keys.some((k) => ranFor(k).length === 0)) await new Promise((r) => setTimeout(r, 100));
    // Give a duplicate run time to show up, had there been one.
    await new Promise((r) => setTimeout(r, 1_500));
    for (const key of keys) expect(ranFor(key), key).toHaveLength(1);
    const left = await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ANY(${keys})`;
    expect(Number(left[0]!.n)).toBe(0);
  }, 30_000);
});
