// npm run bench:votes [-- N]   (default N = 300)
// Starts the server on a fresh SQLite database, connects N socket.io clients as N distinct signed-in
// voting members, opens a roll-call motion and has all N vote at once through the real tRPC endpoint.
// Prints ballots accepted / lost / duplicated, vote request latency, the time from each ballot until
// every client holds the updated tally, and the same fan-out for a bare socket.io broadcast.
import { execFileSync, fork } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import superjson from "superjson";
import { createSessionService } from "../server/auth/sessions.js";
import { loadConfig } from "../server/config.js";
import { createDb } from "../server/db.js";
import { addMember, createOrganization, createPartnership, createUser } from "../server/fixtures/factories.js";

const N = Number(process.argv[2] ?? process.env.N ?? 300);
const now = () => performance.timeOrigin + performance.now();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

// ─── a fresh database with a body of N voting members ───────────────────────
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-bench-"));
const databaseUrl = `file:${path.join(dir, "bench.db")}`;
execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
  stdio: "ignore",
  env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false" },
});
const [appPort, barePort] = [await freePort(), await freePort()];
const origin = `http://localhost:${appPort}`;
const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: String(appPort), APP_ORIGIN: origin });
const db = await createDb(databaseUrl);
const chairUser = await createUser(db, { name: "Bench Chair" });
const { partnership, topBody, organization: laborOrg } = await createPartnership(db, { creatorId: chairUser.id, seat: "LABOR" });
const managementOrg = await createOrganization(db, { partnershipId: partnership.id, side: "MANAGEMENT" });
const voters: Array<{ userId: string }> = [];
for (let i = 0; i < N - 1; i++) {
  const m = await addMember(db, { partnershipId: partnership.id, organizationId: i % 2 ? laborOrg.id : managementOrg.id, role: "MEMBER" });
  voters.push({ userId: m.userId });
}
voters.push({ userId: chairUser.id });
const sessions = createSessionService({ db, config });
const cookies = await Promise.all(voters.map(async (v) => (await sessions.start(v.userId)).cookie.split(";")[0]!));
const chairCookie = cookies[cookies.length - 1]!;

