// What a committed change makes happen elsewhere, collected while its transaction runs and stored in
// the transaction's outbox row: socket events and in-app notifications (and, later, e-mail). Plain
// JSON, so a dispatcher in any process can carry them out after a crash.
import type { NotificationKind, NotificationPayload } from "../domains/notifications/notifications.schema.js";
import { NotificationPayloadSchemas } from "../domains/notifications/notifications.schema.js";
import type { ServerEventName, ServerEventPayload } from "../realtime/realtime.events.js";

export type Effect =
  | { type: "publish"; room: string; event: ServerEventName; payload: unknown }
  | { type: "notify"; userIds: string[]; kind: NotificationKind; payload: unknown };

export type Effects = {
  /** A socket event to `room`, sent after commit. Payloads carry ids and small deltas only. */
  publish<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void;
  /** An in-app notification for each of `userIds` (duplicates ignored), created after commit. */
  notify<K extends NotificationKind>(userIds: string[], kind: K, payload: NotificationPayload<K>): void;
};

export function collectEffects(): { effects: Effects; collected: Effect[] } {
  const collected: Effect[] = [];
  return {
    collected,
    effects: {
      publish(room, event, payload) {
        collected.push({ type: "publish", room, event, payload });
      },
      notify(userIds, kind, payload) {
        const recipients = [...new Set(userIds)];
        if (!recipients.length) return;
        // A payload that does not fit its kind is a bug: it fails the change, not the dispatcher later.
        collected.push({ type: "notify", userIds: recipients, kind, payload: NotificationPayloadSchemas[kind].parse(payload) });
      },
    },
  };
}
