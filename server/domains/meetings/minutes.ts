// Minutes: the note-taker, the text per agenda item (a save names the revision it started from),
// decisions with the quorum of that moment, action items, and the co-chairs' joint approval after
// adjournment that freezes them. Every change locks the meeting's row first: a change and the approval
// that completes the minutes are then one before the other, never both on the same version.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { readQuorum } from "./attendance.js";
import {
  bodyMemberUserIds,
  lockMeeting,
  meetingChanged,
  nameOf,
  otherSideCoChairUserIds,
  requireBodyMember,
  requireItemActor,
  requireMeetingActor,
  touchMinutes,
  type MeetingsDeps,
} from "./meetings.guards.js";
import { allowOrThrow, mayApproveMinutes, mayChangeAction, mayRecordDecision, maySetNoteTaker, mayWriteMinutes } from "./meetings.policy.js";
import type { CoChairSide } from "./meetings.rules.js";
import type {
  ApproveVersionInput,
  CreateActionItemInput,
  RecordDecisionInput,
  SaveMinutesInput,
  SetNoteTakerInput,
  UpdateActionStatusInput,
} from "./meetings.schema.js";

const NOT_THIS_MEETING = "Choose an item of this meeting's agenda.";

/** Refuses (BAD_REQUEST on `agendaItemId`) an item that is not this meeting's, or does not exist. */
async function requireItemOfMeeting(tx: Tx, meetingId: string, agendaItemId: string | null) {
  if (!agendaItemId) return;
  const item = await tx.agendaItem.findUnique({ where: { id: agendaItemId }, select: { meetingId: true } });
  if (item?.meetingId !== meetingId) throw new AppError("BAD_REQUEST", NOT_THIS_MEETING, { fieldErrors: { agendaItemId: [NOT_THIS_MEETING] } });
}

/** A co-chair names (or, with null, unnames) the member who writes the minutes with them. */
export async function setNoteTaker(deps: MeetingsDeps, { userId, input }: { userId: string; input: SetNoteTakerInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(maySetNoteTaker(actor));
  const { membershipId } = input;
  return inTransaction(deps, async (tx, effects) => {
    await lockMeeting(tx, meeting.id);
    if (membershipId) await requireBodyMember(tx, meeting.bodyId, membershipId, "membershipId", "Choose a member of this body.");
    await tx.meeting.update({ where: { id: meeting.id }, data: { noteTakerMembershipId: membershipId } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.noteTakerSet", subjectType: "Meeting", subjectId: meeting.id, data: { membershipId } });
    meetingChanged(effects, meeting.id, "minutes");
    return { membershipId };
  });
}

/**
 * Saves one item's minutes if nobody saved since `baseRevision`; otherwise refuses with CONFLICT so
 * the writer sees the newer text and loses nothing of their own.
 */
export async function saveMinutes(deps: MeetingsDeps, { userId, input }: { userId: string; input: SaveMinutesInput }) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  allowOrThrow(mayWriteMinutes(actor, meeting));
  const { text, baseRevision } = input;
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayWriteMinutes(actor, fresh));
    const { count } = await tx.agendaItem.updateMany({
      where: { id: itemId, meetingId: meeting.id, minutesRevision: baseRevision },
      data: { minutes: text, minutesRevision: { increment: 1 } },
    });
    if (!count) {
      if (!(await tx.agendaItem.findUnique({ where: { id: itemId }, select: { id: true } }))) throw notFound("Agenda item");
      throw new AppError("CONFLICT", "Someone saved newer minutes for this item. Your text is kept: compare, merge and save again.");
    }
    await touchMinutes(tx, fresh);
    meetingChanged(effects, meeting.id, "minutes");
    return { revision: baseRevision + 1 };
  });
}

/** A decision taken in session, stored with the quorum per side at that moment. */
export async function recordDecision(deps: MeetingsDeps, { userId, input }: { userId: string; input: RecordDecisionInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayRecordDecision(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayRecordDecision(actor, await lockMeeting(tx, meeting.id)));
    await requireItemOfMeeting(tx, meeting.id, input.agendaItemId);
    const quorum = await readQuorum(tx, meeting);
    const decision = await tx.decision.create({
      data: { meetingId: meeting.id, agendaItemId: input.agendaItemId, text: input.text, quorum, recordedById: userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      partnershipId: meeting.partnershipId,
      actorId: userId,
      action: "meeting.decisionRecorded",
      subjectType: "Decision",
      subjectId: decision.id,
      data: { quorumMet: quorum.met },
    });
    meetingChanged(effects, meeting.id, "minutes");
    return { id: decision.id, quorum };
  });
}

