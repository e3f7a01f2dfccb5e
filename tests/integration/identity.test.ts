// Accounts and sessions against the real server: sign-up, sign-in (with its limiter on the real
// PostgreSQL store; under concurrency in identity.concurrency.test.ts), sign-out (which also ends the
// session's sockets), idle and absolute expiry, session ids hashed at rest, and sessions surviving a restart.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { refusal as answerRefusal } from "../../app/lib/auth-forms.server.js";
import { verifyPassword } from "../../server/auth/password.js";
import { failureDelayMs, MAX_DELAY_MS } from "../../server/auth/rate-limit.js";
import { SignInInputSchema, SignUpInputSchema, type SignInInput, type SignUpInput } from "../../server/domains/identity/identity.schema.js";
import { signIn, signOut, signUp } from "../../server/domains/identity/identity.server.js";
import type { AppError } from "../../server/errors.js";
import { createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { countRows, nextDisconnect, nextEvent, refusal, sessionRowId, startTestApp } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-db.js";

const app = await startTestApp();
afterAll(() => app.close());

/** The use cases, on this server's dependencies. */
const identity = {
  signUp: (input: SignUpInput) => signUp(app.server.deps, { input: { ...input, ip: freshIp() } }),
  /** A sign-in that must start a session (these accounts have no second factor). */
  signIn: async (input: SignInInput & { ip: string }) => {
    const result = await signIn(app.server.deps, { input });
    if (result.outcome !== "signedIn") throw new Error("expected a session, not a second-factor step");
    return result;
  },
  signOut: (input: { sessionId: string }) => signOut(app.server.deps, { input }),
};
const HOUR = 60 * 60 * 1000;
let ipCounter = 0;
/** A fresh client address, so the per-IP limit does not mix tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe("sign-up", () => {
  it("creates an unconfirmed account with a hashed password, mails a link to confirm it, and answers 'check your inbox' without a session", async () => {
    const input = SignUpInputSchema.parse({ name: "Denise Carter", email: " Denise.Carter@Example.org ", password: "a long enough password" });
    const sessionsBefore = await app.db.session.count();
    const result = await identity.signUp(input);
    expect(result).toEqual({ outcome: "checkInbox", email: "denise.carter@example.org" });

    const user = await app.db.user.findUniqueOrThrow({ where: { email: "denise.carter@example.org" } });
    expect(user).toMatchObject({ name: "Denise Carter", emailVerifiedAt: null });
    expect(user.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);
    expect(await app.db.session.count()).toBe(sessionsBefore);
    const links = await app.db.emailVerification.findMany({ where: { userId: user.id } });
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ email: "denise.carter@example.org", usedAt: null });
    expect(links[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers an address that already has an account (in any case) exactly the same, changes nothing of it, and creates nothing", async () => {
    const existing = await createUser(app.db);
    const before = await countRows(app.db);

    const input = SignUpInputSchema.parse({ name: "Someone Else", email: existing.email.toUpperCase(), password: "another long password" });
    expect(await identity.signUp(input)).toEqual({ outcome: "checkInbox", email: existing.email });

    expect(await countRows(app.db)).toEqual(before);
    const unchanged = await app.db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(unchanged.name).toBe(existing.name);
    expect(unchanged.passwordHash).toBe(existing.passwordHash);
  });
});

describe("sign-in", () => {
  it("starts a new session on every sign-in", async () => {
    const user = await createUser(app.db);
    const input = SignInInputSchema.parse({ email: user.email, password: DEFAULT_PASSWORD });
    const first = await identity.signIn({ ...input, ip: freshIp() });
    const second = await identity.signIn({ ...input, ip: freshIp() });

    expect(first.userId).toBe(user.id);
    expect(first.session.id).toHaveLength(40);
    expect(second.session.id).toHaveLength(40);
    expect(second.session.id).not.toBe(first.session.id);
    const rows = await app.db.session.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.id).sort()).toEqual([first.session.id, second.session.id].map(sessionRowId).sort());
  });

  it("accepts the email in any case", async () => {
    const user = await createUser(app.db);
    const input = SignInInputSchema.parse({ email: user.email.toUpperCase(), password: DEFAULT_PASSWORD });
    expect((await identity.signIn({ ...input, ip: freshIp() })).userId).toBe(user.id);
  });

  it("answers a wrong password and an unknown email with the same refusal", async () => {
    const user = await createUser(app.db);
    const before = await countRows(app.db);
    const wrongPassword = await refusal(identity.signIn({ email: user.email, password: "not the password", ip: freshIp() }));
    const unknownEmail = await refusal(identity.signIn({ email: "nobody-here@example.test", password: DEFAULT_PASSWORD, ip: freshIp() }));

    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(unknownEmail.code).toBe("UNAUTHORIZED");
    expect(wrongPassword.message).toBe(unknownEmail.message);
    expect(wrongPassword.message).toBe("That email and password do not match an account.");
    expect(wrongPassword.fieldErrors).toBeUndefined();
    expect(await countRows(app.db)).toEqual(before);
  });

  it("answers an e-mail of the longest allowed length (254 characters) like any other, not with a 500", async () => {
    const longest = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    const input = SignInInputSchema.parse({ email: longest, password: "not the password" });
    expect(input.email).toHaveLength(254);
    expect((await refusal(identity.signIn({ ...input, ip: freshIp() }))).code).toBe("UNAUTHORIZED");
  });
});

describe("sign-in limits: slow down, never lock the owner out", () => {
  const max = () => app.config.SIGN_IN_MAX_FAILURES;

  it("refuses an account from an address after SIGN_IN_MAX_FAILURES attempts there, even with the right password, with Retry-After", { timeout: 60_000 }, async () => {
    expect(max()).toBe(5);
    const user = await createUser(app.db);
    const ip = freshIp();
    for (let i = 0; i < max(); i++) {
      expect((await refusal(identity.signIn({ email: user.email, password: `wrong ${i}`, ip }))).code).toBe("UNAUTHORIZED");
    }
    const sessionsBefore = await app.db.session.count({ where: { userId: user.id } });

    const limited = await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toBe("Too many failed sign-in attempts for this account from your network. Try again in 15 minutes.");
    expect(limited.cause).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    const retryAfter = (limited.cause as AppError).retryAfterSeconds!;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    // The sign-in form's answer carries it as Retry-After (what the /signin action sends).
    const answer = answerRefusal(limited.cause, { email: user.email });
    expect(answer.status).toBe(429);
    expect(answer.headers.get("Retry-After")).toBe(String(retryAfter));
    expect(((await answer.json()) as { formError: string }).formError).toBe(limited.message);
  });

  it("lets the owner in from another address at once, however many wrong passwords came from one address", { timeout: 60_000 }, async () => {
    const user = await createUser(app.db);
    const attacker = freshIp();
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) => refusal(identity.signIn({ email: user.email, password: `guess ${i}`, ip: attacker })).then((r) => r.code)),
    );
    expect(flood.filter((c) => c === "UNAUTHORIZED")).toHaveLength(max());
    expect(flood.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(40 - max());

    // The owner, from home, is let in (and not slowed: the attacker's failures are another pair's; see
    // tests/unit/rate-limit.test.ts).
    expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);
    // …and the attacker's address is still refused for this account.
    expect((await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: attacker }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("slows each further failure of an account from one address down, up to about two seconds", { timeout: 60_000 }, async () => {
    const user = await createUser(app.db);
    const ip = freshIp();
    const took: number[] = [];
    for (let i = 0; i < max(); i++) {
      const started = Date.now();
      await refusal(identity.signIn({ email: user.email, password: `wrong ${i}`, ip }));
      took.push(Date.now() - started);
    }
    // Lower bounds only (a busy machine adds time, never removes it): 0, 250, 500, 1000, 2000 ms.
    for (let i = 1; i < max(); i++) expect(took[i]).toBeGreaterThanOrEqual(failureDelayMs(i) - 5);
    expect(failureDelayMs(max() - 1)).toBe(MAX_DELAY_MS);
  });

  it("refuses an address after SIGN_IN_MAX_PER_ADDRESS attempts across e-mails (password spraying), and only that address", { timeout: 120_000 }, async () => {
    const perAddress = app.config.SIGN_IN_MAX_PER_ADDRESS;
    expect(perAddress).toBe(100);
    const sprayer = freshIp();
    for (let batch = 0; batch < perAddress; batch += 20) {
      const codes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => refusal(identity.signIn({ email: `spray-${batch + i}@example.test`, password: "Winter2027!", ip: sprayer })).then((r) => r.code)),
      );
      expect(codes).toEqual(Array.from({ length: 20 }, () => "UNAUTHORIZED"));
    }
    const user = await createUser(app.db);
    const refused = await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: sprayer }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/^Too many failed sign-in attempts from your network\. Try again in 15 minutes\.$/);
    expect((refused.cause as AppError).retryAfterSeconds).toBeGreaterThan(0);
    expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);
  });

  it("forgets a pair's failures after a successful sign-in, and does not count successes against the address", { timeout: 60_000 }, async () => {
    const user = await createUser(app.db);
    const ip = freshIp();
    for (let i = 0; i < max() - 1; i++) await refusal(identity.signIn({ email: user.email, password: "wrong password", ip }));
    await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip });
    for (let i = 0; i < max() - 1; i++) await refusal(identity.signIn({ email: user.email, password: "wrong password", ip }));
    expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip })).userId).toBe(user.id);
    // An office behind one address: many people signing in never use up its count.
    const office = freshIp();
    for (let i = 0; i < app.config.SIGN_IN_MAX_PER_ADDRESS + 5; i++) {
      expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: office })).userId).toBe(user.id);
    }
  });
});

describe("sign-out", () => {
  it("ends the session, and disconnects the sockets opened with it but not those of other sessions", async () => {
    const user = await createUser(app.db);
    const ending = await app.signIn(user);
    const staying = await app.signIn(user);
    const endingSocket = await ending.connect();
    const stayingSocket = await staying.connect();
    const ended = nextEvent(endingSocket, "session:ended");
    const disconnected = nextDisconnect(endingSocket);

    const { cookie } = await identity.signOut({ sessionId: ending.session.id });

    expect(cookie).toMatch(/^jointly_session=;/);
    expect(cookie).toMatch(/Max-Age=0/i);
    expect(await app.db.session.findUnique({ where: { id: sessionRowId(ending.session.id) } })).toBeNull();
    expect((await app.server.sessions.validate(ending.session.id)).user).toBeNull();
    expect(await ended).toEqual({});
    expect(await disconnected).toBe("io server disconnect");

    // The other session (another device) carries on.
    expect(stayingSocket.connected).toBe(true);
    expect((await app.server.sessions.validate(staying.session.id)).user?.id).toBe(user.id);
    // The ended cookie no longer signs anyone in, over HTTP or sockets.
    expect((await ending.http.query("identity.me")).data).toBeNull();
    await expect(ending.connect()).rejects.toThrow("UNAUTHORIZED");
  });
});

describe("session lifetime", () => {
  it("ends a session that has been idle past its expiry, and deletes it", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    await app.db.session.update({ where: { id: sessionRowId(me.session.id) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session).toBeNull();
    expect(result.user).toBeNull();
    expect(result.cookie).toMatch(/^jointly_session=;.*Max-Age=0/i);
    expect(await app.db.session.findUnique({ where: { id: sessionRowId(me.session.id) } })).toBeNull();
  });

  it("ends a session past its absolute lifetime, however recently used, and deletes it", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    await app.db.session.update({
      where: { id: sessionRowId(me.session.id) },
      data: { expiresAt: new Date(Date.now() + 24 * HOUR), absoluteExpiresAt: new Date(Date.now() - 1000) },
    });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session).toBeNull();
    expect(result.cookie).toMatch(/Max-Age=0/i);
    expect(await app.db.session.findUnique({ where: { id: sessionRowId(me.session.id) } })).toBeNull();
  });

  it("treats a request with an expired session as signed out and clears its cookie", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    expect((await me.http.query("identity.me")).data).toMatchObject({ id: user.id });
    await app.db.session.update({ where: { id: sessionRowId(me.session.id) }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });

    const response = await me.http.query("identity.me");
    expect(response.data).toBeNull();
    expect(response.headers.get("set-cookie")).toMatch(/^jointly_session=;.*Max-Age=0/i);
    const protectedCall = await me.http.query("notifications.unreadCount");
    expect(protectedCall.status).toBe(401);
  });

  it("starts with an idle expiry and an absolute end from the configuration", async () => {
    const user = await createUser(app.db);
    const started = Date.now();
    const me = await app.signIn(user);
    const row = await app.db.session.findUniqueOrThrow({ where: { id: sessionRowId(me.session.id) } });
    expect(row.expiresAt.getTime() - started).toBeGreaterThan(app.config.SESSION_IDLE_HOURS * HOUR - 60_000);
    expect(row.expiresAt.getTime() - started).toBeLessThanOrEqual(app.config.SESSION_IDLE_HOURS * HOUR + 60_000);
    expect(row.absoluteExpiresAt.getTime() - started).toBeGreaterThan(app.config.SESSION_ABSOLUTE_DAYS * 24 * HOUR - 60_000);
    expect(row.absoluteExpiresAt.getTime() - started).toBeLessThanOrEqual(app.config.SESSION_ABSOLUTE_DAYS * 24 * HOUR + 60_000);
  });

  it("slides the idle expiry while the session is used, but never the absolute end", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    const before = await app.db.session.update({
      where: { id: sessionRowId(me.session.id) },
      data: { expiresAt: new Date(Date.now() + HOUR) }, // less than half the idle time left
    });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session?.fresh).toBe(true);
    expect(result.cookie).toMatch(new RegExp(`^jointly_session=${me.session.id};`));
    const after = await app.db.session.findUniqueOrThrow({ where: { id: sessionRowId(me.session.id) } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + (app.config.SESSION_IDLE_HOURS - 1) * HOUR);
    expect(after.absoluteExpiresAt).toEqual(before.absoluteExpiresAt);
  });

  it("removes expired sessions in bulk, and only those", async () => {
    const user = await createUser(app.db);
    const [idle, old, live] = [await app.signIn(user), await app.signIn(user), await app.signIn(user)];
    await app.db.session.update({ where: { id: sessionRowId(idle.session.id) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await app.db.session.update({ where: { id: sessionRowId(old.session.id) }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });

    await app.server.sessions.removeExpired();

    const left = await app.db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left).toEqual([{ id: sessionRowId(live.session.id) }]);
  });
});

describe("session ids at rest", () => {
  it("stores only the SHA-256 of the cookie's token: a row read from the database does not work as a cookie, the cookie does", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    const [row, ...others] = await app.db.session.findMany({ where: { userId: user.id } });
    expect(others).toEqual([]);
    expect(row!.id).toBe(sessionRowId(me.session.id));
    expect(row!.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(me.session.id);

    // Someone holding a copy of the table tries the row's id as a cookie: no session, over HTTP or sockets.
    expect((await app.server.sessions.validate(row!.id)).session).toBeNull();
    const stolen = `${app.server.sessions.cookieName}=${row!.id}`;
    expect((await app.http.query("identity.me", undefined, { cookie: stolen })).data).toBeNull();
    await expect(app.connectSocket({ cookie: stolen })).rejects.toThrow("UNAUTHORIZED");
    // Trying it did not end the real session, and the real cookie still works.
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await me.http.query("identity.me")).data).toMatchObject({ id: user.id });
    expect((await app.server.sessions.validate(me.session.id)).session?.id).toBe(me.session.id);
  });

  it("keeps sessions made before the change working: the migration hashes their ids in place", async () => {
    const user = await createUser(app.db);
    const token = "abcdefghijklmnopqrstuvwxyz234567abcdefgh"; // a token as Lucia makes them (40 base32 characters)
    const hour = 60 * 60 * 1000;
    await app.db.session.create({
      data: { id: token, userId: user.id, expiresAt: new Date(Date.now() + hour), absoluteExpiresAt: new Date(Date.now() + 24 * hour) },
    });
    const migration = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261201091500_session_token_hashes/migration.sql"), "utf8");
    await app.db.$executeRawUnsafe(migration);
    await app.db.$executeRawUnsafe(migration); // once more: rows already hashed are left alone

    expect(await app.db.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: sessionRowId(token) }]);
    expect((await app.server.sessions.validate(token)).user?.id).toBe(user.id);
  });
});

describe("restart", () => {
  it("keeps sessions: a new server over the same database validates an old session", async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ database });
      const user = await createUser(first.db);
      const me = await first.signIn(user);
      await first.close();

      const second = await startTestApp({ database });
      try {
        const result = await second.server.sessions.validate(me.session.id);
        expect(result.user).toMatchObject({ id: user.id, email: user.email, name: user.name });
        expect(result.session?.id).toBe(me.session.id);
        const response = await second.http.query("identity.me", undefined, { cookie: me.cookie });
        expect(response.data).toMatchObject({ id: user.id });
      } finally {
        await second.close();
      }
    } finally {
      await database.remove();
    }
  });
});
