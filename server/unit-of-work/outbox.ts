// Carries out the effects of committed changes. The fast path runs right after the change's commit in
// the same process; if that process dies first (or the dispatch fails), the sweeper job finds the row
// still undispatched and does it. Notifications carry a dedupe key, so a redo never creates one twice;
// a socket event sent twice is harmless (clients refetch). Mail jobs (the recipients who want a
// notification by mail at once, and direct mails) are written in the same transaction as the
// notifications and the row's "dispatched" mark, so they exist exactly once too (server/mail/plan.ts).
import type { Db, Tx } from "../db.js";
import type { Logger } from "../logger.js";
import { planMails, type MailDelays } from "../mail/plan.js";
import type { Realtime } from "../realtime/realtime.js";
import { userRoom, type ServerEventName, type ServerEventPayload } from "../realtime/realtime.events.js";
import type { Effect } from "./effects.js";

/** A row younger than this is left to the fast path of the process that wrote it. */
export const SWEEP_AFTER_MS = 10_000;
const SWEEP_BATCH = 100;

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox({ db, realtime, logger, mailDelays = {} }: { db: Db; realtime: Pick<Realtime, "publish">; logger: Logger; mailDelays?: MailDelays }) {
  const publish = (room: string, event: ServerEventName, payload: unknown) =>
    realtime.publish(room, event, payload as ServerEventPayload<typeof event>);

  /**
   * In one transaction: writes the notifications (idempotent), their mail jobs and the direct mails'
   * jobs, and marks the row done; returns what to emit after commit.
   */
  async function persist(tx: Tx, id: bigint, effects: Effect[]) {
    const notes = effects.flatMap((effect, index) =>
      effect.type === "notify"
        ? effect.userIds.map((userId) => ({ userId, kind: effect.kind, payload: effect.payload as object, dedupeKey: `${id}:${index}:${userId}` }))
        : [],
    );
    const created = notes.length
      ? await tx.notification.createManyAndReturn({
          data: notes,
          skipDuplicates: true,
          select: { id: true, userId: true, kind: true, payload: true, dedupeKey: true },
        })
      : [];
    await planMails(tx, id, created, effects, mailDelays);
    // A direct mail's data (a reset or confirmation link's token) now rides in its job until sent: it is
    // not kept in the dispatched row for the week rows are kept.
    const hasMail = effects.some((effect) => effect.type === "mail");
    const kept = hasMail ? effects.map((effect) => (effect.type === "mail" ? { ...effect, data: null } : effect)) : null;
    await tx.outboxEvent.updateMany({ where: { id, dispatchedAt: null }, data: { dispatchedAt: new Date(), ...(kept ? { effects: kept as never } : {}) } });
    return { effects, created };
  }

  /** Only socket events: nothing to write but the mark, so no transaction is needed (the ballots' path). */
  const publishesOnly = (effects: Effect[]) => effects.every((effect) => effect.type === "publish");

  async function emit({ effects, created }: Awaited<ReturnType<typeof persist>>) {
    for (const effect of effects) if (effect.type === "publish") publish(effect.room, effect.event, effect.payload);
    if (!created.length) return;
    const counts = await db.notification.groupBy({
      by: ["userId"],
      where: { userId: { in: [...new Set(created.map((n) => n.userId))] }, readAt: null },
      _count: { _all: true },
    });
    const unread = new Map(counts.map((c) => [c.userId, c._count._all]));
    for (const n of created) publish(userRoom(n.userId), "notification:created", { id: n.id, unreadCount: unread.get(n.userId) ?? 0 });
  }

  return {
    /** Right after commit. Never throws: the change is committed, and the sweeper retries a failure. */
    async dispatch(id: bigint, effects: Effect[]) {
      try {
        if (publishesOnly(effects)) {
          await db.outboxEvent.updateMany({ where: { id, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
          await emit({ effects, created: [] });
          return;
        }
        const persisted = await db.$transaction(async (tx) => {
          // The row, locked: a sweeper that took it first has done (or is doing) the work.
          const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
            SELECT "id" FROM "OutboxEvent" WHERE "id" = ${id} AND "dispatchedAt" IS NULL FOR UPDATE SKIP LOCKED`;
          return rows.length ? persist(tx, id, effects) : null;
        });
        if (persisted) await emit(persisted);
      } catch (error) {
        logger.error({ err: error, outboxId: String(id) }, "outbox dispatch failed; the sweeper will retry");
      }
    },

    /** Redoes rows nobody dispatched (their process died, or the dispatch failed). Returns how many. */
    async sweep(olderThanMs = SWEEP_AFTER_MS): Promise<number> {
      let total = 0;
      for (;;) {
        const done = await db.$transaction(async (tx) => {
          // SKIP LOCKED: two sweepers (two processes) split the rows instead of both doing each.
          const rows = await tx.$queryRaw<Array<{ id: bigint; effects: Effect[] }>>`
            SELECT "id", "effects" FROM "OutboxEvent"
            WHERE "dispatchedAt" IS NULL AND "createdAt" < now() - make_interval(secs => ${olderThanMs / 1000})
            ORDER BY "id" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`;
          const persisted = [];
          for (const row of rows) persisted.push(await persist(tx, row.id, row.effects));
          return persisted;
        });
        for (const p of done) await emit(p);
        total += done.length;
        if (done.length < SWEEP_BATCH) return total;
      }
    },

    /** Forgets dispatched rows after `days`. */
    async prune(days = 7) {
      const { count } = await db.outboxEvent.deleteMany({ where: { dispatchedAt: { lt: new Date(Date.now() - days * 86_400_000) } } });
      return count;
    },
  };
}
