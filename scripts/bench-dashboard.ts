// npm run bench:dashboard [-- --requests N] [-- --no-page] [-- --plan]     (default: N = 100 measured requests per target)
//
// The Access & Opportunity dashboard on 50,000 participants and 2,000,000 hour logs:
// - a fresh database (embedded PostgreSQL in a temporary folder, or a new database on DATABASE_URL's
//   server), migrated as production does, loaded by scripts/bench-dashboard-data.ts (SQL
//   generate_series: 50,000 participants and enrollments over five years, 2,000,000 hour logs), ANALYZEd;
// - the app in its own process as production starts it, with the Remix build (`npm run build` first;
//   --no-page measures only the tRPC read, e.g. while the build is older than the code);
// - N sequential requests after five warm-up ones, signed in as the partnership's co-chair: the
//   dashboard page (SSR, GET /p/:id/participants/dashboard) and `participants.dashboard.get` over tRPC.
//   Prints the first (cold) request, p50, p95, p99, max and requests per second (target: the page under
//   500 ms p95, with the verdict), the machine's load before and after, and the query's plan timing
//   (EXPLAIN ANALYZE), which the machine's load moves less than the wall clock.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSessionService } from "../server/auth/sessions.js";
import { loadConfig } from "../server/config.js";
import { prepareDatabase } from "../server/database/prepare.js";
import { createDb } from "../server/db.js";
import { STAGE_QUERY_WORK_MEM, stageCountsSql, TREND_YEARS } from "../server/domains/participants/dashboard.js";
import { loadDashboardBenchData, PARTICIPANTS } from "./bench-dashboard-data.js";
import { Cleanup, cookiePair, freePort, ms, now, openBenchDatabase, percentile, ROOT, sleep, stopProcess } from "./bench-support.js";

const TARGET_P95_MS = 500;
const argRequests = process.argv.indexOf("--requests");
const WARM_UP = 5;
const REQUESTS = argRequests > 0 ? Number(process.argv[argRequests + 1]) : 100;

const cleanup = new Cleanup();

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" / ");

