// The dispatcher's part of mail, inside the transaction that creates a committed change's notifications:
// a `mail:notification` job for each new notification whose recipient wants it immediately (not muted;
// a kind may wait a while first, `delays`), and a `mail:send` job for each direct mail. Jobs are keyed,
// and written with the notifications, so a redo of the outbox row can neither lose nor double them.
// Digest and "off" recipients get no job.
import type { Tx } from "../db.js";
import type { NotificationKind } from "../domains/notifications/notifications.schema.js";
import { mailModesFor } from "../domains/preferences/preferences.api.js";
import { MAIL_KINDS } from "../domains/preferences/preferences.schema.js";
import { scheduleJobs } from "../jobs/jobs.js";
import type { Effect } from "../unit-of-work/effects.js";
import { bodyIdsOf, placesOf } from "./places.js";

export type CreatedNotification = { id: string; userId: string; kind: string; payload: unknown; dedupeKey: string | null };

/** Seconds a kind's mail waits before it goes (the job checks then whether it is still wanted). */
export type MailDelays = Partial<Record<NotificationKind, number>>;

export async function planMails(tx: Tx, outboxId: bigint, created: CreatedNotification[], effects: Effect[], delays: MailDelays = {}) {
  const mailable = created.filter((n) => MAIL_KINDS[n.kind as NotificationKind] && n.dedupeKey);
  if (mailable.length) {
    const places = await placesOf(tx, mailable);
    const modes = await mailModesFor(
      tx,
      mailable.map((n, i) => ({ userId: n.userId, kind: n.kind as NotificationKind, bodyIds: bodyIdsOf(places[i]!) })),
    );
    // One statement per delay (most changes have one kind of notification, so one statement).
    const byDelay = new Map<number, Array<{ payload: { notificationId: string }; key: string }>>();
    mailable.forEach((n, i) => {
      if (modes[i] !== "IMMEDIATELY") return;
      const delaySeconds = delays[n.kind as NotificationKind] ?? 0;
      const jobs = byDelay.get(delaySeconds) ?? [];
      jobs.push({ payload: { notificationId: n.id }, key: `mail:${n.dedupeKey}` });
      byDelay.set(delaySeconds, jobs);
    });
    for (const [delaySeconds, jobs] of byDelay) await scheduleJobs(tx, "mail:notification", jobs, { delaySeconds });
  }
  const direct = effects.flatMap((effect, index) => (effect.type === "mail" ? [{ effect, index }] : []));
  await scheduleJobs(
    tx,
    "mail:send",
    direct.map(({ effect, index }) => {
      const deliveryKey = `direct:${outboxId}:${index}`;
      return { payload: { deliveryKey, to: effect.to, template: effect.template, data: effect.data, locale: effect.locale }, key: `mail:${outboxId}:${index}` };
    }),
  );
}
