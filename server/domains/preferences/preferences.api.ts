// What other parts of the server ask the preferences domain: how a notification is mailed to its
// recipient now (their choice for its group, else the kind's default; OFF when its body is muted).
import type { Db, Tx } from "../../db.js";
import type { NotificationKind } from "../notifications/notifications.schema.js";
import { MAIL_KINDS, mailModeOf, type MailGroup, type MailMode } from "./preferences.schema.js";

export type MailModeQuery = {
  userId: string;
  kind: NotificationKind;
  /** The body the notification is about and its partnership's top body: a mute of either silences it. */
  bodyIds: string[];
};

/** The mode of each query, in order; two queries in all, whatever the number of recipients. */
export async function mailModesFor(client: Db | Tx, queries: MailModeQuery[]): Promise<MailMode[]> {
  const placed = queries.filter((q) => MAIL_KINDS[q.kind]);
  if (!placed.length) return queries.map(() => "OFF");
  const userIds = [...new Set(placed.map((q) => q.userId))];
  const bodyIds = [...new Set(placed.flatMap((q) => q.bodyIds))];
  const [choices, mutes] = await Promise.all([
    client.mailPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, group: true, mode: true } }),
    bodyIds.length ? client.mailMute.findMany({ where: { userId: { in: userIds }, bodyId: { in: bodyIds } }, select: { userId: true, bodyId: true } }) : [],
  ]);
  const chosen = new Map(choices.map((c) => [`${c.userId}:${c.group}`, c.mode as MailMode]));
  const muted = new Set(mutes.map((m) => `${m.userId}:${m.bodyId}`));
  return queries.map((q) => {
    const place = MAIL_KINDS[q.kind];
    if (!place) return "OFF";
    if (q.bodyIds.some((bodyId) => muted.has(`${q.userId}:${bodyId}`))) return "OFF";
    return mailModeOf(q.kind, chosen.get(`${q.userId}:${place.group satisfies MailGroup}`));
  });
}

/** The person's time zone for dates in mails and the digest's hour (null: UTC). */
export async function mailTimeZoneOf(client: Db | Tx, userId: string): Promise<string | null> {
  const settings = await client.mailSettings.findUnique({ where: { userId }, select: { timeZone: true } });
  return settings?.timeZone ?? null;
}

/** Sets the person's time zone (null: UTC). The profile page is where it is chosen; mails and digests read it here. */
export async function setTimeZone(client: Db | Tx, userId: string, timeZone: string | null): Promise<void> {
  await client.mailSettings.upsert({ where: { userId }, create: { userId, timeZone }, update: { timeZone } });
}
