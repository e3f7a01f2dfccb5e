// Reading joint changes: a partnership's or a body's list (every member of the partnership sees what its
// rules are becoming), and "waiting for you" across the user's partnerships (what they, as a co-chair,
// must answer or submit). Each item carries its before/after in words and the viewer's flags, from the
// same predicates the use cases check.
import type { Prisma } from "../../generated/prisma/client.js";
import { viewerCan } from "./joint.policy.js";
import { OPEN_JOINT_STATUSES, JOINT_KINDS, type ListJointChangesInput } from "./joint.schema.js";
import { describeChange, findChanges, viewerIn, type ChangeRow, type JointDeps } from "./joint.shared.js";

type ReadDeps = Pick<JointDeps, "db" | "access">;
type Viewer = NonNullable<Awaited<ReturnType<typeof viewerIn>>>;

async function present(deps: ReadDeps, rows: ChangeRow[], viewers: (row: ChangeRow) => Promise<Viewer | null>) {
  const bodyIds = [...new Set(rows.map((r) => r.bodyId).filter((id): id is string => id !== null))];
  const bodies = new Map((await deps.db.body.findMany({ where: { id: { in: bodyIds } }, select: { id: true, name: true, kind: true } })).map((b) => [b.id, b]));
  const now = new Date();
  const items = [];
  for (const row of rows) {
    const viewer = await viewers(row);
    if (!viewer) continue;
    const body = row.bodyId ? bodies.get(row.bodyId) ?? null : null;
    const described = await describeChange(deps.db, row, body?.name ?? null);
    items.push({
      id: row.id,
      partnershipId: row.partnershipId,
      kind: row.kind,
      kindLabel: JOINT_KINDS[row.kind],
      targetKey: row.targetKey,
      body: body ? { id: body.id, name: body.name, isPartnership: body.kind === "PARTNERSHIP" } : null,
      ...described,
      status: row.status,
      preparedByName: row.preparedByName,
      proposedByName: row.proposedByName,
      proposedSide: row.proposedSide,
      proposedAt: row.proposedAt,
      decidedByName: row.decidedByName,
      decidedSide: row.decidedSide,
      decidedAt: row.decidedAt,
      appliedAlone: row.appliedAlone,
      reason: row.reason,
      expiresAt: row.expiresAt,
      createdAt: row.createdAt,
      viewer: viewerCan(viewer, row, now),
    });
  }
  // Open ones first (what still needs someone), then the latest decisions.
  const isOpen = (s: string) => OPEN_JOINT_STATUSES.includes(s as never);
  return items.sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)));
}

/** Remembers the viewer's standing per scope while one list is built. */
function standingCache(deps: ReadDeps, userId: string) {
  const cache = new Map<string, Promise<Viewer | null>>();
  return (row: ChangeRow) => {
    const key = `${row.partnershipId}:${row.bodyId ?? ""}`;
    if (!cache.has(key)) cache.set(key, viewerIn(deps.db, userId, { partnershipId: row.partnershipId, bodyId: row.bodyId }));
    return cache.get(key)!;
  };
}

/** A partnership's joint changes (or one body's), for any member of it. */
export async function listJointChanges(deps: ReadDeps, { userId, input }: { userId: string; input: ListJointChangesInput }) {
  if (input.bodyId) {
    const { body } = await deps.access.requireBodyMember(userId, input.bodyId);
    if (body.partnershipId !== input.partnershipId) return [];
  } else {
    await deps.access.requireMember(userId, input.partnershipId);
  }
  const where: Prisma.JointChangeWhereInput = {
    partnershipId: input.partnershipId,
    ...(input.bodyId ? { bodyId: input.bodyId } : {}),
  };
  const [open, decided] = await Promise.all([
    findChanges(deps.db, { ...where, status: { in: OPEN_JOINT_STATUSES } }, 100),
    input.show === "open" ? Promise.resolve([]) : findChanges(deps.db, { ...where, status: { notIn: OPEN_JOINT_STATUSES } }, 30),
  ]);
  return present(deps, [...open, ...decided], standingCache(deps, userId));
}

/**
 * What waits for this user as a co-chair, across their partnerships: proposals from the other side to
 * concur with or decline, and proposals staff prepared for a co-chair to submit.
 */
export async function listWaitingForMe(deps: ReadDeps, { userId }: { userId: string }) {
  const seats = await deps.db.bodySeat.findMany({
    where: { role: "CO_CHAIR", membership: { userId } },
    select: { partnershipId: true, bodyId: true, body: { select: { kind: true } } },
  });
  if (!seats.length) return [];
  const scopes: Prisma.JointChangeWhereInput[] = seats.map((s) => (s.body.kind === "PARTNERSHIP" ? { partnershipId: s.partnershipId } : { bodyId: s.bodyId }));
  const rows = await findChanges(deps.db, { status: { in: OPEN_JOINT_STATUSES }, OR: scopes }, 100);
  const items = await present(deps, rows, standingCache(deps, userId));
  const names = new Map(
    (await deps.db.partnership.findMany({ where: { id: { in: [...new Set(items.map((i) => i.partnershipId))] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  return items.filter((i) => i.viewer.canConcur || i.viewer.canSubmit).map((i) => ({ ...i, partnershipName: names.get(i.partnershipId) ?? "" }));
}
