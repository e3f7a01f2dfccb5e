// npm run bench:reads [-- --seconds S]        (default: S = 15 seconds per run)
//
// Reads under load, on the real app as production runs it:
// - needs the Remix build (build/index.js; run `npm run build` first: this script does not build);
// - a fresh database (embedded PostgreSQL in a temporary folder, or a new database on DATABASE_URL's
//   server); the app starts in its own process (`node --import tsx server/index.ts`, NODE_ENV=production,
//   SEED_DEMO=if-empty, PASSWORD_HASH_COST=10), migrates and seeds the demo;
// - 70 users join the demo partnership with seats on its JATC committee (factories, through this
//   process's Prisma client), each with a real session: 50 readers and 20 writers. The writers also sit
//   on the body that owns the IMT curriculum draft (commenting needs a seat there). Minutes may be
//   written only by a meeting's co-chairs or note-taker, so each writer saves minutes with a session
//   of its own of one of the JATC's two co-chairs (alternating);
// - a LIVE JATC meeting for the writers: created, one item accepted and the meeting started through
//   the real tRPC endpoints, before phase A, so both phases read the same data.
// Runs (autocannon, 50 connections, each connection signed in as a different reader):
// - ceiling: a bare Express server in its own process, GET /hello (scripts/bench-hello-server.ts);
// - floors, in phase A: the app's cheapest SSR page (the sign-in page, signed out: no query) and its
//   cheapest signed-in tRPC call (identity.me: the session check only). What a floor serves is the
//   most any page or call of its kind can serve through this stack on this machine;
// - phase A, reads only: the partnership overview (SSR), the JATC's next meeting (SSR) and
//   `partnerships.partnership.get` over tRPC, S seconds each;
// - phase B, the same three while 20 writers, each in its own loop as fast as it can, alternate adding
//   a comment to the IMT draft (`drafts.comment.add`) and saving the minutes of the live meeting's item
//   (`meetings.meeting.get` for the item's current revision, then `meetings.minutes.save`; a CONFLICT
//   from a concurrent save is a refusal, not an error).
// Each target gets a short unmeasured warm-up first. Prints a table (req/s, % of bare Express, p50,
// p99, errors) with the targets, MISSED beside a missed one; exits 0 all the same (a measurement).
// BENCH_CPU_PROF=dir writes a CPU profile of the app's process into dir.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createSessionService } from "../server/auth/sessions.js";
import { loadConfig } from "../server/config.js";
import { createDb } from "../server/db.js";
import { DEMO_PARTNERSHIP } from "../server/fixtures/demo.js";
import { addMember, createAgendaItem, createMeeting, createUser, seatOnBody } from "../server/fixtures/factories.js";
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
  ROOT,
  sleep,
  startScript,
  stopProcess,
  trpc,
  trpcOrThrow,
} from "./bench-support.js";

const READERS = 50;
const WRITERS = 20;
const CONNECTIONS = 50;
const JATC_NAME = "Joint Apprenticeship and Training Committee";
const IMT_DRAFT_TITLE = "Industrial Manufacturing Technician";
const TARGETS = { ssrShare: 0.05, trpcShare: 0.1, readP99UnderWrites: 250, writeP99: 500 };

// ─── arguments ──────────────────────────────────────────────────────────────
function parseSeconds(argv: string[]): number {
  let seconds = Number(process.env.SECONDS_PER_RUN ?? 15);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--seconds" || arg === "-s") seconds = Number(argv[++i]);
    else if (arg.startsWith("--seconds=")) seconds = Number(arg.slice("--seconds=".length));
    else {
      console.error(`unknown argument ${arg}\nusage: npm run bench:reads -- [--seconds S]`);
      process.exit(2);
    }
  }
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 600) {
    console.error("S must be a number of seconds from 1 to 600");
    process.exit(2);
  }
  return seconds;
}
const S = parseSeconds(process.argv.slice(2));
const WARM_UP_SECONDS = Math.max(1, Math.min(3, Math.round(S / 5)));

if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
  console.error("run npm run build first");
  process.exit(2);
}

