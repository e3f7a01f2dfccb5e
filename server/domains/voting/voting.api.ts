// What other domains may ask of voting. Reads come with voting's own permission checks (a motion is
// seen only by its body's members). The writes below run inside the caller's transaction (the joint
// domain applies a concurred change with them; voting's own use cases make the same writes through
// them): a body's voting settings, its umpire, a seat's alternate, and the umpire's decision on a
// deadlocked vote.
import { recordAudit } from "../../audit/audit.js";
import type { Db, Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom } from "../../realtime/realtime.events.js";
import { lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import { recordVoteDecision } from "../meetings/meetings.api.js";
import type { MotionResult } from "./vote-lifecycle.js";
import type { DeadlockProcedure, DecisionRule, Outcome } from "./voting.rules.js";
import { announceMotion, appendEvent, currentCounts, liveTallyOf } from "./voting.shared.js";

export { getMotion, listMotions } from "./voting.reads.js";
export { readMeetingMotions, readMinutesApprovalMotion, type RecordMotion } from "./meeting-record.js";
export type { MotionResult } from "./vote-lifecycle.js";

type Client = Db | Tx;
type By = { actorId: string; changeId: string | null };
type BodyRef = { id: string; partnershipId: string };

/** Voting settings and alternates show on the committee pages, which listen to the partnership's room. */
const settingsChanged = (effects: Effects, partnershipId: string) => effects.publish(partnershipRoom(partnershipId), "partnership:changed", { partnershipId });

export type VotingSettingsValue = {
  secondFromOtherSide: boolean;
  allowVoteChange: boolean;
  deadlockProcedure: DeadlockProcedure;
  reminderLeadHours: number;
};

export async function readVotingSettings(client: Client, bodyId: string): Promise<VotingSettingsValue> {
  const b = await client.body.findUniqueOrThrow({
    where: { id: bodyId },
    select: { secondFromOtherSide: true, allowVoteChange: true, deadlockProcedure: true, reminderLeadHours: true },
  });
  return { ...b, deadlockProcedure: b.deadlockProcedure as DeadlockProcedure };
}

/** They shape votes opened afterwards: an open vote's roll and settings are fixed. */
export async function writeVotingSettings(tx: Tx, effects: Effects, { body, settings, ...by }: { body: BodyRef; settings: VotingSettingsValue } & By) {
  await tx.body.update({ where: { id: body.id }, data: settings });
  await recordAudit(tx, { partnershipId: body.partnershipId, actorId: by.actorId, action: "body.votingSettingsSet", subjectType: "Body", subjectId: body.id, data: { ...settings, jointChangeId: by.changeId } });
  settingsChanged(effects, body.partnershipId);
}

export async function readUmpire(client: Client, bodyId: string) {
  return client.body.findUniqueOrThrow({ where: { id: bodyId }, select: { umpireName: true } });
}

/** Names the impartial umpire both sides agreed on (empty: none). */
export async function writeUmpire(tx: Tx, effects: Effects, { body, umpireName, ...by }: { body: BodyRef; umpireName: string } & By) {
  await tx.body.update({ where: { id: body.id }, data: { umpireName } });
  await recordAudit(tx, { partnershipId: body.partnershipId, actorId: by.actorId, action: "body.umpireNamed", subjectType: "Body", subjectId: body.id, data: { umpireName, jointChangeId: by.changeId } });
  settingsChanged(effects, body.partnershipId);
}

/** A voting seat's holder (name, side) and their alternate on a body. */
export async function readAlternate(client: Client, { bodyId, membershipId }: { bodyId: string; membershipId: string }) {
  const seat = await client.bodySeat.findUnique({
    where: { bodyId_membershipId: { bodyId, membershipId } },
    select: { isVoting: true, alternateMembershipId: true, membership: { select: { user: { select: { name: true } }, organization: { select: { side: true } } } } },
  });
  if (!seat) return null;
  const alternate = seat.alternateMembershipId
    ? await client.membership.findUnique({ where: { id: seat.alternateMembershipId }, select: { user: { select: { name: true } } } })
    : null;
  return {
    holderName: seat.membership.user.name,
    side: seat.membership.organization.side as "LABOR" | "MANAGEMENT" | "NEUTRAL",
    isVoting: seat.isVoting,
    alternateMembershipId: seat.alternateMembershipId,
    alternateName: alternate?.user.name ?? null,
  };
}

/**
 * Names a seat holder's alternate: someone seated on the same body (so they can follow its meetings and
 * motions, e.g. as an observer) from the same side. If they also hold a voting seat, they keep one vote.
 * Checked under the body's row lock, so the seats checked are the seats at commit.
 */
export async function writeAlternate(
  tx: Tx,
  effects: Effects,
  { body, membershipId, alternateMembershipId, ...by }: { body: BodyRef; membershipId: string; alternateMembershipId: string | null } & By,
) {
  await lockRow(tx, "Body", body.id);
  const seat = await tx.bodySeat.findUnique({
    where: { bodyId_membershipId: { bodyId: body.id, membershipId } },
    select: { id: true, isVoting: true, membership: { select: { organization: { select: { side: true } } } } },
  });
  if (!seat || !seat.isVoting) throw new AppError("BAD_REQUEST", "Choose a voting member of this body.");
  if (alternateMembershipId) {
    if (alternateMembershipId === membershipId) throw new AppError("BAD_REQUEST", "A member cannot be their own alternate.");
    const alternate = await tx.bodySeat.findUnique({
      where: { bodyId_membershipId: { bodyId: body.id, membershipId: alternateMembershipId } },
      select: { membership: { select: { organization: { select: { side: true } } } } },
    });
    if (!alternate) throw new AppError("BAD_REQUEST", "Choose someone seated on this body (an observer seat is enough).");
    if (alternate.membership.organization.side !== seat.membership.organization.side) {
      throw new AppError("BAD_REQUEST", "An alternate comes from the same side as the member, so each side keeps its parity.");
    }
  }
  // A new (or no) alternate is not someone the holder chose to vote for them electronically.
  await tx.bodySeat.update({ where: { id: seat.id }, data: { alternateMembershipId, delegatesElectronicVotes: false } });
  await recordAudit(tx, {
    partnershipId: body.partnershipId,
    actorId: by.actorId,
    action: "seat.alternateSet",
    subjectType: "Body",
    subjectId: body.id,
    data: { membershipId, alternateMembershipId, jointChangeId: by.changeId },
  });
  settingsChanged(effects, body.partnershipId);
}

/** A deadlocked vote and its body's umpire, as a proposal to record the umpire's decision starts from. */
export async function readDeadlock(client: Client, motionId: string) {
  const motion = await client.motion.findUnique({
    where: { id: motionId },
    select: { id: true, bodyId: true, partnershipId: true, text: true, outcome: true, resolution: true, body: { select: { umpireName: true, deadlockProcedure: true } } },
  });
  if (!motion) return null;
  return {
    motionId: motion.id,
    bodyId: motion.bodyId,
    partnershipId: motion.partnershipId,
    motionText: motion.text,
    outcome: motion.outcome,
    resolution: motion.resolution,
    umpireName: motion.body.umpireName,
    deadlockProcedure: motion.body.deadlockProcedure as DeadlockProcedure,
  };
}

/** Why an umpire's decision cannot be recorded for this vote now (null: it can). */
export function umpireDecisionProblem(deadlock: Awaited<ReturnType<typeof readDeadlock>>, bodyId: string): string | null {
  if (!deadlock || deadlock.bodyId !== bodyId) return "Choose a deadlocked vote of this body.";
  if (deadlock.outcome !== "DEADLOCKED") return "Only a deadlocked vote goes to the umpire.";
  if (deadlock.resolution !== null) return "This deadlock has already been settled.";
  if (!deadlock.umpireName) return "Name the impartial umpire first (a joint change of the voting settings).";
  return null;
}

/**
 * Records the umpire's decision on a deadlocked vote, attested by both co-chairs: on the motion (its
 * settlement, once), in its record, and in the minutes of the meeting where the vote was taken.
 */
export async function recordUmpireDecision(
  tx: Tx,
  effects: Effects,
  { motionId, question, decision, umpireName, attestedBy, ...by }: { motionId: string; question: string; decision: string; umpireName: string; attestedBy: string[] } & By,
) {
  const resolution = `Umpire's decision (${umpireName}): ${decision}`;
  const { count } = await tx.motion.updateMany({ where: { id: motionId, outcome: "DEADLOCKED", resolution: null }, data: { resolution, resolvedAt: new Date() } });
  if (!count) throw new AppError("CONFLICT", "This deadlock has already been settled.");
  const motion = await tx.motion.findUnique({
    where: { id: motionId },
    select: { id: true, partnershipId: true, text: true, meetingId: true, agendaItemId: true, result: true },
  });
  if (!motion) throw notFound("Motion");
  await appendEvent(tx, motion.id, "deadlockResolved", { resolution: "umpire", umpireName, question, decision, attestedBy, jointChangeId: by.changeId });
  await recordAudit(tx, { partnershipId: motion.partnershipId, actorId: by.actorId, action: "motion.umpireDecisionRecorded", subjectType: "Motion", subjectId: motion.id, data: { umpireName, jointChangeId: by.changeId } });
  if (motion.meetingId) {
    await recordVoteDecision(tx, effects, {
      meetingId: motion.meetingId,
      agendaItemId: motion.agendaItemId,
      motionId: motion.id,
      text:
        `Umpire's decision on the deadlocked motion "${motion.text}". Question put to ${umpireName}: ${question} ` +
        `Decision: ${decision} (Attested as the agreed umpire's decision by ${attestedBy.join(" and ")}.)`,
      // The same, as codes and the people's own words: each reader of the minutes sees it in their language.
      vote: { kind: "umpire", motionText: motion.text, umpireName, question, decision, attestedBy },
      quorum: (motion.result as MotionResult | null)?.quorum ?? {},
      recordedById: by.actorId,
    });
  }
  announceMotion(effects, motion);
}

/**
 * What a meeting's room display shows of its votes (the permission layer admitted the display to that
 * meeting): the vote in progress on the current item, else the last one closed there. A secret ballot
 * shows only how many voted until it closes; a roll call its counts per side, never names.
 */
export async function meetingVoteForDisplay(db: Db, { meetingId, agendaItemId }: { meetingId: string; agendaItemId: string | null }) {
  const select = {
    id: true,
    text: true,
    status: true,
    ballotKind: true,
    rule: true,
    outcome: true,
    result: true,
    eligibleCount: true,
    tallyVersion: true,
    amendsMotionId: true,
    closedAt: true,
  } as const;
  const where = { meetingId, ...(agendaItemId ? { agendaItemId } : {}) };
  const motion =
    (await db.motion.findFirst({ where: { ...where, status: "OPEN" }, orderBy: { openedAt: "desc" }, select })) ??
    (await db.motion.findFirst({ where: { ...where, status: "CLOSED" }, orderBy: { closedAt: "desc" }, select }));
  if (!motion) return null;
  const tally = liveTallyOf(motion, await currentCounts(db, motion));
  const result = motion.result as MotionResult | null;
  return {
    id: motion.id,
    text: motion.text,
    isAmendment: motion.amendsMotionId !== null,
    status: motion.status as "OPEN" | "CLOSED",
    ballotKind: motion.ballotKind as "ROLL_CALL" | "SECRET",
    rule: motion.rule as DecisionRule,
    tally,
    outcome: (motion.outcome as Outcome | null) ?? null,
    reason: result?.reason ?? null,
  };
}
