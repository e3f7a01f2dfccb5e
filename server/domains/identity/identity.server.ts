// Accounts and sign-in, one function per use case. A .server module: the sign-in, sign-up and sign-out
// Remix actions import it, and the browser bundle leaves it out. Sign-in failures never say whether the
// e-mail exists, and attempts are limited in PostgreSQL per account and client address, and per address
// (server/auth/rate-limit.ts): an attempt is consumed atomically before the password is checked, so
// parallel guesses, on any number of processes, get no more checks than the limit allows; a flood from
// one address never locks the owner out from another.
import { hashPassword, verifyPassword } from "../../auth/password.js";
import type { SessionUser } from "../../auth/sessions.js";
import type { AppDeps } from "../../deps.js";
import { AppError, isUniqueViolation } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { SignInInput, SignUpInput } from "./identity.schema.js";

const WRONG_CREDENTIALS = "That email and password do not match an account.";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Compared against when the e-mail is unknown, so both paths take the same time. A cache of a constant
// (per hash cost), not state: every process computes the same thing once.
const decoyHashes = new Map<number, Promise<string>>();
function decoyHash(cost: number): Promise<string> {
  let hash = decoyHashes.get(cost);
  if (!hash) decoyHashes.set(cost, (hash = hashPassword("decoy-password-for-timing", cost)));
  return hash;
}

/** Creates an account and starts its first session. */
export async function signUp(deps: Pick<AppDeps, "db" | "outbox" | "config" | "sessions">, { input }: { input: SignUpInput }) {
  const passwordHash = await hashPassword(input.password, deps.config.PASSWORD_HASH_COST);
  const user = await inTransaction(deps, (tx) =>
    tx.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } }),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      const message = "An account with this email already exists. Sign in instead.";
      throw new AppError("CONFLICT", message, { fieldErrors: { email: [message] } });
    }
    throw error;
  });
  return { userId: user.id, ...(await deps.sessions.start(user.id)) };
}

/** Checks an e-mail and password (within the limits) and starts a new session. */
export async function signIn(
  deps: Pick<AppDeps, "db" | "config" | "sessions" | "limiter">,
  { input }: { input: SignInInput & { ip: string } },
) {
  const attempt = { email: input.email, ip: input.ip };
  const verdict = await deps.limiter.attempt(attempt);
  if (!verdict.allowed) {
    const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
    const message =
      verdict.scope === "pair"
        ? `Too many failed sign-in attempts for this account from your network. Try again in ${minutes} minute(s).`
        : `Too many failed sign-in attempts from your network. Try again in ${minutes} minute(s).`;
    throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  // Slow down repeated failures of this account from this address. The limiter's query has returned,
  // so no database connection is held while waiting.
  if (verdict.delayMs > 0) await sleep(verdict.delayMs);
  const user = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true, passwordHash: true } });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash(deps.config.PASSWORD_HASH_COST)), input.password);
  if (!user || !matches) throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  await deps.limiter.succeeded(attempt);
  return { userId: user.id, ...(await deps.sessions.start(user.id)) };
}

/** Ends the session and every socket that was opened with it (on any process). */
export async function signOut(deps: Pick<AppDeps, "sessions" | "realtime">, { input }: { input: { sessionId: string } }) {
  const result = await deps.sessions.end(input.sessionId);
  await deps.realtime.endSession(input.sessionId);
  return result;
}

/** The signed-in user as the UI sees it, or null. */
export function getMe(_deps: unknown, { user }: { user: SessionUser | null }) {
  return user ? { id: user.id, name: user.name, email: user.email } : null;
}
