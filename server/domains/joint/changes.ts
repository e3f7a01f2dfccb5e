// Two-key changes: a co-chair proposes (or staff prepare and a co-chair submits), and the change takes
// effect only when a co-chair of the OTHER side concurs, in that transaction. Concurring locks the
// change's row, then what it changes, and reads that state again: if it is no longer the state the
// change was proposed against, the change goes STALE and nothing applies. Declining, withdrawing or
// lapsing (the `joint:expire` job) leaves nothing either. Each step writes an audit entry, tells both
// co-chairs live, and notifies whoever must act next.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, isAppError, isUniqueViolation, notFound } from "../../errors.js";
import { cancelJob, scheduleJob } from "../../jobs/jobs.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { findBody, inTransactionWithRooms, type CoChair } from "../partnerships/partnerships.api.js";
import { kindOf, parsePayload, type Body, type Scope, type Snapshot } from "./joint.kinds.js";
import { concurRefusal, declineRefusal, proposeAs, proposeRefusal, submitRefusal, withdrawRefusal } from "./joint.policy.js";
import { expiryFrom, otherSide, sameState } from "./joint.rules.js";
import {
  JOINT_KINDS,
  type CoChairSide,
  type DeclineJointChangeInput,
  type JointChangeIdInput,
  type JointKind,
  type JointPayload,
  type JointStatus,
  type ProposeJointChangeInput,
  type ProposedOr,
} from "./joint.schema.js";
import { announceChange, coChairsFor, describeChange, lockChange, refuse, requireChange, scopeOf, viewerIn, type ChangeRow, type JointDeps } from "./joint.shared.js";

export const expireJobKey = (changeId: string) => `joint-expire:${changeId}`;

const STALE_REASON = "What it changes is no longer as it was when proposed (it changed meanwhile). Propose it again if it still makes sense.";
const GONE_REASON = "What it changes is gone.";

/** A proposal of one kind, with a payload already checked by the kind's schema (or parsed here). */
export type ProposeInput<K extends JointKind = JointKind> = { partnershipId: string; bodyId: string | null; kind: K; payload: JointPayload<K> };

/** The scope a proposal names: its body must be the partnership's, and a body's kind needs a body. */
async function scopeFor(deps: Pick<JointDeps, "db" | "access">, userId: string, input: { partnershipId: string; bodyId: string | null; kind: JointKind }): Promise<Scope> {
  await deps.access.requireMember(userId, input.partnershipId);
  const def = kindOf(input.kind);
  if (def.scope === "PARTNERSHIP") return { partnershipId: input.partnershipId, bodyId: null };
  if (!input.bodyId) throw new AppError("BAD_REQUEST", `A change of the ${JOINT_KINDS[input.kind].toLowerCase()} concerns a body: name it.`);
  const body = await findBody(deps.db, input.bodyId);
  if (!body || body.partnershipId !== input.partnershipId) throw notFound("Committee");
  return { partnershipId: input.partnershipId, bodyId: body.id };
}

/** The other side's co-chairs in the scope: whoever may concur (none while that side has no co-chair). */
const others = (coChairs: CoChair[], side: CoChairSide) => coChairs.filter((c) => c.side !== side);

/**
 * Proposes a change to the rules. A co-chair's proposal waits for the other side's co-chair; staff
 * prepare one for a co-chair to submit. While the other side has no co-chair at all (a partnership
 * being founded), nobody could concur, so a co-chair's change applies at once and the audit says so.
 * Proposing what is already the rule is refused; so is a second proposal of the same kind for the same
 * thing while one waits (CONFLICT, from the partial unique index).
 */
