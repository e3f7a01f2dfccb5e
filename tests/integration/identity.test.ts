// Accounts and sessions against the real server: sign-up, sign-in (with its limiter; under concurrency
// in identity.concurrency.test.ts), sign-out (which also ends the session's sockets), idle and absolute
// expiry, and sessions surviving a restart.
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../server/auth/password.js";
import { SignInInputSchema, SignUpInputSchema, type SignInInput, type SignUpInput } from "../../server/domains/identity/identity.schema.js";
import { signIn, signOut, signUp } from "../../server/domains/identity/identity.server.js";
import { createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { countRows, nextDisconnect, nextEvent, refusal, startTestApp } from "../support/test-app.js";
import { createTestDatabase } from "../support/test-db.js";

const app = await startTestApp();
afterAll(() => app.close());

/** The use cases, on this server's dependencies. */
const identity = {
  signUp: (input: SignUpInput) => signUp(app.server.deps, { input }),
  signIn: (input: SignInInput & { ip: string }) => signIn(app.server.deps, { input }),
  signOut: (input: { sessionId: string }) => signOut(app.server.deps, { input }),
};
const HOUR = 60 * 60 * 1000;
let ipCounter = 0;
/** A fresh client address, so the per-IP limit does not mix tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe("sign-up", () => {
  it("creates the account with a hashed password and starts a session", async () => {
    const input = SignUpInputSchema.parse({ name: "Denise Carter", email: " Denise.Carter@Example.org ", password: "a long enough password" });
    const result = await identity.signUp(input);

    const user = await app.db.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ name: "Denise Carter", email: "denise.carter@example.org" });
    expect(user.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);

    expect(result.session.id).toHaveLength(40);
    expect(await app.db.session.findUnique({ where: { id: result.session.id } })).toMatchObject({ userId: user.id });
    expect(result.cookie).toMatch(new RegExp(`^jointly_session=${result.session.id};`));
    expect(result.cookie).toMatch(/HttpOnly/i);
    expect(result.cookie).toMatch(/SameSite=Lax/i);
    expect(result.cookie).not.toMatch(/Secure/i); // served over http in tests
  });

  it("refuses an email that already has an account (in any case), with a field error, and writes nothing", async () => {
    const existing = await createUser(app.db);
    const before = await countRows(app.db);

    const input = SignUpInputSchema.parse({ name: "Someone Else", email: existing.email.toUpperCase(), password: "another long password" });
    const refused = await refusal(identity.signUp(input));

    expect(refused.code).toBe("CONFLICT");
    expect(refused.fieldErrors).toEqual({ email: ["An account with this email already exists. Sign in instead."] });
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
    expect(rows.map((r) => r.id).sort()).toEqual([first.session.id, second.session.id].sort());
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

  it("refuses an email after SIGN_IN_MAX_FAILURES failures, even with the right password and from another address", async () => {
    expect(app.config.SIGN_IN_MAX_FAILURES).toBe(5);
    const user = await createUser(app.db);
    const other = await createUser(app.db);
    for (let i = 0; i < app.config.SIGN_IN_MAX_FAILURES; i++) {
      expect((await refusal(identity.signIn({ email: user.email, password: `wrong ${i}`, ip: freshIp() }))).code).toBe("UNAUTHORIZED");
    }
    const sessionsBefore = await app.db.session.count({ where: { userId: user.id } });

    const limited = await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Too many failed sign-in attempts\. Try again in 15 minute\(s\)\./);
    expect(limited.cause).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 15 * 60 });
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    // Another account is not affected.
    expect((await identity.signIn({ email: other.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(other.id);
  });

  it("refuses an address after that many failures, whatever the email", async () => {
    const ip = freshIp();
    for (let i = 0; i < app.config.SIGN_IN_MAX_FAILURES; i++) {
      await refusal(identity.signIn({ email: `guess-${i}@example.test`, password: "wrong password", ip }));
    }
    const user = await createUser(app.db);
    expect((await refusal(identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip }))).code).toBe("TOO_MANY_REQUESTS");
    expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const user = await createUser(app.db);
    const max = app.config.SIGN_IN_MAX_FAILURES;
    for (let i = 0; i < max - 1; i++) await refusal(identity.signIn({ email: user.email, password: "wrong password", ip: freshIp() }));
    await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() });
    for (let i = 0; i < max - 1; i++) await refusal(identity.signIn({ email: user.email, password: "wrong password", ip: freshIp() }));
    expect((await identity.signIn({ email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() })).userId).toBe(user.id);
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
    expect(await app.db.session.findUnique({ where: { id: ending.session.id } })).toBeNull();
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
    await app.db.session.update({ where: { id: me.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session).toBeNull();
    expect(result.user).toBeNull();
    expect(result.cookie).toMatch(/^jointly_session=;.*Max-Age=0/i);
    expect(await app.db.session.findUnique({ where: { id: me.session.id } })).toBeNull();
  });

  it("ends a session past its absolute lifetime, however recently used, and deletes it", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    await app.db.session.update({
      where: { id: me.session.id },
      data: { expiresAt: new Date(Date.now() + 24 * HOUR), absoluteExpiresAt: new Date(Date.now() - 1000) },
    });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session).toBeNull();
    expect(result.cookie).toMatch(/Max-Age=0/i);
    expect(await app.db.session.findUnique({ where: { id: me.session.id } })).toBeNull();
  });

  it("treats a request with an expired session as signed out and clears its cookie", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    expect((await me.http.query("identity.me")).data).toMatchObject({ id: user.id });
    await app.db.session.update({ where: { id: me.session.id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });

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
    const row = await app.db.session.findUniqueOrThrow({ where: { id: me.session.id } });
    expect(row.expiresAt.getTime() - started).toBeGreaterThan(app.config.SESSION_IDLE_HOURS * HOUR - 60_000);
    expect(row.expiresAt.getTime() - started).toBeLessThanOrEqual(app.config.SESSION_IDLE_HOURS * HOUR + 60_000);
    expect(row.absoluteExpiresAt.getTime() - started).toBeGreaterThan(app.config.SESSION_ABSOLUTE_DAYS * 24 * HOUR - 60_000);
    expect(row.absoluteExpiresAt.getTime() - started).toBeLessThanOrEqual(app.config.SESSION_ABSOLUTE_DAYS * 24 * HOUR + 60_000);
  });

  it("slides the idle expiry while the session is used, but never the absolute end", async () => {
    const user = await createUser(app.db);
    const me = await app.signIn(user);
    const before = await app.db.session.update({
      where: { id: me.session.id },
      data: { expiresAt: new Date(Date.now() + HOUR) }, // less than half the idle time left
    });

    const result = await app.server.sessions.validate(me.session.id);
    expect(result.session?.fresh).toBe(true);
    expect(result.cookie).toMatch(new RegExp(`^jointly_session=${me.session.id};`));
    const after = await app.db.session.findUniqueOrThrow({ where: { id: me.session.id } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + (app.config.SESSION_IDLE_HOURS - 1) * HOUR);
    expect(after.absoluteExpiresAt).toEqual(before.absoluteExpiresAt);
  });

  it("removes expired sessions in bulk, and only those", async () => {
    const user = await createUser(app.db);
    const [idle, old, live] = [await app.signIn(user), await app.signIn(user), await app.signIn(user)];
    await app.db.session.update({ where: { id: idle.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await app.db.session.update({ where: { id: old.session.id }, data: { absoluteExpiresAt: new Date(Date.now() - 1000) } });

    await app.server.sessions.removeExpired();

    const left = await app.db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(left).toEqual([{ id: live.session.id }]);
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
