// One server process of `npm run bench:votes`: the real app (createAppServer: sessions, permission
// layer, tRPC, socket.io with its PostgreSQL adapter, outbox, jobs; no Remix) on the given database and
// port, with APP_ORIGIN http://localhost:<port>. The runner forks it P times on one database; it says
// "ready" over IPC once listening and stops cleanly on SIGTERM/SIGINT or when the runner goes away
// (so a `--cpu-prof` run, BENCH_CPU_PROF=dir, writes its profile).
//   tsx scripts/bench-votes-server.ts <databaseUrl> <port>
import { createAppServer } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { createDb } from "../server/db.js";
import { createLogger } from "../server/logger.js";

const [databaseUrl, port] = process.argv.slice(2);
if (!databaseUrl || !port) {
  console.error("usage: tsx scripts/bench-votes-server.ts <databaseUrl> <port>");
  process.exit(2);
}

const config = loadConfig({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: port,
  HOST: "127.0.0.1",
  APP_ORIGIN: `http://localhost:${port}`,
  NODE_ENV: "production",
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
});
const logger = createLogger(config.LOG_LEVEL);
const db = createDb(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE });
const app = await createAppServer({ config, logger, db });
await app.listen(config.PORT, config.HOST);
process.send?.({ ready: true, port: config.PORT });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
  } catch (error) {
    logger.error({ err: error }, "bench server: close failed");
  }
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
// The runner died without stopping us: do not outlive it.
process.on("disconnect", () => void stop());
