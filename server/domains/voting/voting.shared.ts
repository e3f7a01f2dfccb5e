// What the voting use cases share: the guard that finds a motion with the asker's seat, refusals as
// AppErrors, the motion's append-only record, its counts, and the events that tell its viewers and lists.
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { meetingRoom, motionRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import type { LiveTally } from "./voting.events.js";
import type { MotionResult } from "./vote-lifecycle.js";
import type { Refusal } from "./voting.policy.js";
import { castCount, tallyOf, type MotionStatus, type Tally } from "./voting.rules.js";

/** What most voting use cases need: the database, the permission layer and the outbox (through `inTransaction`). */
export type VotingDeps = Pick<AppDeps, "db" | "access" | "outbox">;

/** Throws the policy's refusal, if any, as the AppError the user sees. */
export function refuse(refusal: Refusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message, { fieldErrors: refusal.fieldErrors });
}

/** The whole motion and the asker's seat on its body. Anyone not seated there gets NOT_FOUND. */
export async function requireMotionSeat(deps: Pick<AppDeps, "db" | "access">, userId: string, motionId: string) {
  const found = await deps.access.requireMotionSeat(userId, motionId);
  const motion = await deps.db.motion.findUnique({ where: { id: motionId } });
  if (!motion) throw notFound("Motion");
  return { ...found, motion: { ...motion, status: motion.status as MotionStatus } };
}

/** Appends to the motion's record (append-only in the database). */
export async function appendEvent(tx: Tx, motionId: string, kind: string, data: Record<string, unknown> = {}) {
  await tx.motionEvent.create({ data: { motionId, kind, data: data as never } });
}

/**
 * After commit: the motion's viewers refetch it, and the partnership's motion lists refetch. A motion
 * taken at a meeting also tells the meeting's room (the live room and its projector list its motions).
 */
export function announceMotion(effects: Effects, motion: { id: string; partnershipId: string; meetingId?: string | null }) {
  effects.publish(motionRoom(motion.id), "motion:changed", { motionId: motion.id });
  effects.publish(partnershipRoom(motion.partnershipId), "motions:changed", { partnershipId: motion.partnershipId });
  if (motion.meetingId) effects.publish(meetingRoom(motion.meetingId), "meeting:changed", { meetingId: motion.meetingId, parts: ["motions"] });
}

/** A roll call's counts per side and choice, from its ballots. */
export async function rollCallTally(client: Tx, motionId: string): Promise<Tally> {
  const groups = await client.rollCallBallot.groupBy({ by: ["side", "choice"], where: { motionId }, _count: { _all: true } });
  return tallyOf(groups.map((g) => ({ side: g.side, choice: g.choice, count: g._count._all })));
}

/** The counts that exist now: how many voted, and how, when that may be known (null: a secret vote not yet counted). */
export type CurrentCounts = { cast: number; tally: Tally | null };

/**
 * A roll call's counts from its ballots; a secret vote's from its result once closed, and until then
 * only how many have voted (the choices are sealed: decision 0010).
 */
export async function currentCounts(client: Tx, motion: { id: string; ballotKind: string; status: string; result: unknown }): Promise<CurrentCounts> {
  if (motion.ballotKind !== "SECRET") {
    const tally = await rollCallTally(client, motion.id);
    return { cast: castCount(tally.total), tally };
  }
  const result = motion.result as Pick<MotionResult, "cast" | "tally"> | null;
  if (motion.status === "CLOSED" && result) return { cast: result.cast, tally: result.tally };
  return { cast: await client.secretParticipation.count({ where: { motionId: motion.id } }), tally: null };
}

/** The tally as it may be shown: a secret ballot's counts per side only once it has closed. */
export function liveTallyOf(
  motion: { id: string; ballotKind: string; status: string; eligibleCount: number; tallyVersion: number },
  counts: CurrentCounts,
): LiveTally {
  const sealed = motion.ballotKind === "SECRET" && motion.status !== "CLOSED";
  const bySide = counts.tally && !sealed ? { LABOR: counts.tally.LABOR, MANAGEMENT: counts.tally.MANAGEMENT, NEUTRAL: counts.tally.NEUTRAL } : null;
  return { motionId: motion.id, cast: counts.cast, eligible: motion.eligibleCount, bySide, version: motion.tallyVersion };
}
