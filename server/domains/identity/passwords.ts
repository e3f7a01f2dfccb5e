// Passwords: a reset by a mailed link (single use, RESET_TTL_MS, only its hash stored, the same answer
// whether or not the address has an account, limited per address and per client), and a change from
// the profile with the current password. Either way every other session ends (their sockets too) and
// the account's address gets a notice.
import { hashPassword } from "../../auth/password.js";
import { hashToken, newToken } from "../../auth/tokens.js";
import { AppError } from "../../errors.js";
import { resolveLocale } from "../../mail/templates/i18n.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { ChangePasswordInput, ForgotPasswordInput, ResetPasswordInput, TokenInput } from "./identity.schema.js";
import { endSockets, PATHS, requireCurrentPassword, RESET_TTL_MS, type IdentityDeps } from "./identity.shared.js";

const LINK_SPENT = "This link has expired or was already used. Ask for a new one.";

/**
 * Mails a reset link if `email` has an account; answers the same either way (and within the same
 * limits, counted per typed address and per client address whether or not it exists).
 */
export async function requestPasswordReset(deps: IdentityDeps, { input }: { input: ForgotPasswordInput & { ip: string } }): Promise<void> {
  await deps.accountLimits.consume(
    [
      ["resetPerEmail", input.email],
      ["resetPerAddress", input.ip],
    ],
    "Too many password-reset requests.",
  );
  const user = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true, locale: true } });
  if (!user) return;
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + RESET_TTL_MS);
  await inTransaction(deps, async (tx, effects) => {
    // Only the newest link works.
    await tx.passwordReset.deleteMany({ where: { userId: user.id, usedAt: null } });
    await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hash, expiresAt } });
    effects.mail({
      to: { email: user.email, name: user.name, userId: user.id },
      template: "passwordReset",
      data: { name: user.name, path: PATHS.resetPassword(token), expiresAt: expiresAt.toISOString() },
      locale: resolveLocale(user.locale),
    });
  });
}

/** What the reset page shows for a link: whether it still works (and for which address). */
export async function getPasswordReset(deps: Pick<IdentityDeps, "db">, { input }: { input: TokenInput }) {
  const reset = await deps.db.passwordReset.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { usedAt: true, expiresAt: true, user: { select: { email: true } } } });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return { isValid: false as const };
  return { isValid: true as const, email: reset.user.email };
}

/**
 * Sets a new password with a reset link: the link is claimed with a conditional write (single use, even
 * for two requests at once), every session of the account ends, pending second-factor sign-ins lapse,
 * and the address counts as confirmed (the link reached it). The person then signs in anew (with their
 * second factor, if they have one: a reset never skips it).
 */
export async function resetPassword(deps: IdentityDeps, { input }: { input: ResetPasswordInput }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password, deps.config.PASSWORD_HASH_COST);
  const { email, ended } = await inTransaction(deps, async (tx, effects) => {
    const now = new Date();
    const claimed = await tx.passwordReset.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true },
    });
    if (claimed.length !== 1) throw new AppError("BAD_REQUEST", LINK_SPENT);
    const userId = claimed[0]!.userId;
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true, name: true, locale: true, emailVerifiedAt: true } });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: now } });
    await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    await tx.signInChallenge.deleteMany({ where: { userId } });
    const sessions = await tx.session.findMany({ where: { userId }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId } });
    effects.mail({
      to: { email: user.email, name: user.name, userId },
      template: "passwordChanged",
      data: { name: user.name, how: "reset", resetPath: PATHS.forgotPassword },
      locale: resolveLocale(user.locale),
    });
    return { email: user.email, ended: sessions.map((s) => s.id) };
  });
  await endSockets(deps, ended);
  return { email };
}

/** A new password from the profile, with the current one; every other session ends, this one stays. */
export async function changePassword(
  deps: IdentityDeps,
  { userId, sessionRowId, input }: { userId: string; sessionRowId: string; input: ChangePasswordInput & { ip: string } },
): Promise<{ endedSessions: number }> {
  await requireCurrentPassword(deps, userId, input.currentPassword, input.ip);
  const passwordHash = await hashPassword(input.newPassword, deps.config.PASSWORD_HASH_COST);
  const ended = await inTransaction(deps, async (tx, effects) => {
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true, name: true, locale: true } });
    const others = await tx.session.findMany({ where: { userId, id: { not: sessionRowId } }, select: { id: true } });
    await tx.session.deleteMany({ where: { userId, id: { not: sessionRowId } } });
    await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    effects.mail({
      to: { email: user.email, name: user.name, userId },
      template: "passwordChanged",
      data: { name: user.name, how: "changed", resetPath: PATHS.forgotPassword },
      locale: resolveLocale(user.locale),
    });
    return others.map((s) => s.id);
  });
  await endSockets(deps, ended);
  return { endedSessions: ended.length };
}
