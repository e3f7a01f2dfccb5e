// What other parts of the server ask of identity, inside their own transaction or as maintenance.
import type { Db, Tx } from "../../db.js";

/**
 * A link mailed to `email` was used by the account with that address (an invitation accepted): the
 * mailbox is proven, so the address counts as confirmed. A no-op if it already was, or if the account's
 * address is another one.
 */
export async function confirmAddressByLink(tx: Tx, { userId, email }: { userId: string; email: string }): Promise<void> {
  await tx.user.updateMany({ where: { id: userId, email: email.toLowerCase(), emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
}

/** Maintenance: forgets used or expired reset and confirmation links (a day after), and stale second-factor sign-ins. */
export async function removeSpentAccountLinks(db: Db): Promise<void> {
  const now = new Date();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  await db.passwordReset.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } });
  await db.emailVerification.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { usedAt: { lt: dayAgo } }] } });
  await db.signInChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
}
