// The ceiling of `npm run bench:votes`: the same job as the product's ballot path with nothing else, in
// one process. Express + socket.io (WebSocket only, like the app); `POST /vote` with JSON
// `{ voter, choice }` (and optionally `motionId`, default "ceiling") counts the ballot in memory (one per voter; a second is refused with 409),
// answers `{ cast }`, and publishes the tally to the room coalesced exactly like the product's
// throttle (server/domains/voting/tally-publisher.ts: the first tally at once, then at most one
// message per TALLY_INTERVAL_MS carrying the newest one). Clients join the room with the same
// `room:join` event and ack as the app's. No database, no sessions, no permission checks: what is left
// is the HTTP, JSON and fan-out cost that the product cannot avoid on this machine.
//   tsx scripts/bench-ceiling-server.ts <port> <eligible voters>
import { createServer } from "node:http";
import express from "express";
import { Server } from "socket.io";
import { TALLY_INTERVAL_MS } from "../server/domains/voting/tally-publisher.js";

const [portArg, eligibleArg] = process.argv.slice(2);
if (!portArg) {
  console.error("usage: tsx scripts/bench-ceiling-server.ts <port> [eligible voters]");
  process.exit(2);
}
const port = Number(portArg);
const eligible = Number(eligibleArg ?? 0);
const CHOICES = ["YES", "NO", "ABSTAIN"] as const;
type Choice = (typeof CHOICES)[number];
type Counts = Record<Choice, number>;
type BySide = { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts };
type Tally = { motionId: string; cast: number; eligible: number; version: number; bySide: BySide };
type Pending = { version: number; tally: Tally; sentVersion: number; timer: NodeJS.Timeout | null };
const zero = (): Counts => ({ YES: 0, NO: 0, ABSTAIN: 0 });
const room = (motionId: string) => `motion:${motionId}`;

const app = express();
app.disable("x-powered-by");
const httpServer = createServer(app);
const io = new Server(httpServer, { serveClient: false, transports: ["websocket"] });

io.on("connection", (socket) => {
  socket.on("room:join", (ref: { id?: unknown } | undefined, ack: unknown) => {
    if (typeof ref?.id === "string") void socket.join(room(ref.id));
    if (typeof ack === "function") ack({ ok: true, data: undefined });
  });
});

// ─── the count, in memory, per motion (the runner uses a warm-up motion, then the measured one) ───
type Motion = { ballots: Map<string, Choice>; bySide: BySide; version: number; pending: Pending | null };
const motions = new Map<string, Motion>();
const motion = (id: string) => {
  let m = motions.get(id);
  if (!m) motions.set(id, (m = { ballots: new Map(), bySide: { LABOR: zero(), MANAGEMENT: zero(), NEUTRAL: zero() }, version: 0, pending: null }));
  return m;
};

// ─── the product's coalescing (tally-publisher.ts), per motion ──────────────
function send(m: Motion, entry: Pending) {
  entry.sentVersion = entry.version;
  io.to(room(entry.tally.motionId)).emit("tally:updated", entry.tally);
  entry.timer = setTimeout(() => {
    entry.timer = null;
    if (entry.version > entry.sentVersion) send(m, entry);
    else m.pending = null;
  }, TALLY_INTERVAL_MS);
  entry.timer.unref();
}

function offer(m: Motion, tally: Tally) {
  if (!m.pending) {
    m.pending = { version: tally.version, tally, sentVersion: 0, timer: null };
    send(m, m.pending);
    return;
  }
  if (tally.version > m.pending.version) Object.assign(m.pending, { version: tally.version, tally });
}

app.post("/vote", express.json({ limit: "1kb" }), (req, res) => {
  const { voter, choice, motionId = "ceiling" } = (req.body ?? {}) as { voter?: unknown; choice?: unknown; motionId?: unknown };
  if ((typeof voter !== "string" && typeof voter !== "number") || !CHOICES.includes(choice as Choice) || typeof motionId !== "string") {
    res.status(400).json({ error: "voter and choice (YES, NO or ABSTAIN) are required" });
    return;
  }
  const m = motion(motionId);
  const key = String(voter);
  if (m.ballots.has(key)) {
    res.status(409).json({ error: "already voted" });
    return;
  }
  m.ballots.set(key, choice as Choice);
  m.bySide[Number(voter) % 2 ? "LABOR" : "MANAGEMENT"][choice as Choice] += 1;
  m.version += 1;
  const tally: Tally = {
    motionId,
    cast: m.ballots.size,
    eligible,
    version: m.version,
    bySide: { LABOR: { ...m.bySide.LABOR }, MANAGEMENT: { ...m.bySide.MANAGEMENT }, NEUTRAL: { ...m.bySide.NEUTRAL } },
  };
  offer(m, tally);
  res.json({ cast: tally.cast });
});

await new Promise<void>((resolve) => httpServer.listen(port, "127.0.0.1", resolve));
process.send?.({ ready: true, port });

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  io.close(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
