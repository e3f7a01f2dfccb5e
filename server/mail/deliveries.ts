// The record of each mail, and the claim that makes it go out once. The SMTP send is the only step that
// is not transactional, so a mail is claimed (SENDING, in a transaction) before it and marked SENT after
// it. A redo of the same job finds the row by its key: SENT means done; SENDING means another attempt is
// at it, unless the claim is older than STALE_SENDING_MS, in which case its process died mid-send and the
// mail is sent again. That last case is the one duplicate this design allows (decision 0009).
import type { Db, Tx } from "../db.js";

export const STALE_SENDING_MS = 10 * 60_000;

export type DeliveryKind = "NOTIFICATION" | "DIGEST" | "DIRECT";
export type NewDelivery = { key: string; kind: DeliveryKind; userId: string | null; toAddress: string; template: string };

export type Claim =
  | { outcome: "send"; id: string; attempt: number; notificationIds: string[]; resent: boolean }
  /** Already sent, or nothing (left) to send. */
  | { outcome: "done" }
  /** Another attempt claimed it moments ago: try again later. */
  | { outcome: "busy" };

/**
 * Claims the mail named `fresh.key`. For a new one, `pick` (in the same transaction) names the
 * notifications it will carry; each notification goes out in one mail at most, so those already
 * carried by another are left out, and a mail left with none is not sent at all.
 */
export function claimDelivery(db: Db, fresh: NewDelivery, pick?: (tx: Tx) => Promise<string[]>, now = new Date()): Promise<Claim> {
  return db.$transaction(async (tx): Promise<Claim> => {
    const [created] = await tx.mailDelivery.createManyAndReturn({
      data: [{ ...fresh, status: "SENDING", claimedAt: now, attempts: 1 }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created) {
      if (!pick) return { outcome: "send", id: created.id, attempt: 1, notificationIds: [], resent: false };
      const wanted = await pick(tx);
      const carried = wanted.length
        ? await tx.mailDeliveryItem.createManyAndReturn({
            data: wanted.map((notificationId) => ({ notificationId, deliveryId: created.id })),
            skipDuplicates: true,
            select: { notificationId: true },
          })
        : [];
      if (!carried.length) {
        await tx.mailDelivery.delete({ where: { id: created.id } });
        return { outcome: "done" };
      }
      return { outcome: "send", id: created.id, attempt: 1, notificationIds: carried.map((c) => c.notificationId), resent: false };
    }
    // It exists: lock it, so two attempts at once cannot both take it.
    const [row] = await tx.$queryRaw<Array<{ id: string; status: string; claimedAt: Date | null; attempts: number }>>`
      SELECT "id", "status", "claimedAt", "attempts" FROM "MailDelivery" WHERE "key" = ${fresh.key} FOR UPDATE`;
    if (!row || row.status === "SENT") return { outcome: "done" };
    if (row.status === "SENDING" && row.claimedAt && row.claimedAt.getTime() > now.getTime() - STALE_SENDING_MS) return { outcome: "busy" };
    await tx.mailDelivery.update({ where: { id: row.id }, data: { status: "SENDING", claimedAt: now, attempts: row.attempts + 1 } });
    const items = await tx.mailDeliveryItem.findMany({ where: { deliveryId: row.id }, select: { notificationId: true } });
    return { outcome: "send", id: row.id, attempt: row.attempts + 1, notificationIds: items.map((i) => i.notificationId), resent: row.status === "SENDING" };
  });
}

export async function markSent(db: Db, id: string, messageId: string) {
  await db.mailDelivery.updateMany({ where: { id, status: "SENDING" }, data: { status: "SENT", messageId, sentAt: new Date(), lastError: null } });
}

export async function markFailed(db: Db, id: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  await db.mailDelivery.updateMany({ where: { id, status: "SENDING" }, data: { status: "FAILED", lastError: message.slice(0, 500) } });
}

/** Where a direct mail stands, as its sender may see it: not sent yet, sent, or failing (retried). */
export type DirectMailState = "QUEUED" | "SENT" | "FAILED";

/**
 * The state of the direct mail of `template` to each address asked for after `since` (the first such
 * delivery). For a sender to see that their mail went out, e.g. an invitation's.
 */
export async function directMailStates(db: Db, template: string, wanted: Array<{ toAddress: string; since: Date }>): Promise<DirectMailState[]> {
  if (!wanted.length) return [];
  const rows = await db.mailDelivery.findMany({
    where: { kind: "DIRECT", template, toAddress: { in: [...new Set(wanted.map((w) => w.toAddress.toLowerCase()))] } },
    orderBy: { createdAt: "asc" },
    select: { toAddress: true, status: true, createdAt: true },
  });
  return wanted.map(({ toAddress, since }) => {
    const row = rows.find((r) => r.toAddress === toAddress.toLowerCase() && r.createdAt >= since);
    if (!row || row.status === "SENDING") return "QUEUED";
    return row.status === "SENT" ? "SENT" : "FAILED";
  });
}
