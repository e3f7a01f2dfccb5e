// Bad input at the edge answers a clear 4xx and costs nothing: malformed text (lone surrogates, NUL),
// absurd shapes, oversized bodies and batches, broken %-escapes in a URL, and a malformed cookie, which
// counts as no session rather than locking the browser out.
import { afterAll, describe, expect, it } from "vitest";
import { createPartnership, createUser } from "../../server/fixtures/factories.js";
import { MAX_ARRAY, MAX_DEPTH } from "../../server/trpc/input-guard.js";
import { startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

async function member() {
  const user = await createUser(app.db);
  const { partnership } = await createPartnership(app.db, { creatorId: user.id });
  return { me: await app.signIn(user), partnershipId: partnership.id };
}

const nested = (depth: number): unknown => (depth === 0 ? "x" : { a: nested(depth - 1) });

describe("text and shapes no form sends", () => {
  it.each([
    ["a lone high surrogate", "Budget \uD83D"],
    ["a lone low surrogate", "\uDE00 budget"],
    ["a NUL character", "Budget\u0000"],
  ])("refuses %s in any text field with 400 and a message naming the field, writing nothing", async (_label, name) => {
    const { me, partnershipId } = await member();
    const before = await app.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    const res = await me.http.mutate("partnerships.partnership.update", { partnershipId, name, sector: "MANUFACTURING", description: "" });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/NUL|broken character/);
    expect(Object.keys(res.error?.fieldErrors ?? {})).toEqual(["name"]);
    expect(await app.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).toEqual(before);
  });

  it("accepts a whole emoji (a surrogate pair) where text is allowed", async () => {
    const { me, partnershipId } = await member();
    const res = await me.http.mutate("partnerships.partnership.update", { partnershipId, name: "Skills 🛠️ Partnership", sector: "MANUFACTURING", description: "" });
    expect(res.error).toBeNull();
    expect((await app.db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).name).toBe("Skills 🛠️ Partnership");
  });

  it("refuses input nested too deeply or with too long a list", async () => {
    const { me } = await member();
    const deep = await me.http.mutate("partnerships.partnership.create", nested(MAX_DEPTH + 2));
    expect(deep.status).toBe(400);
    expect(deep.error?.message).toMatch(/nested too deeply/);
    const long = await me.http.mutate("notifications.markRead", { ids: Array.from({ length: MAX_ARRAY + 1 }, () => "x") });
    expect(long.status).toBe(400);
    expect(long.error?.message).toMatch(/at most/);
  });
});

describe("sizes", () => {
  it("refuses a tRPC body over 1 MB with 413, and a batch of more than 20 calls with 400", async () => {
    const { me } = await member();
    const huge = await me.http.mutate("partnerships.partnership.create", undefined, { body: JSON.stringify({ json: { name: "x".repeat(1_100_000) } }) });
    expect(huge.status).toBe(413);
    const calls = Array.from({ length: 21 }, () => "identity.me").join(",");
    const res = await fetch(`${app.baseUrl}/api/trpc/${calls}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`, { headers: { cookie: me.cookie } });
    expect(res.status).toBe(400);
    const twenty = Array.from({ length: 20 }, () => "identity.me").join(",");
    expect((await fetch(`${app.baseUrl}/api/trpc/${twenty}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`, { headers: { cookie: me.cookie } })).status).toBe(200);
  });

  it("refuses a large form post from its length, before reading it, and keeps answering others", async () => {
    const started = Date.now();
    const res = await fetch(`${app.baseUrl}/signin`, {
      method: "POST",
      headers: { origin: app.config.appOrigin, "content-type": "application/x-www-form-urlencoded" },
      body: new Uint8Array(50 * 1024 * 1024),
    }).catch((error: unknown) => error as Error);
    // The server answers 413 at once and closes; a client still sending may see the connection end instead.
    if (res instanceof Response) expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe("malformed addresses and cookies", () => {
  it("answers a broken %-escape in the path with 400", async () => {
    const res = await fetch(`${app.baseUrl}/p/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it("treats a malformed session cookie as no session: requests and socket handshakes are answered, not 500", async () => {
    const cookie = "jointly_session=%E0%A4%A";
    const res = await app.http.query("identity.me", undefined, { cookie });
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    await expect(app.connectSocket({ cookie })).rejects.toThrow("UNAUTHORIZED");
  });

  it("marks answers for a signed-in user as not to be stored", async () => {
    const { me } = await member();
    const signedIn = await me.http.query("identity.me");
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await app.http.query("identity.me");
    expect(anonymous.headers.get("cache-control")).not.toBe("private, no-store");
  });
});
