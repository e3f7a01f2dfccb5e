// What other domains may ask of participants: the partnership's small-cell threshold (every table of
// counts about people, supportive services' too, hides the same small groups), and, for the joint
// domain's AO_SNAPSHOT kind, the published snapshots of a year and the publishing itself.
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { computeDashboard } from "./dashboard.js";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./suppression.rules.js";

export async function readSuppressionThreshold(client: Db | Tx, partnershipId: string): Promise<number> {
  const settings = await client.participantSettings.findUnique({ where: { partnershipId }, select: { suppressionThreshold: true } });
  return settings?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}

/** The latest published snapshot of a year, if any. */
export async function readPublishedSnapshot(client: Db | Tx, partnershipId: string, year: number) {
  return client.aoSnapshot.findFirst({ where: { partnershipId, year }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { id: true, publishedAt: true } });
}

/**
 * Freezes the dashboard of `year` as it stands now (suppression applied) and publishes it, inside the
 * transaction in which the other side's co-chair concurred. Publishing needs two keys: a change applied
 * alone (the other side has no co-chair yet) is refused.
 */
export async function publishSnapshot(tx: Tx, effects: Effects, { partnershipId, year, changeId, actorId, agreedBy }: { partnershipId: string; year: number; changeId: string | null; actorId: string; agreedBy: string[] }) {
  if (!changeId || agreedBy.length < 2) throw new AppError("PRECONDITION_FAILED", "Publishing the dashboard needs both sides' co-chairs, and the other side has none yet.");
  const dashboard = await computeDashboard(tx, partnershipId, year);
  const snapshot = await tx.aoSnapshot.create({
    data: { partnershipId, year, threshold: dashboard.threshold, tables: dashboard as never, jointChangeId: changeId, agreedBy },
    select: { id: true },
  });
  await recordAudit(tx, { partnershipId, actorId, action: "participants.snapshotPublished", subjectType: "AoSnapshot", subjectId: snapshot.id, data: { year, jointChangeId: changeId } });
  effects.publish(partnershipRoom(partnershipId), "aoSnapshot:changed", { partnershipId, snapshotId: snapshot.id, status: "PUBLISHED" });
  return { snapshotId: snapshot.id };
}
