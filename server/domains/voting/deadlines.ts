// What a vote's jobs do (scheduled when it opens, cancelled when it closes; see voting.jobs.ts): close
// it at its deadline, and remind the voters who have not voted. Both may run more than once, late, or
// after the vote closed by hand, in any process: each acts only through a conditional write.
import type { AppDeps } from "../../deps.js";
import { scheduleJob } from "../../jobs/jobs.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { deadlineJobKey, finishVote, reminderDue, reminderJobKey, type MotionResult, type VoteLifecycleDeps } from "./vote-lifecycle.js";
import type { VotingDeps } from "./voting.shared.js";
import { truncateText } from "../../text.js";

/** A job that finds itself early (a clock ahead of ours) tries again no sooner than this. */
const RETRY_EARLY_MS = 1_000;

/**
 * Closes the vote if it is still open and its deadline has passed by `now`. Returns the result, or null
 * when there was nothing to do (closed meanwhile, or not yet due: then it runs again at the deadline).
 */
export async function closeVoteAtDeadline(
  deps: VoteLifecycleDeps & Pick<AppDeps, "voting">,
  { motionId, now }: { motionId: string; now: Date },
): Promise<MotionResult | null> {
  const closed = await inTransaction(deps, async (tx, effects) => {
    const motion = await tx.motion.findUnique({ where: { id: motionId }, select: { status: true, deadline: true } });
    if (!motion || motion.status !== "OPEN" || !motion.deadline) return null;
    if (motion.deadline > now) {
      const runAt = new Date(Math.max(motion.deadline.getTime(), now.getTime() + RETRY_EARLY_MS));
      await scheduleJob(tx, "voting:deadline", { motionId }, { runAt, key: deadlineJobKey(motionId) });
      return null;
    }
    return finishVote(deps, tx, effects, { motionId, actorId: null, dueBy: now });
  });
  if (!closed) return null;
  deps.voting.tallies.closed(motionId, closed.version);
  return closed.result;
}

/**
 * Reminds, once, the voters of an open vote who have not voted yet, within the body's lead time before
 * the deadline. Returns how many were reminded. Run before its time (the lead time was shortened after
 * the vote opened), it schedules itself for then.
 */
export async function remindVoters(deps: VotingDeps, { motionId, now }: { motionId: string; now: Date }): Promise<number> {
  return inTransaction(deps, async (tx, effects) => {
    const motion = await tx.motion.findUnique({
      where: { id: motionId },
      select: { partnershipId: true, text: true, status: true, deadline: true, ballotKind: true, reminderSentAt: true, body: { select: { reminderLeadHours: true } } },
    });
    if (!motion || motion.status !== "OPEN" || !motion.deadline || motion.reminderSentAt || motion.deadline <= now) return 0;
    const due = reminderDue(motion.deadline, motion.body.reminderLeadHours);
    if (!due) return 0;
    if (due > now) {
      await scheduleJob(tx, "voting:reminder", { motionId }, { runAt: due, key: reminderJobKey(motionId) });
      return 0;
    }
    // Once: the conditional write decides between two runs at once. It also takes the motion's row
    // lock, so the ballots read below include every batch that committed before it.
    const { count } = await tx.motion.updateMany({ where: { id: motionId, status: "OPEN", reminderSentAt: null }, data: { reminderSentAt: now } });
    if (!count) return 0;
    const voters = await tx.motionVoter.findMany({ where: { motionId }, select: { seatMembershipId: true, voterMembershipId: true } });
    const voted = new Set(
      (motion.ballotKind === "SECRET"
        ? await tx.secretParticipation.findMany({ where: { motionId }, select: { seatMembershipId: true } })
        : await tx.rollCallBallot.findMany({ where: { motionId }, select: { seatMembershipId: true } })
      ).map((v) => v.seatMembershipId),
    );
    const waiting = voters.filter((v) => !voted.has(v.seatMembershipId)).map((v) => v.voterMembershipId);
    const users = await tx.membership.findMany({ where: { id: { in: waiting } }, select: { userId: true } });
    effects.notify(
      users.map((u) => u.userId),
      "vote.reminder",
      { partnershipId: motion.partnershipId, motionId, motionText: truncateText(motion.text, 200), deadline: motion.deadline.toISOString() },
    );
    return users.length;
  });
}
