// A notification as a mail: its kind's template (one module per kind) in the shared layout, with the
// link to its page, the settings link and the one-click unsubscribe link of its group.
import type { NotificationKind, NotificationPayload } from "../../domains/notifications/notifications.schema.js";
import { actionAssigned } from "./action-assigned.js";
import { actionDueSoon } from "./action-due-soon.js";
import { agendaAwaitingApproval } from "./agenda-awaiting-approval.js";
import { agendaItemRejected } from "./agenda-item-rejected.js";
import { agendaPublished } from "./agenda-published.js";
import { draftChangesRequested } from "./draft-changes-requested.js";
import { draftMentioned } from "./draft-mentioned.js";
import { draftReplied } from "./draft-replied.js";
import { draftReviewRequested } from "./draft-review-requested.js";
import { draftSignedOff } from "./draft-signed-off.js";
import { jointDecided } from "./joint-decided.js";
import { jointWaiting } from "./joint-waiting.js";
import { messagesFor } from "./i18n.js";
import { renderLayout, type RenderedMail } from "./layout.js";
import { membershipJoined } from "./membership-joined.js";
import { minutesApproved } from "./minutes-approved.js";
import { minutesAwaitingApproval } from "./minutes-awaiting-approval.js";
import { whereOf, type NotificationContent, type NotificationMailContext, type NotificationTemplate } from "./notification-template.js";
import { serviceRequestAwaitingSide } from "./service-request-awaiting-side.js";
import { serviceRequestSubmitted } from "./service-request-submitted.js";
import { serviceRequestUpdated } from "./service-request-updated.js";
import { voteOpened } from "./vote-opened.js";
import { voteReminder } from "./vote-reminder.js";

/** Every kind's template; null where a kind is never mailed as a notification (see MAIL_KINDS). */
export const NOTIFICATION_TEMPLATES: { [K in NotificationKind]: NotificationTemplate<K> | null } = {
  "invitation.received": null,
  "membership.joined": membershipJoined,
  "agenda.published": agendaPublished,
  "agenda.itemRejected": agendaItemRejected,
  "minutes.approved": minutesApproved,
  "agenda.awaitingApproval": agendaAwaitingApproval,
  "minutes.awaitingApproval": minutesAwaitingApproval,
  "action.assigned": actionAssigned,
  "action.dueSoon": actionDueSoon,
  "vote.opened": voteOpened,
  "vote.reminder": voteReminder,
  "draft.mentioned": draftMentioned,
  "draft.reviewRequested": draftReviewRequested,
  "draft.changesRequested": draftChangesRequested,
  "draft.signedOff": draftSignedOff,
  "draft.replied": draftReplied,
  "serviceRequest.updated": serviceRequestUpdated,
  "serviceRequest.submitted": serviceRequestSubmitted,
  "serviceRequest.awaitingSide": serviceRequestAwaitingSide,
  "joint.waiting": jointWaiting,
  "joint.decided": jointDecided,
};

const messages = {
  en: {
    unsubscribe: ({ group }: { group: string }) => `Turn off e-mails for “${group}”`,
  },
  es: {
    unsubscribe: ({ group }: { group: string }) => `Desactivar los correos de “${group}”`,
  },
};

export type NotificationMailUrls = { page: string; settings: string; unsubscribe: string };

/** The content of a notification's mail, or null for a kind that is never mailed. */
export function notificationContent<K extends NotificationKind>(kind: K, payload: NotificationPayload<K>, ctx: NotificationMailContext): NotificationContent | null {
  const template = NOTIFICATION_TEMPLATES[kind] as NotificationTemplate<K> | null;
  return template ? template(payload, ctx) : null;
}

export function renderNotificationMail<K extends NotificationKind>(input: {
  kind: K;
  payload: NotificationPayload<K>;
  ctx: NotificationMailContext;
  urls: NotificationMailUrls;
  groupLabel: string;
}): RenderedMail | null {
  const content = notificationContent(input.kind, input.payload, input.ctx);
  if (!content) return null;
  const m = messagesFor(messages, input.ctx.locale);
  return renderLayout({
    locale: input.ctx.locale,
    subject: content.subject,
    context: whereOf(input.ctx),
    heading: content.heading,
    blocks: content.blocks,
    action: { label: content.action, url: input.urls.page },
    footer: {
      why: content.why,
      settingsUrl: input.urls.settings,
      unsubscribe: { label: m.unsubscribe({ group: input.groupLabel }), url: input.urls.unsubscribe },
    },
  });
}