/** A floor is the app's cheapest page or call of its kind: no target, the most a target could reach. */
type ReadTarget = { key: string; label: string; kind: "ssr" | "trpc"; path: string; accept: string; floor?: boolean; signedOut?: boolean };
type ReadRow = { target: ReadTarget; phase: "A" | "B"; result: autocannon.Result; cpuMs: number | null };
type WriteKind = "comment" | "minutes" | "revision read";
type WriteSample = { kind: WriteKind; latency: number; outcome: "ok" | "refused" | "error"; code?: string };

const cleanup = new Cleanup();
let exitCode = 0;
try {
  const setupStarted = now();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const database = await openBenchDatabase("reads");
  cleanup.add("database", () => database.close());

  // The app serves a copy of build/ and public/, so a rebuild during the run cannot change what it serves.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-bench-reads-run-"));
  cleanup.add("run folder", () => fs.rmSync(runDir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, "build"), path.join(runDir, "build"), { recursive: true });
  if (fs.existsSync(path.join(ROOT, "public"))) fs.cpSync(path.join(ROOT, "public"), path.join(runDir, "public"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(runDir, "node_modules"), "dir");

  // ─── the real app, in its own process, as production starts it ────────────
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const origin = `http://localhost:${appPort}`;
  const logPath = path.join(runDir, "server.log");
  const logFd = fs.openSync(logPath, "a");
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...cpuProfileArgs(), path.join(ROOT, "server", "index.ts")], {
    cwd: runDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      SEED_DEMO: "if-empty",
      PASSWORD_HASH_COST: "10",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      APP_ORIGIN: origin,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  cleanup.add("app process", async () => {
    await stopProcess(server);
    reportServerLog(logPath);
  });
  await waitForHealth(appUrl, server, 300_000, logPath);
  // The app's CPU time (user + system, from /proc) and the wall-clock window of each measured run:
  // CPU per answered request says what a request costs whatever else the machine is doing, and the
  // windows (CLOCK_MONOTONIC µs, the clock of V8's CPU profiles) let a profile be cut per run.
  const windows: { label: string; startUs: number; endUs: number; answered: number; cpuMs: number | null }[] = [];
  const measure = async (label: string, run: () => Promise<autocannon.Result>) => {
    const cpuBefore = processCpuMs(server.pid);
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const result = await run();
    await waitUntilIdle(appUrl);
    const endUs = Number(process.hrtime.bigint() / 1000n);
    const cpuAfter = processCpuMs(server.pid);
    const cpuMs = cpuBefore === null || cpuAfter === null || answered(result) === 0 ? null : (cpuAfter - cpuBefore) / answered(result);
    windows.push({ label, startUs, endUs, answered: answered(result), cpuMs });
    if (process.env.BENCH_CPU_PROF) fs.writeFileSync(path.join(process.env.BENCH_CPU_PROF, "runs.json"), JSON.stringify(windows, null, 2));
    return { result, cpuMs };
  };

  // ─── people: 50 readers and 20 writers on the demo's JATC ─────────────────
  const db = createDb(database.url, { poolSize: 4, applicationName: "jointly-bench" });
  cleanup.add("bench Prisma client", () => db.$disconnect());
  const partnership = await db.partnership.findFirstOrThrow({ where: { name: DEMO_PARTNERSHIP }, select: { id: true } });
  const jatc = await db.body.findFirstOrThrow({ where: { partnershipId: partnership.id, name: JATC_NAME }, select: { id: true } });
  const laborOrg = await db.organization.findFirstOrThrow({ where: { partnershipId: partnership.id, side: "LABOR" }, orderBy: { name: "asc" } });
  const managementOrg = await db.organization.findFirstOrThrow({ where: { partnershipId: partnership.id, side: "MANAGEMENT" }, orderBy: { name: "asc" } });
  const draft = await db.draft.findFirstOrThrow({ where: { partnershipId: partnership.id, title: { startsWith: IMT_DRAFT_TITLE }, status: { in: ["DRAFTING", "IN_REVIEW", "SIGNED_OFF"] } }, select: { id: true, bodyId: true } });
  const nextMeeting = await db.meeting.findFirstOrThrow({
    where: { bodyId: jatc.id, status: "SCHEDULED", startsAt: { gt: new Date() } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  const coChairs = await db.bodySeat.findMany({
    where: { bodyId: jatc.id, role: "CO_CHAIR" },
    orderBy: { coChairSide: "asc" },
    select: { membership: { select: { userId: true } } },
  });
  if (coChairs.length === 0) throw new Error("the demo's JATC has no co-chair");

  const sessions = createSessionService({ db, config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "warn" }) });
  const people = await mapLimit(Array.from({ length: READERS + WRITERS }, (_, i) => i), 8, async (i) => {
    const writer = i >= READERS;
    const user = await createUser(db, { name: `${writer ? "Writer" : "Reader"} ${i + 1}`, hashCost: 10 });
    const membership = await addMember(db, { partnershipId: partnership.id, organizationId: i % 2 ? laborOrg.id : managementOrg.id, role: "MEMBER", userId: user.id });
    await seatOnBody(db, { bodyId: jatc.id, membershipId: membership.id, role: "MEMBER" });
    if (writer && draft.bodyId !== jatc.id) await seatOnBody(db, { bodyId: draft.bodyId, membershipId: membership.id, role: "MEMBER" });
    return { userId: user.id, cookie: cookiePair((await sessions.start(user.id)).cookie) };
  });
  const readerCookies = people.slice(0, READERS).map((p) => p.cookie);
  const writerCookies = people.slice(READERS).map((p) => p.cookie);
  const minutesCookies = await mapLimit(Array.from({ length: WRITERS }, (_, w) => w), 4, async (w) =>
    cookiePair((await sessions.start(coChairs[w % coChairs.length]!.membership.userId)).cookie),
  );

  // ─── a live JATC meeting with one accepted item, through the real endpoints ───
  const chairAuth = { cookie: minutesCookies[0]!, origin };
  const liveMeeting = await createMeeting(db, { bodyId: jatc.id, createdById: coChairs[0]!.membership.userId, title: "JATC special meeting (benchmark)", startsAt: new Date() });
  const item = await createAgendaItem(db, { meetingId: liveMeeting.id, proposedById: people[READERS]!.userId, title: "Minutes under load", status: "PROPOSED" });
  await trpcOrThrow(appUrl, "meetings.agenda.accept", { itemId: item.id }, chairAuth);
  await trpcOrThrow(appUrl, "meetings.meeting.start", { meetingId: liveMeeting.id }, chairAuth);
  console.error(`set-up: app ready, demo seeded, ${READERS} readers and ${WRITERS} writers on ${database.where} in ${((now() - setupStarted) / 1000).toFixed(1)} s`);

  // ─── what is read ─────────────────────────────────────────────────────────
  const html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  const targets: ReadTarget[] = [
    { key: "overview", label: "overview page (SSR)", kind: "ssr", path: `/p/${partnership.id}`, accept: html },
    { key: "meeting", label: "meeting page (SSR)", kind: "ssr", path: `/p/${partnership.id}/meetings/${nextMeeting.id}`, accept: html },
    {
      key: "trpc",
      label: "partnership.get (tRPC)",
      kind: "trpc",
      path: `/api/trpc/partnerships.partnership.get?input=${encodeURIComponent(JSON.stringify({ json: { partnershipId: partnership.id } }))}`,
      accept: "*/*",
    },
  ];
  // The same app's floors, read in phase A only: the sign-in page, signed out (SSR through the whole
  // stack with no query), and `identity.me` (tRPC with the session check and nothing else).
  const floors: ReadTarget[] = [
    { key: "signin", label: "sign-in page (SSR floor)", kind: "ssr", path: "/signin", accept: html, floor: true, signedOut: true },
    { key: "me", label: "identity.me (tRPC floor)", kind: "trpc", path: "/api/trpc/identity.me", accept: "*/*", floor: true },
  ];
  // Each must answer 200 (to a signed-in reader, or to nobody) before it is worth measuring.
  for (const t of [...floors, ...targets]) {
    let took = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = now();
      const res = await fetch(`${appUrl}${t.path}`, { headers: { cookie: t.signedOut ? "" : readerCookies[i]!, accept: t.accept }, redirect: "manual" });
      const body = await res.text();
      took = now() - started;
      bytes = body.length;
      if (res.status !== 200) throw new Error(`${t.label} GET ${t.path} answered ${res.status}: ${body.slice(0, 300)}`);
    }
    console.error(`checked: ${t.label} answers 200 (${bytes} bytes uncompressed, ${ms(took)} alone)`);
  }

  // ─── the ceiling: a bare Express JSON response ────────────────────────────
  const helloPort = await freePort();
  const hello = await startScript("scripts/bench-hello-server.ts", [String(helloPort)]);
  cleanup.add("hello server", () => stopProcess(hello));
  const helloUrl = `http://127.0.0.1:${helloPort}/hello`;
  await load(helloUrl, "*/*", readerCookies, WARM_UP_SECONDS);
  const bare = await load(helloUrl, "*/*", readerCookies, S);
  await stopProcess(hello);
  console.error(`ran: bare Express ${Math.round(bare.requests.average)} req/s`);

  // ─── phase A: reads only ──────────────────────────────────────────────────
  const rows: ReadRow[] = [];
  for (const t of [...floors, ...targets]) {
    const cookies = t.signedOut ? [""] : readerCookies;
    await load(`${appUrl}${t.path}`, t.accept, cookies, WARM_UP_SECONDS);
    await waitUntilIdle(appUrl);
    const measured = await measure(`A ${t.label}`, () => load(`${appUrl}${t.path}`, t.accept, cookies, S));
    const result = measured.result;
    rows.push({ target: t, phase: "A", result, cpuMs: measured.cpuMs });
    console.error(`ran: A ${t.label} ${Math.round(result.requests.average)} req/s`);
  }

  // ─── phase B: the same reads while 20 writers write ───────────────────────
  const samples: WriteSample[] = [];
  let writing = true;
  let commentSeq = 0;
  const writersStarted = now();
  const writerLoops = Array.from({ length: WRITERS }, async (_, w) => {
    const commenter = { cookie: writerCookies[w]!, origin };
    const minutesWriter = { cookie: minutesCookies[w]!, origin };
    // Half the writers start with a comment, half with the minutes.
    for (let turn = w % 2; writing; turn++) {
      if (turn % 2 === 0) {
        const outcome = await trpc(appUrl, "drafts.comment.add", { draftId: draft.id, body: `Benchmark comment ${++commentSeq} from writer ${w + 1}: the safety module needs two more hours of lab time.` }, commenter);
        samples.push(sample("comment", outcome));
      } else {
        const read = await trpc<unknown>(appUrl, "meetings.meeting.get", { meetingId: liveMeeting.id }, { ...minutesWriter, kind: "query" });
        samples.push(sample("revision read", read));
        const baseRevision = read.ok ? revisionOf(read.data, item.id) : null;
        if (baseRevision === null) {
          if (read.ok) samples.push({ kind: "minutes", latency: 0, outcome: "error", code: "NO_REVISION_IN_MEETING_VIEW" });
          continue;
        }
        const saved = await trpc(appUrl, "meetings.minutes.save", { itemId: item.id, baseRevision, text: `Minutes revision ${baseRevision + 1} by writer ${w + 1}: the committee discussed lab hours.` }, minutesWriter);
        samples.push(sample("minutes", saved));
      }
    }
  });
  for (const t of targets) {
    await load(`${appUrl}${t.path}`, t.accept, readerCookies, WARM_UP_SECONDS);
    await waitUntilIdle(appUrl);
    const measured = await measure(`B ${t.label}`, () => load(`${appUrl}${t.path}`, t.accept, readerCookies, S));
    const result = measured.result;
    rows.push({ target: t, phase: "B", result, cpuMs: measured.cpuMs });
    console.error(`ran: B ${t.label} ${Math.round(result.requests.average)} req/s`);
  }
  writing = false;
  await Promise.all(writerLoops);
  const writeSeconds = (now() - writersStarted) / 1000;

  // ─── report ───────────────────────────────────────────────────────────────
  const bareRate = bare.requests.average;
  const errorsOf = (r: autocannon.Result) => r.non2xx + r.errors;
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log(`\nReads benchmark: ${CONNECTIONS} connections, each signed in as a different reader; ${S} s per run (after ${WARM_UP_SECONDS} s of warm-up)`);
  console.log(`  app: one process, node --import tsx server/index.ts, NODE_ENV=production, demo seed; ${database.where}`);
  console.log(`  machine: ${os.cpus().length} cores; load average ${loadAtStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end (1 / 5 / 15 min)`);
  console.log(`  CPU/req: the app process's CPU time (user + system) during the run and until it is idle again, per answered request`);
  console.log(`  ceiling: bare Express GET /hello in its own process: ${Math.round(bareRate)} req/s, p50 ${ms(bare.latency.p50)}, p99 ${ms(bare.latency.p99)}, errors ${errorsOf(bare)}`);
  console.log(`  floors: the app's cheapest page (sign-in, signed out: no query) and call (identity.me: the session check only), through the same stack;`);
  console.log(`          no page or call of their kind can do better here, so a target above its floor cannot be met by this stack on this machine`);
  console.log("");
  const header = ["target", "phase", "req/s", "% bare", "p50", "p99", "CPU/req", "errors", "targets"];
  const table: string[][] = [header];
  for (const { target, phase, result, cpuMs } of rows) {
    const share = bareRate > 0 ? result.requests.average / bareRate : NaN;
    const minShare = target.kind === "ssr" ? TARGETS.ssrShare : TARGETS.trpcShare;
    const checks = target.floor
      ? [`floor: the target (≥ ${minShare * 100}%) is ${share >= minShare ? "below" : "ABOVE"} it`]
      : [`≥ ${minShare * 100}% of bare ${verdict(share >= minShare)}`];
    // No answer at all is no evidence of a good p99 (autocannon reports 0 then).
    if (phase === "B") checks.push(`p99 < ${TARGETS.readP99UnderWrites} ms ${verdict(result["2xx"] > 0 && result.latency.p99 < TARGETS.readP99UnderWrites)}`);
    if (!target.floor) checks.push(`0 errors ${verdict(errorsOf(result) === 0)}`);
    table.push([
      target.label,
      phase === "A" ? "A reads" : "B + writers",
      String(Math.round(result.requests.average)),
      `${(share * 100).toFixed(1)}%`,
      ms(result.latency.p50),
      ms(result.latency.p99),
      cpuMs === null ? "?" : ms(cpuMs),
      errorDetail(result),
      checks.join(", "),
    ]);
  }
  printTable(table);
  const tooShort = rows.filter((r) => answered(r.result) < CONNECTIONS);
  if (tooShort.length) {
    console.log(`  note: ${tooShort.length} run(s) got fewer answers than there are connections: a request took about as long as the run, so its figures say little; use more --seconds`);
  }

  const writes = samples.filter((s) => s.kind !== "revision read");
  const done = writes.filter((s) => s.outcome !== "error");
  const accepted = writes.filter((s) => s.outcome === "ok").length;
  const refused = writes.filter((s) => s.outcome === "refused").length;
  const writeErrors = samples.filter((s) => s.outcome === "error");
  const writeP99 = percentile(done.map((s) => s.latency), 99);
  console.log("");
  console.log(`  writers (phase B, ${WRITERS} loops, ${writeSeconds.toFixed(1)} s):`);
  console.log(
    `    writes ${(done.length / writeSeconds).toFixed(1)}/s (${accepted} accepted, ${refused} refused as CONFLICT), ` +
      `p50 ${ms(percentile(done.map((s) => s.latency), 50))}, p99 ${ms(writeP99)}  (target p99 < ${TARGETS.writeP99} ms ${verdict(writeP99 < TARGETS.writeP99)})`,
  );
  for (const kind of ["comment", "minutes", "revision read"] as const) {
    const of = samples.filter((s) => s.kind === kind && s.outcome !== "error");
    const label = kind === "comment" ? "drafts.comment.add" : kind === "minutes" ? "meetings.minutes.save" : "meetings.meeting.get (revision, before each save)";
    console.log(`      ${label.padEnd(50)} ${String(of.length).padStart(6)}  p50 ${ms(percentile(of.map((s) => s.latency), 50))}  p99 ${ms(percentile(of.map((s) => s.latency), 99))}`);
  }
  const errorCodes = new Map<string, number>();
  for (const e of writeErrors) errorCodes.set(`${e.kind} ${e.code}`, (errorCodes.get(`${e.kind} ${e.code}`) ?? 0) + 1);
  console.log(`    errors ${writeErrors.length}${errorCodes.size ? ` (${[...errorCodes].map(([k, n]) => `${n} × ${k}`).join(", ")})` : ""}  (target 0 ${verdict(writeErrors.length === 0)})`);
  const readErrors = rows.reduce((sum, r) => sum + errorsOf(r.result), 0);
  console.log(`  errors overall: ${readErrors} on reads, ${writeErrors.length} on writes  (target 0 ${verdict(readErrors + writeErrors.length === 0)})`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanup.run();
}
process.exit(exitCode);

// ─── helpers ────────────────────────────────────────────────────────────────

/** One autocannon run: 50 connections, each with its own reader's cookie. */
function load(url: string, accept: string, cookies: string[], seconds: number): Promise<autocannon.Result> {
  const headers = { accept, "accept-encoding": "gzip, deflate, br", "user-agent": "jointly-bench" };
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    setupClient: (client) => client.setHeaders({ ...headers, cookie: cookies[next++ % cookies.length]! }),
  });
}

