// One unit of work per use case: its writes, its audit entry and an outbox row holding its side effects
// commit together; the effects are carried out after commit (outbox.ts). Nothing is published for a
// change that rolled back, and nothing is lost if the process dies between commit and publish.
import type { Db, Tx } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import { collectEffects, type Effects } from "./effects.js";
import type { Outbox } from "./outbox.js";

export type { Effects } from "./effects.js";
export type UnitOfWorkDeps = { db: Db; outbox: Pick<Outbox, "dispatch"> };

/**
 * Runs `work` in one transaction and dispatches what it asked for after the commit. `work` may throw an
 * AppError to refuse: nothing is written and nothing is sent.
 */
export async function inTransaction<T>(
  deps: UnitOfWorkDeps,
  work: (tx: Tx, effects: Effects) => Promise<T>,
  options?: { isolationLevel?: Prisma.TransactionIsolationLevel },
): Promise<T> {
  const { effects, collected } = collectEffects();
  const { value, outboxId } = await deps.db.$transaction(async (tx) => {
    collected.length = 0; // a retried transaction starts over
    const value = await work(tx, effects);
    if (!collected.length) return { value, outboxId: null };
    const row = await tx.outboxEvent.create({ data: { effects: collected as never }, select: { id: true } });
    return { value, outboxId: row.id };
  }, options);
  if (outboxId !== null) await deps.outbox.dispatch(outboxId, collected);
  return value;
}

/** Locks a row for the rest of the transaction (other writers of it wait), so a check made now still holds at commit. */
export async function lockRow(tx: Tx, table: "Meeting" | "Motion" | "Draft" | "Fund" | "ServiceRequest" | "Body" | "Partnership", id: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM "${table}" WHERE "id" = $1 FOR UPDATE`, id);
  return rows.length > 0;
}
