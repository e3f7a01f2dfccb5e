// npm run bench:votes [-- N] [--processes P]        (defaults: N = 300, P = 1)
//
// N signed-in voters vote at once on one roll-call motion, through the real product:
// - a fresh database (embedded PostgreSQL in a temporary folder, or a new database on DATABASE_URL's
//   server), migrated with prepareDatabase; one partnership whose top body has N voting members (half
//   labor, half management) and a real session for each (the session service's `start`);
// - P server processes (scripts/bench-votes-server.ts: createAppServer without Remix, each on its own
//   port and APP_ORIGIN, all on the same database; with P > 1 they share sockets through the
//   PostgreSQL adapter). Socket client c connects to process c % P and ballot i goes to process i % P;
// - the motion is moved, seconded and opened through the real tRPC endpoints; every client joins its
//   room (`room:join`, with ack) and records when it first held a tally with cast ≥ k;
// - all N ballots are POSTed at once to `voting.ballot.cast`; this is done first on a warm-up motion
//   (not measured: connections, JIT, caches), then on the measured one.
// Then the ceiling, in the same run: scripts/bench-ceiling-server.ts (bare Express + socket.io in one
// process, in-memory count, the same 50 ms coalescing), the same N clients in one room, the same N
// concurrent POSTs, the same warm-up and measurement.
//
// Prints accepted / refused / lost (accepted, not in the database) / duplicated (more than one ballot
// for a seat), vote request latency p50/p95/p99, ballot → every client holds the tally p50/p99, the
// ceiling's figures and the ratios product/ceiling against the targets. Exit code 1 when a ballot was
// lost or duplicated. BENCH_CPU_PROF=dir writes a CPU profile of each server process into dir.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { createSessionService } from "../server/auth/sessions.js";
import { loadConfig } from "../server/config.js";
import { prepareDatabase } from "../server/database/prepare.js";
import { createDb, type Db } from "../server/db.js";
import { addMember, createOrganization, createPartnership, createUser } from "../server/fixtures/factories.js";
import {
  Cleanup,
  cookiePair,
  cpuProfileArgs,
  freePort,
  mapLimit,
  ms,
  now,
  openBenchDatabase,
  percentile,
  processCpuMs,
  ratio,
  sleep,
  startScript,
  stopProcess,
  trpc,
  trpcOrThrow,
} from "./bench-support.js";

const TARGET_RATIO = 1.5;
/** How long clients may take to hold the final tally before the ballots still missing count as never delivered. */
const SETTLE_MS = 10_000;

// ─── arguments ──────────────────────────────────────────────────────────────
function parseArgs(argv: string[]) {
  let n = Number(process.env.N ?? 300);
  let p = Number(process.env.PROCESSES ?? 1);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--processes" || arg === "-p") p = Number(argv[++i]);
    else if (arg.startsWith("--processes=")) p = Number(arg.slice("--processes=".length));
    else if (/^\d+$/.test(arg)) n = Number(arg);
    else usage(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(n) || n < 2 || n > 5000) usage("N must be a whole number from 2 to 5000");
  if (!Number.isInteger(p) || p < 1 || p > 32) usage("P must be a whole number from 1 to 32");
  return { N: n, P: p };
}
function usage(problem: string): never {
  console.error(`${problem}\nusage: npm run bench:votes -- [N] [--processes P]`);
  process.exit(2);
}
const { N, P } = parseArgs(process.argv.slice(2));

type Voter = { userId: string; membershipId: string; cookie: string };
type Tally = { motionId: string; cast: number; version?: number };
type Ballot = { ok: true; cast: number; latency: number } | { ok: false; refusal: string; latency: number };
type Run = {
  motionId: string;
  accepted: number;
  refused: number;
  refusals: Map<string, number>;
  latencies: number[];
  fanout: number[];
  neverDelivered: number;
  tallyBytes: number;
  tallyMessages: number;
  /** ballot index → accepted */
  ok: boolean[];
  /** CPU time (user + system) of the server processes from the ballots' sending until every client held the last tally, per accepted ballot. */
  cpuPerBallotMs: number | null;
  /** The measured round's window (CLOCK_MONOTONIC µs, the clock of V8's CPU profiles), to cut a profile. */
  window: { startUs: number; endUs: number };
};

