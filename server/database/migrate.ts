// Applies the committed migrations the way production does: `prisma migrate deploy` through the JS
// schema engine (prisma.config.ts). PostgreSQL's advisory lock inside it makes concurrent runs safe.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";

/** The repository root (where prisma/ and node_modules/ are), whatever the process's working directory. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Environment every Prisma CLI run needs here: no engine binaries (docs/decisions/0002). */
export const PRISMA_CLI_ENV = { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

export async function migrateDatabase(databaseUrl: string, cwd = ROOT): Promise<void> {
  await retryFailedMigrations(databaseUrl);
  const prisma = path.join(cwd, "node_modules", ".bin", "prisma");
  try {
    await promisify(execFile)(prisma, ["migrate", "deploy"], { cwd, env: { ...process.env, ...PRISMA_CLI_ENV, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed:\n${stdout ?? ""}\n${stderr ?? ""}`, { cause: error });
  }
}

/** The advisory lock `prisma migrate deploy` holds while it applies migrations. */
const PRISMA_MIGRATE_LOCK = 72707369;

/**
 * A migration that failed is recorded as failed, and `migrate deploy` then refuses every later run
 * (P3009) until it is marked rolled back; `prisma migrate resolve`, which does that, needs the binary
 * schema engine we do not have. Each of our migrations is one script that PostgreSQL runs as one
 * implicit transaction (none has BEGIN/COMMIT or CONCURRENTLY), so a failed one changed nothing: it
 * is marked rolled back here and tried again, mended or not. Under Prisma's own lock, so an attempt
 * still running in another process is never taken for a failed one; its logs say it ended.
 */
async function retryFailedMigrations(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "jointly-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`
      UPDATE "_prisma_migrations" SET "rolled_back_at" = now()
       WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL AND "logs" IS NOT NULL`);
  } catch (error) {
    // A new database has no history table yet: nothing failed.
    if ((error as { code?: string }).code !== "42P01") throw error;
  } finally {
    await client.end();
  }
}
