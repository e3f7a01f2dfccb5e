// Runs once per `vitest run`: a PostgreSQL server (the one DATABASE_URL points at, or an embedded one
// started in a folder of this run), a template database migrated the way production is (prisma migrate
// deploy + the job queue's tables), and its name for every test file, which copies it with
// CREATE DATABASE … TEMPLATE (tests/support/test-db.ts). Names carry this run's pid, so two runs at
// once do not collide; everything is dropped at the end.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/database/embedded-postgres.js";
import { prepareDatabase } from "../../server/database/prepare.js";

const RUN_DIR_PREFIX = "vitest-";

declare module "vitest" {
  export interface ProvidedContext {
    /** A connection string to the server's `postgres` database, for CREATE/DROP DATABASE. */
    databaseAdminUrl: string;
    /** The migrated template database that test files copy. */
    templateDatabase: string;
    /** Prefix of the databases this run creates. */
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const root = project.config.root;
  const tmp = path.join(root, "tests", ".tmp");
  removeAbandonedRunDirs(tmp);
  const runDir = path.join(tmp, `${RUN_DIR_PREFIX}${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });

  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedPostgres({ dataDir: path.join(runDir, "postgres") });
  const adminUrl = external ? withDatabase(external, "postgres") : embedded!.urlFor("postgres");
  const prefix = `jointly_test_${process.pid}_`;
  const template = `${prefix}template`;

  await admin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(template)}`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(template)}`);
  });
  await prepareDatabase(withDatabase(adminUrl, template));

  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);

  return async () => {
    await admin(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }).catch(() => {});
    await embedded?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function admin(url: string, work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Folders of earlier runs whose process is gone (killed before its teardown ran). */
function removeAbandonedRunDirs(tmp: string) {
  if (!fs.existsSync(tmp)) return;
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith(RUN_DIR_PREFIX)) continue;
    const pid = Number(entry.slice(RUN_DIR_PREFIX.length));
    if (Number.isInteger(pid) && !isAlive(pid)) fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
