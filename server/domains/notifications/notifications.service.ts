// TRANSITIONAL: `notify` for the domains that still call `notifications.notify(userIds, kind, payload)`
// after their own commit. New code uses `effects.notify` inside its unit of work (server/unit-of-work),
// which stores the notification with the change and creates it after commit, exactly once. Delete this
// file (and its line in server/services.ts) when no domain calls it any more.
import type { Db } from "../../db.js";
import type { Realtime } from "../../realtime/realtime.js";
import { userRoom } from "../../realtime/realtime.events.js";
import { NotificationPayloadSchemas, type NotificationKind, type NotificationPayload } from "./notifications.schema.js";

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** @deprecated Use `effects.notify` inside `inTransaction`. */
export function createNotificationsService({ db, realtime }: { db: Db; realtime: Pick<Realtime, "publish"> }) {
  return {
    /** Writes one row per distinct recipient, then tells each recipient's own socket room. */
    async notify<K extends NotificationKind>(userIds: string[], kind: K, payload: NotificationPayload<K>) {
      const recipients = [...new Set(userIds)];
      if (recipients.length === 0) return [];
      const data = NotificationPayloadSchemas[kind].parse(payload);
      const created = await db.$transaction(
        recipients.map((userId) => db.notification.create({ data: { userId, kind, payload: data }, select: { id: true, userId: true } })),
      );
      for (const n of created) {
        const unreadCount = await db.notification.count({ where: { userId: n.userId, readAt: null } });
        realtime.publish(userRoom(n.userId), "notification:created", { id: n.id, unreadCount });
      }
      return created;
    },
  };
}
