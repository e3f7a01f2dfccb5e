// Accounts and sign-in, one function per use case. A .server module: the sign-in, sign-up and sign-out
// Remix actions import it, and the browser bundle leaves it out. Sign-in failures never say whether the
// e-mail exists, and attempts are limited in PostgreSQL per account and client address, and per address
// (server/auth/rate-limit.ts): an attempt is consumed atomically before the password is checked, so
// parallel guesses, on any number of processes, get no more checks than the limit allows; a flood from
// one address never locks the owner out from another. Sign-up answers the same whether or not the
// address has an account (its owner is mailed instead), and an account with two-factor sign-in gets its
// session only after the second factor (decision 0014).
import { hashPassword, verifyPassword } from "../../auth/password.js";
import type { SessionUser } from "../../auth/sessions.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import type { AppDeps } from "../../deps.js";
import { AppError, isUniqueViolation } from "../../errors.js";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "../../mail/templates/i18n.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { pendingInvitationEmail } from "../partnerships/partnerships.api.js";
import type { SignInInput, SignUpInput, TwoFactorCodeInput } from "./identity.schema.js";
import { CHALLENGE_TTL_MS, mailConfirmationLink, PATHS } from "./identity.shared.js";
import { checkSecondFactor } from "./two-factor.js";

const WRONG_CREDENTIALS = "That email and password do not match an account.";
const CHALLENGE_LAPSED = "Your sign-in has expired. Sign in again.";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Compared against when the e-mail is unknown, so both paths take the same time. A cache of a constant
// (per hash cost), not state: every process computes the same thing once.
const decoyHashes = new Map<number, Promise<string>>();
function decoyHash(cost: number): Promise<string> {
  let hash = decoyHashes.get(cost);
  if (!hash) decoyHashes.set(cost, (hash = hashPassword("decoy-password-for-timing", cost)));
  return hash;
}

type Client = { ip: string; userAgent?: string | null };
type SignUpDeps = Pick<AppDeps, "db" | "outbox" | "config" | "sessions" | "accountLimits">;

export type SignUpResult =
  /** An invitation's link proved the address: the account exists and is signed in. */
  | { outcome: "signedIn"; userId: string; cookie: string }
  /** The same answer for a new account and for an address that has one: "check your inbox". */
  | { outcome: "checkInbox"; email: string };

/**
 * Creates an account, limited per address and per client. Without an invitation: the new account gets a
 * link to confirm its address and the answer is "check your inbox"; an address that already has an
 * account gets the same answer, and its owner a mail saying someone tried (nothing is created). From an
 * invitation's link for this very address (the link reached its mailbox): the account is created
 * confirmed and signed in, so the newcomer goes straight on to join.
 */
export async function signUp(deps: SignUpDeps, { input }: { input: SignUpInput & Client & { invitationToken?: string | null; locale?: Locale } }): Promise<SignUpResult> {
  await deps.accountLimits.consume(
    [
      ["signUpPerEmail", input.email],
      ["signUpPerAddress", input.ip],
    ],
    "Too many sign-ups.",
  );
  const passwordHash = await hashPassword(input.password, deps.config.PASSWORD_HASH_COST);
  const invited = input.invitationToken ? (await pendingInvitationEmail(deps.db, input.invitationToken)) === input.email : false;
  try {
    const user = await inTransaction(deps, async (tx, effects) => {
      const created = await tx.user.create({
        // The language the sign-up page was in becomes the account's (pages and mails), until changed.
        data: { email: input.email, name: input.name, passwordHash, emailVerifiedAt: invited ? new Date() : null, locale: input.locale ?? DEFAULT_LOCALE },
        select: { id: true, name: true, locale: true },
      });
      if (!invited) await mailConfirmationLink(tx, effects, created, input.email, { isChange: false });
      return created;
    });
    if (!invited) return { outcome: "checkInbox", email: input.email };
    const { cookie } = await deps.sessions.start(user.id, { userAgent: input.userAgent });
    return { outcome: "signedIn", userId: user.id, cookie };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // The address has an account: tell its owner, answer as for a new one.
  await inTransaction(deps, async (tx, effects) => {
    const owner = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true, locale: true } });
    if (!owner) return;
    effects.mail({
      to: { email: owner.email, name: owner.name, userId: owner.id },
      template: "signUpAttempt",
      data: { name: owner.name, signInPath: PATHS.signIn, resetPath: PATHS.forgotPassword },
      locale: resolveLocale(owner.locale),
    });
  });
  return { outcome: "checkInbox", email: input.email };
}

