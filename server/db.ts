// The one Prisma client, on PostgreSQL through the pg driver adapter (no engine binaries: decision
// 0002). Queries and transactions run side by side on a pool of connections, so every rule that must
// hold under concurrency is a constraint, a conditional write or a row lock (decision 0007).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { installPlanCache } from "./database/plan-cache.js";
import { PrismaClient } from "./generated/prisma/client.js";

export type Db = PrismaClient;
/** A transaction client, for helpers that must run inside the caller's transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export type DatabaseOptions = { poolSize?: number; applicationName?: string };

export function createDb(databaseUrl: string, options: DatabaseOptions = {}): Db {
  installPlanCache();
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "jointly",
    // A connection waits this long for a free slot before the query fails (it never hangs forever).
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

/**
 * A plain pg pool for the infrastructure that speaks SQL itself (the socket.io adapter, the rate
 * limiter, the job queue's helpers). Separate from Prisma's pool so a LISTEN connection never takes a
 * slot that a request needs. Ten connections: every broadcast is a NOTIFY through this pool, and a
 * thousand voters joining a room at once timed out waiting for one of four (bench:votes, N = 1,000).
 */
export function createPgPool(databaseUrl: string, options: DatabaseOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? "jointly-infra",
    connectionTimeoutMillis: 10_000,
  });
  // A client that loses its connection emits "error"; without a listener it would crash the process.
  // The next query on it fails instead, and the pool replaces it.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

/** Runs a trivial query; used by /healthz. */
export async function pingDb(db: Db): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
