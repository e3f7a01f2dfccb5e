// Carries out the effects of committed changes. The fast path runs right after the change's commit in
// the same process; if that process dies first (or the dispatch fails), the sweeper job finds the row
// still undispatched and does it. Notifications carry a dedupe key, so a redo never creates one twice;
// a socket event sent twice is harmless (clients refetch).
import type { Db, Tx } from "../db.js";
import type { Logger } from "../logger.js";
import type { Realtime } from "../realtime/realtime.js";
import { userRoom, type ServerEventName, type ServerEventPayload } from "../realtime/realtime.events.js";
import type { Effect } from "./effects.js";

/** A row younger than this is left to the fast path of the process that wrote it. */
export const SWEEP_AFTER_MS = 10_000;
const SWEEP_BATCH = 100;

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox({ db, realtime, logger }: { db: Db; realtime: Pick<Realtime, "publish">; logger: Logger }) {
  const publish = (room: string, event: ServerEventName, payload: unknown) =>
    realtime.publish(room, event, payload as ServerEventPayload<typeof event>);

  /** Writes the notifications (idempotent) and marks the row done; returns what to emit after commit. */
  async function persist(client: Db | Tx, id: bigint, effects: Effect[]) {
    const notes = effects.flatMap((effect, index) =>
      effect.type === "notify"
        ? effect.userIds.map((userId) => ({ userId, kind: effect.kind, payload: effect.payload as object, dedupeKey: `${id}:${index}:${userId}` }))
        : [],
    );
    const created = notes.length
      ? await client.notification.createManyAndReturn({ data: notes, skipDuplicates: true, select: { id: true, userId: true } })
      : [];
    await client.outboxEvent.updateMany({ where: { id, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
    return { effects, created };
  }

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
        await emit(await persist(db, id, effects));
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
