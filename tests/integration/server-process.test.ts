// The HTTP edge of a real server process (server/index.ts with the Remix build, as production runs
// it): hosts that do not match the origin, answers that must not be cached, and a clean, prompt stop on
// SIGTERM with requests in flight and keep-alive connections open.
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createSessionService } from "../../server/auth/sessions.js";
import { loadConfig } from "../../server/config.js";
import { createDb } from "../../server/db.js";
import { createPartnership, createUser } from "../../server/fixtures/factories.js";
import { assertBuildExists, startServerProcess } from "../support/server-process.js";
import { createTestDatabase } from "../support/test-db.js";

assertBuildExists();
const database = await createTestDatabase();
const db = createDb(database.url, { poolSize: 2 });
afterAll(async () => {
  await db.$disconnect();
  await database.remove();
});

/** A raw request, so the Host header can be anything. */
function request(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const headers = { ...options.headers, ...(options.body ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) };
    const req = http.request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path ?? "/", headers, agent: options.agent }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe("a real server process", () => {
  it("refuses a form post whose Host does not match its Origin (403) and an invalid Host (400), instead of a 500", async () => {
    const server = await startServerProcess(database.url);
    try {
      const form = { "content-type": "application/x-www-form-urlencoded", origin: server.origin };
      const body = "email=a%40example.test&password=x";
      const mismatch = await request(server.port, { method: "POST", path: "/signin", headers: { ...form, host: "evil.example" }, body });
      expect(mismatch.status).toBe(403);
      expect(JSON.parse(mismatch.body)).toMatchObject({ error: { code: "FORBIDDEN", message: "The request's host does not match its origin." } });
      const forwarded = await request(server.port, { method: "POST", path: "/signin", headers: { ...form, host: `localhost:${server.port}`, "x-forwarded-host": "evil.example" }, body });
      expect(forwarded.status).toBe(403);
      const invalid = await request(server.port, { path: "/signin", headers: { host: "a b" } });
      expect(invalid.status).toBe(400);
      const fine = await request(server.port, { method: "POST", path: "/signin?_data=routes%2Fsignin", headers: { ...form, host: `localhost:${server.port}` }, body });
      expect(fine.status).toBe(401);
      expect(server.logs.filter((l) => l.level === 50)).toEqual([]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it("marks signed-in pages and their data as not to be stored", async () => {
    const server = await startServerProcess(database.url);
    try {
      const user = await createUser(db, { hashCost: 10 });
      const { partnership } = await createPartnership(db, { creatorId: user.id });
      const { cookie } = await createSessionService({ db, config: loadConfig({ DATABASE_URL: database.url }) }).start(user.id);
      const headers = { cookie: cookie.split(";")[0]!, host: `localhost:${server.port}` };
      for (const path of [`/p/${partnership.id}`, `/p/${partnership.id}?_data=routes%2Fp.%24partnershipId`]) {
        const res = await request(server.port, { path, headers });
        expect(res.status, path).toBe(200);
        expect(res.headers["cache-control"], path).toBe("private, no-store");
      }
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("stops on SIGTERM within seconds: answers the request in flight, closes idle keep-alive connections, exits 0", async () => {
    const server = await startServerProcess(database.url);
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    // An idle keep-alive connection, as a browser leaves one open.
    expect((await request(server.port, { path: "/healthz", agent })).status).toBe(200);
    const inFlight = request(server.port, { path: "/signin", headers: { host: `localhost:${server.port}` } });
    await new Promise((r) => setTimeout(r, 20));
    const stopping = Date.now();
    const code = await server.stop();
    const tookMs = Date.now() - stopping;
    agent.destroy();
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(4_000);
    expect((await inFlight).status).toBe(200);
  }, 60_000);
});