function sample(kind: WriteKind, outcome: Awaited<ReturnType<typeof trpc>>): WriteSample {
  if (outcome.ok) return { kind, latency: outcome.latency, outcome: "ok" };
  if (outcome.code === "CONFLICT") return { kind, latency: outcome.latency, outcome: "refused", code: outcome.code };
  return { kind, latency: outcome.latency, outcome: "error", code: `${outcome.status} ${outcome.code}` };
}

/** The item's `minutesRevision`, wherever the meeting view keeps its items. */
function revisionOf(view: unknown, itemId: string): number | null {
  if (Array.isArray(view)) {
    for (const v of view) {
      const found = revisionOf(v, itemId);
      if (found !== null) return found;
    }
    return null;
  }
  if (view && typeof view === "object") {
    const o = view as Record<string, unknown>;
    if (o.id === itemId && typeof o.minutesRevision === "number") return o.minutesRevision;
    for (const v of Object.values(o)) {
      const found = revisionOf(v, itemId);
      if (found !== null) return found;
    }
  }
  return null;
}

function errorDetail(r: autocannon.Result): string {
  const total = r.non2xx + r.errors;
  if (!total) return "0";
  const parts = [];
  if (r.non2xx) parts.push(`${r.non2xx} non-2xx`);
  if (r.timeouts) parts.push(`${r.timeouts} timeouts`);
  if (r.errors - r.timeouts) parts.push(`${r.errors - r.timeouts} conn. errors`);
  return `${total} (${parts.join(", ")})`;
}

