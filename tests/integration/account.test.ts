// Account life against the real server and a real SMTP server (decisions 0009 and 0012): password reset by a
// mailed link (single use, 30 minutes, only its hash at rest, every session ended, the same answer for
// an unknown address, limited), sign-up (the same answer for a taken address, whose owner is mailed;
// limited), confirming an address and changing it, two-factor sign-in (enrolment, a code at sign-in,
// wrong codes refused and limited, a code never twice, recovery codes once), a partnership that
// requires two-factor (refused in the permission layer), the list of sessions and signing out everywhere
// else, and invitations mailed to the invited address.
import { createHash } from "node:crypto";
import { generate } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { open } from "../../server/auth/secret-box.js";
import { ACCOUNT_LIMITS } from "../../server/auth/account-limits.js";
import { listSessions, signOutOtherSessions } from "../../server/domains/identity/account-sessions.js";
import { confirmEmail, requestEmailChange } from "../../server/domains/identity/addresses.js";
import { SignUpInputSchema, TWO_FACTOR_REQUIRED } from "../../server/domains/identity/identity.schema.js";
import { completeSignIn, signIn, signUp } from "../../server/domains/identity/identity.server.js";
import { getPasswordReset, requestPasswordReset, resetPassword } from "../../server/domains/identity/passwords.js";
import { createUser, DEFAULT_PASSWORD } from "../../server/fixtures/factories.js";
import { appSecret } from "../../server/secrets.js";
import { inTransaction } from "../../server/unit-of-work/unit-of-work.js";
import { servicesWorld } from "../support/services-helpers.js";
import { linkIn, startSmtpServer, tokenOf } from "../support/smtp.js";
import { nextEvent, refusal, sessionRowId, startTestApp } from "../support/test-app.js";
import { eventually, settle } from "../support/voting-helpers.js";

const APP_SECRET = "account-test-secret-0123456789-abcdefghijklmnop";
const smtp = await startSmtpServer();
const app = await startTestApp({ env: { SMTP_URL: smtp.url, APP_SECRET, MAIL_FROM: "Jointly <no-reply@jointly.test>" } });
afterAll(async () => {
  await app.close();
  await smtp.close();
});

const deps = app.server.deps;
const origin = app.config.appOrigin;
let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

/** The one mail to `address` with `subject`, waited for (and no second one). */
async function onlyMail(address: string, subject: string) {
  const mails = await smtp.wait((a) => a.to === address.toLowerCase() && a.mail.subject === subject, 1, { what: `"${subject}" to ${address}` });
  expect(mails).toHaveLength(1);
  return mails[0]!.mail;
}

