// Real Jointly server processes for tests: `node --import tsx server/index.ts`, exactly as production
// starts them (the Remix build included: `npm run build` first), on a database the test owns, each on
// its own port. Their structured log lines are kept, so a test can read what each process did.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type ServerProcess = {
  port: number;
  origin: string;
  /** Every JSON log line the process wrote so far. */
  logs: Array<Record<string, unknown>>;
  stop: () => Promise<number | null>;
};

export function assertBuildExists() {
  if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
    throw new Error("These tests start the real server, which serves the Remix build: run `npm run build` first (npm test does).");
  }
}

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server", "index.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ORIGIN: origin,
      MIGRATE_ON_START: "false",
      SEED_DEMO: "never",
      LOG_LEVEL: "debug",
      PASSWORD_HASH_COST: "10",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = "";
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const started = Date.now();
  while (!logs.some((l) => typeof l.msg === "string" && l.msg.startsWith("Jointly is listening"))) {
    if (child.exitCode !== null) throw new Error(`server process exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() - started > 90_000) {
      child.kill("SIGKILL");
      throw new Error(`server process did not start within 90 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    origin,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
