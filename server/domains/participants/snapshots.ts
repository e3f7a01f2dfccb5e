// Publishing the A&O dashboard needs both sides. One side's co-chair (of the partnership or the A&O
// committee) proposes a snapshot of a year — the suppressed tables, frozen as they are then — and it is
// published only when the other side's co-chair approves it (or it is declined or withdrawn). The shape
// is the joint-change mechanism's (proposed by / side / at, decided by / side / at, one waiting at a
// time, the status only moves forward); it lives here until the generic joint changes exist to take
// it as a kind. A published snapshot is public: a page and a CSV anyone can open, no sign-in.
import { recordAudit } from "../../audit/audit.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { computeDashboard, dashboardCsv, type Dashboard } from "./dashboard.js";
import { canApproveSnapshot, canProposeSnapshot, canSeeDashboard, canWithdrawSnapshot } from "./participants.policy.js";
import type { DashboardInput } from "./participants.schema.js";
import { requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";

type SnapshotInput = { snapshotId: string; reason: string };

async function requireSnapshot(deps: ParticipantsDeps, userId: string, snapshotId: string) {
  const snapshot = await deps.db.aoSnapshot.findUnique({ where: { id: snapshotId }, select: { id: true, partnershipId: true, status: true, proposedById: true, proposedSide: true, year: true } });
  if (!snapshot) throw notFound("Snapshot");
  const viewer = await requireViewer(deps, userId, snapshot.partnershipId).catch(() => {
    throw notFound("Snapshot");
  });
  if (!canSeeDashboard(viewer)) throw notFound("Snapshot");
  return { snapshot, viewer };
}

export async function proposeSnapshot(deps: ParticipantsDeps, { userId, input }: Call<DashboardInput>) {
  const viewer = await requireViewer(deps, userId, input.partnershipId);
  if (!canProposeSnapshot(viewer)) throw forbidden("A co-chair proposes publishing the dashboard; the other side's co-chair approves it.");
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const dashboard = await computeDashboard(deps.db, input.partnershipId, input.year);
  return inTransaction(deps, async (tx, effects) => {
    const created = await tx.aoSnapshot.create({
      data: {
        partnershipId: input.partnershipId,
        year: input.year,
        threshold: dashboard.threshold,
        tables: dashboard as never,
        proposedById: userId,
        proposedByName: user.name,
        proposedSide: viewer.coChairSide!,
      },
      select: { id: true },
    });
    await recordAudit(tx, { partnershipId: input.partnershipId, actorId: userId, action: "participants.snapshotProposed", subjectType: "AoSnapshot", subjectId: created.id, data: { year: input.year } });
    effects.publish(partnershipRoom(input.partnershipId), "aoSnapshot:changed", { partnershipId: input.partnershipId, snapshotId: created.id, status: "PENDING" });
    return created;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "A snapshot is already waiting for the other side's co-chair: approve, decline or withdraw it first.");
    throw error;
  });
}

async function decide(deps: ParticipantsDeps, userId: string, input: SnapshotInput, to: "PUBLISHED" | "DECLINED" | "WITHDRAWN") {
  const { snapshot, viewer } = await requireSnapshot(deps, userId, input.snapshotId);
  if (to === "WITHDRAWN" ? !canWithdrawSnapshot(viewer, snapshot) : !canApproveSnapshot(viewer, snapshot)) {
    if (snapshot.status !== "PENDING") throw new AppError("CONFLICT", "This snapshot was already decided.");
    throw forbidden(to === "WITHDRAWN" ? "Only the co-chair who proposed it withdraws it." : "The other side's co-chair decides: not the one who proposed it.");
  }
  const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return inTransaction(deps, async (tx, effects) => {
    // From PENDING only, and (to publish) only by the other side: the same as the CHECK on the table.
    const { count } = await tx.aoSnapshot.updateMany({
      where: { id: snapshot.id, status: "PENDING", ...(to === "WITHDRAWN" ? { proposedById: userId } : { proposedSide: { not: viewer.coChairSide! }, proposedById: { not: userId } }) },
      data: { status: to, decidedById: userId, decidedByName: user.name, decidedSide: viewer.coChairSide, decidedAt: new Date(), reason: input.reason },
    });
    if (!count) throw new AppError("CONFLICT", "This snapshot was already decided.");
    await recordAudit(tx, { partnershipId: snapshot.partnershipId, actorId: userId, action: `participants.snapshot${to[0]}${to.slice(1).toLowerCase()}`, subjectType: "AoSnapshot", subjectId: snapshot.id });
    effects.publish(partnershipRoom(snapshot.partnershipId), "aoSnapshot:changed", { partnershipId: snapshot.partnershipId, snapshotId: snapshot.id, status: to });
    return { snapshotId: snapshot.id, status: to };
  });
}

export const approveSnapshot = (deps: ParticipantsDeps, { userId, input }: Call<SnapshotInput>) => decide(deps, userId, input, "PUBLISHED");
export const declineSnapshot = (deps: ParticipantsDeps, { userId, input }: Call<SnapshotInput>) => decide(deps, userId, input, "DECLINED");
export const withdrawSnapshot = (deps: ParticipantsDeps, { userId, input }: Call<SnapshotInput>) => decide(deps, userId, input, "WITHDRAWN");

/** The partnership's snapshots (waiting first), for the dashboard's viewers, with what the viewer may do. */
export async function listSnapshots(deps: ParticipantsDeps, { userId, input }: Call<{ partnershipId: string }>) {
  const viewer = await requireViewer(deps, userId, input.partnershipId);
  if (!canSeeDashboard(viewer)) throw forbidden("The dashboard is for the Access & Opportunity committee and the partnership's co-chairs and staff.");
  const rows = await deps.db.aoSnapshot.findMany({
    where: { partnershipId: input.partnershipId },
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, year: true, threshold: true, status: true, proposedById: true, proposedByName: true, proposedSide: true, proposedAt: true, decidedByName: true, decidedSide: true, decidedAt: true, reason: true },
  });
  return {
    canPropose: canProposeSnapshot(viewer),
    snapshots: rows.map((s) => ({ ...s, canApprove: canApproveSnapshot(viewer, s), canWithdraw: canWithdrawSnapshot(viewer, s) })),
  };
}

/** A published snapshot, for anyone (no sign-in): the suppressed tables as they were approved. */
export async function getPublicSnapshot(deps: Pick<ParticipantsDeps, "db">, { input }: { input: { snapshotId: string } }) {
  const snapshot = await deps.db.aoSnapshot.findFirst({
    where: { id: input.snapshotId, status: "PUBLISHED" },
    select: { id: true, year: true, tables: true, proposedByName: true, proposedSide: true, decidedByName: true, decidedSide: true, decidedAt: true },
  });
  if (!snapshot) throw notFound("Snapshot");
  return { ...snapshot, dashboard: snapshot.tables as unknown as Dashboard, tables: undefined };
}

export async function publicSnapshotCsv(deps: Pick<ParticipantsDeps, "db">, call: { input: { snapshotId: string } }) {
  return dashboardCsv((await getPublicSnapshot(deps, call)).dashboard);
}
