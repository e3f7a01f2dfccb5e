// Several Jointly processes on one machine and one port (`npm run start:cluster -- N`): the primary
// prepares the database once (embedded PostgreSQL when DATABASE_URL is unset, migrations, the demo
// seed), then forks N workers running server/index.ts; node's cluster module hands them connections in
// turn. They share nothing but PostgreSQL (sockets through its adapter, jobs, limits), exactly as
// processes behind a load balancer on several machines would. A worker that dies is replaced.
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAppServer } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabaseServer } from "./database/database-server.js";
import { prepareDatabase } from "./database/prepare.js";
import { createDb } from "./db.js";
import { demoAccountsText, seedDemoIfEmpty } from "./fixtures/seed.js";
import { createLogger } from "./logger.js";

const requested = Number(process.argv[2] ?? process.env.PROCESSES ?? os.availableParallelism());
if (!Number.isInteger(requested) || requested < 1 || requested > 64) {
  console.error("usage: npm run start:cluster -- <number of processes, 1–64>");
  process.exit(2);
}

const settings = loadConfig();
const logger = createLogger(settings.LOG_LEVEL);
const database = await openDatabaseServer(settings, (message) => logger.info(message));
await prepareDatabase(database.url);
if (settings.seedDemo === "if-empty") {
  const config = { ...settings, DATABASE_URL: database.url };
  const db = createDb(database.url, { poolSize: 2 });
  const seeding = await createAppServer({ config, logger, db, runJobs: false });
  if (await seedDemoIfEmpty({ db, deps: seeding.deps, hashCost: config.PASSWORD_HASH_COST })) logger.info(`Seeded the demo partnership.\n${demoAccountsText()}`);
  await seeding.close();
}

cluster.setupPrimary({
  exec: path.join(path.dirname(fileURLToPath(import.meta.url)), "index.ts"),
  execArgv: ["--import", "tsx"],
});
const workerEnv = { DATABASE_URL: database.url, MIGRATE_ON_START: "false", SEED_DEMO: "never" };
let stopping = false;
const fork = () => cluster.fork(workerEnv);
for (let i = 0; i < requested; i++) fork();
cluster.on("exit", (worker, code, signal) => {
  if (stopping) return;
  logger.error({ pid: worker.process.pid, code, signal }, "a worker died; starting another");
  fork();
});
logger.info({ processes: requested }, `started ${requested} Jointly processes on port ${settings.PORT}`);

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping the workers");
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM");
        }),
    ),
  );
  await database.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
