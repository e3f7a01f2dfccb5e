// The ceiling of `npm run bench:reads`: a bare Express server in its own process answering
// `GET /hello` with a small JSON, i.e. "an Express JSON response on this machine", hit with the same
// autocannon settings as the app's pages.
//   tsx scripts/bench-hello-server.ts <port>
import { createServer } from "node:http";
import express from "express";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: tsx scripts/bench-hello-server.ts <port>");
  process.exit(2);
}

const app = express();
app.disable("x-powered-by");
app.get("/hello", (_req, res) => {
  res.json({ ok: true, message: "hello" });
});
const server = createServer(app);
await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
process.send?.({ ready: true, port });

function stop() {
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