export async function proposeJointChange<K extends JointKind>(deps: JointDeps, { userId, input }: { userId: string; input: ProposeInput<K> }): Promise<ProposedOr<Record<string, unknown>>> {
  const payload = parsePayload(input.kind, input.payload);
  const scope = await scopeFor(deps, userId, input);
  const first = await viewerIn(deps.db, userId, scope);
  if (!first) throw notFound("Partnership");
  refuse(proposeRefusal(first));
  const def = kindOf(input.kind);
  return inTransactionWithRooms(deps, async (tx, effects, rooms): Promise<ProposedOr<Record<string, unknown>>> => {
    const viewer = await viewerIn(tx, userId, scope);
    if (!viewer) throw notFound("Partnership");
    refuse(proposeRefusal(viewer));
    const body = scope.bodyId ? await findBody(tx, scope.bodyId) : null;
    await def.check?.(tx, payload, scope, body);
    const before = await def.read(tx, payload, scope, body);
    const described = def.describe(payload, before, { bodyName: body?.name ?? null });
    if (sameState(described.before, described.after)) throw new AppError("BAD_REQUEST", "Nothing would change: that is already how it is.");
    const coChairs = await coChairsFor(tx, scope);
    const targetKey = def.targetKey(payload, scope);
    const base = { partnershipId: scope.partnershipId, bodyId: scope.bodyId, kind: input.kind, targetKey, payload: payload as never, snapshot: before as never };

    if (proposeAs(viewer) === "PREPARE") {
      const row = await tx.jointChange.create({ data: { ...base, status: "PREPARED", preparedById: userId, preparedByName: viewer.name }, select: { id: true } });
      const change = { id: row.id, ...scope, proposedById: null, preparedById: userId };
      await recordAudit(tx, { partnershipId: scope.partnershipId, actorId: userId, action: "joint.prepared", subjectType: "JointChange", subjectId: row.id, data: { kind: input.kind, ...described } });
      announceChange(effects, change, "PREPARED", coChairs);
      effects.notify(
        coChairs.map((c) => c.userId),
        "joint.waiting",
        { partnershipId: scope.partnershipId, bodyId: scope.bodyId, changeId: row.id, title: described.title, proposedByName: viewer.name, step: "submit" },
      );
      return { pending: true, changeId: row.id, status: "PREPARED", waitingFor: null };
    }

    const side = viewer.coChairSide!;
    if (!others(coChairs, side).length) {
      await def.lock(tx, payload, scope, body);
      const result = await def.apply({ tx, effects, rooms, payload, scope, body, actorId: userId, changeId: null, agreedBy: [viewer.name] });
      await recordAudit(tx, {
        partnershipId: scope.partnershipId,
        actorId: userId,
        action: "joint.appliedAlone",
        subjectType: scope.bodyId ? "Body" : "Partnership",
        subjectId: scope.bodyId ?? scope.partnershipId,
        data: { kind: input.kind, why: `No ${otherSide(side).toLowerCase()} co-chair yet`, ...described },
      });
      return { ...(result ?? {}), pending: false };
    }
    const now = new Date();
    const expiresAt = expiryFrom(now);
    const row = await tx.jointChange.create({
      data: { ...base, status: "PENDING", proposedById: userId, proposedByName: viewer.name, proposedSide: side, proposedAt: now, expiresAt },
      select: { id: true },
    });
    await scheduleJob(tx, "joint:expire", { changeId: row.id }, { runAt: expiresAt, key: expireJobKey(row.id) });
    await recordAudit(tx, { partnershipId: scope.partnershipId, actorId: userId, action: "joint.proposed", subjectType: "JointChange", subjectId: row.id, data: { kind: input.kind, side, ...described } });
    announceChange(effects, { id: row.id, ...scope, proposedById: userId, preparedById: null }, "PENDING", coChairs);
    effects.notify(
      others(coChairs, side).map((c) => c.userId),
      "joint.waiting",
      { partnershipId: scope.partnershipId, bodyId: scope.bodyId, changeId: row.id, title: described.title, proposedByName: viewer.name, step: "concur" },
    );
    return { pending: true, changeId: row.id, status: "PENDING", waitingFor: otherSide(side) };
  }).catch(alreadyWaiting(input.kind));
}

