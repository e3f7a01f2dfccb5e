// What a notification's mail is made of. Each kind has its own module (vote-opened.ts, …) holding its
// sentences per locale and a function from the notification's payload to this content; the layout turns
// it into HTML and text, and the digest uses its one-line `summary`.
import type { NotificationKind, NotificationPayload } from "../../domains/notifications/notifications.schema.js";
import type { Locale } from "./i18n.js";
import type { Block } from "./layout.js";

export type NotificationMailContext = {
  locale: Locale;
  /** The partnership the notification is about. */
  partnershipName: string;
  /** The committee it is about, when it is not the partnership itself. */
  bodyName: string | null;
  formatDateTime: (iso: string) => string;
  formatDate: (value: string) => string;
};

export type NotificationContent = {
  subject: string;
  heading: string;
  blocks: Block[];
  /** The button to the notification's page. */
  action: string;
  /** One line for the daily digest. */
  summary: string;
  /** "You get this because …" */
  why: string;
};

export type NotificationTemplate<K extends NotificationKind> = (payload: NotificationPayload<K>, ctx: NotificationMailContext) => NotificationContent;

/** "Partnership · Committee" or just the partnership. */
export function whereOf(ctx: Pick<NotificationMailContext, "partnershipName" | "bodyName">): string {
  return ctx.bodyName ? `${ctx.partnershipName} · ${ctx.bodyName}` : ctx.partnershipName;
}
