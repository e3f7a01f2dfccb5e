// In-app notifications: notify() writes one row per recipient, then tells each recipient's own socket
// room after the write has committed. Later domains (meetings, voting, drafts, services) call it.
import type { Db } from "../../db.js";
import type { Realtime } from "../../realtime/realtime.js";
import { userRoom } from "../../realtime/realtime.events.js";
import { NotificationPayloadSchemas, type NotificationKind, type NotificationPayload } from "./notifications.schema.js";

export type NotificationsService = ReturnType<typeof createNotificationsService>;

export function createNotificationsService({ db, realtime }: { db: Db; realtime: Pick<Realtime, "publish"> }) {
  const unreadCount = (userId: string) => db.notification.count({ where: { userId, readAt: null } });

  async function notify<K extends NotificationKind>(userIds: string[], kind: K, payload: NotificationPayload<K>) {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return [];
    const data = NotificationPayloadSchemas[kind].parse(payload);
    const created = await db.$transaction(
      recipients.map((userId) => db.notification.create({ data: { userId, kind, payload: data }, select: { id: true, userId: true } })),
    );
    for (const n of created) {
      realtime.publish(userRoom(n.userId), "notification:created", { id: n.id, unreadCount: await unreadCount(n.userId) });
    }
    return created;
  }

  return {
    notify,
    unreadCount: ({ userId }: { userId: string }) => unreadCount(userId),

    async list({ userId, filter, limit, cursor }: { userId: string; filter: "all" | "unread"; limit: number; cursor?: string }) {
      const rows = await db.notification.findMany({
        where: { userId, ...(filter === "unread" ? { readAt: null } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: { id: true, kind: true, payload: true, readAt: true, createdAt: true },
      });
      const items = rows.slice(0, limit).map((r) => ({ ...r, kind: r.kind as NotificationKind }));
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null, unreadCount: await unreadCount(userId) };
    },

    /** Marks the user's own notifications read; ids of other users' notifications are ignored. */
    async markRead({ userId, ids }: { userId: string; ids: string[] }) {
      await db.notification.updateMany({ where: { userId, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
      const count = await unreadCount(userId);
      realtime.publish(userRoom(userId), "notifications:read", { unreadCount: count });
      return { unreadCount: count };
    },

    async markAllRead({ userId }: { userId: string }) {
      await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
      realtime.publish(userRoom(userId), "notifications:read", { unreadCount: 0 });
      return { unreadCount: 0 };
    },
  };
}
