// What the account use cases share: the links' lifetimes and paths, asking for the current password
// again (limited like codes), mailing a confirmation link, and ending sessions with their sockets.
import { verifyPassword } from "../../auth/password.js";
import { newToken } from "../../auth/tokens.js";
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { resolveLocale } from "../../mail/templates/i18n.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";

export type IdentityDeps = Pick<AppDeps, "db" | "config" | "outbox" | "sessions" | "realtime" | "accountLimits">;

/** A password-reset link works this long (and once). */
export const RESET_TTL_MS = 30 * 60_000;
/** A confirmation link for an e-mail address works this long (and once). */
export const VERIFY_TTL_MS = 24 * 60 * 60_000;
/** A sign-in waiting for its second factor lapses after this long. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

export const PATHS = {
  signIn: "/signin",
  forgotPassword: "/forgot-password",
  resetPassword: (token: string) => `/reset-password/${token}`,
  verifyEmail: (token: string) => `/verify-email/${token}`,
} as const;

/**
 * The account's password, asked again before a change to the account (address, password, two-factor).
 * Wrong answers count against the same limits as second-factor codes, per account and client address
 * and per account, so a stolen session cannot try passwords at leisure.
 */
export async function requireCurrentPassword(deps: Pick<AppDeps, "db" | "accountLimits">, userId: string, password: string, ip: string): Promise<void> {
  await deps.accountLimits.consume(
    [
      ["codePerPair", `${userId}\n${ip}`],
      ["codePerUser", userId],
    ],
    "Too many attempts.",
  );
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    const message = "That is not your current password.";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { currentPassword: [message] } });
  }
  await deps.accountLimits.forget("codePerPair", `${userId}\n${ip}`);
}

/** Mails a link that confirms `email` for the account (its own address, or the one it is changing to). */
export async function mailConfirmationLink(
  tx: Tx,
  effects: Effects,
  user: { id: string; name: string; locale: string },
  email: string,
  { isChange }: { isChange: boolean },
): Promise<void> {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + VERIFY_TTL_MS);
  // One pending link per account: a new one replaces the earlier ones.
  await tx.emailVerification.deleteMany({ where: { userId: user.id, usedAt: null } });
  await tx.emailVerification.create({ data: { userId: user.id, email, tokenHash: hash, expiresAt } });
  effects.mail({
    to: { email, name: user.name, userId: user.id },
    template: "emailVerification",
    data: { name: user.name, path: PATHS.verifyEmail(token), expiresAt: expiresAt.toISOString(), isChange },
    locale: resolveLocale(user.locale),
  });
}

/** After commit: ends the sockets of the sessions whose rows were deleted (any process). */
export async function endSockets(deps: Pick<AppDeps, "realtime">, sessionRowIds: string[]): Promise<void> {
  for (const id of sessionRowIds) await deps.realtime.endSession(id);
}
