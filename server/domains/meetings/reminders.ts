// Reminders of action items due soon: a daily job tells each open action item's owner, once, when it is
// due within REMINDER_DAYS (and was assigned at least a day ago: the assignment itself said the date).
// Each item is claimed with a conditional write of its `dueReminderAt`, so a job run twice (a retry, two
// processes, a backfilled cron run) reminds nobody twice.
import type { AppDeps } from "../../deps.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";

/** An item due within this many days (today included) is reminded. */
export const REMINDER_DAYS = 2;
const DAY_MS = 24 * 60 * 60_000;
const BATCH = 500;

export async function remindActionsDueSoon(deps: Pick<AppDeps, "db" | "outbox">, { now = new Date() }: { now?: Date } = {}): Promise<number> {
  // Due dates are calendar dates stored at 00:00 UTC.
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const horizon = new Date(today.getTime() + REMINDER_DAYS * DAY_MS);
  const assignedBefore = new Date(now.getTime() - DAY_MS);
  let total = 0;
  for (;;) {
    const reminded = await inTransaction(deps, async (tx, effects) => {
      const claimed = await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE "ActionItem" SET "dueReminderAt" = ${now}
        WHERE "id" IN (
          SELECT "id" FROM "ActionItem"
          WHERE "status" = 'OPEN' AND "dueReminderAt" IS NULL AND "dueDate" >= ${today} AND "dueDate" <= ${horizon} AND "createdAt" <= ${assignedBefore}
          ORDER BY "dueDate", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING "id"`;
      if (!claimed.length) return 0;
      const items = await tx.actionItem.findMany({
        where: { id: { in: claimed.map((c) => c.id) } },
        select: { text: true, dueDate: true, owner: { select: { userId: true } }, meeting: { select: { id: true, partnershipId: true, title: true } } },
      });
      for (const item of items) {
        effects.notify([item.owner.userId], "action.dueSoon", {
          partnershipId: item.meeting.partnershipId,
          meetingId: item.meeting.id,
          meetingTitle: item.meeting.title,
          text: item.text,
          dueDate: item.dueDate.toISOString().slice(0, 10),
        });
      }
      return items.length;
    });
    total += reminded;
    if (reminded < BATCH) return total;
  }
}