async function main() {
  console.log(`bench:dashboard — ${os.cpus().length} CPUs, load (1/5/15 min) ${load()}`);
  const database = await openBenchDatabase("dashboard");
  cleanup.add("database", () => database.close());
  console.log(`database: ${database.where}`);
  await prepareDatabase(database.url);
  const db = createDb(database.url, { poolSize: 4, applicationName: "jointly-bench" });
  cleanup.add("bench Prisma client", () => db.$disconnect());

  // ─── the data (scripts/bench-dashboard-data.ts) ───────────────────────────
  const loadStarted = now();
  const { partnershipId, coChairUserId, year, firstYear } = await loadDashboardBenchData(db);
  const [counts] = await db.$queryRawUnsafe<Array<{ participants: bigint; enrollments: bigint; logs: bigint }>>(
    `SELECT (SELECT count(*) FROM "Participant") AS participants, (SELECT count(*) FROM "Enrollment") AS enrollments, (SELECT count(*) FROM "HoursLog") AS logs`,
  );
  console.log(`loaded ${counts!.participants} participants, ${counts!.enrollments} enrollments, ${counts!.logs} hour logs in ${((now() - loadStarted) / 1000).toFixed(1)} s`);

  // ─── the app, in its own process ──────────────────────────────────────────
  // The server needs a Remix build to start; --no-page measures only the tRPC read (e.g. with an older build).
  if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) throw new Error("no Remix build: run `npm run build` first");
  const hasBuild = !process.argv.includes("--no-page");
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-bench-dashboard-run-"));
  cleanup.add("run folder", () => fs.rmSync(runDir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, "build"), path.join(runDir, "build"), { recursive: true });
  if (fs.existsSync(path.join(ROOT, "public"))) fs.cpSync(path.join(ROOT, "public"), path.join(runDir, "public"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(runDir, "node_modules"), "dir");
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const origin = `http://localhost:${port}`;
  const logPath = path.join(runDir, "server.log");
  const logFd = fs.openSync(logPath, "a");
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "index.ts")], {
    cwd: runDir,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, SEED_DEMO: "never", PORT: String(port), HOST: "127.0.0.1", APP_ORIGIN: origin, LOG_LEVEL: "warn" },
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  cleanup.add("app process", () => stopProcess(server));
  for (let waited = 0; ; waited += 250) {
    if (server.exitCode !== null) throw new Error(`the app exited while starting:\n${fs.readFileSync(logPath, "utf8").slice(-3000)}`);
    if (await fetch(`${appUrl}/healthz`).then((r) => r.ok).catch(() => false)) break;
    if (waited > 300_000) throw new Error("the app did not start within 5 minutes");
    await sleep(250);
  }
  const sessions = createSessionService({ db, config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "warn" }) });
  const cookie = cookiePair((await sessions.start(coChairUserId)).cookie);

  // ─── measure ──────────────────────────────────────────────────────────────
  const input = encodeURIComponent(JSON.stringify({ json: { partnershipId, year } }));
  const targets = [
    ...(hasBuild ? [{ name: "dashboard page (SSR)", url: `${appUrl}/p/${partnershipId}/participants/dashboard?year=${year}`, accept: "text/html" }] : []),
    { name: "participants.dashboard.get (tRPC)", url: `${appUrl}/api/trpc/participants.dashboard.get?input=${input}`, accept: "application/json" },
  ];
  const loadBefore = load();
  const results = [];
  for (const t of targets) {
    const times: number[] = [];
    let first = NaN;
    let measuredFrom = 0;
    for (let i = 0; i < REQUESTS + WARM_UP; i++) {
      if (i === WARM_UP) measuredFrom = now();
      const started = now();
      const res = await fetch(t.url, { headers: { cookie, accept: t.accept, origin } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${t.name}: HTTP ${res.status}\n${body.slice(0, 500)}`);
      if (t.accept === "text/html" && !body.includes("Access &amp; Opportunity dashboard")) throw new Error(`${t.name}: the page is not the dashboard\n${body.slice(0, 500)}`);
      if (i === 0) first = now() - started;
      if (i >= WARM_UP) times.push(now() - started);
    }
    const seconds = (now() - measuredFrom) / 1000;
    results.push({ ...t, first, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: Math.max(...times), perSecond: times.length / seconds });
  }
  const loadAfter = load();

  // The plan as the app runs it: in a transaction with the dashboard's work_mem.
  const sql = stageCountsSql(partnershipId, firstYear, year, new Date());
  const explain = (options: string) =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('work_mem', ${STAGE_QUERY_WORK_MEM}, true)`;
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": unknown }>>(`EXPLAIN (${options}) ${sql.text}`, ...sql.values);
    });
  const timing = ((await explain("ANALYZE, FORMAT JSON"))[0]!["QUERY PLAN"] as Array<{ "Planning Time": number; "Execution Time": number }>)[0]!;
  if (process.argv.includes("--plan")) console.log((await explain("ANALYZE, BUFFERS")).map((r) => r["QUERY PLAN"]).join("\n"));

  console.log("");
  console.log(`${"target".padEnd(36)} ${"first".padStart(10)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)} ${"req/s".padStart(7)}`);
  for (const r of results) {
    const verdict = r.name.includes("page") ? (r.p95 < TARGET_P95_MS ? `target met (p95 < ${TARGET_P95_MS} ms)` : `target MISSED (p95 ≥ ${TARGET_P95_MS} ms)`) : "";
    console.log(
      `${r.name.padEnd(36)} ${ms(r.first).padStart(10)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)} ${ms(r.p99).padStart(10)} ${ms(r.max).padStart(10)} ${r.perSecond.toFixed(1).padStart(7)}  ${verdict}`,
    );
  }
  if (!hasBuild) console.log("(--no-page: the page itself was not measured)");
  console.log(`the query's plan: planning ${timing["Planning Time"].toFixed(1)} ms, execution ${timing["Execution Time"].toFixed(1)} ms (EXPLAIN ANALYZE, ${PARTICIPANTS.toLocaleString("en-US")} enrollments over ${TREND_YEARS} years)`);
  console.log(`machine: ${os.cpus().length} CPUs; load (1/5/15 min) before ${loadBefore}, after ${loadAfter}; ${REQUESTS} measured requests per target, one at a time`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