/** The generic procedure's entry: the payload is parsed by its kind's schema. */
export function proposeAnyJointChange(deps: JointDeps, { userId, input }: { userId: string; input: ProposeJointChangeInput }) {
  return proposeJointChange(deps, { userId, input: { ...input, payload: parsePayload(input.kind, input.payload) } });
}

const alreadyWaiting = (kind: JointKind) => (error: unknown): never => {
  if (isUniqueViolation(error)) {
    throw new AppError("CONFLICT", `A proposal to change this (${JOINT_KINDS[kind].toLowerCase()}) is already waiting for an answer. Withdraw it first, or wait for the other side.`);
  }
  throw error;
};

/** The state the change starts from, read now (after its locks); a target that is gone reads as gone. */
async function currentState(tx: Tx, change: ChangeRow, body: Body | null): Promise<Snapshot> {
  const def = kindOf(change.kind);
  const payload = change.payload as never;
  try {
    await def.lock(tx, payload, scopeOf(change), body);
    return await def.read(tx, payload, scopeOf(change), body);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return { gone: true };
    throw error;
  }
}

type Decided = { status: JointStatus; message: string } & Record<string, unknown>;

/**
 * The other side's co-chair concurs: in one transaction, under the change's row lock and then the
 * locks of what it changes, the state is read again; unchanged, the change applies through the owning
 * domain and is marked APPLIED; changed, it is marked STALE and nothing applies. A refusal by the
 * owning domain (e.g. equal representation) rolls everything back: the proposal still waits.
 */
export async function concurJointChange(deps: JointDeps, { userId, input }: { userId: string; input: JointChangeIdInput }): Promise<Decided> {
  const { change, viewer } = await requireChange(deps, userId, input.changeId);
  refuse(concurRefusal(viewer, change, new Date()));
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    const row = await lockChange(tx, change.id);
    const now = await viewerIn(tx, userId, scopeOf(row));
    if (!now) throw notFound("Proposal");
    refuse(concurRefusal(now, row, new Date()));
    const body = row.bodyId ? await findBody(tx, row.bodyId) : null;
    const coChairs = await coChairsFor(tx, scopeOf(row));
    const current = await currentState(tx, row, body);
    if (!sameState(row.snapshot, current)) {
      const reason = current.gone ? GONE_REASON : STALE_REASON;
      await finish(tx, effects, row, "STALE", { by: now, reason, coChairs });
      return { status: "STALE" as const, message: `Not applied: ${reason}` };
    }
    const def = kindOf(row.kind);
    const result = await def.apply({
      tx,
      effects,
      rooms,
      payload: row.payload as never,
      scope: scopeOf(row),
      body,
      actorId: userId,
      changeId: row.id,
      agreedBy: [row.proposedByName ?? "the proposer", now.name],
    });
    await finish(tx, effects, row, "APPLIED", { by: now, coChairs });
    return { ...(result ?? {}), status: "APPLIED" as const, message: "Applied: both sides agreed." };
  }).catch((error: unknown) => {
    // A unique key the change's write ran into (something of that name created meanwhile).
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This conflicts with something created meanwhile. Reload and look again.");
    throw error;
  });
}

/** The other side's co-chair declines (with an optional reason): nothing applies. */
export async function declineJointChange(deps: JointDeps, { userId, input }: { userId: string; input: DeclineJointChangeInput }): Promise<Decided> {
  const { change, viewer } = await requireChange(deps, userId, input.changeId);
  refuse(declineRefusal(viewer, change, new Date()));
  return inTransactionWithRooms(deps, async (tx, effects) => {
    const row = await lockChange(tx, change.id);
    const now = await viewerIn(tx, userId, scopeOf(row));
    if (!now) throw notFound("Proposal");
    refuse(declineRefusal(now, row, new Date()));
    await finish(tx, effects, row, "DECLINED", { by: now, reason: input.reason, coChairs: await coChairsFor(tx, scopeOf(row)) });
    return { status: "DECLINED" as const, message: "Declined: nothing changed." };
  });
}

