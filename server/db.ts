// The one Prisma client: SQLite through the better-sqlite3 driver adapter, with WAL, a busy timeout
// and foreign keys on.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.js";
import { serializedAdapterFactory } from "./sqlite-adapter.js";

export type Db = PrismaClient;
/** A transaction client, for helpers that must run inside the caller's transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export async function createDb(databaseUrl: string): Promise<Db> {
  const file = databaseUrl.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = serializedAdapterFactory(new PrismaBetterSQLite3({ url: databaseUrl, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  // Transactions queue behind each other (one connection), so allow them to wait a while for their turn.
  const db = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 15_000 } });
  // WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$executeRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  return db;
}

/** Runs a trivial query; used by /healthz. */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}

/**
 * A second, read-only SQLite connection for the one read every request makes: its session. WAL lets it
 * read the last committed state beside the writer, so a request's session check never waits in the
 * queue that serializes the main connection's transactions (which, under a burst of ballots, kept
 * every request behind every other request's transaction). It sees only committed rows.
 */
export function createSessionLookup(databaseUrl: string) {
  const connection = new Database(path.resolve(databaseUrl.replace(/^file:/, "")), { readonly: true, fileMustExist: true });
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const statement = connection.prepare<[string], { id: string; userId: string; expiresAt: string; absoluteExpiresAt: string; email: string; name: string }>(
    `SELECT s."id", s."userId", s."expiresAt", s."absoluteExpiresAt", u."email", u."name" FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ?`,
  );
  return {
    find(sessionId: string) {
      const row = statement.get(sessionId);
      // Prisma stores DateTime as ISO text in SQLite.
      return row ? { ...row, expiresAt: new Date(row.expiresAt), absoluteExpiresAt: new Date(row.absoluteExpiresAt) } : null;
    },
    close: () => connection.close(),
  };
}

export type SessionLookup = ReturnType<typeof createSessionLookup>;
