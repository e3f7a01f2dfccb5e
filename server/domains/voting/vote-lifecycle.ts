// A vote's life once seconded: opened (the roll fixed, a secret vote's public key set, its deadline and
// reminder scheduled as jobs), closed (the result computed inside the closing transaction, a secret
// vote's sealed ballots opened, counted and deleted there; into the meeting's minutes), and a deadlock
// voted again (the other ways to settle one: deadlocks.ts).
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { cancelJob, scheduleJob } from "../../jobs/jobs.js";
import { motionRoom } from "../../realtime/realtime.events.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { adoptByMotion } from "../drafts/drafts.api.js";
import { approveMinutesByVote, recordVoteDecision, type VoteDecision } from "../meetings/meetings.api.js";
import { computeQuorum, type QuorumRule } from "../meetings/meetings.rules.js";
import { openBallot, sameKey, voteKeys, type SecretConfig } from "./ballot-box.js";
import { closeRefusal, openRefusal, settleDeadlockRefusal, STALE_MOTION } from "./voting.policy.js";
import { castCount, decide, tallyOf, type DecisionRule, type Outcome, type ReasonPart, type Tally, type VoteSide } from "./voting.rules.js";
import type { MotionIdInput, OpenVoteInput } from "./voting.schema.js";
import { announceMotion, appendEvent, liveTallyOf, refuse, requireMotionSeat, rollCallTally, type VotingDeps } from "./voting.shared.js";
import { truncateText } from "../../text.js";

type QuorumSnapshot = ReturnType<typeof computeQuorum> & { basis: "ATTENDANCE" | "BALLOTS"; required: boolean };
export type MotionResult = {
  outcome: Outcome;
  reason: string;
  /** The reason as codes (results recorded before these existed have only the English `reason`). */
  why?: ReasonPart[];
  rule: DecisionRule;
  tally: Tally;
  cast: number;
  eligible: number;
  quorum: QuorumSnapshot;
};

/** The keyed jobs of an open vote: its deadline, and the reminder before it. */
export const deadlineJobKey = (motionId: string) => `motion-deadline:${motionId}`;
export const reminderJobKey = (motionId: string) => `motion-reminder:${motionId}`;

/** When voters who have not voted are reminded: the body's lead time before the deadline (never, with no lead time). */
export function reminderDue(deadline: Date, leadHours: number): Date | null {
  return leadHours > 0 ? new Date(deadline.getTime() - leadHours * 3_600_000) : null;
}

/** Schedules the deadline and the reminder in the opening transaction; a reminder already due runs at once. */
async function scheduleVoteJobs(tx: Tx, motionId: string, deadline: Date, leadHours: number, now: Date) {
  await scheduleJob(tx, "voting:deadline", { motionId }, { runAt: deadline, key: deadlineJobKey(motionId) });
  const due = reminderDue(deadline, leadHours);
  if (due) await scheduleJob(tx, "voting:reminder", { motionId }, { runAt: due > now ? due : now, key: reminderJobKey(motionId) });
}

/**
 * The roll, fixed when the vote opens: the body's voting seats at this moment. A holder's designated
 * alternate (same side) votes in the seat when the holder is absent or excused at the meeting, or, for
 * an electronic vote, when the holder has delegated to them.
 */
