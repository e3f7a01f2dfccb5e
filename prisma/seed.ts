// Demo data on demand:
//   npm run db:seed    wipes the database (drops and recreates it: votes and audit events are
//                      append-only, so rows are never deleted) and seeds the demo again.
// `npm start` seeds an empty database by itself (server/index.ts).
import pg from "pg";
import { createAppServer } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { openDatabaseServer } from "../server/database/database-server.js";
import { prepareDatabase } from "../server/database/prepare.js";
import { createDb } from "../server/db.js";
import { demoAccountsText, seedDemoIfEmpty } from "../server/fixtures/seed.js";
import { createLogger } from "../server/logger.js";

const settings = loadConfig();
if (settings.DATABASE_URL && !process.argv.includes("--force")) {
  console.error("DATABASE_URL is set: npm run db:seed would wipe that database. Run `npm run db:seed -- --force` if you mean it.");
  process.exit(2);
}
const database = await openDatabaseServer(settings, (message) => console.log(message));
try {
  await recreateDatabase(database.url);
  await prepareDatabase(database.url);
  const config = { ...settings, DATABASE_URL: database.url };
  const db = createDb(database.url);
  const app = await createAppServer({ config, logger: createLogger("warn"), db, runJobs: false });
  try {
    await seedDemoIfEmpty({ db, deps: app.deps, hashCost: config.PASSWORD_HASH_COST });
    console.log(`Seeded the demo partnership.\n${demoAccountsText()}`);
  } finally {
    await app.close();
  }
} finally {
  await database.stop();
}

async function recreateDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
