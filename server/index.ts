// Boots Jointly: config → database (embedded PostgreSQL when DATABASE_URL is unset) → migrations →
// app server (sessions, sockets, jobs, services, Remix) → demo seed if empty → listen; shuts down in
// reverse on SIGTERM/SIGINT, also when the signal arrives while it is still starting.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAppServer, type AppServer } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabaseServer, type DatabaseServer } from "./database/database-server.js";
import { prepareDatabase } from "./database/prepare.js";
import { createDb } from "./db.js";
import { demoAccountsText, seedDemoIfEmpty } from "./fixtures/seed.js";
import { createLogger } from "./logger.js";

const settings = loadConfig();
const logger = createLogger(settings.LOG_LEVEL);
let opening: Promise<DatabaseServer> | null = null;
let server: AppServer | null = null;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await server?.close();
  } finally {
    // Even mid-start: an embedded PostgreSQL we started is stopped, never orphaned.
    await (await opening?.catch(() => null))?.stop();
  }
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

opening = openDatabaseServer(settings, (message) => logger.info(message));
const database = await opening;
const config = { ...settings, DATABASE_URL: database.url };
if (config.MIGRATE_ON_START) await prepareDatabase(database.url);
const db = createDb(database.url, { poolSize: config.DATABASE_POOL_SIZE });
const remixBuild = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
if (!stopping) {
  server = await createAppServer({ config, logger, db, remixBuild });
  if (config.seedDemo === "if-empty" && (await seedDemoIfEmpty({ db, deps: server.deps, hashCost: config.PASSWORD_HASH_COST }))) {
    logger.info(`Seeded the demo partnership.\n${demoAccountsText()}`);
  }
}
if (!stopping && server) {
  const port = await server.listen(config.PORT, config.HOST);
  logger.info({ port, origin: config.appOrigin }, `Jointly is listening on ${config.appOrigin}`);
}
