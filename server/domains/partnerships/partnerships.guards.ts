// What the partnerships use cases check again inside their transaction, under row locks, so a check
// made before still holds at commit when several requests (or processes) change the same partnership:
//   - the top body's row is the partnership's lock for seats and memberships: seat changes and member
//     removals take it FOR UPDATE (one at a time, so "another co-chair remains" cannot be true for two
//     demotions at once); every other manager change takes it FOR SHARE while it re-reads the actor's
//     seat (so a co-chair demoted meanwhile is refused). Locks are always taken top body first.
//   - a membership being seated is locked FOR SHARE with its organization (its removal, or a change of
//     the organization's side, waits or is seen), and FOR UPDATE by its removal.
import type { MemberFacts, SeatFacts } from "../../access/access.rules.js";
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import { partnershipRoom, userRoom } from "../../realtime/realtime.events.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { canManageBody, canManagePartnership, MANAGE_BODY_REFUSAL, MANAGE_PARTNERSHIP_REFUSAL } from "./partnerships.policy.js";
import type { SeatResult } from "./partnerships.rules.js";
import type { Side } from "./partnerships.schema.js";

export type PartnershipsDeps = Pick<AppDeps, "db" | "access" | "outbox">;
type LockMode = "UPDATE" | "SHARE";

export function seatOrThrow(result: SeatResult) {
  if (!result.ok) throw new AppError("BAD_REQUEST", result.message, { fieldErrors: { role: [result.message] } });
  return result.seat;
}

/** Turns a unique violation (P2002) into CONFLICT with `message` (on `field`); anything else goes on. */
export const conflictOnUnique = (message: string, field?: string) => (error: unknown): never => {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", message, field ? { fieldErrors: { [field]: [message] } } : {});
  throw error;
};

/** Locks the partnership's top body and returns its id (NOT_FOUND if the partnership is gone). */
export async function lockTopBody(tx: Tx, partnershipId: string, mode: LockMode): Promise<string> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id" FROM "Body" WHERE "partnershipId" = $1 AND "kind" = 'PARTNERSHIP' FOR ${mode}`,
    partnershipId,
  );
  if (!rows[0]) throw notFound("Partnership");
  return rows[0].id;
}

/** Locks a committee's row (after the top body's); false if it is gone. */
async function lockCommittee(tx: Tx, bodyId: string, mode: LockMode): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(`SELECT "id" FROM "Body" WHERE "id" = $1 FOR ${mode}`, bodyId);
  return rows.length > 0;
}

/** The member facts of `userId` in a partnership, read with the transaction's own connection. */
export async function memberFactsIn(tx: Tx, userId: string, partnershipId: string): Promise<MemberFacts | null> {
  const membership = await tx.membership.findUnique({
    where: { partnershipId_userId: { partnershipId, userId } },
    select: {
      id: true,
      organizationId: true,
      organization: { select: { side: true } },
      seats: { where: { body: { kind: "PARTNERSHIP" } }, select: { role: true, coChairSide: true, isVoting: true } },
    },
  });
  if (!membership) return null;
  return {
    userId,
    partnershipId,
    membershipId: membership.id,
    organizationId: membership.organizationId,
    side: membership.organization.side as Side,
    partnershipSeat: (membership.seats[0] as SeatFacts | undefined) ?? null,
  };
}

/**
 * Inside the transaction: locks the top body (FOR SHARE unless told) and checks again that the user
 * still co-chairs the partnership. Returns the top body's id.
 */
export async function recheckPartnershipManager(tx: Tx, userId: string, partnershipId: string, mode: LockMode = "SHARE") {
  const topBodyId = await lockTopBody(tx, partnershipId, mode);
  const member = await memberFactsIn(tx, userId, partnershipId);
  if (!member) throw notFound("Partnership");
  if (!canManagePartnership(member)) throw forbidden(MANAGE_PARTNERSHIP_REFUSAL);
  return { topBodyId, member };
}

/**
 * Inside the transaction: locks the body (the top body FOR SHARE first when it is a committee) and
 * checks again that the user manages it (a partnership co-chair, or a co-chair of that committee).
 */