export type SignInResult =
  | ({ outcome: "signedIn"; userId: string } & Awaited<ReturnType<AppDeps["sessions"]["start"]>>)
  /** The password was right; the session waits for the second factor (the token goes in a short-lived cookie). */
  | { outcome: "secondFactor"; userId: string; challenge: string; expiresAt: Date };

/** Checks an e-mail and password (within the limits) and starts a new session, or asks for the second factor. */
export async function signIn(
  deps: Pick<AppDeps, "db" | "config" | "sessions" | "limiter">,
  { input }: { input: SignInInput & Client },
): Promise<SignInResult> {
  const attempt = { email: input.email, ip: input.ip };
  const verdict = await deps.limiter.attempt(attempt);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
    const message =
      verdict.scope === "pair"
        ? `Too many failed sign-in attempts for this account from your network. Try again in ${wait}.`
        : `Too many failed sign-in attempts from your network. Try again in ${wait}.`;
    throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  // Slow down repeated failures of this account from this address. The limiter's query has returned,
  // so no database connection is held while waiting.
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const user = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true, twoFactor: { select: { enabledAt: true } } } });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash(deps.config.PASSWORD_HASH_COST)), input.password);
  if (!user || !matches) throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  await deps.limiter.succeeded(attempt);
  if (user.twoFactor?.enabledAt) {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
    await deps.db.signInChallenge.create({ data: { id: hash, userId: user.id, userAgent: (input.userAgent ?? "").slice(0, 512), expiresAt } });
    return { outcome: "secondFactor", userId: user.id, challenge: token, expiresAt };
  }
  return { outcome: "signedIn", userId: user.id, ...(await deps.sessions.start(user.id, { userAgent: input.userAgent })) };
}

/**
 * The second step of a sign-in with two-factor: the pending sign-in (its cookie's token) and a code
 * from the app or a recovery code, limited per account and client address and per account. The pending
 * sign-in is used once (a conditional delete), then the session starts.
 */
export async function completeSignIn(
  deps: Pick<AppDeps, "db" | "config" | "sessions" | "accountLimits">,
  { input }: { input: TwoFactorCodeInput & Client & { challenge: string } },
): Promise<{ userId: string; cookie: string; usedRecoveryCode: boolean }> {
  const challenge = await deps.db.signInChallenge.findUnique({ where: { id: hashToken(input.challenge) }, select: { id: true, userId: true, expiresAt: true, userAgent: true } });
  if (!challenge || challenge.expiresAt <= new Date()) throw new AppError("UNAUTHORIZED", CHALLENGE_LAPSED);
  const { userId } = challenge;
  await deps.accountLimits.consume(
    [
      ["codePerPair", `${userId}\n${input.ip}`],
      ["codePerUser", userId],
    ],
    "Too many wrong codes.",
  );
  const how = await checkSecondFactor(deps, userId, input.code);
  if (!how) {
    const message = "That code is not right. Enter the newest code from your app, or an unused recovery code.";
    throw new AppError("UNAUTHORIZED", message, { fieldErrors: { code: [message] } });
  }
  const { count } = await deps.db.signInChallenge.deleteMany({ where: { id: challenge.id, expiresAt: { gt: new Date() } } });
  if (count !== 1) throw new AppError("UNAUTHORIZED", CHALLENGE_LAPSED);
  await deps.accountLimits.forget("codePerPair", `${userId}\n${input.ip}`);
  const { cookie } = await deps.sessions.start(userId, { userAgent: input.userAgent ?? challenge.userAgent });
  return { userId, cookie, usedRecoveryCode: how === "recovery" };
}

/** Ends the session and every socket that was opened with it (on any process). */
export async function signOut(deps: Pick<AppDeps, "sessions" | "realtime">, { input }: { input: { sessionId: string } }) {
  const result = await deps.sessions.end(input.sessionId);
  await deps.realtime.endSession(deps.sessions.rowIdOf(input.sessionId));
  return result;
}

/** The signed-in user as the UI sees it, or null. */
export function getMe(_deps: unknown, { user }: { user: SessionUser | null }) {
  return user ? { id: user.id, name: user.name, email: user.email, isEmailVerified: user.isEmailVerified, locale: user.locale, timeZone: user.timeZone } : null;
}

// The mailed links' pages (Remix loaders and actions: they work without JavaScript) use these.
export { getPasswordReset, requestPasswordReset, resetPassword } from "./passwords.js";
export { confirmEmail, getEmailConfirmation } from "./addresses.js";