/** An action item for a member of the body, who is told (unless they created it themself). */
export async function createActionItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: CreateActionItemInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayWriteMinutes(actor, meeting));
  const dueDate = new Date(`${input.dueDate}T00:00:00.000Z`);
  if (Number.isNaN(dueDate.getTime())) throw new AppError("BAD_REQUEST", "Choose a valid due date.", { fieldErrors: { dueDate: ["Choose a valid due date."] } });
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayWriteMinutes(actor, fresh));
    await requireBodyMember(tx, meeting.bodyId, input.ownerMembershipId, "ownerMembershipId", "The owner must be a member of this body.");
    await requireItemOfMeeting(tx, meeting.id, input.agendaItemId);
    const action = await tx.actionItem.create({
      data: { meetingId: meeting.id, agendaItemId: input.agendaItemId, text: input.text, ownerMembershipId: input.ownerMembershipId, dueDate, createdById: userId },
      select: { id: true, owner: { select: { userId: true } } },
    });
    await touchMinutes(tx, fresh);
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "meeting.actionCreated", subjectType: "ActionItem", subjectId: action.id });
    meetingChanged(effects, meeting.id, "actions");
    effects.notify([action.owner.userId].filter((id) => id !== userId), "action.assigned", {
      partnershipId: meeting.partnershipId,
      meetingId: meeting.id,
      meetingTitle: fresh.title,
      text: input.text,
      dueDate: input.dueDate,
    });
    return { id: action.id };
  });
}

/** The owner, or a co-chair, moves an action item along. */
export async function setActionStatus(deps: MeetingsDeps, { userId, input }: { userId: string; input: UpdateActionStatusInput }) {
  const found = await deps.db.actionItem.findUnique({ where: { id: input.actionId }, select: { id: true, meetingId: true } });
  if (!found) throw notFound("Action item");
  const { actor } = await requireMeetingActor(deps, userId, found.meetingId);
  return inTransaction(deps, async (tx, effects) => {
    const action = await tx.actionItem.findUnique({ where: { id: found.id }, select: { ownerMembershipId: true } });
    if (!action) throw notFound("Action item");
    allowOrThrow(mayChangeAction(actor, action));
    await tx.actionItem.update({ where: { id: found.id }, data: { status: input.status } });
    meetingChanged(effects, found.meetingId, "actions");
    return { id: found.id, status: input.status };
  });
}

/**
 * A co-chair approves the adjourned meeting's minutes at the version they read, for their side; both
 * sides on the same version → approved (and frozen). The meeting's row is locked before the approval
 * is inserted and counted, so two approvals at the same moment approve exactly once, and a change to
 * the minutes is either before the approval (a new version: CONFLICT) or after it (refused).
 */
export async function approveMinutes(deps: MeetingsDeps, { userId, input }: { userId: string; input: ApproveVersionInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayApproveMinutes(actor, meeting));
  const side = actor.seat.coChairSide as CoChairSide;
  const { version } = input;
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayApproveMinutes(actor, fresh));
    if (fresh.minutesApprovedAt) return { approved: true };
    if (fresh.minutesVersion !== version) throw new AppError("CONFLICT", "The minutes changed since you opened them. Review them and approve again.");
    if (await tx.minutesApproval.findUnique({ where: { meetingId_version_side: { meetingId: meeting.id, version, side } }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Your side has already approved these minutes.");
    }
    await tx.minutesApproval.create({ data: { meetingId: meeting.id, version, side, userId } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "minutes.approved", subjectType: "Meeting", subjectId: meeting.id, data: { version, side } });
    meetingChanged(effects, meeting.id, "minutes");
    if ((await tx.minutesApproval.count({ where: { meetingId: meeting.id, version } })) < 2) {
      // Ready on one side: waits for the other side's co-chair, told once per minutes version.
      effects.notify(await otherSideCoChairUserIds(tx, meeting.bodyId, side), "minutes.awaitingApproval", {
        partnershipId: meeting.partnershipId,
        meetingId: meeting.id,
        meetingTitle: fresh.title,
        version,
        byName: await nameOf(tx, userId),
      });
      return { approved: false };
    }

    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, minutesVersion: version, minutesApprovedAt: null }, data: { minutesApprovedAt: new Date() } });
    if (!count) return { approved: false };
    effects.notify(await bodyMemberUserIds(tx, meeting.bodyId), "minutes.approved", { partnershipId: meeting.partnershipId, meetingId: meeting.id, meetingTitle: fresh.title });
    return { approved: true };
  });
}
