// Boots Jointly: config → database → auth/realtime/services → Remix → listen; shuts down in reverse.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAppServer } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db.js";
import { createLogger } from "./logger.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const db = await createDb(config.DATABASE_URL);
const remixBuild = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const server = await createAppServer({ config, logger, db, remixBuild });
const port = await server.listen(config.PORT, config.HOST);
logger.info({ port, origin: config.appOrigin }, `Jointly is listening on ${config.appOrigin}`);

const cleanup = setInterval(() => void server.sessions.removeExpired().catch(() => {}), 60 * 60 * 1000);
cleanup.unref();
// Electronic votes close at their deadline, and voters who have not voted get a reminder before it.
const voteClock = setInterval(
  () =>
    void server.services.voting
      .runDueWork()
      .then(({ failed }) => failed.forEach(({ motionId, error }) => logger.error({ err: error, motionId }, "closing a vote at its deadline failed")))
      .catch((err: unknown) => logger.error({ err }, "vote deadlines failed")),
  15_000,
);
voteClock.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await server.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
