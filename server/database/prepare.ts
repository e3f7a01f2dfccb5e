// Brings a database up to date: our schema (prisma migrate deploy) and the job queue's own tables.
import { installJobQueue } from "../jobs/jobs.js";
import { createPgPool } from "../db.js";
import { migrateDatabase } from "./migrate.js";

export async function prepareDatabase(databaseUrl: string): Promise<void> {
  await migrateDatabase(databaseUrl);
  const pool = createPgPool(databaseUrl, { poolSize: 1, applicationName: "jointly-migrate" });
  try {
    await installJobQueue(pool);
  } finally {
    await pool.end();
  }
}
