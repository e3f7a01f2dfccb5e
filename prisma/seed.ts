// Demo data: a regional manufacturing partnership that every later feature builds on.
//   npm run db:seed-if-empty   (what npm start runs: seeds only an empty database)
//   npm run db:seed            (wipes the database and seeds it again)
import { loadConfig } from "../server/config.js";
import { createDb, type Db } from "../server/db.js";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "../server/fixtures/demo.js";

const config = loadConfig();
const db = await createDb(config.DATABASE_URL);
const reset = process.argv.includes("--reset");

async function wipe(database: Db) {
  // Children first; sessions go too, so nobody stays signed in to a vanished account.
  await database.$transaction([
    database.notification.deleteMany(),
    database.auditEvent.deleteMany(),
    database.invitation.deleteMany(),
    database.bodySeat.deleteMany(),
    database.membership.deleteMany(),
    database.body.deleteMany(),
    database.organization.deleteMany(),
    database.partnership.deleteMany(),
    database.session.deleteMany(),
    database.user.deleteMany(),
  ]);
}

try {
  const users = await db.user.count();
  if (users > 0 && !reset) {
    console.log("Database already has data; not seeding (npm run db:seed wipes and reseeds).");
  } else {
    if (reset) await wipe(db);
    const { partnershipName } = await seedDemo(db, { hashCost: config.PASSWORD_HASH_COST });
    console.log(`Seeded "${partnershipName}".`);
  }
  if (await db.user.findUnique({ where: { email: DEMO_PEOPLE[0]!.email } })) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const p of DEMO_PEOPLE.filter((person) => person.highlight)) console.log(`  ${p.email.padEnd(40)} ${p.highlight}`);
  }
} finally {
  await db.$disconnect();
}
