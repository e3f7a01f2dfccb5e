// Runs a command with DATABASE_URL pointing at the database: the one you set, or the embedded
// PostgreSQL (started for the command and stopped after it, or the one already running on the data
// folder). The npm scripts that need a database (db:migrate, db:seed, db:migration) go through it.
//   tsx scripts/with-database.ts prisma migrate deploy
import { spawn } from "node:child_process";
import { openDatabaseServer } from "../server/database/database-server.js";
import { PRISMA_CLI_ENV } from "../server/database/migrate.js";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-database.ts <command> [args…]");
  process.exit(2);
}
const database = await openDatabaseServer({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  POSTGRES_DATA_DIR: process.env.POSTGRES_DATA_DIR || "./data/postgres",
});
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...PRISMA_CLI_ENV, DATABASE_URL: database.url } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
await database.stop();
process.exit(code);
