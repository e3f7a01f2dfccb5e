// Migrations that change rows already written: a database that holds data before a migration must
// come out of `prisma migrate deploy` (server/database/migrate.ts, as production runs it) with that
// data kept and its rules still on. Each test migrates an empty database up to just before the
// migration under test, writes rows the way the app of that time would have, then deploys the rest.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../server/database/migrate.js";
import { createEmptyDatabase, withClient, type TestDatabase } from "../support/test-db.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * An empty database migrated with the committed migrations that sort before `migration`, and the
 * project folder that did it (its own prisma/migrations, for a test to add a migration to).
 */
async function databaseBefore(migration: string): Promise<{ database: TestDatabase; project: string }> {
  const all = fs.readdirSync(MIGRATIONS).filter((name) => fs.statSync(path.join(MIGRATIONS, name)).isDirectory()).sort();
  expect(all).toContain(migration);
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-migrations-"));
  cleanups.push(() => fs.rmSync(project, { recursive: true, force: true }));
  fs.mkdirSync(path.join(project, "prisma", "migrations"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "prisma.config.ts"), path.join(project, "prisma.config.ts"));
  fs.copyFileSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(project, "prisma", "schema.prisma"));
  fs.copyFileSync(path.join(MIGRATIONS, "migration_lock.toml"), path.join(project, "prisma", "migrations", "migration_lock.toml"));
  for (const name of all.filter((name) => name < migration)) fs.cpSync(path.join(MIGRATIONS, name), path.join(project, "prisma", "migrations", name), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");

  const database = await createEmptyDatabase();
  cleanups.push(() => database.remove());
  await migrateDatabase(database.url, project);
  return { database, project };
}

/** Adds a committed migration to the project folder, its SQL changed by `edit`. */
function addMigration(project: string, migration: string, edit: (sql: string) => string) {
  const sql = fs.readFileSync(path.join(MIGRATIONS, migration, "migration.sql"), "utf8");
  fs.mkdirSync(path.join(project, "prisma", "migrations", migration));
  fs.writeFileSync(path.join(project, "prisma", "migrations", migration, "migration.sql"), edit(sql));
}

describe("migrations keep the rows already written", { timeout: 120_000 }, () => {
  it("motion_event_order numbers a motion's existing events by time, then id, after a failed first attempt, and the log stays append-only", async () => {
    const { database, project } = await databaseBefore("20261202141856_motion_event_order");
    // A motion of a partnership, and its events written out of order (the later one first), two of
    // them in the same millisecond.
    await withClient(database.url, (client) =>
      client.query(`
        INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'ann@example.org', 'Ann', 'x');
        INSERT INTO "Partnership" ("id", "name", "sector", "createdById", "updatedAt") VALUES ('p1', 'Partnership', 'MANUFACTURING', 'u1', now());
        INSERT INTO "Organization" ("id", "partnershipId", "name", "type", "side") VALUES ('o1', 'p1', 'Local 1', 'UNION', 'LABOR');
        INSERT INTO "Membership" ("id", "partnershipId", "userId", "organizationId") VALUES ('ms1', 'p1', 'u1', 'o1');
        INSERT INTO "Body" ("id", "partnershipId", "kind", "name") VALUES ('b1', 'p1', 'PARTNERSHIP', 'Board');
        INSERT INTO "Motion" ("id", "partnershipId", "bodyId", "text", "movedByMembershipId", "ballotKind", "rule", "updatedAt")
          VALUES ('m1', 'p1', 'b1', 'Adopt the plan', 'ms1', 'ROLL_CALL', 'SIMPLE_MAJORITY', now());
        INSERT INTO "MotionEvent" ("id", "motionId", "kind", "data", "createdAt") VALUES
          ('e3', 'm1', 'closed', '{}', '2026-11-30T10:00:02Z'),
          ('e1', 'm1', 'opened', '{}', '2026-11-30T10:00:00Z'),
          ('e2b', 'm1', 'ballot', '{}', '2026-11-30T10:00:01Z'),
          ('e2a', 'm1', 'ballot', '{}', '2026-11-30T10:00:01Z');`),
    );

    // As first committed, without turning the append-only trigger off: it fails, changes nothing, and
    // is recorded as failed. The mended one is then tried at the next start.
    addMigration(project, "20261202141856_motion_event_order", (sql) => sql.replace(/^ALTER TABLE "MotionEvent" (DISABLE|ENABLE) TRIGGER .*$/gm, ""));
    await expect(migrateDatabase(database.url, project)).rejects.toThrow(/MotionEvent is append-only/);
    await migrateDatabase(database.url);

    await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ id: string; seq: string }>(`SELECT "id", "seq" FROM "MotionEvent" ORDER BY "seq"`);
      expect(rows.map((row) => row.id)).toEqual(["e1", "e2a", "e2b", "e3"]);
      // A new event comes after every old one.
      const { rows: next } = await client.query<{ seq: string }>(
        `INSERT INTO "MotionEvent" ("id", "motionId", "kind", "data") VALUES ('e4', 'm1', 'result', '{}') RETURNING "seq"`,
      );
      expect(Number(next[0]!.seq)).toBeGreaterThan(Number(rows.at(-1)!.seq));
      await expect(client.query(`UPDATE "MotionEvent" SET "kind" = 'opened' WHERE "id" = 'e3'`)).rejects.toThrow(/append-only/);
    });
  });
});