/** The proposer takes a waiting proposal back (or its preparer or a co-chair, a prepared one). */
export async function withdrawJointChange(deps: JointDeps, { userId, input }: { userId: string; input: JointChangeIdInput }): Promise<Decided> {
  const { change, viewer } = await requireChange(deps, userId, input.changeId);
  refuse(withdrawRefusal(viewer, change, new Date()));
  return inTransactionWithRooms(deps, async (tx, effects) => {
    const row = await lockChange(tx, change.id);
    const now = await viewerIn(tx, userId, scopeOf(row));
    if (!now) throw notFound("Proposal");
    refuse(withdrawRefusal(now, row, new Date()));
    await finish(tx, effects, row, "WITHDRAWN", { by: now, coChairs: await coChairsFor(tx, scopeOf(row)) });
    return { status: "WITHDRAWN" as const, message: "Withdrawn." };
  });
}

/**
 * A co-chair submits what staff prepared: it becomes their proposal (their side), for the other side to
 * answer, unless the state changed since it was prepared (STALE) or that side has no co-chair yet (it
 * then applies at once, as any proposal would).
 */
export async function submitJointChange(deps: JointDeps, { userId, input }: { userId: string; input: JointChangeIdInput }): Promise<Decided & { pending: boolean }> {
  const { change, viewer } = await requireChange(deps, userId, input.changeId);
  refuse(submitRefusal(viewer, change));
  return inTransactionWithRooms(deps, async (tx, effects, rooms) => {
    const row = await lockChange(tx, change.id);
    const now = await viewerIn(tx, userId, scopeOf(row));
    if (!now) throw notFound("Proposal");
    refuse(submitRefusal(now, row));
    const side = now.coChairSide!;
    const body = row.bodyId ? await findBody(tx, row.bodyId) : null;
    const coChairs = await coChairsFor(tx, scopeOf(row));
    const described = await describeChange(tx, row, body?.name ?? null);
    const proposedAt = new Date();
    const expiresAt = expiryFrom(proposedAt);
    const proposer = { proposedById: userId, proposedByName: now.name, proposedSide: side, proposedAt, expiresAt };
    const current = await currentState(tx, row, body);
    if (!sameState(row.snapshot, current)) {
      await finish(tx, effects, row, "STALE", { by: now, reason: current.gone ? GONE_REASON : STALE_REASON, coChairs });
      return { status: "STALE" as const, pending: false, message: `Not submitted: ${current.gone ? GONE_REASON : STALE_REASON}` };
    }
    if (!others(coChairs, side).length) {
      const result = await kindOf(row.kind).apply({ tx, effects, rooms, payload: row.payload as never, scope: scopeOf(row), body, actorId: userId, changeId: row.id, agreedBy: [now.name] });
      await tx.jointChange.update({
        where: { id: row.id },
        data: { ...proposer, status: "APPLIED", appliedAlone: true, decidedById: userId, decidedByName: now.name, decidedAt: proposedAt },
      });
      await recordAudit(tx, { partnershipId: row.partnershipId, actorId: userId, action: "joint.appliedAlone", subjectType: "JointChange", subjectId: row.id, data: { kind: row.kind, why: `No ${otherSide(side).toLowerCase()} co-chair yet` } });
      announceChange(effects, { ...row, proposedById: userId }, "APPLIED", coChairs);
      return { ...(result ?? {}), status: "APPLIED" as const, pending: false, message: "Applied (the other side has no co-chair yet)." };
    }
    const { count } = await tx.jointChange.updateMany({ where: { id: row.id, status: "PREPARED" }, data: { ...proposer, status: "PENDING" } });
    if (!count) throw new AppError("CONFLICT", "This proposal is no longer waiting to be submitted.");
    await scheduleJob(tx, "joint:expire", { changeId: row.id }, { runAt: expiresAt, key: expireJobKey(row.id) });
    await recordAudit(tx, { partnershipId: row.partnershipId, actorId: userId, action: "joint.proposed", subjectType: "JointChange", subjectId: row.id, data: { kind: row.kind, side, preparedBy: row.preparedById } });
    announceChange(effects, { ...row, proposedById: userId }, "PENDING", coChairs);
    effects.notify(
      others(coChairs, side).map((c) => c.userId),
      "joint.waiting",
      { partnershipId: row.partnershipId, bodyId: row.bodyId, changeId: row.id, title: described.title, proposedByName: now.name, step: "concur" },
    );
    return { status: "PENDING" as const, pending: true, waitingFor: otherSide(side), message: `Proposed — waiting for ${otherSide(side).toLowerCase()}'s co-chair.` };
  }).catch(alreadyWaiting(change.kind));
}

