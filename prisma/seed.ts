// Demo data: a regional manufacturing partnership that every later feature builds on.
//   npm run db:seed-if-empty   (what npm start runs: seeds only an empty database)
//   npm run db:seed            (wipes the database and seeds it again)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { loadConfig } from "../server/config.js";
import { createDb } from "../server/db.js";
import { createAppServer } from "../server/app.js";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "../server/fixtures/demo.js";
import { seedDemoVotes } from "../server/fixtures/demo-votes.js";
import { createLogger } from "../server/logger.js";

const config = loadConfig();
const reset = process.argv.includes("--reset");
if (reset) recreateDatabase(config.DATABASE_URL);
const db = await createDb(config.DATABASE_URL);

/**
 * Starts from an empty, freshly migrated file: votes and audit events are append-only (database
 * triggers refuse deletes), so a reseed replaces the database rather than deleting rows.
 */
function recreateDatabase(databaseUrl: string) {
  const file = databaseUrl.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false" },
  });
}

try {
  const users = await db.user.count();
  if (users > 0 && !reset) {
    console.log("Database already has data; not seeding (npm run db:seed wipes and reseeds).");
  } else {
    const { partnershipId, partnershipName } = await seedDemo(db, { hashCost: config.PASSWORD_HASH_COST });
    // Motions go through the real services (rolls, ballots, results); nothing listens to their events yet.
    const app = await createAppServer({ config, logger: createLogger("warn"), db });
    await seedDemoVotes(db, app.services.voting, { partnershipId });
    await app.realtime.close();
    console.log(`Seeded "${partnershipName}".`);
  }
  if (await db.user.findUnique({ where: { email: DEMO_PEOPLE[0]!.email } })) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const p of DEMO_PEOPLE.filter((person) => person.highlight)) console.log(`  ${p.email.padEnd(40)} ${p.highlight}`);
  }
} finally {
  await db.$disconnect();
}
