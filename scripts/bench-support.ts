// Shared pieces of the benchmarks (`npm run bench:*`): a fresh database that is removed at the end
// (an embedded PostgreSQL in a temporary folder, or, when DATABASE_URL is set, a new database on that
// server made by scripts/create-database.ts and dropped after), child processes that are always
// stopped, a cleanup stack that also runs on Ctrl-C, tRPC calls over real HTTP, and percentiles.
import { execFile, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import superjson from "superjson";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../server/database/embedded-postgres.js";

export { freePort };

/** The repository root, whatever the working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile (p in 0–100); NaN for no values. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "n/a");
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);

/** Runs `work` over `items` with at most `limit` at a time; results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

// ─── cleanup ────────────────────────────────────────────────────────────────

/**
 * Undo steps, run last-in first-out by `run()` (call it in a `finally`) or on SIGINT/SIGTERM, each at
 * most once; a failing step is reported and the others still run.
 */
export class Cleanup {
  private steps: Array<{ label: string; undo: () => Promise<void> | void }> = [];
  private running: Promise<void> | null = null;

  constructor() {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up…`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(label: string, undo: () => Promise<void> | void) {
    this.steps.push({ label, undo });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length) {
        const { label, undo } = this.steps.pop()!;
        try {
          await undo();
        } catch (error) {
          console.error(`cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}

// ─── a fresh database ───────────────────────────────────────────────────────

export type BenchDatabase = { url: string; where: string; close: () => Promise<void> };

/**
 * A new, empty database for one benchmark run. With DATABASE_URL set: `jointly_bench_<tag>_<pid>` on
 * that server (scripts/create-database.ts), dropped by close(). Otherwise: an embedded PostgreSQL in a
 * new temporary folder, stopped and removed by close(). Migrations are the caller's (prepareDatabase,
 * or the server's own MIGRATE_ON_START).
 */
export async function openBenchDatabase(tag: string): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `jointly_bench_${tag}_${process.pid}`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "create-database.ts"), name], {
      cwd: ROOT,
      env: process.env,
    });
    return {
      url: stdout.trim(),
      where: `database ${name} on the DATABASE_URL server`,
      close: () => dropDatabase(external, name),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jointly-bench-${tag}-`));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  fs.chmodSync(dir, 0o755);
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres") });
    await ensureDatabase(server.urlFor(), "jointly_bench");
    return {
      url: server.urlFor("jointly_bench"),
      where: `embedded PostgreSQL in ${dir}`,
      close: async () => {
        try {
          await server.stop();
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function dropDatabase(serverUrl: string, name: string) {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// ─── child processes ────────────────────────────────────────────────────────

/**
 * Forks a TypeScript script (through tsx as a loader, so one process) and waits for its "ready" IPC
 * message. Rejects if it exits or stays silent for `timeoutMs`.
 */
export async function startScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; timeoutMs?: number; cwd?: string } = {},
): Promise<ChildProcess> {
  const child = fork(path.resolve(ROOT, script), args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    execArgv: ["--import", "tsx", ...(options.execArgv ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`${script} was not ready within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
    const onMessage = (message: unknown) => {
      if (message === "ready" || (typeof message === "object" && message !== null && "ready" in message)) done();
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`${script} exited (${signal ?? code}) before it was ready`));
    function done(error?: Error) {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error) {
        child.kill("SIGKILL");
        reject(error);
      } else resolve();
    }
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ─── tRPC over HTTP ─────────────────────────────────────────────────────────

export type TrpcOutcome<T = unknown> =
  | { ok: true; data: T; status: number; latency: number }
  | { ok: false; code: string; message: string; status: number; latency: number };

/**
 * One tRPC call as the browser's client makes it (no batching): a mutation is a POST of the superjson
 * input with the session cookie and the app's Origin; a query is a GET with `?input=`.
 */
export async function trpc<T = unknown>(
  baseUrl: string,
  procedure: string,
  input: unknown,
  { cookie, origin, kind = "mutation" }: { cookie: string; origin: string; kind?: "mutation" | "query" },
): Promise<TrpcOutcome<T>> {
  const started = now();
  const encoded = JSON.stringify(superjson.serialize(input));
  let res: Response;
  try {
    res =
      kind === "query"
        ? await fetch(`${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(encoded)}`, { headers: { cookie, origin } })
        : await fetch(`${baseUrl}/api/trpc/${procedure}`, {
            method: "POST",
            headers: { "content-type": "application/json", origin, cookie },
            body: encoded,
          });
  } catch (error) {
    return { ok: false, code: "NETWORK", message: error instanceof Error ? error.message : String(error), status: 0, latency: now() - started };
  }
  const text = await res.text();
  const latency = now() - started;
  let body: { result?: { data: { json: unknown; meta?: unknown } }; error?: { json: { message: string; data?: { code?: string } } } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { ok: false, code: `HTTP_${res.status}`, message: text.slice(0, 200), status: res.status, latency };
  }
  if (res.ok && body.result) {
    const data = superjson.deserialize(body.result.data as Parameters<typeof superjson.deserialize>[0]) as T;
    return { ok: true, data, status: res.status, latency };
  }
  return {
    ok: false,
    code: body.error?.json.data?.code ?? `HTTP_${res.status}`,
    message: body.error?.json.message ?? text.slice(0, 200),
    status: res.status,
    latency,
  };
}

/** The same, throwing on failure (set-up steps). */
export async function trpcOrThrow<T = unknown>(baseUrl: string, procedure: string, input: unknown, auth: { cookie: string; origin: string; kind?: "mutation" | "query" }): Promise<T> {
  const outcome = await trpc<T>(baseUrl, procedure, input, auth);
  if (!outcome.ok) throw new Error(`${procedure}: ${outcome.status} ${outcome.code} ${outcome.message}`);
  return outcome.data;
}

/** `name=value` of a Set-Cookie string (what a browser sends back). */
export const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** A CPU-profile flag set for child processes when BENCH_CPU_PROF=dir is set. */
export function cpuProfileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  fs.mkdirSync(dir, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${path.resolve(dir)}`];
}

/** A process's CPU time so far (user + system, from /proc), in ms; null where /proc is not readable. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
