// Sends the three kinds of mail, each through one claimed delivery (deliveries.ts): a notification's own
// mail, a person's daily digest, and a direct mail. The mode is checked again at send time, so a change
// of settings or a mute made after the notification still counts. Called by the mail jobs (mail.jobs.ts).
import type { Config } from "../config.js";
import type { Db, Tx } from "../db.js";
import { NotificationPayloadSchemas, notificationText, type NotificationKind } from "../domains/notifications/notifications.schema.js";
import { mailModesFor, mailTimeZoneOf } from "../domains/preferences/preferences.api.js";
import { MAIL_KINDS, type UnsubscribeScope } from "../domains/preferences/preferences.schema.js";
import type { Logger } from "../logger.js";
import { claimDelivery, markFailed, markSent, type Claim, type NewDelivery } from "./deliveries.js";
import { DirectMailSchemas } from "./direct-mail.schema.js";
import { localTime } from "./digest-time.js";
import type { JobPayloads } from "../jobs/jobs.js";
import { bodyIdsOf, placesOf, type Place } from "./places.js";
import { appSecret } from "../secrets.js";
import { renderDigestMail } from "./templates/digest.js";
import { mailGroupIn } from "./templates/mail-groups.js";
import { renderDirectMail } from "./templates/direct-mails.js";
import { DEFAULT_LOCALE, formatDate, formatDateTime, resolveLocale, type Locale } from "./templates/i18n.js";
import type { RenderedMail } from "./templates/layout.js";
import type { NotificationMailContext } from "./templates/notification-template.js";
import { notificationContent, renderNotificationMail } from "./templates/notification-mails.js";
import { PermanentMailError, type MailTransport } from "./transport.js";
import { signUnsubscribeToken } from "./unsubscribe-token.js";
import { stillWanted } from "./still-wanted.js";

/** A digest carries what arrived since the previous one (with an hour's overlap), at most this far back. */
const DIGEST_MAX_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** A first digest looks back this far. */
const FIRST_DIGEST_LOOKBACK_MS = 48 * 60 * 60_000;
const DIGEST_OVERLAP_MS = 60 * 60_000;
const DIGEST_MAX_ITEMS = 200;

export const SETTINGS_PATH = "/settings/notifications";
export const unsubscribePath = (token: string) => `/unsubscribe/${token}`;

export type MailerDeps = { db: Db; config: Config; logger: Logger; transport: MailTransport; now?: () => Date };
export type Mailer = ReturnType<typeof createMailer>;

