// What waits for a person in joint control, across the partnerships of their reach: proposals of the
// other side they, as a co-chair of its scope (the body's co-chairs and the partnership's), may concur
// with or decline, and proposals staff prepared for a co-chair to submit. One query, built from the
// person's co-chair seats; each item has the same shape and `viewer` flags as the joint lists (from
// joint.policy.ts), so the home page shows it with the same card and buttons.
import type { Reach, ReachPartnership } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { viewerCan, type JointViewer } from "./joint.policy.js";
import { JOINT_KINDS, type CoChairSide } from "./joint.schema.js";
import { CHANGE_SELECT, describeChange, type ChangeRow } from "./joint.shared.js";

export const WAITING_LIMIT = 100;

/** The person's standing in a change's scope: the partnership's seat first, then the body's (standingIn's rule). */
function standing(p: ReachPartnership, bodyId: string | null, userId: string): JointViewer {
  const top = p.seats.find((s) => s.isTopBody) ?? null;
  const body = bodyId ? (p.seats.find((s) => s.bodyId === bodyId && !s.isTopBody) ?? null) : null;
  const seats = [top, body];
  const coChair = seats.find((s) => s?.role === "CO_CHAIR");
  return { userId, coChairSide: coChair?.coChairSide ?? null, isStaff: seats.some((s) => s?.role === "STAFF") };
}

/** Joint changes waiting for this co-chair's answer or submission, oldest first. */
export async function jointChangesWaitingFor(deps: Pick<AppDeps, "db">, { reach, now = new Date() }: { reach: Reach; now?: Date }) {
  const scopes: Prisma.JointChangeWhereInput[] = [];
  for (const p of reach.partnerships) {
    for (const seat of p.seats) {
      if (seat.role !== "CO_CHAIR" || !seat.coChairSide) continue;
      const other = seat.coChairSide === "LABOR" ? "MANAGEMENT" : "LABOR";
      scopes.push({
        ...(seat.isTopBody ? { partnershipId: p.partnershipId } : { bodyId: seat.bodyId }),
        OR: [{ status: "PREPARED" }, { status: "PENDING", proposedSide: other, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
      });
    }
  }
  if (!scopes.length) return [];
  const rows = await deps.db.jointChange.findMany({
    where: { OR: scopes },
    orderBy: [{ proposedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: WAITING_LIMIT,
    select: {
      ...CHANGE_SELECT,
      body: { select: { name: true, kind: true } },
    },
  });
  const partnerships = new Map(reach.partnerships.map((p) => [p.partnershipId, p]));
  const items = [];
  for (const { body, ...fields } of rows) {
    const row = fields as unknown as ChangeRow;
    const p = partnerships.get(row.partnershipId);
    if (!p) continue;
    const viewer = viewerCan(standing(p, row.bodyId, reach.userId), row, now);
    // The query narrowed by seat; the policy has the last word, as on the lists' buttons.
    if (!viewer.canConcur && !viewer.canSubmit) continue;
    const described = await describeChange(deps.db, row, body?.name ?? null);
    items.push({
      id: row.id,
      partnershipId: row.partnershipId,
      partnershipName: p.name,
      kind: row.kind,
      kindLabel: JOINT_KINDS[row.kind],
      targetKey: row.targetKey,
      body: row.bodyId && body ? { id: row.bodyId, name: body.name, isPartnership: body.kind === "PARTNERSHIP" } : null,
      ...described,
      status: row.status,
      preparedByName: row.preparedByName,
      proposedByName: row.proposedByName,
      proposedSide: row.proposedSide as CoChairSide | null,
      proposedAt: row.proposedAt,
      decidedByName: row.decidedByName,
      decidedSide: row.decidedSide as CoChairSide | null,
      decidedAt: row.decidedAt,
      appliedAlone: row.appliedAlone,
      reason: row.reason,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
      viewer,
      since: row.proposedAt ?? row.createdAt,
    });
  }
  return items;
}