async function rollOf(tx: Tx, motion: { id: string; bodyId: string; meetingId: string | null }) {
  const seats = await tx.bodySeat.findMany({
    where: { bodyId: motion.bodyId, isVoting: true, role: { in: ["CO_CHAIR", "MEMBER"] } },
    select: { membershipId: true, alternateMembershipId: true, delegatesElectronicVotes: true, membership: { select: { organization: { select: { side: true } } } } },
  });
  const attendance = motion.meetingId
    ? new Map((await tx.attendance.findMany({ where: { meetingId: motion.meetingId } })).map((a) => [a.membershipId, a.status]))
    : new Map<string, string>();
  const away = (id: string) => ["ABSENT", "EXCUSED"].includes(attendance.get(id) ?? "");
  const seatHolders = new Set(seats.map((s) => s.membershipId));
  const rows = seats.map((s) => {
    const useAlternate =
      s.alternateMembershipId !== null &&
      !seatHolders.has(s.alternateMembershipId) &&
      (motion.meetingId !== null ? away(s.membershipId) && !away(s.alternateMembershipId) : s.delegatesElectronicVotes);
    return {
      motionId: motion.id,
      seatMembershipId: s.membershipId,
      voterMembershipId: useAlternate ? s.alternateMembershipId! : s.membershipId,
      side: s.membership.organization.side,
      isAlternate: useAlternate,
    };
  });
  // One alternate never holds two seats: the second seat stays with its (absent) holder.
  const taken = new Set<string>();
  for (const r of rows) {
    if (r.isAlternate && taken.has(r.voterMembershipId)) Object.assign(r, { voterMembershipId: r.seatMembershipId, isAlternate: false });
    taken.add(r.voterMembershipId);
  }
  return rows;
}

/** Opening and closing also need the server's secret (a secret vote's keys are derived from it). */
export type VoteLifecycleDeps = VotingDeps & { config: SecretConfig };

export async function openVote(deps: VoteLifecycleDeps, { userId, input }: { userId: string; input: OpenVoteInput }) {
  const { motion, seat } = await requireMotionSeat(deps, userId, input.motionId);
  const now = new Date();
  const { deadline } = input;
  refuse(openRefusal({ seat, status: motion.status, atMeeting: motion.meetingId !== null, deadline, now }));
  return inTransaction(deps, async (tx, effects) => {
    const settings = await tx.body.findUniqueOrThrow({ where: { id: motion.bodyId }, select: { allowVoteChange: true, reminderLeadHours: true } });
    const rows = await rollOf(tx, motion);
    const { count } = await tx.motion.updateMany({
      where: { id: motion.id, status: "SECONDED" },
      data: {
        status: "OPEN",
        openedAt: now,
        deadline,
        eligibleCount: rows.length,
        // A secret ballot cannot be changed: nothing links it back to the voter.
        allowVoteChange: motion.ballotKind === "ROLL_CALL" && settings.allowVoteChange,
        // The key ballots are sealed to. Its private half is derived again at the close, never stored.
        ballotPublicKey: motion.ballotKind === "SECRET" ? (await voteKeys(deps.config, motion.id)).publicKey : null,
      },
    });
    if (!count) throw new AppError("CONFLICT", STALE_MOTION);
    await tx.motionVoter.createMany({ data: rows });
    await appendEvent(tx, motion.id, "opened", { eligible: rows.length, deadline: deadline?.toISOString() ?? null, alternates: rows.filter((r) => r.isAlternate).length });
    await recordAudit(tx, { partnershipId: motion.partnershipId, actorId: userId, action: "motion.opened", subjectType: "Motion", subjectId: motion.id });
    if (deadline) await scheduleVoteJobs(tx, motion.id, deadline, settings.reminderLeadHours, now);
    const voters = await tx.membership.findMany({ where: { id: { in: rows.map((r) => r.voterMembershipId) } }, select: { userId: true } });
    effects.notify(
      voters.map((v) => v.userId),
      "vote.opened",
      { partnershipId: motion.partnershipId, motionId: motion.id, motionText: truncateText(motion.text, 200), deadline: deadline?.toISOString() ?? null },
    );
    announceMotion(effects, motion);
    return { id: motion.id };
  });
}

export async function closeVote(deps: VoteLifecycleDeps & Pick<AppDeps, "voting">, { userId, input }: { userId: string; input: MotionIdInput }): Promise<MotionResult> {
  const { motion, seat } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(closeRefusal({ seat, status: motion.status }));
  const closed = await inTransaction(deps, (tx, effects) => finishVote(deps, tx, effects, { motionId: motion.id, actorId: userId }));
  if (!closed) throw new AppError("PRECONDITION_FAILED", "This vote was already closed.");
  deps.voting.tallies.closed(motion.id, closed.version);
  return closed.result;
}

