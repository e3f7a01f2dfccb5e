// What a committed change makes happen elsewhere, collected while its transaction runs and stored in
// the transaction's outbox row: socket events, in-app notifications (which mail their recipients as
// their settings say) and direct mails. Plain JSON, so a dispatcher in any process can carry them out
// after a crash.
import type { NotificationKind, NotificationPayload } from "../domains/notifications/notifications.schema.js";
import { NotificationPayloadSchemas } from "../domains/notifications/notifications.schema.js";
import { DirectMailSchemas, MailAddressSchema, MailLocaleSchema, type DirectMailData, type DirectTemplateName, type MailAddress } from "../mail/direct-mail.schema.js";
import type { Locale } from "../mail/templates/i18n.js";
import type { ServerEventName, ServerEventPayload } from "../realtime/realtime.events.js";

export type Effect =
  | { type: "publish"; room: string; event: ServerEventName; payload: unknown }
  | { type: "notify"; userIds: string[]; kind: NotificationKind; payload: unknown }
  | { type: "mail"; to: MailAddress; template: DirectTemplateName; data: unknown; locale: Locale };

export type DirectMail<T extends DirectTemplateName> = { to: MailAddress; template: T; data: DirectMailData<T>; locale?: Locale };

export type Effects = {
  /** A socket event to `room`, sent after commit. Payloads carry ids and small deltas only. */
  publish<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>): void;
  /** An in-app notification for each of `userIds` (duplicates ignored), created after commit. */
  notify<K extends NotificationKind>(userIds: string[], kind: K, payload: NotificationPayload<K>): void;
  /**
   * A direct mail (an invitation, an account mail), sent once after commit by the `mail:send` job with
   * retries. Not for news a member could turn off: that is a notification, mailed by their settings.
   */
  mail<T extends DirectTemplateName>(message: DirectMail<T>): void;
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
      mail({ to, template, data, locale }) {
        collected.push({
          type: "mail",
          to: MailAddressSchema.parse(to),
          template,
          data: DirectMailSchemas[template].parse(data),
          locale: MailLocaleSchema.parse(locale),
        });
      },
    },
  };
}
