// What the joint use cases share: their dependencies, the change row read and locked, the viewer's
// standing in its scope, refusals as AppErrors, and who hears of a change (events and notifications).
import type { Db, Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom, userRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { coChairsFor, findBody, standingIn, type CoChair } from "../partnerships/partnerships.api.js";
import { kindOf, type Described, type Scope, type Snapshot } from "./joint.kinds.js";
import type { ChangeFacts, JointViewer, Refusal } from "./joint.policy.js";
import type { CoChairSide, JointKind, JointStatus } from "./joint.schema.js";

/** The database, the permission layer, the outbox, and socket rooms (a removal's sockets leave their rooms). */
export type JointDeps = Pick<AppDeps, "db" | "access" | "outbox" | "realtime" | "logger">;

export function refuse(refusal: Refusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

/** The columns of a joint change every read of one selects (here and in waiting.ts). */
export const CHANGE_SELECT = {
  id: true,
  partnershipId: true,
  bodyId: true,
  kind: true,
  targetKey: true,
  payload: true,
  snapshot: true,
  status: true,
  preparedById: true,
  preparedByName: true,
  proposedById: true,
  proposedByName: true,
  proposedSide: true,
  proposedAt: true,
  decidedById: true,
  decidedByName: true,
  decidedSide: true,
  decidedAt: true,
  appliedAlone: true,
  reason: true,
  expiresAt: true,
  createdAt: true,
} as const;

export type ChangeRow = {
  id: string;
  partnershipId: string;
  bodyId: string | null;
  kind: JointKind;
  targetKey: string;
  payload: unknown;
  snapshot: Snapshot;
  status: JointStatus;
  preparedById: string | null;
  preparedByName: string | null;
  proposedById: string | null;
  proposedByName: string | null;
  proposedSide: CoChairSide | null;
  proposedAt: Date | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedSide: CoChairSide | null;
  decidedAt: Date | null;
  appliedAlone: boolean;
  reason: string;
  expiresAt: Date | null;
  createdAt: Date;
};

const asRow = (row: unknown) => row as ChangeRow;

export async function findChange(client: Db | Tx, changeId: string): Promise<ChangeRow | null> {
  const row = await client.jointChange.findUnique({ where: { id: changeId }, select: CHANGE_SELECT });
  return row ? asRow(row) : null;
}

export function findChanges(client: Db | Tx, where: NonNullable<Parameters<Db["jointChange"]["findMany"]>[0]>["where"], take = 50) {
  return client.jointChange
    .findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select: CHANGE_SELECT })
    .then((rows) => rows.map(asRow));
}

/** Locks the change's row for the rest of the transaction (deciders of the same change take turns) and reads it. */
export async function lockChange(tx: Tx, changeId: string): Promise<ChangeRow> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "JointChange" WHERE "id" = ${changeId} FOR UPDATE`;
  if (!rows.length) throw notFound("Proposal");
  return (await findChange(tx, changeId))!;
}

export const scopeOf = (change: Pick<ChangeRow, "partnershipId" | "bodyId">): Scope => ({ partnershipId: change.partnershipId, bodyId: change.bodyId });
export const factsOf = (c: ChangeRow): ChangeFacts => c;

/** The user's standing in a scope as the policy sees it, with their name; null when not a member. */
export async function viewerIn(client: Db | Tx, userId: string, scope: Scope): Promise<(JointViewer & { name: string; side: string }) | null> {
  const standing = await standingIn(client, userId, scope);
  if (!standing) return null;
  return { userId, coChairSide: standing.coChairSide, isStaff: standing.isStaff, name: standing.name, side: standing.member.side };
}

/**
 * A change the user may see (a member of its partnership), with their standing in its scope; anyone
 * else gets NOT_FOUND, as if it did not exist.
 */
export async function requireChange(deps: Pick<JointDeps, "db">, userId: string, changeId: string) {
  const change = await findChange(deps.db, changeId);
  if (!change) throw notFound("Proposal");
  const viewer = await viewerIn(deps.db, userId, scopeOf(change));
  if (!viewer) throw notFound("Proposal");
  return { change, viewer };
}

/** The change in words, from its payload and the state it was proposed against. */
export async function describeChange(client: Db | Tx, change: Pick<ChangeRow, "kind" | "payload" | "snapshot" | "bodyId">, bodyName?: string | null): Promise<Described> {
  const name = bodyName !== undefined ? bodyName : change.bodyId ? ((await findBody(client, change.bodyId))?.name ?? null) : null;
  return kindOf(change.kind).describe(change.payload as never, change.snapshot, { bodyName: name });
}

/**
 * After commit: the partnership's room and the user rooms of everyone who acts on the change (its
 * scope's co-chairs, its proposer and preparer) refetch their lists and "waiting for you".
 */
export function announceChange(effects: Effects, change: Pick<ChangeRow, "id" | "partnershipId" | "bodyId" | "proposedById" | "preparedById">, status: JointStatus, coChairs: CoChair[]) {
  const payload = { partnershipId: change.partnershipId, bodyId: change.bodyId, changeId: change.id, status };
  effects.publish(partnershipRoom(change.partnershipId), "joint:changed", payload);
  const users = new Set([...coChairs.map((c) => c.userId), change.proposedById, change.preparedById].filter((id): id is string => Boolean(id)));
  for (const userId of users) effects.publish(userRoom(userId), "joint:changed", payload);
}

export { coChairsFor };