/**
 * Closes the vote and records its result, inside the caller's transaction. `actorId` null is the
 * deadline closing it; `dueBy` then also requires the deadline to have passed. Returns null when the
 * vote was no longer open (the chair and the deadline at once, say).
 *
 * The conditional update OPEN → CLOSED is the whole race: it waits for a ballot batch holding the
 * motion's row lock, and once it holds the lock itself no batch can count another ballot (a batch
 * locks only an OPEN motion). Every read after it sees every ballot that was accepted.
 */
export async function finishVote(
  deps: { config: SecretConfig },
  tx: Tx,
  effects: Effects,
  { motionId, actorId, dueBy }: { motionId: string; actorId: string | null; dueBy?: Date },
): Promise<{ result: MotionResult; version: number } | null> {
  const { count } = await tx.motion.updateMany({
    where: { id: motionId, status: "OPEN", ...(dueBy ? { deadline: { lte: dueBy } } : {}) },
    // The final tally's version is above every batch's, so no client keeps an earlier count over it.
    data: { status: "CLOSED", closedAt: new Date(), tallyVersion: { increment: 1 } },
  });
  if (!count) return null;
  const motion = await tx.motion.findUniqueOrThrow({ where: { id: motionId } });
  const tally = motion.ballotKind === "SECRET" ? await countSealedBallots(deps, tx, motion) : await rollCallTally(tx, motionId);
  const quorum = await quorumFor(tx, motion);
  const rule = motion.rule as DecisionRule;
  const decision = decide(rule, tally, { required: motion.requireQuorum, met: quorum.met }, { unitRule: motion.unitRule });
  const result: MotionResult = { ...decision, rule, tally, cast: castCount(tally.total), eligible: motion.eligibleCount, quorum };
  await tx.motion.update({ where: { id: motionId }, data: { outcome: decision.outcome, result: result as never } });
  await appendEvent(tx, motionId, "closed", { by: actorId ? "chair" : "deadline" });
  await appendEvent(tx, motionId, "result", result as never);
  await recordAudit(tx, { partnershipId: motion.partnershipId, actorId, action: "motion.closed", subjectType: "Motion", subjectId: motionId, data: { outcome: decision.outcome } });
  // The deadline and the reminder have nothing left to do (a job already running finds the vote closed).
  await cancelJob(tx, deadlineJobKey(motionId));
  await cancelJob(tx, reminderJobKey(motionId));

  // An adopted amendment changes the wording of the motion it amends (if that is not yet being voted).
  if (motion.amendsMotionId) {
    if (decision.outcome === "PASSED") {
      const { count: amended } = await tx.motion.updateMany({ where: { id: motion.amendsMotionId, status: { in: ["MOVED", "SECONDED"] } }, data: { text: motion.text } });
      if (amended) await appendEvent(tx, motion.amendsMotionId, "amended", { friendly: false, amendmentId: motion.id, text: motion.text });
    }
    effects.publish(motionRoom(motion.amendsMotionId), "motion:changed", { motionId: motion.amendsMotionId });
  }
  // A passed motion to approve an earlier meeting's minutes approves them (unless the co-chairs did meanwhile).
  if (motion.approvesMinutesOfMeetingId && decision.outcome === "PASSED") {
    await approveMinutesByVote(tx, effects, { meetingId: motion.approvesMinutesOfMeetingId, motionId, actorId });
  }
  // A passed motion naming a curriculum version adopts it (drafts domain), if it still can be adopted:
  // the result stands either way, and the motion's record says what became of the adoption.
  let adoption = "";
  let adoptionCodes: Extract<VoteDecision, { outcome: unknown }>["adoption"] = null;
  if (motion.adoptsDraftId && motion.adoptsDraftVersion && decision.outcome === "PASSED") {
    const adopted = await adoptByMotion(tx, effects, {
      draftId: motion.adoptsDraftId,
      versionNumber: motion.adoptsDraftVersion,
      motionId,
      actorId,
      recordedById: actorId ?? (await deadlineRecorder(tx, motion)),
    });
    await appendEvent(tx, motionId, "adoption", adopted.adopted ? { adopted: true, versionNumber: motion.adoptsDraftVersion } : { adopted: false, reason: adopted.reason });
    adoption = adopted.adopted ? ` Version ${motion.adoptsDraftVersion} of the curriculum is adopted.` : ` The curriculum was not adopted: ${adopted.reason}`;
    adoptionCodes = adopted.adopted ? { adopted: true, version: motion.adoptsDraftVersion } : { adopted: false, reason: adopted.reason };
  }
  // A vote taken at a meeting goes into that meeting's minutes.
  if (motion.meetingId) {
    await recordVoteDecision(tx, effects, {
      meetingId: motion.meetingId,
      agendaItemId: motion.agendaItemId,
      motionId,
      text: `Motion: ${motion.text} Result: ${decision.outcome.replace("_", " ").toLowerCase()} (${decision.reason})${adoption}`,
      vote: { motionText: motion.text, outcome: decision.outcome, why: decision.why, adoption: adoptionCodes },
      quorum,
      recordedById: actorId ?? (await deadlineRecorder(tx, motion)),
    });
  }
  effects.publish(motionRoom(motionId), "tally:updated", liveTallyOf(motion, { cast: result.cast, tally }));
  announceMotion(effects, motion);
  return { result, version: motion.tallyVersion };
}

