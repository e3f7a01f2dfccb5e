// E-mail addresses: confirming the address given at sign-up, and changing it. A change takes effect
// only when the new address confirms it (a link mailed there), and the old address is told; until then
// the profile shows it as pending. Links are single use, expire (VERIFY_TTL_MS) and are stored hashed.
import { hashToken, newToken } from "../../auth/tokens.js";
import { AppError, isUniqueViolation } from "../../errors.js";
import { resolveLocale } from "../../mail/templates/i18n.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { ChangeEmailInput, TokenInput } from "./identity.schema.js";
import { mailConfirmationLink, PATHS, requireCurrentPassword, VERIFY_TTL_MS, type IdentityDeps } from "./identity.shared.js";

const LINK_SPENT = "This link has expired or was already used. Ask for a new one from your profile.";

/** What the confirmation page shows for a link: whether it works, the address, and whether it is a change. */
export async function getEmailConfirmation(deps: Pick<IdentityDeps, "db">, { input }: { input: TokenInput }) {
  const link = await deps.db.emailVerification.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { email: true, usedAt: true, expiresAt: true, user: { select: { email: true } } } });
  if (!link || link.usedAt || link.expiresAt <= new Date()) return { isValid: false as const };
  return { isValid: true as const, email: link.email, isChange: link.email !== link.user.email };
}

/**
 * Uses a confirmation link (single use: a conditional write). For the account's own address it marks
 * it confirmed; for a new address it becomes the account's address (unless another account took it
 * meanwhile: CONFLICT), other pending links lapse and the old address is told.
 */
export async function confirmEmail(deps: IdentityDeps, { input }: { input: TokenInput }): Promise<{ email: string; changed: boolean }> {
  return inTransaction(deps, async (tx, effects) => {
    const now = new Date();
    const [link] = await tx.emailVerification.updateManyAndReturn({
      where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true, email: true },
    });
    if (!link) throw new AppError("BAD_REQUEST", LINK_SPENT);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true, name: true, locale: true } });
    if (user.email === link.email) {
      await tx.user.update({ where: { id: link.userId }, data: { emailVerifiedAt: now } });
      return { email: link.email, changed: false };
    }
    try {
      await tx.user.update({ where: { id: link.userId }, data: { email: link.email, emailVerifiedAt: now } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError("CONFLICT", "That address now belongs to another account. Choose another one from your profile.");
    }
    await tx.emailVerification.deleteMany({ where: { userId: link.userId, usedAt: null } });
    effects.mail({
      to: { email: user.email, name: user.name },
      template: "emailChanged",
      data: { name: user.name, newEmail: link.email, resetPath: PATHS.forgotPassword },
      locale: resolveLocale(user.locale),
    });
    return { email: link.email, changed: true };
  });
}

/** Mails a new link for the account's own address, if it is not confirmed yet (limited per account). */
export async function resendConfirmation(deps: IdentityDeps, { userId }: { userId: string }): Promise<{ sentTo: string | null }> {
  await deps.accountLimits.consume([["verifyPerUser", userId]], "Too many confirmation e-mails.");
  return inTransaction(deps, async (tx, effects) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true } });
    if (user.emailVerifiedAt) return { sentTo: null };
    await mailConfirmationLink(tx, effects, user, user.email, { isChange: false });
    return { sentTo: user.email };
  });
}

/**
 * Asks to use another address, with the current password: a link goes to the new address and the change
 * waits for it. An address that already has an account gets no mail, but the answer is the same (so
 * the form cannot be used to learn who has an account).
 */
export async function requestEmailChange(deps: IdentityDeps, { userId, input }: { userId: string; input: ChangeEmailInput & { ip: string } }): Promise<{ pendingEmail: string }> {
  await requireCurrentPassword(deps, userId, input.currentPassword, input.ip);
  await deps.accountLimits.consume([["verifyPerUser", userId]], "Too many confirmation e-mails.");
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true } });
  if (input.email === user.email) {
    const message = "That is already your address.";
    throw new AppError("BAD_REQUEST", message, { fieldErrors: { email: [message] } });
  }
  const taken = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  await inTransaction(deps, async (tx, effects) => {
    if (taken) {
      // Pending like any other (the profile shows it the same way), but its link exists nowhere.
      await tx.emailVerification.deleteMany({ where: { userId, usedAt: null } });
      await tx.emailVerification.create({ data: { userId, email: input.email, tokenHash: newToken().hash, expiresAt: new Date(Date.now() + VERIFY_TTL_MS) } });
      return;
    }
    await mailConfirmationLink(tx, effects, user, input.email, { isChange: true });
  });
  return { pendingEmail: input.email };
}

/** Drops a pending change of address (its link stops working). */
export async function cancelEmailChange(deps: Pick<IdentityDeps, "db">, { userId }: { userId: string }): Promise<void> {
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  await deps.db.emailVerification.deleteMany({ where: { userId, usedAt: null, email: { not: user.email } } });
}