const cleanup = new Cleanup();
let exitCode = 0;
try {
  // ─── a fresh database with a body of N voting members ─────────────────────
  const setupStarted = now();
  const database = await openBenchDatabase("votes");
  cleanup.add("database", () => database.close());
  await prepareDatabase(database.url);
  const db = createDb(database.url, { poolSize: 8, applicationName: "jointly-bench" });
  cleanup.add("bench Prisma client", () => db.$disconnect());
  const { voters, topBodyId } = await createVoters(db, N);
  console.error(`set-up: ${N} voters on ${database.where} in ${((now() - setupStarted) / 1000).toFixed(1)} s`);

  // ─── P real server processes on that database ─────────────────────────────
  const ports = await uniquePorts(P);
  const profileArgs = cpuProfileArgs();
  const servers: ChildProcess[] = [];
  cleanup.add("server processes", () => Promise.all(servers.map((s) => stopProcess(s))).then(() => undefined));
  await Promise.all(
    ports.map(async (port) => {
      // NODE_ENV=production in the process's environment too, as `npm start` runs it: the app's config
      // alone said production, while Prisma (a stack trace captured for every query), Express and tRPC
      // read process.env and ran in development mode.
      servers.push(
        await startScript("scripts/bench-votes-server.ts", [database.url, String(port)], { env: { ...process.env, NODE_ENV: "production" }, execArgv: profileArgs, timeoutMs: 120_000 }),
      );
    }),
  );
  const processes = ports.map((port) => ({ url: `http://127.0.0.1:${port}`, origin: `http://localhost:${port}` }));
  const at = (i: number) => processes[i % P]!;

  // ─── two motions, through the real endpoints: a warm-up, then the measured one ───
  const chair = voters[voters.length - 1]!;
  const as = (voter: Voter) => ({ cookie: voter.cookie, origin: at(0).origin });
  async function openMotion(text: string) {
    const { id } = await trpcOrThrow<{ id: string }>(at(0).url, "voting.motion.move", { bodyId: topBodyId, text, ballotKind: "ROLL_CALL", rule: "SIMPLE_MAJORITY", requireQuorum: false }, as(chair));
    await trpcOrThrow(at(0).url, "voting.motion.second", { motionId: id }, as(voters[0]!));
    await trpcOrThrow(at(0).url, "voting.motion.open", { motionId: id, deadline: new Date(Date.now() + 3_600_000) }, as(chair));
    return id;
  }
  // ─── the product ──────────────────────────────────────────────────────────
  // Each motion opens just before its round, as a vote opens in a meeting and is cast within the
  // minute: opened together at the start, the measured vote's (delayed) "vote opened" mails could come
  // due during the round when connecting the clients took long, and whether they did varied by run.
  const product = await measure({
    connectClient: (c) => ({ url: at(c).url, headers: { cookie: voters[c]!.cookie, origin: at(c).origin } }),
    motions: [() => openMotion("Warm up: adopt the practice resolution."), () => openMotion("Adopt the benchmark resolution.")],
    pids: servers.map((s) => s.pid),
    vote: async (motion, i) => {
      const { url, origin } = at(i);
      const outcome = await trpc<{ cast: number }>(url, "voting.ballot.cast", { motionId: motion, choice: i % 3 === 0 ? "NO" : "YES" }, { cookie: voters[i]!.cookie, origin });
      return outcome.ok ? { ok: true, cast: outcome.data.cast, latency: outcome.latency } : { ok: false, refusal: `${outcome.status} ${outcome.code}`, latency: outcome.latency };
    },
  });

  if (profileArgs.length) fs.writeFileSync(path.join(process.env.BENCH_CPU_PROF!, "runs.json"), JSON.stringify([{ label: "measured vote", ...product.window }], null, 2));

  // What the database holds: one ballot per seat, every accepted ballot stored.
  const rows = await db.rollCallBallot.groupBy({ by: ["seatMembershipId"], where: { motionId: product.motionId }, _count: { _all: true } });
  const stored = new Map(rows.map((r) => [r.seatMembershipId, r._count._all]));
  const lost = voters.filter((v, i) => product.ok[i] && !stored.has(v.membershipId)).length;
  const duplicated = rows.filter((r) => r._count._all > 1).length;
  const refusedButStored = voters.filter((v, i) => !product.ok[i] && stored.has(v.membershipId)).length;

  // The product's processes stop before the ceiling runs, so each side has the machine to itself.
  await Promise.all(servers.map((s) => stopProcess(s)));

  // ─── the ceiling: the same job on a bare Express + socket.io server ───────
  const ceilingPort = await freePort();
  const ceilingServer = await startScript("scripts/bench-ceiling-server.ts", [String(ceilingPort), String(N)], { env: { ...process.env, NODE_ENV: "production" } });
  cleanup.add("ceiling server", () => stopProcess(ceilingServer));
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
  const ceilingOrigin = `http://localhost:${ceilingPort}`;
  const ceiling = await measure({
    connectClient: () => ({ url: ceilingUrl, headers: { origin: ceilingOrigin } }),
    motions: [async () => "warm-up", async () => "ceiling"],
    pids: [ceilingServer.pid],
    vote: async (motion, i) => {
      const started = now();
      try {
        const res = await fetch(`${ceilingUrl}/vote`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ceilingOrigin },
          body: JSON.stringify({ voter: i, choice: i % 3 === 0 ? "NO" : "YES", motionId: motion }),
        });
        const body = (await res.json()) as { cast?: number };
        const latency = now() - started;
        return res.ok && typeof body.cast === "number" ? { ok: true, cast: body.cast, latency } : { ok: false, refusal: `${res.status}`, latency };
      } catch (error) {
        return { ok: false, refusal: `NETWORK ${(error as Error).message}`, latency: now() - started };
      }
    },
  });
  await stopProcess(ceilingServer);

  // ─── report ───────────────────────────────────────────────────────────────
  const p99 = (values: number[]) => percentile(values, 99);
  const voteRatio = ratio(p99(product.latencies), p99(ceiling.latencies));
  const fanoutRatio = ratio(p99(product.fanout), p99(ceiling.fanout));
  const verdict = (r: number) => (Number.isFinite(r) ? (r <= TARGET_RATIO ? "ok" : "MISSED") : "n/a");
  const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "n/a");

  console.log(`\nVoting benchmark: ${N} signed-in voters, one roll-call motion, all voting at once`);
  console.log(`  product: ${P} server process${P > 1 ? "es" : ""} (createAppServer, PostgreSQL${P > 1 ? ", sockets shared through the PostgreSQL adapter" : ""}); ${database.where}`);
  console.log(`  ceiling: one bare Express + socket.io process, in-memory count, the same 50 ms tally coalescing`);
  console.log(`  each side first runs the same vote once on a warm-up motion (not measured), then the measured one`);
  if (profileArgs.length) console.log(`  CPU profiles of the server processes in ${process.env.BENCH_CPU_PROF} (the profiler slows the product's figures)`);
  console.log("");
  console.log(`  product  ballots accepted ${product.accepted} of ${N}, refused ${product.refused}${formatRefusals(product.refusals)}`);
  console.log(`           ballots lost ${lost} (accepted, not in the database)`);
  console.log(`           ballots duplicated ${duplicated} (seats with more than one ballot)`);
  if (refusedButStored) console.log(`           refused but stored ${refusedButStored} (the voter was told no, the ballot counts)`);
  printFigures(product, "product ");
  console.log(`  ceiling  ballots accepted ${ceiling.accepted} of ${N}, refused ${ceiling.refused}${formatRefusals(ceiling.refusals)}`);
  printFigures(ceiling, "ceiling ");
  console.log("");
  console.log(`  product / ceiling   vote p99 ${x(voteRatio)} (target ≤ ${TARGET_RATIO}×) ${verdict(voteRatio)}`);
  console.log(`                      fan-out p99 ${x(fanoutRatio)} (target ≤ ${TARGET_RATIO}×) ${verdict(fanoutRatio)}`);
  if (lost || duplicated) {
    console.log(`\n  FAILED: ${lost} ballot(s) lost, ${duplicated} seat(s) with duplicated ballots`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup.run();
}
process.exit(exitCode);

// ─── helpers ────────────────────────────────────────────────────────────────

/**
 * A partnership whose top body has N voting members: the creator (labor co-chair, last in the list,
 * who moves and opens the motion) and N − 1 members alternating management and labor, so the sides
 * are even. Each gets a real session.
 */
async function createVoters(db: Db, n: number): Promise<{ voters: Voter[]; topBodyId: string }> {
  const sessions = createSessionService({ db, config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "warn" }) });
  const chairUser = await createUser(db, { name: "Bench Chair", hashCost: 10 });
  const { partnership, topBody, organization: laborOrg, membership: chairMembership } = await createPartnership(db, { creatorId: chairUser.id, seat: "LABOR" });
  const managementOrg = await createOrganization(db, { partnershipId: partnership.id, side: "MANAGEMENT" });
  const members = await mapLimit(Array.from({ length: n - 1 }, (_, i) => i), 8, async (i) => {
    const user = await createUser(db, { name: `Voter ${i + 1}`, hashCost: 10 });
    const membership = await addMember(db, { partnershipId: partnership.id, organizationId: i % 2 ? laborOrg.id : managementOrg.id, role: "MEMBER", userId: user.id });
    return { userId: user.id, membershipId: membership.id };
  });
  const people = [...members, { userId: chairUser.id, membershipId: chairMembership.id }];
  const voters = await mapLimit(people, 8, async (p) => ({ ...p, cookie: cookiePair((await sessions.start(p.userId)).cookie) }));
  return { voters, topBodyId: topBody.id };
}