const SIDES: readonly VoteSide[] = ["LABOR", "MANAGEMENT", "NEUTRAL"];

/**
 * A secret vote's count, inside the close's transaction: it holds the motion's row lock, so no ballot
 * can still arrive. Each box is opened with the vote's private key, derived now from the server's
 * secret, and the boxes must match the participation rows side by side (one box per seat that voted).
 * A key that is not the one the vote opened with (the server's secret changed), a box that does not
 * open, or a count that differs is a bug, never a result: it throws, the close rolls back and the vote
 * stays open. The boxes are then deleted, so backups taken from now on hold no ciphertext of this vote
 * (decision 0010 says why we do not keep them).
 */
async function countSealedBallots(deps: { config: SecretConfig }, tx: Tx, motion: { id: string; ballotPublicKey: Uint8Array | null }): Promise<Tally> {
  if (!motion.ballotPublicKey) throw new Error(`Secret vote ${motion.id} has no public key: its ballots cannot be counted`);
  const keys = await voteKeys(deps.config, motion.id);
  if (!sameKey(keys.publicKey, new Uint8Array(motion.ballotPublicKey))) {
    throw new Error(`Secret vote ${motion.id} was opened under another server secret (APP_SECRET): its ballots cannot be opened`);
  }
  const boxes = await tx.sealedBallot.findMany({ where: { motionId: motion.id }, select: { box: true } });
  const tally = tallyOf(await Promise.all(boxes.map(({ box }) => openBallot(keys, new Uint8Array(box)))));
  const took = await tx.secretParticipation.groupBy({ by: ["side"], where: { motionId: motion.id }, _count: { _all: true } });
  const participations = new Map(took.map((t) => [t.side, t._count._all]));
  const mismatch = SIDES.filter((side) => castCount(tally[side]) !== (participations.get(side) ?? 0));
  if (mismatch.length || boxes.length !== took.reduce((sum, t) => sum + t._count._all, 0)) {
    throw new Error(`Secret vote ${motion.id}: ${boxes.length} sealed ballots do not match its participation (sides ${mismatch.join(", ") || "?"}); not closing`);
  }
  await tx.sealedBallot.deleteMany({ where: { motionId: motion.id } });
  return tally;
}

