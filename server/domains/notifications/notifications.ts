// The signed-in user's own notifications, one function per use case: list, unread count, mark read.
// Notifications are created by the other domains' units of work (`effects.notify`), never here.
import type { AppDeps } from "../../deps.js";
import type { Tx } from "../../db.js";
import { userRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import type { ListNotificationsInput, MarkReadInput, NotificationKind } from "./notifications.schema.js";

const countUnread = (client: Pick<Tx, "notification">, userId: string) => client.notification.count({ where: { userId, readAt: null } });

/** The user's notifications, newest first, a page at a time, with their unread count. */
export async function listNotifications(deps: Pick<AppDeps, "db">, { userId, input }: { userId: string; input: ListNotificationsInput }) {
  const { filter, limit, cursor } = input;
  const rows = await deps.db.notification.findMany({
    where: { userId, ...(filter === "unread" ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, payload: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, limit).map((r) => ({ ...r, kind: r.kind as NotificationKind }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null, unreadCount: await countUnread(deps.db, userId) };
}

export function countUnreadNotifications(deps: Pick<AppDeps, "db">, { userId }: { userId: string }) {
  return countUnread(deps.db, userId);
}

/**
 * Marks the user's own notifications read (ids of other users' notifications are ignored; a first
 * read time is kept) and tells the user's other tabs the new count.
 */
export function markNotificationsRead(deps: Pick<AppDeps, "db" | "outbox">, { userId, input }: { userId: string; input: MarkReadInput }) {
  return inTransaction(deps, async (tx, effects) => {
    await tx.notification.updateMany({ where: { userId, id: { in: input.ids }, readAt: null }, data: { readAt: new Date() } });
    const unreadCount = await countUnread(tx, userId);
    effects.publish(userRoom(userId), "notifications:read", { unreadCount });
    return { unreadCount };
  });
}

export function markAllNotificationsRead(deps: Pick<AppDeps, "db" | "outbox">, { userId }: { userId: string }) {
  return inTransaction(deps, async (tx, effects) => {
    await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
    const unreadCount = await countUnread(tx, userId);
    effects.publish(userRoom(userId), "notifications:read", { unreadCount });
    return { unreadCount };
  });
}