export function createMailer({ db, config, logger, transport, now = () => new Date() }: MailerDeps) {
  const origin = config.appOrigin;
  const host = new URL(origin).hostname;

  function unsubscribeUrl(userId: string, scope: UnsubscribeScope) {
    return `${origin}${unsubscribePath(signUnsubscribeToken(appSecret(config), { userId, scope }))}`;
  }

  /** RFC 8058 one-click unsubscribe: mail clients POST to the link without asking the person to sign in. */
  function listHeaders(url: string): Record<string, string> {
    return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Auto-Submitted": "auto-generated" };
  }

  function mailContext(place: Place, locale: Locale, timeZone: string | null): NotificationMailContext {
    return {
      locale,
      partnershipName: place.partnershipName,
      bodyName: place.bodyName,
      formatDateTime: (iso) => formatDateTime(iso, { locale, timeZone }),
      formatDate: (value) => formatDate(value, { locale }),
    };
  }

  /** Claims, renders, sends, records. A refusal that retrying cannot change is recorded and not retried. */
  async function deliver(
    fresh: NewDelivery,
    options: { to: { email: string; name?: string }; headers: Record<string, string>; pick?: (tx: Tx) => Promise<string[]>; render: (claim: Extract<Claim, { outcome: "send" }>) => Promise<RenderedMail> },
  ) {
    const claim = await claimDelivery(db, fresh, options.pick, now());
    if (claim.outcome === "done") return;
    if (claim.outcome === "busy") throw new Error(`mail ${fresh.key} is being sent by another attempt; will look again later`);
    if (claim.resent) logger.warn({ deliveryId: claim.id, key: fresh.key, attempt: claim.attempt }, "sending again a mail whose earlier attempt never finished (it may arrive twice)");
    try {
      const rendered = await options.render(claim);
      const { messageId } = await transport.send({ ...rendered, to: options.to, headers: options.headers, messageId: `<${claim.id}@${host}>`, deliveryId: claim.id });
      await markSent(db, claim.id, messageId);
    } catch (error) {
      await markFailed(db, claim.id, error);
      if (error instanceof PermanentMailError) {
        logger.warn({ err: error, deliveryId: claim.id, key: fresh.key }, "mail refused for good; not retried");
        return;
      }
      throw error;
    }
  }

  return {
    /** A notification's own mail, if its recipient still wants it immediately. */
    async sendNotification(notificationId: string) {
      const n = await db.notification.findUnique({
        where: { id: notificationId },
        select: { id: true, userId: true, kind: true, payload: true, user: { select: { email: true, name: true, emailVerifiedAt: true, locale: true } } },
      });
      // No news to an address nobody has confirmed: it may be a typo, or someone else's.
      if (!n || !n.user.emailVerifiedAt) return;
      const kind = n.kind as NotificationKind;
      const placed = MAIL_KINDS[kind];
      const parsed = NotificationPayloadSchemas[kind]?.safeParse(n.payload);
      if (!placed || !parsed?.success) return;
      // Answered since (the vote was cast, or it closed): the mail would only be noise. Asked first, as
      // it is one cheap statement and most delayed vote mails stop here.
      if (!(await stillWanted(db, { userId: n.userId, kind, payload: parsed.data }))) return;
      const [place] = await placesOf(db, [n]);
      const [mode] = await mailModesFor(db, [{ userId: n.userId, kind, bodyIds: bodyIdsOf(place!) }]);
      // Changed since the job was scheduled: the digest carries it now, or nothing does.
      if (mode !== "IMMEDIATELY") return;
      const locale = resolveLocale(n.user.locale);
      const timeZone = await mailTimeZoneOf(db, n.userId);
      const unsubscribe = unsubscribeUrl(n.userId, placed.group);
      await deliver(
        { key: `notification:${n.id}`, kind: "NOTIFICATION", userId: n.userId, toAddress: n.user.email, template: `notification:${kind}` },
        {
          to: { email: n.user.email, name: n.user.name },
          headers: listHeaders(unsubscribe),
          pick: async () => [n.id],
          render: async () =>
            renderNotificationMail({
              kind,
              payload: parsed.data,
              ctx: mailContext(place!, locale, timeZone),
              urls: { page: `${origin}${notificationText({ kind, payload: parsed.data }).href}`, settings: `${origin}${SETTINGS_PATH}`, unsubscribe },
              groupLabel: mailGroupIn(locale, placed.group),
            })!,
        },
      );
    },

    /** One person's digest for their local `day`: what is set to "daily digest" and not mailed or read yet. */
    async sendDigest(userId: string, day: string) {
      const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerifiedAt: true, locale: true } });
      if (!user?.emailVerifiedAt) return;
      const key = `digest:${userId}:${day}`;
      const locale = resolveLocale(user.locale);
      const timeZone = await mailTimeZoneOf(db, userId);
      const unsubscribe = unsubscribeUrl(userId, "digest");
      await deliver(
        { key, kind: "DIGEST", userId, toAddress: user.email, template: "digest" },
        {
          to: { email: user.email, name: user.name },
          headers: listHeaders(unsubscribe),
          pick: (tx) => digestCandidates(tx, userId, key),
          render: async (claim) => {
            const rows = await db.notification.findMany({
              where: { id: { in: claim.notificationIds } },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { id: true, kind: true, payload: true },
            });
            const places = await placesOf(db, rows);
            const items = rows.flatMap((row, i) => {
              const kind = row.kind as NotificationKind;
              const parsed = NotificationPayloadSchemas[kind]?.safeParse(row.payload);
              if (!parsed?.success) return [];
              const ctx = mailContext(places[i]!, locale, timeZone);
              const content = notificationContent(kind, parsed.data, ctx);
              if (!content) return [];
              const where = ctx.bodyName ? `${ctx.partnershipName} · ${ctx.bodyName}` : ctx.partnershipName;
              return [{ context: where || null, text: content.summary, url: `${origin}${notificationText({ kind, payload: parsed.data }).href}` }];
            });
            return renderDigestMail({ locale, items, urls: { home: `${origin}/`, settings: `${origin}${SETTINGS_PATH}`, unsubscribe } });
          },
        },
      );
    },

    /** Cron, hourly: the digests due now (local hour = MAIL_DIGEST_HOUR), as one keyed job per person and day. */
    async dueDigests(): Promise<Array<{ userId: string; day: string }>> {
      const at = now();
      const rows = await db.$queryRaw<Array<{ userId: string; timeZone: string | null }>>`
        SELECT DISTINCT n."userId", s."timeZone"
        FROM "Notification" n JOIN "User" u ON u."id" = n."userId" AND u."emailVerifiedAt" IS NOT NULL
          LEFT JOIN "MailSettings" s ON s."userId" = n."userId"
        WHERE n."readAt" IS NULL AND n."createdAt" > ${new Date(at.getTime() - DIGEST_MAX_LOOKBACK_MS)}
          AND NOT EXISTS (SELECT 1 FROM "MailDeliveryItem" i WHERE i."notificationId" = n."id")`;
      return rows.flatMap((row) => {
        const local = localTime(at, row.timeZone);
        return local.hour === config.MAIL_DIGEST_HOUR ? [{ userId: row.userId, day: local.day }] : [];
      });
    },

    /** A direct mail asked for with effects.mail. */
    async sendDirect(job: JobPayloads["mail:send"]) {
      const data = DirectMailSchemas[job.template].parse(job.data);
      const account = job.to.userId ? await db.user.findUnique({ where: { id: job.to.userId }, select: { id: true } }) : null;
      const timeZone = account ? await mailTimeZoneOf(db, account.id) : null;
      const locale = job.locale ?? DEFAULT_LOCALE;
      await deliver(
        { key: job.deliveryKey, kind: "DIRECT", userId: account?.id ?? null, toAddress: job.to.email, template: job.template },
        {
          to: { email: job.to.email, name: job.to.name },
          headers: { "Auto-Submitted": "auto-generated" },
          render: async () => renderDirectMail(job.template, data, { locale, origin, formatDateTime: (iso) => formatDateTime(iso, { locale, timeZone }) }),
        },
      );
    },
  };

  /** The person's notifications a digest should carry now, oldest first. */
  async function digestCandidates(tx: Tx, userId: string, key: string): Promise<string[]> {
    const at = now().getTime();
    const previous = await tx.mailDelivery.findFirst({
      where: { userId, kind: "DIGEST", NOT: { key } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const since = new Date(Math.max(previous ? previous.createdAt.getTime() - DIGEST_OVERLAP_MS : at - FIRST_DIGEST_LOOKBACK_MS, at - DIGEST_MAX_LOOKBACK_MS));
    const rows = await tx.$queryRaw<Array<{ id: string; kind: string; payload: unknown }>>`
      SELECT n."id", n."kind", n."payload" FROM "Notification" n
      WHERE n."userId" = ${userId} AND n."readAt" IS NULL AND n."createdAt" >= ${since}
        AND NOT EXISTS (SELECT 1 FROM "MailDeliveryItem" i WHERE i."notificationId" = n."id")
      ORDER BY n."createdAt", n."id" LIMIT ${DIGEST_MAX_ITEMS}`;
    const places = await placesOf(tx, rows);
    const modes = await mailModesFor(
      tx,
      rows.map((row, i) => ({ userId, kind: row.kind as NotificationKind, bodyIds: bodyIdsOf(places[i]!) })),
    );
    return rows.filter((_, i) => modes[i] === "DIGEST").map((row) => row.id);
  }
}