/** The quorum a vote is judged by: attendance at its meeting, or, between meetings, who took part. */
async function quorumFor(tx: Tx, motion: { id: string; bodyId: string; meetingId: string | null; requireQuorum: boolean; ballotKind: string }): Promise<QuorumSnapshot> {
  const body = await tx.body.findUniqueOrThrow({ where: { id: motion.bodyId }, select: { quorumMode: true, quorumLabor: true, quorumManagement: true } });
  const rule: QuorumRule = { mode: body.quorumMode as QuorumRule["mode"], labor: body.quorumLabor, management: body.quorumManagement };
  const voters = await tx.motionVoter.findMany({ where: { motionId: motion.id } });
  let present: Set<string>;
  if (motion.meetingId) {
    const attendance = await tx.attendance.findMany({ where: { meetingId: motion.meetingId, status: { in: ["PRESENT", "LATE"] } } });
    present = new Set(attendance.map((a) => a.membershipId));
  } else {
    const took =
      motion.ballotKind === "SECRET"
        ? await tx.secretParticipation.findMany({ where: { motionId: motion.id }, select: { castByMembershipId: true } })
        : await tx.rollCallBallot.findMany({ where: { motionId: motion.id }, select: { castByMembershipId: true } });
    present = new Set(took.map((t) => t.castByMembershipId));
  }
  const quorum = computeQuorum(rule, voters.map((v) => ({ side: v.side, attendance: present.has(v.voterMembershipId) ? "PRESENT" : null })));
  return { ...quorum, basis: motion.meetingId ? "ATTENDANCE" : "BALLOTS", required: motion.requireQuorum };
}

/**
 * Who records a decision the deadline took (Decision.recordedById is a user id): the mover, or, when
 * the mover has left the partnership since, the co-chair who opened the vote.
 */
async function deadlineRecorder(tx: Tx, motion: { id: string; movedByMembershipId: string }): Promise<string> {
  const mover = await tx.membership.findUnique({ where: { id: motion.movedByMembershipId }, select: { userId: true } });
  if (mover) return mover.userId;
  const opened = await tx.auditEvent.findFirstOrThrow({ where: { subjectType: "Motion", subjectId: motion.id, action: "motion.opened" }, select: { actorId: true } });
  return opened.actorId!;
}

/** After a deadlock and a caucus: the same motion again, seconded as before, ready to open. */
export async function revoteMotion(deps: VotingDeps, { userId, input }: { userId: string; input: MotionIdInput }) {
  const { motion, seat } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(settleDeadlockRefusal({ seat, outcome: motion.outcome, how: "revote" }));
  return inTransaction(deps, async (tx, effects) => {
    // Settled first: of two re-votes at once, the second finds it settled and writes nothing.
    const { count } = await tx.motion.updateMany({
      where: { id: motion.id, outcome: "DEADLOCKED", resolution: null },
      data: { resolution: "Re-voted after a caucus.", resolvedAt: new Date() },
    });
    if (!count) throw new AppError("CONFLICT", "This deadlock has already been settled.");
    const again = await tx.motion.create({
      data: {
        partnershipId: motion.partnershipId,
        bodyId: motion.bodyId,
        meetingId: motion.meetingId,
        agendaItemId: motion.agendaItemId,
        text: motion.text,
        rationale: motion.rationale,
        ballotKind: motion.ballotKind,
        rule: motion.rule,
        requireQuorum: motion.requireQuorum,
        unitRule: motion.unitRule,
        adoptsDraftId: motion.adoptsDraftId,
        adoptsDraftVersion: motion.adoptsDraftVersion,
        movedByMembershipId: motion.movedByMembershipId,
        secondedByMembershipId: motion.secondedByMembershipId,
        status: "SECONDED",
      },
      select: { id: true },
    });
    await appendEvent(tx, again.id, "moved", { revoteOf: motion.id });
    await appendEvent(tx, motion.id, "deadlockResolved", { resolution: "revote", motionId: again.id });
    announceMotion(effects, motion);
    return { id: again.id };
  });
}
