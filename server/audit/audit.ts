// Append-only audit log. Entries are written inside the transaction of the change they record;
// nothing in the app updates or deletes them.
import type { Tx } from "../db.js";

export type AuditEntry = {
  partnershipId?: string | null;
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
};

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      partnershipId: entry.partnershipId ?? null,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      data: (entry.data ?? undefined) as never,
    },
  });
}
