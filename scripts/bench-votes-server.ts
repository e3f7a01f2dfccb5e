// The server side of `npm run bench:votes`, run as its own process: the real app (tRPC + socket.io,
// no Remix) on the given database, and beside it a bare socket.io server for the baseline broadcast.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAppServer } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { createDb } from "../server/db.js";
import { createLogger } from "../server/logger.js";

const [databaseUrl, appPort, barePort] = process.argv.slice(2);
const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: appPort, NODE_ENV: "production", LOG_LEVEL: "warn" });
const db = await createDb(config.DATABASE_URL);
const app = await createAppServer({ config, logger: createLogger(config.LOG_LEVEL), db });
await app.listen(config.PORT, "127.0.0.1");

// Baseline: the same clients on a plain socket.io server; POST /broadcast?seq=i&bytes=n emits one
// message of that size to all of them.
const bare = createServer();
const io = new Server(bare, { serveClient: false });
bare.on("request", (req, res) => {
  if (req.method !== "POST" || !req.url?.startsWith("/broadcast")) return;
  const params = new URL(req.url, "http://x").searchParams;
  io.emit("bench", { seq: Number(params.get("seq")), pad: "x".repeat(Number(params.get("bytes") ?? 100)) });
  res.end("ok");
});
await new Promise<void>((resolve) => bare.listen(Number(barePort), "127.0.0.1", resolve));
process.send?.("ready");
// Exit (rather than die) on the runner's SIGTERM, so a `--cpu-prof` run (BENCH_CPU_PROF=dir) writes its profile.
process.on("SIGTERM", () => process.exit(0));