async function uniquePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/**
 * Connects N clients once, then for each motion (a warm-up one, then the measured one) joins them to
 * its room, sends the N ballots at once and measures: request latency, and for each accepted ballot
 * the time from its request leaving until every client held a tally of that motion with cast ≥ that
 * ballot's cast (a client keeps the highest version, or the highest cast while tallies carry none).
 * Returns the last motion's figures.
 */
async function measure(options: {
  connectClient: (c: number) => { url: string; headers: Record<string, string> };
  /** Opens each round's motion (a warm-up, then the measured one) and answers its id. */
  motions: Array<() => Promise<string>>;
  vote: (motionId: string, i: number) => Promise<Ballot>;
  pids: Array<number | undefined>;
}): Promise<Run> {
  const clients = await mapLimit(Array.from({ length: N }, (_, c) => c), 50, (c) => {
    const { url, headers } = options.connectClient(c);
    return new Promise<Socket>((resolve, reject) => {
      const socket = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: headers });
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error) => reject(new Error(`client ${c}: ${error.message}`)));
    });
  });
  const disconnectAll = () => clients.forEach((s) => s.disconnect());
  cleanup.add("socket clients", disconnectAll);

  // Per motion: arrivals[c][k] = when client c first held a tally with cast ≥ k.
  type Round = { arrivals: Float64Array[]; held: Array<{ version: number }>; messages: number; bytes: number };
  const rounds = new Map<string, Round>();
  clients.forEach((socket, c) =>
    socket.on("tally:updated", (tally: Tally) => {
      const at = now();
      const round = rounds.get(tally.motionId);
      if (!round) return;
      round.messages++;
      round.bytes = JSON.stringify(tally).length;
      const held = round.held[c]!;
      const version = typeof tally.version === "number" ? tally.version : tally.cast;
      if (version <= held.version) return;
      held.version = version;
      const a = round.arrivals[c]!;
      for (let k = Math.min(tally.cast, N); k >= 1 && Number.isNaN(a[k]!); k--) a[k] = at;
    }),
  );

  let run: Run | null = null;
  for (const openMotion of options.motions) {
    const motionId = await openMotion();
    const round: Round = { arrivals: clients.map(() => new Float64Array(N + 1).fill(NaN)), held: clients.map(() => ({ version: -Infinity })), messages: 0, bytes: 0 };
    rounds.set(motionId, round);
    await Promise.all(
      clients.map(
        (socket) =>
          new Promise<void>((resolve, reject) =>
            socket.emit("room:join", { kind: "motion", id: motionId }, (ack: { ok: boolean; error?: { message: string } }) =>
              ack.ok ? resolve() : reject(new Error(`room:join refused: ${ack.error?.message}`)),
            ),
          ),
      ),
    );

    // Everyone votes at once.
    const cpu = () => options.pids.reduce<number | null>((sum, pid) => (sum === null ? null : ((ms) => (ms === null ? null : sum + ms))(processCpuMs(pid))), 0);
    const cpuBefore = cpu();
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const sentAt = new Float64Array(N);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        sentAt[i] = now();
        return options.vote(motionId, i);
      }),
    );
    const finalCast = Math.min(N, Math.max(0, ...results.map((r) => (r.ok ? r.cast : 0))));
    const settleBy = Date.now() + SETTLE_MS;
    while (Date.now() < settleBy && finalCast > 0 && round.arrivals.some((a) => Number.isNaN(a[finalCast]!))) await sleep(10);
    const endUs = Number(process.hrtime.bigint() / 1000n);
    const cpuAfter = cpu();

    const fanout: number[] = [];
    let neverDelivered = 0;
    const refusals = new Map<string, number>();
    results.forEach((r, i) => {
      if (!r.ok) {
        refusals.set(r.refusal, (refusals.get(r.refusal) ?? 0) + 1);
        return;
      }
      const k = Math.min(r.cast, N);
      let last = -Infinity;
      for (const a of round.arrivals) last = Math.max(last, a[k]!);
      if (Number.isNaN(last)) neverDelivered++;
      else fanout.push(last - sentAt[i]!);
    });
    const accepted = results.filter((r) => r.ok).length;
    run = {
      motionId,
      accepted,
      refused: N - accepted,
      refusals,
      latencies: results.filter((r) => r.ok).map((r) => r.latency),
      fanout,
      neverDelivered,
      tallyBytes: round.bytes,
      tallyMessages: round.messages,
      ok: results.map((r) => r.ok),
      cpuPerBallotMs: cpuBefore === null || cpuAfter === null || accepted === 0 ? null : (cpuAfter - cpuBefore) / accepted,
      window: { startUs, endUs },
    };
  }
  disconnectAll();
  return run!;
}

function printFigures(run: Run, label: string) {
  const pad = " ".repeat(label.length + 2);
  console.log(`${pad}vote request latency  p50 ${ms(percentile(run.latencies, 50))}  p95 ${ms(percentile(run.latencies, 95))}  p99 ${ms(percentile(run.latencies, 99))}`);
  console.log(
    `${pad}ballot → every client holds the tally  p50 ${ms(percentile(run.fanout, 50))}  p99 ${ms(percentile(run.fanout, 99))}` +
      (run.neverDelivered ? `  (${run.neverDelivered} ballot(s) never reached every client within ${SETTLE_MS / 1000} s)` : ""),
  );
  if (run.cpuPerBallotMs !== null) console.log(`${pad}server CPU per accepted ballot ${run.cpuPerBallotMs.toFixed(1)} ms (user + system, sending until every client held the last tally)`);
  console.log(`${pad}tally messages received ${run.tallyMessages} (${(run.tallyMessages / N).toFixed(1)} per client, ${run.tallyBytes} bytes each)`);
}

function formatRefusals(refusals: Map<string, number>) {
  if (!refusals.size) return "";
  return ` (${[...refusals].map(([why, count]) => `${count} × ${why}`).join(", ")})`;
}
