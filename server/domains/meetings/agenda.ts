// Building a meeting's agenda: members propose items; the co-chairs accept, reject, edit, remove and
// reorder them, and approve the agenda jointly. The accepted agenda has a version: every change to it
// makes a new one, approvals bind to one version, and both sides' approvals of the current version
// publish it. Every use case locks the meeting's row first, so versions, positions and approvals are
// decided one writer at a time (audit entries carry the agenda version they left behind).
import { canChair } from "../../access/access.rules.js";
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { agendaSnapshot } from "./agenda-changes.rules.js";
import {
  bodyMemberUserIds,
  bumpAgenda,
  lockedItem,
  lockMeeting,
  meetingChanged,
  meetingsListChanged,
  nameOf,
  otherSideCoChairUserIds,
  requireItemActor,
  requireMeetingActor,
  type MeetingsDeps,
} from "./meetings.guards.js";
import { allowOrThrow, mayEditAgenda, mayProposeItem } from "./meetings.policy.js";
import type { CoChairSide } from "./meetings.rules.js";
import {
  AGENDA_MAX_ITEMS,
  type ApproveVersionInput,
  type EditItemInput,
  type ItemIdInput,
  type ProposeItemInput,
  type RejectItemInput,
  type ReorderAgendaInput,
} from "./meetings.schema.js";

/** The next place at the end of the accepted agenda. Call it under the meeting's lock (positions are unique). */
async function nextAgendaPosition(tx: Tx, meetingId: string): Promise<number> {
  const last = await tx.agendaItem.aggregate({ where: { meetingId, status: "ACCEPTED" }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** A member proposes an item; a co-chair's own item goes straight onto the agenda (a new version). */
export async function proposeAgendaItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: ProposeItemInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayProposeItem(actor, meeting));
  const isChair = canChair(actor.seat);
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayProposeItem(actor, fresh));
    const open = await tx.agendaItem.count({ where: { meetingId: meeting.id, status: { in: ["PROPOSED", "ACCEPTED"] } } });
    if (open >= AGENDA_MAX_ITEMS) throw new AppError("PRECONDITION_FAILED", `An agenda has at most ${AGENDA_MAX_ITEMS} items.`);
    const created = await tx.agendaItem.create({
      data: {
        meetingId: meeting.id,
        title: input.title,
        description: input.description,
        presenter: input.presenter,
        timeBoxMinutes: input.timeBoxMinutes,
        kind: input.kind,
        links: input.links,
        proposedById: userId,
        status: isChair ? "ACCEPTED" : "PROPOSED",
        position: await nextAgendaPosition(tx, meeting.id),
      },
      select: { id: true, status: true },
    });
    const agendaVersion = isChair ? await bumpAgenda(tx, meeting.id) : fresh.agendaVersion;
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemProposed", subjectType: "AgendaItem", subjectId: created.id, data: { agendaVersion } });
    meetingChanged(effects, meeting.id, "agenda", "approvals");
    return { id: created.id, status: created.status };
  });
}

export async function acceptAgendaItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: ItemIdInput }) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayEditAgenda(actor, await lockMeeting(tx, meeting.id)));
    const item = await lockedItem(tx, meeting.id, itemId);
    if (item.status === "ACCEPTED") return { id: item.id };
    await tx.agendaItem.update({
      where: { id: item.id },
      data: { status: "ACCEPTED", rejectionReason: null, position: await nextAgendaPosition(tx, meeting.id) },
    });
    const agendaVersion = await bumpAgenda(tx, meeting.id);
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemAccepted", subjectType: "AgendaItem", subjectId: item.id, data: { agendaVersion } });
    meetingChanged(effects, meeting.id, "agenda", "approvals");
    return { id: item.id };
  });
}

/** Rejects an item with a reason for its proposer (told unless they rejected it themself). */
export async function rejectAgendaItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: RejectItemInput }) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayEditAgenda(actor, fresh));
    const item = await lockedItem(tx, meeting.id, itemId);
    await tx.agendaItem.update({ where: { id: item.id }, data: { status: "REJECTED", rejectionReason: input.reason } });
    const agendaVersion = item.status === "ACCEPTED" ? await bumpAgenda(tx, meeting.id) : fresh.agendaVersion;
    await recordAudit(tx, {
      partnershipId: meeting.partnershipId,
      actorId: userId,
      action: "agenda.itemRejected",
      subjectType: "AgendaItem",
      subjectId: item.id,
      data: { reason: input.reason, agendaVersion },
    });
    meetingChanged(effects, meeting.id, "agenda", "approvals");
    if (item.proposedById !== userId) {
      effects.notify([item.proposedById], "agenda.itemRejected", {
        partnershipId: meeting.partnershipId,
        meetingId: meeting.id,
        meetingTitle: fresh.title,
        itemTitle: item.title,
        reason: input.reason,
      });
    }
    return { id: item.id };
  });
}

/** Edits an item; editing an accepted one changes the agenda (a new version), a proposal does not. */
export async function editAgendaItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: EditItemInput }) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayEditAgenda(actor, fresh));
    const item = await lockedItem(tx, meeting.id, itemId);
    await tx.agendaItem.update({
      where: { id: item.id },
      data: {
        title: input.title,
        description: input.description,
        presenter: input.presenter,
        timeBoxMinutes: input.timeBoxMinutes,
        kind: input.kind,
        links: input.links,
      },
    });
    const agendaVersion = item.status === "ACCEPTED" ? await bumpAgenda(tx, meeting.id) : fresh.agendaVersion;
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.itemEdited", subjectType: "AgendaItem", subjectId: item.id, data: { agendaVersion } });
    meetingChanged(effects, meeting.id, "agenda", "approvals");
    return { id: item.id };
  });
}

