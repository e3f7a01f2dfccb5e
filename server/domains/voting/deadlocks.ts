// A deadlocked vote settled: by the umpire both sides agreed on (the decision is recorded with the
// question put to them, and both co-chairs attest that it is the agreed umpire's: a joint change whose
// concurrence records it on the motion and in the minutes of the meeting where the vote was taken), or,
// under the other procedures, by what the body did (tabled it, took it up again), recorded by a co-chair.
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { motionRoom } from "../../realtime/realtime.events.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { proposeJointChange } from "../joint/joint.api.js";
import { readDeadlock, umpireDecisionProblem } from "./voting.api.js";
import { settleDeadlockRefusal } from "./voting.policy.js";
import type { ResolveDeadlockInput, UmpireDecisionInput } from "./voting.schema.js";
import { appendEvent, refuse, requireMotionSeat, type VotingDeps } from "./voting.shared.js";

const UMPIRE_IS_JOINT = "This body refers deadlocks to its umpire: record the umpire's decision (both co-chairs attest it).";

/** Proposes the umpire's decision for the other side's co-chair to attest (concur), which records it. */
export async function proposeUmpireDecision(deps: VotingDeps & Pick<AppDeps, "realtime" | "logger">, { userId, input }: { userId: string; input: UmpireDecisionInput }) {
  const { motion } = await requireMotionSeat(deps, userId, input.motionId);
  const problem = umpireDecisionProblem(await readDeadlock(deps.db, motion.id), motion.bodyId);
  if (problem) throw new AppError("PRECONDITION_FAILED", problem);
  return proposeJointChange(deps, {
    userId,
    input: { partnershipId: motion.partnershipId, bodyId: motion.bodyId, kind: "UMPIRE_DECISION", payload: input },
  });
}

/**
 * Records how a deadlock was settled under the body's other procedures (tabled, or what the body did).
 * Where the body refers deadlocks to its umpire, only the joint umpire's decision settles it.
 */
export async function resolveDeadlock(deps: VotingDeps, { userId, input }: { userId: string; input: ResolveDeadlockInput }) {
  const { motion, seat } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(settleDeadlockRefusal({ seat, outcome: motion.outcome, how: "resolve" }));
  const deadlock = await readDeadlock(deps.db, motion.id);
  if (deadlock?.deadlockProcedure === "REFER_TO_UMPIRE") throw new AppError("PRECONDITION_FAILED", UMPIRE_IS_JOINT);
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.motion.updateMany({ where: { id: motion.id, outcome: "DEADLOCKED", resolution: null }, data: { resolution: input.resolution, resolvedAt: new Date() } });
    if (!count) throw new AppError("CONFLICT", "This deadlock has already been settled.");
    await appendEvent(tx, motion.id, "deadlockResolved", { resolution: input.resolution });
    effects.publish(motionRoom(motion.id), "motion:changed", { motionId: motion.id });
    return { id: motion.id };
  });
}