export async function recheckBodyManager(tx: Tx, userId: string, body: { id: string; partnershipId: string; kind: string }, mode: LockMode) {
  const topBodyId = await lockTopBody(tx, body.partnershipId, body.kind === "PARTNERSHIP" ? mode : "SHARE");
  if (body.kind !== "PARTNERSHIP" && !(await lockCommittee(tx, body.id, mode))) throw notFound("Committee");
  const member = await memberFactsIn(tx, userId, body.partnershipId);
  if (!member) throw notFound("Committee");
  const seat = await tx.bodySeat.findUnique({
    where: { bodyId_membershipId: { bodyId: body.id, membershipId: member.membershipId } },
    select: { role: true, coChairSide: true, isVoting: true },
  });
  if (!canManageBody(member, seat as SeatFacts | null)) throw forbidden(MANAGE_BODY_REFUSAL);
  return { topBodyId, member };
}

/**
 * Locks a membership of the partnership (FOR SHARE: with its organization, whose side then cannot
 * change; FOR UPDATE: the membership alone, to remove it). Null if it is not (or no longer) there.
 */
export async function lockMembership(tx: Tx, partnershipId: string, membershipId: string, mode: LockMode) {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; userId: string; organizationId: string; side: Side }>>(
    `SELECT m."id", m."userId", m."organizationId", o."side"
       FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
      WHERE m."id" = $1 AND m."partnershipId" = $2
      ${mode === "SHARE" ? "FOR SHARE" : `FOR UPDATE OF m`}`,
    membershipId,
    partnershipId,
  );
  return rows[0] ?? null;
}

/** Locks an organization of the partnership; null if it is not (or no longer) there. */
export async function lockOrganization(tx: Tx, partnershipId: string, organizationId: string, mode: LockMode) {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; name: string; side: Side }>>(
    `SELECT "id", "name", "side" FROM "Organization" WHERE "id" = $1 AND "partnershipId" = $2 FOR ${mode}`,
    organizationId,
    partnershipId,
  );
  return rows[0] ?? null;
}

/** How many co-chairs the top body has besides `membershipId` (read under the top body's lock). */
export function otherCoChairs(tx: Tx, topBodyId: string, membershipId: string): Promise<number> {
  return tx.bodySeat.count({ where: { bodyId: topBodyId, role: "CO_CHAIR", membershipId: { not: membershipId } } });
}

/** Socket room changes a committed change needs. */
export type RoomChanges = {
  /** The user's sockets leave the partnership's room (they may no longer read it). */
  leavePartnership(userId: string, partnershipId: string): void;
  /** The user's sockets are dropped and rejoin only the rooms they may still read. */
  recheck(userId: string): void;
};

/**
 * `inTransaction`, plus socket room changes carried out after commit and before the change's events
 * are sent, so a removed member's sockets never hear of the change that removed them.
 */
export async function inTransactionWithRooms<T>(
  deps: Pick<AppDeps, "db" | "outbox" | "realtime" | "logger">,
  work: (tx: Tx, effects: Effects, rooms: RoomChanges) => Promise<T>,
): Promise<T> {
  const pending: Array<() => unknown> = [];
  // After commit: a failure here must not turn a committed change into an error (as with the outbox).
  const apply = async () => {
    for (const change of pending.splice(0)) {
      try {
        await change();
      } catch (error) {
        deps.logger.error({ err: error }, "socket room change after commit failed");
      }
    }
  };
  const rooms: RoomChanges = {
    leavePartnership: (userId, partnershipId) =>
      pending.push(() => {
        const room = partnershipRoom(partnershipId);
        // This process's sockets leave at once: the cluster-wide leave below travels through PostgreSQL
        // (a NOTIFY) and could otherwise arrive after the event published next, on another connection.
        deps.realtime.io.local.in(userRoom(userId)).socketsLeave(room);
        return deps.realtime.removeUserFromRoom(userId, room);
      }),
    recheck: (userId) => pending.push(() => deps.realtime.recheckUserRooms(userId)),
  };
  const outbox = {
    dispatch: async (...args: Parameters<AppDeps["outbox"]["dispatch"]>) => {
      await apply();
      await deps.outbox.dispatch(...args);
    },
  };
  const value = await inTransaction({ db: deps.db, outbox }, (tx, effects) => {
    pending.length = 0; // a retried transaction starts over
    return work(tx, effects, rooms);
  });
  await apply();
  return value;
}