/**
 * The `joint:expire` job: a proposal nobody answered in time lapses. A conditional write, so a decision
 * that came first (or at the same moment, holding the row) wins and this does nothing.
 */
export async function expireJointChange(deps: Pick<JointDeps, "db" | "outbox">, { changeId }: { changeId: string }) {
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.jointChange.updateMany({ where: { id: changeId, status: "PENDING", expiresAt: { lte: new Date() } }, data: { status: "EXPIRED" } });
    if (!count) return { expired: false };
    const row = await lockChange(tx, changeId);
    const coChairs = await coChairsFor(tx, scopeOf(row));
    await recordAudit(tx, { partnershipId: row.partnershipId, actorId: null, action: "joint.expired", subjectType: "JointChange", subjectId: row.id, data: { kind: row.kind } });
    announceChange(effects, row, "EXPIRED", coChairs);
    await notifyDecided(tx, effects, row, "EXPIRED", null);
    return { expired: true };
  });
}

/** Marks a locked, open change final (a conditional write on the status it was read in), with its audit, events and notice. */
async function finish(
  tx: Tx,
  effects: Effects,
  row: ChangeRow,
  status: "APPLIED" | "DECLINED" | "WITHDRAWN" | "STALE",
  { by, reason = "", coChairs }: { by: { userId: string; name: string; coChairSide: CoChairSide | null }; reason?: string; coChairs: CoChair[] },
) {
  const decided = status === "WITHDRAWN" ? {} : { decidedById: by.userId, decidedByName: by.name, decidedSide: by.coChairSide, decidedAt: new Date() };
  const { count } = await tx.jointChange.updateMany({ where: { id: row.id, status: row.status }, data: { status, reason, ...decided } });
  if (!count) throw new AppError("CONFLICT", "This proposal was decided meanwhile.");
  await cancelJob(tx, expireJobKey(row.id));
  await recordAudit(tx, {
    partnershipId: row.partnershipId,
    actorId: by.userId,
    action: `joint.${status.toLowerCase()}`,
    subjectType: "JointChange",
    subjectId: row.id,
    data: { kind: row.kind, side: by.coChairSide, ...(reason ? { reason } : {}) },
  });
  announceChange(effects, row, status, coChairs);
  if (status !== "WITHDRAWN") await notifyDecided(tx, effects, row, status, by.name);
}

/** Tells the proposer (and whoever prepared it) what became of their proposal. */
async function notifyDecided(tx: Tx, effects: Effects, row: ChangeRow, outcome: "APPLIED" | "DECLINED" | "STALE" | "EXPIRED", byName: string | null) {
  const described = await describeChange(tx, row);
  const to = [row.proposedById, row.preparedById].filter((id): id is string => Boolean(id));
  effects.notify(to, "joint.decided", { partnershipId: row.partnershipId, bodyId: row.bodyId, changeId: row.id, title: described.title, outcome, byName });
}