/** A process's CPU time so far (user + system, ms) from /proc, or null where there is no /proc. */

/** Answers received in the run (any status). */
function answered(r: autocannon.Result): number {
  return r["1xx"] + r["2xx"] + r["3xx"] + r["4xx"] + r["5xx"];
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const right = new Set([2, 3, 4, 5, 6]);
  for (const r of rows) console.log(`  ${r.map((cell, c) => (c === r.length - 1 ? cell : right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ")}`);
}

/**
 * A run ends with requests still in the app (autocannon drops their connections; the app finishes
 * them anyway): wait until a health check answers quickly, so a run does not pay for the last one.
 */
async function waitUntilIdle(baseUrl: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const started = now();
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      await res.text();
      if (res.ok && now() - started < 100) return;
    } catch {
      // answered nothing: still busy
    }
    await sleep(200);
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number, logPath: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the app exited (${child.signalCode ?? child.exitCode}) while starting:\n${tail(logPath, 30)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the app was not ready within ${timeoutMs / 1000} s:\n${tail(logPath, 30)}`);
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Warnings and errors the app logged during the run (LOG_LEVEL=warn), before its folder is removed. */
function reportServerLog(logPath: string) {
  const lines = tail(logPath, 100_000).split("\n").filter((l) => l.trim() && l !== "(no log)");
  const errors = lines.filter((l) => /"level":(50|60)/.test(l));
  const warnings = lines.filter((l) => /"level":40/.test(l));
  if (!lines.length) return;
  console.log(`  the app logged ${errors.length} error(s), ${warnings.length} warning(s), ${lines.length - errors.length - warnings.length} other line(s)`);
  if (!errors.length && lines.length === warnings.length) return;
  // Kept (the run folder is removed): the errors are what to look at first.
  const kept = path.join(os.tmpdir(), `jointly-bench-reads-${process.pid}.log`);
  fs.copyFileSync(logPath, kept);
  console.log(`  its log is kept in ${kept}; the first error:`);
  const first = lines.findIndex((l) => /"level":(50|60)/.test(l));
  for (const l of lines.slice(Math.max(0, first), Math.max(0, first) + 8)) console.log(`    ${l.slice(0, 600)}`);
}