/** Whether any table where data could linger holds `secret` in clear: outbox rows, queued jobs, deliveries. */
async function anywhereAtRest(secret: string): Promise<boolean> {
  const rows = await app.db.$queryRaw<Array<{ found: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "OutboxEvent" WHERE "effects"::text LIKE ${`%${secret}%`})
        OR EXISTS (SELECT 1 FROM graphile_worker._private_jobs WHERE payload::text LIKE ${`%${secret}%`})
        OR EXISTS (SELECT 1 FROM "MailDelivery" WHERE row_to_json("MailDelivery")::text LIKE ${`%${secret}%`})
        OR EXISTS (SELECT 1 FROM "PasswordReset" WHERE row_to_json("PasswordReset")::text LIKE ${`%${secret}%`})
        OR EXISTS (SELECT 1 FROM "EmailVerification" WHERE row_to_json("EmailVerification")::text LIKE ${`%${secret}%`}) AS found`;
  return rows[0]!.found;
}

// ─── password reset ──────────────────────────────────────────────────────────

describe("password reset", () => {
  it("mails one single-use link to the account's address, and the same answer (and nothing else) for an unknown address", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const before = await app.db.passwordReset.count();
    await expect(requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } })).resolves.toBeUndefined();
    await expect(requestPasswordReset(deps, { input: { email: `nobody-${user.id}@example.test`, ip: freshIp() } })).resolves.toBeUndefined();

    const mail = await onlyMail(user.email, "Reset your Jointly password");
    const link = linkIn(mail, origin, "/reset-password/");
    expect(smtp.arrivals.filter((a) => a.to === `nobody-${user.id}@example.test`)).toEqual([]);
    expect(await app.db.passwordReset.count()).toBe(before + 1);
    expect(mail.text).toContain("It works until");
    expect(mail.headers.get("list-unsubscribe")).toBeUndefined();

    // Only the token's SHA-256 is kept; once sent, the link exists nowhere in clear.
    const token = tokenOf(link);
    const row = await app.db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(sha256(token));
    await eventually(async () => !(await anywhereAtRest(token)), { what: "the token gone from the outbox and the job queue" });
  });

  it("sets the new password once, ends every session of the account (their sockets too), and tells the address", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const phone = await app.signIn(user);
    const laptop = await app.signIn(user);
    const socket = await laptop.connect();
    const ended = nextEvent(socket, "session:ended", 10_000);
    await requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } });
    const token = tokenOf(linkIn(await onlyMail(user.email, "Reset your Jointly password"), origin, "/reset-password/"));

    expect(await getPasswordReset(deps, { input: { token } })).toEqual({ isValid: true, email: user.email });
    expect(await resetPassword(deps, { input: { token, password: "a brand new password" } })).toEqual({ email: user.email });
    await ended;
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(0);
    for (const person of [phone, laptop]) expect((await app.server.sessions.validate(person.session.id)).session).toBeNull();

    // The old password no longer works; the new one does.
    expect((await refusal(signIn(deps, { input: { email: user.email, password: DEFAULT_PASSWORD, ip: freshIp() } }))).code).toBe("UNAUTHORIZED");
    expect((await signIn(deps, { input: { email: user.email, password: "a brand new password", ip: freshIp() } })).outcome).toBe("signedIn");

    // Single use.
    expect(await getPasswordReset(deps, { input: { token } })).toEqual({ isValid: false });
    const again = await refusal(resetPassword(deps, { input: { token, password: "yet another password" } }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toMatch(/expired or was already used/);
    await onlyMail(user.email, "Your Jointly password was changed");
  });

  it("two resets with one link at the same moment: exactly one gets through", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    await requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } });
    const token = tokenOf(linkIn(await onlyMail(user.email, "Reset your Jointly password"), origin, "/reset-password/"));
    const results = await Promise.allSettled([
      resetPassword(deps, { input: { token, password: "first new password" } }),
      resetPassword(deps, { input: { token, password: "second new password" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a link after its 30 minutes, and an older link once a newer one was asked for", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    await requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } });
    const first = tokenOf(linkIn(await onlyMail(user.email, "Reset your Jointly password"), origin, "/reset-password/"));
    const row = await app.db.passwordReset.findFirstOrThrow({ where: { tokenHash: sha256(first) } });
    // 30 minutes from the request (the row's createdAt is the database's clock, a few ms later).
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 30 * 60_000)).toBeLessThan(1_000);
    await app.db.passwordReset.update({ where: { id: row.id }, data: { createdAt: new Date(Date.now() - 31 * 60_000), expiresAt: new Date(Date.now() - 60_000) } });
    expect(await getPasswordReset(deps, { input: { token: first } })).toEqual({ isValid: false });
    expect((await refusal(resetPassword(deps, { input: { token: first, password: "a brand new password" } }))).code).toBe("BAD_REQUEST");

    await requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } });
    await smtp.wait((a) => a.to === user.email && a.mail.subject === "Reset your Jointly password", 2);
    expect(await app.db.passwordReset.count({ where: { userId: user.id } })).toBe(1); // the older one is gone
  });

  it("is limited per address typed, with Retry-After, the same for an address with no account", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const unknown = `nobody-limited-${user.id}@example.test`;
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < ACCOUNT_LIMITS.resetPerEmail.attempts; i++) await requestPasswordReset(deps, { input: { email, ip: freshIp() } });
      const limited = await refusal(requestPasswordReset(deps, { input: { email, ip: freshIp() } }));
      expect(limited.code).toBe("TOO_MANY_REQUESTS");
      expect(limited.message).toMatch(/^Too many password-reset requests\. Try again in \d+ minute/);
      expect((limited.cause as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    }
  });
});

// ─── sign-up and addresses ───────────────────────────────────────────────────

describe("sign-up", () => {
  const input = (email: string) => SignUpInputSchema.parse({ name: "New Person", email, password: "a long enough password" });

  it("mails a new account a link that confirms its address (once)", async () => {
    const email = `new-${Date.now()}@example.test`;
    expect(await signUp(deps, { input: { ...input(email), ip: freshIp() } })).toEqual({ outcome: "checkInbox", email });
    const mail = await onlyMail(email, "Confirm your e-mail address for Jointly");
    const token = tokenOf(linkIn(mail, origin, "/verify-email/"));
    expect(await app.db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedAt: null });

    expect(await confirmEmail(deps, { input: { token } })).toEqual({ email, changed: false });
    expect((await app.db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await refusal(confirmEmail(deps, { input: { token } }))).code).toBe("BAD_REQUEST");
  });

  it("answers a taken address the same, creates nothing, and mails its owner (only) that someone tried", async () => {
    const owner = await createUser(app.db, { hashCost: 4 });
    const users = await app.db.user.count();
    expect(await signUp(deps, { input: { ...input(owner.email), ip: freshIp() } })).toEqual({ outcome: "checkInbox", email: owner.email });
    expect(await app.db.user.count()).toBe(users);
    const mail = await onlyMail(owner.email, "Someone tried to create a Jointly account with your address");
    expect(mail.text).toContain(`${origin}/forgot-password`);
    expect(mail.text).toContain(`${origin}/signin`);
    expect(smtp.to(owner.email).map((a) => a.mail.subject)).toEqual(["Someone tried to create a Jointly account with your address"]);
  });

  it("from an invitation's own link, creates the account confirmed and signed in", async () => {
    const world = await servicesWorld(app);
    const email = `invited-${Date.now()}@example.test`;
    const { link } = await world.founder.trpc.partnerships.invitation.create({ partnershipId: world.partnershipId, organizationId: world.union.id, email, role: "MEMBER" });
    const result = await signUp(deps, { input: { ...input(email), ip: freshIp(), invitationToken: tokenOf(link) } });
    expect(result.outcome).toBe("signedIn");
    expect((await app.db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    // Another address with the same link is an ordinary sign-up.
    const other = `not-invited-${Date.now()}@example.test`;
    expect((await signUp(deps, { input: { ...input(other), ip: freshIp(), invitationToken: tokenOf(link) } })).outcome).toBe("checkInbox");
  });

  it("is limited per address typed", async () => {
    const email = `flood-${Date.now()}@example.test`;
    for (let i = 0; i < ACCOUNT_LIMITS.signUpPerEmail.attempts; i++) await signUp(deps, { input: { ...input(email), ip: freshIp() } });
    const limited = await refusal(signUp(deps, { input: { ...input(email), ip: freshIp() } }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });

  it("sends no news mail to an address nobody confirmed", async () => {
    const confirmed = await createUser(app.db, { hashCost: 4 });
    const unconfirmed = await createUser(app.db, { hashCost: 4, verified: false });
    const requestId = `req-${Date.now()}`;
    await inTransaction(deps, async (_tx, effects) => {
      effects.notify([confirmed.id, unconfirmed.id], "serviceRequest.updated", { partnershipId: "none", requestId, category: "Transportation", statusLabel: "Approved" });
    });
    const mails = await smtp.wait((a) => Boolean(a.mail.text?.includes(requestId)), 1);
    expect(mails.map((m) => m.to)).toEqual([confirmed.email]);
  });
});

describe("changing the e-mail address", () => {
  it("takes effect only once the new address confirms it; the old address is told", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const person = await app.signIn(user);
    const newEmail = `moved-${Date.now()}@example.test`;
    const wrong = await refusal(requestEmailChange(deps, { userId: user.id, input: { email: newEmail, currentPassword: "not it", ip: freshIp() } }));
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["That is not your current password."] });

    expect(await person.trpc.identity.email.change({ email: newEmail, currentPassword: DEFAULT_PASSWORD })).toEqual({ pendingEmail: newEmail });
    const token = tokenOf(linkIn(await onlyMail(newEmail, "Confirm your e-mail address for Jointly"), origin, "/verify-email/"));
    expect(smtp.to(user.email)).toEqual([]);
    const pending = await person.trpc.identity.profile.get();
    expect(pending).toMatchObject({ email: user.email, pendingEmail: { email: newEmail } });

    expect(await confirmEmail(deps, { input: { token } })).toEqual({ email: newEmail, changed: true });
    expect(await person.trpc.identity.profile.get()).toMatchObject({ email: newEmail, isEmailVerified: true, pendingEmail: null });
    const notice = await onlyMail(user.email, "Your Jointly e-mail address was changed");
    expect(notice.text).toContain(newEmail);
  });

  it("answers the same for an address that has an account, and mails nobody", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const taken = await createUser(app.db, { hashCost: 4 });
    const person = await app.signIn(user);
    expect(await person.trpc.identity.email.change({ email: taken.email, currentPassword: DEFAULT_PASSWORD })).toEqual({ pendingEmail: taken.email });
    expect((await person.trpc.identity.profile.get()).pendingEmail?.email).toBe(taken.email);
    await settle(2_000);
    expect(smtp.to(taken.email)).toEqual([]);
    expect(smtp.to(user.email)).toEqual([]);
  });
});

// ─── two-factor ──────────────────────────────────────────────────────────────

/** A user with two-factor on; returns the secret (for codes) and the recovery codes. */
async function withTwoFactor() {
  const user = await createUser(app.db, { hashCost: 4 });
  const person = await app.signIn(user);
  const { secret } = await person.trpc.identity.twoFactor.start();
  const plain = secret.replace(/\s/g, "");
  const { recoveryCodes } = await person.trpc.identity.twoFactor.confirm({ code: await generate({ secret: plain }) });
  return { user, person, secret: plain, recoveryCodes };
}

/** The password step of a sign-in with two-factor: the pending sign-in's token. */
async function passwordStep(email: string) {
  const first = await signIn(deps, { input: { email, password: DEFAULT_PASSWORD, ip: freshIp() } });
  if (first.outcome !== "secondFactor") throw new Error("expected the second-factor step");
  return first.challenge;
}

describe("two-factor sign-in", () => {
  it("enrols with a first code from the app, keeps the secret sealed, and gives ten recovery codes", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const person = await app.signIn(user);
    const { secret, qrCode, uri } = await person.trpc.identity.twoFactor.start();
    const plain = secret.replace(/\s/g, "");
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Jointly:/);
    const row = await app.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(plain);
    expect(open(appSecret(app.config), "totp-secret", row.secret, user.id)).toBe(plain);
    expect(() => open(appSecret(app.config), "totp-secret", row.secret, "someone-else")).toThrow();
    expect(row.enabledAt).toBeNull();

    expect((await refusal(person.trpc.identity.twoFactor.confirm({ code: "000000" }))).fieldErrors?.code?.[0]).toMatch(/not right/);
    const { recoveryCodes } = await person.trpc.identity.twoFactor.confirm({ code: await generate({ secret: plain }) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await app.db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((c) => c.codeHash).join()).not.toContain(recoveryCodes[0]!.replace("-", ""));
    expect((await person.trpc.identity.profile.get()).twoFactor).toMatchObject({ isOn: true, recoveryCodesLeft: 10 });
  });

  it("signs in with a code after the password: no session until then, and a code never works twice", async () => {
    const { user, secret } = await withTwoFactor();
    const sessions = await app.db.session.count({ where: { userId: user.id } });
    const challenge = await passwordStep(user.email);
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(sessions);
    const wrong = await refusal(completeSignIn(deps, { input: { challenge, code: "123456", ip: freshIp() } }));
    expect(wrong.code).toBe("UNAUTHORIZED");

    // The step after the enrolment's, so it is a code not used yet.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const done = await completeSignIn(deps, { input: { challenge, code, ip: freshIp(), userAgent: FIREFOX } });
    expect(done.userId).toBe(user.id);
    expect(await app.db.session.count({ where: { userId: user.id } })).toBe(sessions + 1);
    // The pending sign-in is used up, and the same code is refused on a new one.
    expect((await refusal(completeSignIn(deps, { input: { challenge, code, ip: freshIp() } }))).code).toBe("UNAUTHORIZED");
    const again = await passwordStep(user.email);
    expect((await refusal(completeSignIn(deps, { input: { challenge: again, code, ip: freshIp() } }))).code).toBe("UNAUTHORIZED");
  });

  it("limits wrong codes per account and client address, then per account from anywhere, even for the right code", async () => {
    const { user, secret } = await withTwoFactor();
    const ip = freshIp();
    const challenge = await passwordStep(user.email);
    for (let i = 0; i < ACCOUNT_LIMITS.codePerPair.attempts; i++) {
      expect((await refusal(completeSignIn(deps, { input: { challenge, code: String(100000 + i), ip } }))).code).toBe("UNAUTHORIZED");
    }
    const right = () => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const limited = await refusal(completeSignIn(deps, { input: { challenge, code: await right(), ip } }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    // From another address the owner still gets in (until the account's own limit).
    expect((await completeSignIn(deps, { input: { challenge, code: await right(), ip: freshIp() } })).userId).toBe(user.id);

    const next = await passwordStep(user.email);
    for (let i = 0; i < ACCOUNT_LIMITS.codePerUser.attempts; i++) await refusal(completeSignIn(deps, { input: { challenge: next, code: String(200000 + i), ip: freshIp() } }));
    expect((await refusal(completeSignIn(deps, { input: { challenge: next, code: "999999", ip: freshIp() } }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("a recovery code signs in once", async () => {
    const { user, recoveryCodes } = await withTwoFactor();
    const code = recoveryCodes[3]!;
    const first = await completeSignIn(deps, { input: { challenge: await passwordStep(user.email), code: code.replace("-", ""), ip: freshIp() } });
    expect(first.usedRecoveryCode).toBe(true);
    expect((await refusal(completeSignIn(deps, { input: { challenge: await passwordStep(user.email), code: code.replace("-", ""), ip: freshIp() } }))).code).toBe("UNAUTHORIZED");
    expect(await app.db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("a password reset does not skip the second factor", async () => {
    const { user } = await withTwoFactor();
    await requestPasswordReset(deps, { input: { email: user.email, ip: freshIp() } });
    const token = tokenOf(linkIn(await onlyMail(user.email, "Reset your Jointly password"), origin, "/reset-password/"));
    await resetPassword(deps, { input: { token, password: "a brand new password" } });
    const next = await signIn(deps, { input: { email: user.email, password: "a brand new password", ip: freshIp() } });
    expect(next.outcome).toBe("secondFactor");
  });
});

describe("a partnership that requires two-factor", () => {
  it("is refused, in the permission layer, to a member who must use it and has not; others are not affected", async () => {
    const world = await servicesWorld(app);
    // The founder (a co-chair) must have it on to require it.
    const refusedFirst = await refusal(world.founder.trpc.partnerships.security.setTwoFactorRequired({ partnershipId: world.partnershipId, required: true }));
    expect(refusedFirst.code).toBe("PRECONDITION_FAILED");
    const { secret } = await world.founder.trpc.identity.twoFactor.start();
    await world.founder.trpc.identity.twoFactor.confirm({ code: await generate({ secret: secret.replace(/\s/g, "") }) });
    const settings = await world.founder.trpc.partnerships.security.setTwoFactorRequired({ partnershipId: world.partnershipId, required: true });
    expect(settings.twoFactorRequired).toBe(true);
    expect(settings.withoutTwoFactor).toEqual(expect.arrayContaining([world.cboMember.name, world.reviewer.name]));
    expect(settings.withoutTwoFactor).not.toContain(world.employerMember.name);

    // A CBO member (reads trainee data) and a reviewer without two-factor: every read of the partnership is refused.
    for (const person of [world.cboMember, world.reviewer]) {
      const trainees = await refusal(person.trpc.services.trainee.list({ partnershipId: world.partnershipId }));
      expect(trainees.code).toBe("PRECONDITION_FAILED");
      expect(trainees.message).toBe(TWO_FACTOR_REQUIRED);
      expect((await refusal(person.trpc.partnerships.partnership.get({ partnershipId: world.partnershipId }))).code).toBe("PRECONDITION_FAILED");
    }
    // Over HTTP too (412), and a member it does not apply to carries on.
    const http = await world.cboMember.http.query("services.trainee.list", { partnershipId: world.partnershipId });
    expect(http.status).toBe(412);
    expect((await world.employerMember.trpc.partnerships.partnership.get({ partnershipId: world.partnershipId })).partnership.id).toBe(world.partnershipId);

    // Once the CBO member turns it on, the trainees are theirs to see again.
    const own = await world.cboMember.trpc.identity.twoFactor.start();
    await world.cboMember.trpc.identity.twoFactor.confirm({ code: await generate({ secret: own.secret.replace(/\s/g, "") }) });
    const list = await world.cboMember.trpc.services.trainee.list({ partnershipId: world.partnershipId });
    expect(JSON.stringify(list)).toContain(world.trainee.name);
  });
});

// ─── sessions ────────────────────────────────────────────────────────────────

describe("your sessions", () => {
  it("lists the devices with this one first, and signs out everywhere else (sockets too), keeping this one", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const here = await app.signIn(user);
    const laptop = await app.server.sessions.start(user.id, { userAgent: FIREFOX });
    const phone = await app.server.sessions.start(user.id, { userAgent: IPHONE });
    const phoneSocket = await app.connectSocket({ cookie: `${app.server.sessions.cookieName}=${phone.session.id}` });
    const ended = nextEvent(phoneSocket, "session:ended", 10_000);

    const listed = await here.trpc.identity.session.list();
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatchObject({ isThisDevice: true, device: "Unknown device" });
    expect(listed.map((s) => s.device).sort()).toEqual(["Firefox on Windows", "Safari on iPhone", "Unknown device"]);
    expect(JSON.stringify(listed)).not.toContain(sessionRowId(laptop.session.id));

    expect(await here.trpc.identity.session.signOutOthers()).toEqual({ ended: 2 });
    await ended;
    expect((await app.server.sessions.validate(laptop.session.id)).session).toBeNull();
    expect((await app.server.sessions.validate(here.session.id)).session).not.toBeNull();
    expect(await listSessions(deps, { userId: user.id, sessionRowId: sessionRowId(here.session.id) })).toHaveLength(1);
    expect(await signOutOtherSessions(deps, { userId: user.id, sessionRowId: sessionRowId(here.session.id) })).toEqual({ ended: 0 });
  });

  it("a password change from the profile ends the other sessions, not this one", async () => {
    const user = await createUser(app.db, { hashCost: 4 });
    const here = await app.signIn(user);
    const other = await app.signIn(user);
    expect(await here.trpc.identity.password.change({ currentPassword: DEFAULT_PASSWORD, newPassword: "a changed password here" })).toEqual({ endedSessions: 1 });
    expect((await app.server.sessions.validate(other.session.id)).session).toBeNull();
    expect((await app.server.sessions.validate(here.session.id)).session).not.toBeNull();
    await onlyMail(user.email, "Your Jointly password was changed");
  });
});

// ─── invitations ─────────────────────────────────────────────────────────────

describe("an invitation", () => {
  it("is mailed once to the invited address with the co-chair's link, to nobody else, and the co-chair sees it went out", async () => {
    const world = await servicesWorld(app);
    const email = `invitee-${Date.now()}@example.test`;
    const logged: unknown[] = [];
    const info = deps.logger.info.bind(deps.logger);
    (deps.logger as { info: unknown }).info = (...args: unknown[]) => (logged.push(args), info(...(args as Parameters<typeof info>)));
    try {
      const created = await world.founder.trpc.partnerships.invitation.create({ partnershipId: world.partnershipId, organizationId: world.union.id, email, role: "MEMBER" });
      const mail = await onlyMail(email, `${world.founder.user.name} invited you to ${world.partnership.name} on Jointly`);
      expect(linkIn(mail, origin, "/invitations/")).toBe(created.link);
      expect(smtp.about(tokenOf(created.link)).map((a) => a.to)).toEqual([email]);
      expect(JSON.stringify(logged)).not.toContain(tokenOf(created.link));
      await eventually(async () => (await world.founder.trpc.partnerships.invitation.list({ partnershipId: world.partnershipId })).find((i) => i.email === email)?.mail === "SENT", {
        what: "the invitation's mail shown as sent",
      });
      await eventually(async () => !(await anywhereAtRest(tokenOf(created.link))), { what: "the invitation token gone from the outbox and jobs" });
    } finally {
      (deps.logger as { info: unknown }).info = info;
    }
  });

  it("accepted through its link confirms the address of the account that accepts it", async () => {
    const world = await servicesWorld(app);
    const invitee = await createUser(app.db, { hashCost: 4, verified: false });
    const { link } = await world.founder.trpc.partnerships.invitation.create({ partnershipId: world.partnershipId, organizationId: world.union.id, email: invitee.email, role: "MEMBER" });
    await (await app.signIn(invitee)).trpc.partnerships.invitation.accept({ token: tokenOf(link) });
    expect((await app.db.user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });
});
