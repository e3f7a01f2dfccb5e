// A motion before its vote: moved, seconded, amended (friendly, or by an amendment motion of its own),
// withdrawn or tabled. Each change is a conditional write on the status it was checked against, so two
// people acting at once cannot both succeed.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError } from "../../errors.js";
import { inTransaction, lockRow } from "../../unit-of-work/unit-of-work.js";
import type { Side } from "../../access/access.rules.js";
import { requireAdoptableVersion } from "../drafts/drafts.api.js";
import {
  adoptionRuleRefusal,
  AMENDABLE,
  amendRefusal,
  moveRefusal,
  ruleRefusal,
  secondRefusal,
  STALE_MOTION,
  tableRefusal,
  withdrawRefusal,
} from "./voting.policy.js";
import type { MotionStatus } from "./voting.rules.js";
import type { AmendMotionInput, MotionIdInput, MoveMotionInput } from "./voting.schema.js";
import { announceMotion, appendEvent, refuse, requireMotionSeat, type VotingDeps } from "./voting.shared.js";
import { truncateText } from "../../text.js";

/**
 * The meetings a new motion names, checked under their row locks: a motion is taken at a meeting that is
 * not over, and may approve the minutes of an adjourned meeting of the same body not yet approved.
 */
async function checkMeetings(tx: Tx, bodyId: string, input: Pick<MoveMotionInput, "meetingId" | "agendaItemId" | "approvesMinutesOfMeetingId">) {
  if (input.meetingId) {
    await lockRow(tx, "Meeting", input.meetingId);
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { bodyId: true, status: true } });
    if (!meeting || meeting.bodyId !== bodyId) throw new AppError("BAD_REQUEST", "Choose a meeting of this body.", { fieldErrors: { meetingId: ["Choose a meeting of this body."] } });
    if (meeting.status === "ADJOURNED" || meeting.status === "CANCELLED") throw new AppError("PRECONDITION_FAILED", "That meeting is over.");
  }
  if (input.agendaItemId) {
    const item = await tx.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { meetingId: true } });
    if (!item || item.meetingId !== input.meetingId) throw new AppError("BAD_REQUEST", "Choose an item of this meeting's agenda.");
  }
  if (input.approvesMinutesOfMeetingId) {
    await lockRow(tx, "Meeting", input.approvesMinutesOfMeetingId);
    const earlier = await tx.meeting.findUnique({ where: { id: input.approvesMinutesOfMeetingId }, select: { bodyId: true, status: true, minutesApprovedAt: true } });
    const message = "Choose an adjourned meeting of this body whose minutes are not yet approved.";
    if (!earlier || earlier.bodyId !== bodyId || earlier.status !== "ADJOURNED" || earlier.minutesApprovedAt) {
      throw new AppError("BAD_REQUEST", message, { fieldErrors: { approvesMinutesOfMeetingId: [message] } });
    }
  }
}

export async function moveMotion(deps: VotingDeps, { userId, input }: { userId: string; input: MoveMotionInput }) {
  const { body, member, seat } = await deps.access.requireBodySeat(userId, input.bodyId);
  refuse(moveRefusal(seat));
  refuse(adoptionRuleRefusal({ rule: input.rule, adoptsDraft: input.adoptsDraft !== null }));
  return inTransaction(deps, async (tx, effects) => {
    await checkMeetings(tx, body.id, input);
    // A motion to adopt names the draft's current, signed-off version (drafts domain; NOT_FOUND for another body's).
    if (input.adoptsDraft) await requireAdoptableVersion(tx, { ...input.adoptsDraft, bodyId: body.id });
    // The body's representation rules, read now: a motion keeps the unit rule it was moved under.
    const rules = await tx.body.findUniqueOrThrow({ where: { id: body.id }, select: { equalRepresentation: true, unitRule: true } });
    refuse(ruleRefusal({ rule: input.rule, equalRepresentation: rules.equalRepresentation }));
    const motion = await tx.motion.create({
      data: {
        partnershipId: body.partnershipId,
        bodyId: body.id,
        meetingId: input.meetingId,
        agendaItemId: input.agendaItemId,
        approvesMinutesOfMeetingId: input.approvesMinutesOfMeetingId,
        text: input.text,
        rationale: input.rationale,
        ballotKind: input.ballotKind,
        rule: input.rule,
        requireQuorum: input.requireQuorum,
        unitRule: rules.unitRule,
        movedByMembershipId: member.membershipId,
        adoptsDraftId: input.adoptsDraft?.draftId ?? null,
        adoptsDraftVersion: input.adoptsDraft?.versionNumber ?? null,
      },
      select: { id: true },
    });
    await appendEvent(tx, motion.id, "moved", { by: member.membershipId, ...(input.adoptsDraft ? { adoptsDraft: input.adoptsDraft } : {}) });
    await recordAudit(tx, { partnershipId: body.partnershipId, actorId: userId, action: "motion.moved", subjectType: "Motion", subjectId: motion.id });
    announceMotion(effects, { id: motion.id, partnershipId: body.partnershipId, meetingId: input.meetingId });
    return { id: motion.id };
  });
}