export async function removeAgendaItem(deps: MeetingsDeps, { userId, input }: { userId: string; input: ItemIdInput }) {
  const { itemId, meeting, actor } = await requireItemActor(deps, userId, input.itemId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayEditAgenda(actor, fresh));
    const item = await lockedItem(tx, meeting.id, itemId);
    await tx.agendaItem.delete({ where: { id: item.id } });
    const agendaVersion = item.status === "ACCEPTED" ? await bumpAgenda(tx, meeting.id) : fresh.agendaVersion;
    if (fresh.currentItemId === item.id) await tx.meeting.update({ where: { id: meeting.id }, data: { currentItemId: null, currentItemStartedAt: null } });
    await recordAudit(tx, {
      partnershipId: meeting.partnershipId,
      actorId: userId,
      action: "agenda.itemRemoved",
      subjectType: "AgendaItem",
      subjectId: item.id,
      data: { title: item.title, agendaVersion },
    });
    meetingChanged(effects, meeting.id, "agenda", "approvals", "run");
    return { id: item.id };
  });
}

/**
 * Puts the accepted items in the given order (all of them, each once). Positions may pass through
 * duplicates inside the transaction: their uniqueness is checked at commit.
 */
export async function reorderAgenda(deps: MeetingsDeps, { userId, input }: { userId: string; input: ReorderAgendaInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  const { itemIds } = input;
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayEditAgenda(actor, await lockMeeting(tx, meeting.id)));
    const accepted = await tx.agendaItem.findMany({ where: { meetingId: meeting.id, status: "ACCEPTED" }, orderBy: { position: "asc" }, select: { id: true } });
    const current = accepted.map((i) => i.id);
    if (current.length !== itemIds.length || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => current.includes(id))) {
      throw new AppError("CONFLICT", "The agenda changed while you were reordering it. Here is the latest order.");
    }
    if (current.every((id, i) => id === itemIds[i])) return { id: meeting.id };
    for (const [index, id] of itemIds.entries()) await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
    const agendaVersion = await bumpAgenda(tx, meeting.id);
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.reordered", subjectType: "Meeting", subjectId: meeting.id, data: { agendaVersion } });
    meetingChanged(effects, meeting.id, "agenda", "approvals");
    return { id: meeting.id };
  });
}

/**
 * A co-chair approves the agenda version they looked at, for their own side only. When both sides
 * have approved the same version it is published. A version that changed meanwhile is refused, so a
 * published agenda is always exactly what both co-chairs approved. The meeting's row is locked before
 * the approval is inserted and the approvals counted, so of two approvals at the same moment the
 * second sees the first and exactly one publishes.
 */
export async function approveAgenda(deps: MeetingsDeps, { userId, input }: { userId: string; input: ApproveVersionInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayEditAgenda(actor, meeting));
  const side = actor.seat.coChairSide as CoChairSide;
  const { version } = input;
  return inTransaction(deps, async (tx, effects) => {
    const fresh = await lockMeeting(tx, meeting.id);
    allowOrThrow(mayEditAgenda(actor, fresh));
    if (fresh.agendaVersion !== version) {
      throw new AppError("CONFLICT", `The agenda changed since you opened it (now version ${fresh.agendaVersion}). Review it and approve again.`);
    }
    // What is approved, kept with the approval: a later change is then listed for this co-chair.
    const accepted = await tx.agendaItem.findMany({
      where: { meetingId: meeting.id, status: "ACCEPTED" },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, timeBoxMinutes: true, kind: true, presenter: true, description: true, links: true },
    });
    if (accepted.length === 0) {
      throw new AppError("PRECONDITION_FAILED", "Accept at least one item before approving the agenda.");
    }
    if (await tx.agendaApproval.findUnique({ where: { meetingId_version_side: { meetingId: meeting.id, version, side } }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Your side has already approved this version.");
    }
    await tx.agendaApproval.create({ data: { meetingId: meeting.id, version, side, userId, items: agendaSnapshot(accepted) as never } });
    await recordAudit(tx, { partnershipId: meeting.partnershipId, actorId: userId, action: "agenda.approved", subjectType: "Meeting", subjectId: meeting.id, data: { version, side, agendaVersion: version } });
    meetingChanged(effects, meeting.id, "approvals", "agenda");
    if ((await tx.agendaApproval.count({ where: { meetingId: meeting.id, version } })) < 2) {
      // This version is ready on one side: it now waits for the other side's co-chair, who is told once
      // per version (a later change makes a new version, approved afresh).
      effects.notify(await otherSideCoChairUserIds(tx, fresh.bodyId, side), "agenda.awaitingApproval", {
        partnershipId: meeting.partnershipId,
        meetingId: meeting.id,
        meetingTitle: fresh.title,
        version,
        byName: await nameOf(tx, userId),
      });
      return { published: false };
    }

    const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, agendaVersion: version }, data: { publishedVersion: version } });
    if (!count) return { published: false };
    await recordAudit(tx, { partnershipId: meeting.partnershipId, action: "agenda.published", subjectType: "Meeting", subjectId: meeting.id, data: { version, agendaVersion: version } });
    // Everyone seated is told once (the publishing approval happens once: the conditional write above).
    effects.notify(await bodyMemberUserIds(tx, fresh.bodyId), "agenda.published", { partnershipId: meeting.partnershipId, meetingId: meeting.id, meetingTitle: fresh.title });
    meetingsListChanged(effects, meeting.partnershipId);
    return { published: true };
  });
}