// ─── the real server, in its own process ────────────────────────────────────
const server = fork(path.resolve("scripts/bench-votes-server.ts"), [databaseUrl, String(appPort), String(barePort)], {
  execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
await new Promise<void>((resolve, reject) => {
  server.once("message", () => resolve());
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

async function trpc(pathName: string, input: unknown, cookie: string) {
  const started = now();
  const res = await fetch(`${origin}/api/trpc/${pathName}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, cookie },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: { message: string } } };
  if (!res.ok) throw new Error(`${pathName}: ${res.status} ${body.error?.json.message}`);
  return { data: body.result!.data.json as Record<string, unknown>, latency: now() - started };
}

function connectAll(url: string, withCookies: boolean): Promise<Socket[]> {
  return Promise.all(
    cookies.map(
      (cookie) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(url, { transports: ["websocket"], forceNew: true, extraHeaders: withCookies ? { cookie, origin } : { origin } });
          socket.once("connect", () => resolve(socket));
          socket.once("connect_error", reject);
        }),
    ),
  );
}

try {
  // ─── the motion ───────────────────────────────────────────────────────────
  const moved = await trpc("voting.motion.move", { bodyId: topBody.id, text: "Adopt the benchmark resolution.", ballotKind: "ROLL_CALL", rule: "SIMPLE_MAJORITY", requireQuorum: false }, chairCookie);
  const motionId = moved.data.id as string;
  await trpc("voting.motion.second", { motionId }, cookies[0]!);
  await trpc("voting.motion.open", { motionId, deadline: new Date(Date.now() + 3_600_000) }, chairCookie);

  const clients = await connectAll(origin, true);
  // arrivals[c][k] = when client c first held a tally with at least k ballots.
  const arrivals = clients.map(() => new Float64Array(N + 1).fill(NaN));
  let tallyMessageBytes = 0;
  await Promise.all(
    clients.map(
      (socket, c) =>
        new Promise<void>((resolve, reject) => {
          socket.on("tally:updated", (tally: { cast: number }) => {
            const at = now();
            tallyMessageBytes = JSON.stringify(tally).length;
            for (let k = tally.cast; k >= 1 && Number.isNaN(arrivals[c]![k]!); k--) arrivals[c]![k] = at;
          });
          socket.emit("room:join", { kind: "motion", id: motionId }, (ack: { ok: boolean }) => (ack.ok ? resolve() : reject(new Error("join refused"))));
        }),
    ),
  );

  // ─── everyone votes at once ───────────────────────────────────────────────
  const sentAt: number[] = [];
  const results = await Promise.allSettled(
    cookies.map((cookie, i) => {
      sentAt[i] = now();
      return trpc("voting.ballot.cast", { motionId, choice: i % 3 === 0 ? "NO" : "YES" }, cookie);
    }),
  );
  const accepted = results.filter((r) => r.status === "fulfilled") as Array<PromiseFulfilledResult<Awaited<ReturnType<typeof trpc>>>>;
  // Wait until every client has seen the last tally (or give up after 10 s).
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && arrivals.some((a) => Number.isNaN(a[accepted.length]!))) await new Promise((r) => setTimeout(r, 20));

  const fanout: number[] = [];
  results.forEach((r, i) => {
    if (r.status !== "fulfilled") return;
    const k = r.value.data.cast as number;
    const allHold = Math.max(...arrivals.map((a) => a[k]!));
    if (!Number.isNaN(allHold)) fanout.push(allHold - sentAt[i]!);
  });
  const stored = await db.rollCallBallot.count({ where: { motionId } });
  const perSeat = await db.rollCallBallot.groupBy({ by: ["seatMembershipId"], where: { motionId }, _count: { _all: true } });
  const duplicated = perSeat.filter((g) => g._count._all > 1).length;
  const lost = accepted.length - stored;
  clients.forEach((s) => s.disconnect());

  // ─── baseline: the same shape of work on a bare socket.io server ──────────
  // N requests at once, each making one broadcast of a same-size message to the same N clients;
  // measured the same way: from the request leaving to every client holding that message.
  const bareClients = await connectAll(`http://127.0.0.1:${barePort}`, false);
  const bareArrivals = bareClients.map(() => new Float64Array(N).fill(NaN));
  bareClients.forEach((s, c) => s.on("bench", (msg: { seq: number }) => (bareArrivals[c]![msg.seq] = now())));
  const bareSentAt: number[] = [];
  await Promise.all(
    cookies.map((_, i) => {
      bareSentAt[i] = now();
      return fetch(`http://127.0.0.1:${barePort}/broadcast?seq=${i}&bytes=${Math.max(0, tallyMessageBytes - 20)}`, { method: "POST" });
    }),
  );
  const bareDeadline = Date.now() + 10_000;
  while (Date.now() < bareDeadline && bareArrivals.some((a) => a.some(Number.isNaN))) await new Promise((r) => setTimeout(r, 20));
  const baseline = bareSentAt.map((sent, i) => Math.max(...bareArrivals.map((a) => a[i]!)) - sent).filter((v) => !Number.isNaN(v));
  bareClients.forEach((s) => s.disconnect());

  const latencies = accepted.map((r) => r.value.latency);
  const report = {
    voters: N,
    ballotsAccepted: accepted.length,
    ballotsRefused: results.length - accepted.length,
    ballotsLost: lost,
    ballotsDuplicated: duplicated,
    voteLatency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    fanout: { p50: percentile(fanout, 50), p99: percentile(fanout, 99) },
    baselineBroadcast: { p50: percentile(baseline, 50), p99: percentile(baseline, 99) },
  };
  const ratio = report.fanout.p99 / report.baselineBroadcast.p99;
  console.log(`Voting benchmark: ${N} signed-in voters on one roll-call motion (tally message ${tallyMessageBytes} bytes)`);
  console.log(`  ballots accepted      ${report.ballotsAccepted} of ${N} (refused ${report.ballotsRefused})`);
  console.log(`  ballots lost          ${report.ballotsLost}`);
  console.log(`  ballots duplicated    ${report.ballotsDuplicated}`);
  console.log(`  vote request latency  p50 ${ms(report.voteLatency.p50)}  p95 ${ms(report.voteLatency.p95)}  p99 ${ms(report.voteLatency.p99)}`);
  console.log(`  ballot → every client holds the tally   p50 ${ms(report.fanout.p50)}  p99 ${ms(report.fanout.p99)}`);
  console.log(`  bare socket.io: ${N} broadcasts to ${N} clients, request → every client  p50 ${ms(report.baselineBroadcast.p50)}  p99 ${ms(report.baselineBroadcast.p99)}`);
  console.log(`  fan-out p99 / bare broadcast p99 = ${ratio.toFixed(2)}x (target ≤ 2x)`);
  if (report.ballotsLost || report.ballotsDuplicated) process.exitCode = 1;
} finally {
  server.kill("SIGTERM");
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