export async function secondMotion(deps: VotingDeps, { userId, input }: { userId: string; input: MotionIdInput }) {
  const { motion, member, seat, body } = await requireMotionSeat(deps, userId, input.motionId);
  const [settings, mover] = await Promise.all([
    deps.db.body.findUniqueOrThrow({ where: { id: body.id }, select: { secondFromOtherSide: true } }),
    deps.db.membership.findUnique({ where: { id: motion.movedByMembershipId }, select: { organization: { select: { side: true } } } }),
  ]);
  refuse(
    secondRefusal({
      seat,
      status: motion.status,
      isMover: motion.movedByMembershipId === member.membershipId,
      viewerSide: member.side,
      moverSide: (mover?.organization.side as Side | undefined) ?? null,
      secondFromOtherSide: settings.secondFromOtherSide,
    }),
  );
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.motion.updateMany({ where: { id: motion.id, status: "MOVED" }, data: { status: "SECONDED", secondedByMembershipId: member.membershipId } });
    if (!count) throw new AppError("PRECONDITION_FAILED", "This motion is not waiting for a second.");
    await appendEvent(tx, motion.id, "seconded", { by: member.membershipId });
    announceMotion(effects, motion);
    return { id: motion.id };
  });
}

/**
 * A friendly amendment (the mover accepts it) changes the wording at once, and the motion needs a new
 * second. Any other amendment is a motion of its own: when it passes, the wording changes.
 */
export async function amendMotion(deps: VotingDeps, { userId, input }: { userId: string; input: AmendMotionInput }) {
  const { motion, member, seat } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(amendRefusal({ seat, status: motion.status, isMover: motion.movedByMembershipId === member.membershipId, friendly: input.friendly }));
  const notAmendable = () => new AppError("PRECONDITION_FAILED", "Only a motion that is not yet open for voting can be amended.");
  if (input.friendly) {
    return inTransaction(deps, async (tx, effects) => {
      // The vote may have opened since the check above: the wording of an open vote never changes.
      const { count } = await tx.motion.updateMany({
        where: { id: motion.id, status: { in: AMENDABLE } },
        data: { text: input.text, status: "MOVED", secondedByMembershipId: null },
      });
      if (!count) throw notAmendable();
      await appendEvent(tx, motion.id, "amended", { friendly: true, text: input.text });
      announceMotion(effects, motion);
      return { id: motion.id };
    });
  }
  return inTransaction(deps, async (tx, effects) => {
    // Under the motion's row lock its vote cannot open while the amendment is being moved.
    await lockRow(tx, "Motion", motion.id);
    const current = await tx.motion.findUniqueOrThrow({ where: { id: motion.id }, select: { status: true, text: true, body: { select: { equalRepresentation: true } } } });
    if (!AMENDABLE.includes(current.status as MotionStatus)) throw notAmendable();
    const amendment = await tx.motion.create({
      data: {
        partnershipId: motion.partnershipId,
        bodyId: motion.bodyId,
        meetingId: motion.meetingId,
        agendaItemId: motion.agendaItemId,
        amendsMotionId: motion.id,
        text: input.text,
        rationale: `Amendment to: ${truncateText(current.text, 200)}`,
        ballotKind: motion.ballotKind,
        // An amendment is decided like any motion of the body: per side where it has equal representation.
        rule: current.body.equalRepresentation ? "DUAL_MAJORITY" : "SIMPLE_MAJORITY",
        requireQuorum: motion.requireQuorum,
        unitRule: motion.unitRule,
        movedByMembershipId: member.membershipId,
      },
      select: { id: true },
    });
    await appendEvent(tx, amendment.id, "moved", { by: member.membershipId, amends: motion.id });
    await appendEvent(tx, motion.id, "amendmentMoved", { amendmentId: amendment.id });
    announceMotion(effects, motion);
    return { id: amendment.id };
  });
}

export async function withdrawMotion(deps: VotingDeps, { userId, input }: { userId: string; input: MotionIdInput }) {
  const { motion, member } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(withdrawRefusal({ status: motion.status, isMover: motion.movedByMembershipId === member.membershipId }));
  return setAside(deps, motion, "WITHDRAWN", "withdrawn");
}

export async function tableMotion(deps: VotingDeps, { userId, input }: { userId: string; input: MotionIdInput }) {
  const { motion, seat } = await requireMotionSeat(deps, userId, input.motionId);
  refuse(tableRefusal({ seat, status: motion.status }));
  return setAside(deps, motion, "TABLED", "tabled");
}

/** Withdrawn or tabled, from exactly the status the guard saw. */
function setAside(deps: VotingDeps, motion: { id: string; partnershipId: string; meetingId: string | null; status: MotionStatus }, status: "WITHDRAWN" | "TABLED", kind: string) {
  return inTransaction(deps, async (tx, effects) => {
    const { count } = await tx.motion.updateMany({ where: { id: motion.id, status: motion.status }, data: { status } });
    if (!count) throw new AppError("CONFLICT", STALE_MOTION);
    await appendEvent(tx, motion.id, kind);
    announceMotion(effects, motion);
    return { id: motion.id };
  });
}
