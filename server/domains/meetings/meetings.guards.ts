// What the meetings use cases share: finding the asker's seat (the permission layer), locking the
// meeting row inside a transaction, the version bumps of the agenda and the minutes, and the events
// a change sends. Every writer of a meeting locks its row first (before any insert that references it),
// so checks made on the locked row hold until commit and positions are allocated one writer at a time.
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { meetingRoom, partnershipRoom } from "../../realtime/realtime.events.js";
import { lockRow, type Effects } from "../../unit-of-work/unit-of-work.js";
import type { MeetingPart } from "./meetings.events.js";
import { MINUTES_APPROVED, type MeetingActor } from "./meetings.policy.js";

/** The slice of AppDeps a meetings use case needs. */
export type MeetingsDeps = Pick<AppDeps, "db" | "access" | "outbox">;

/** The asker's seat on the meeting's body (NOT_FOUND for anyone else) and the meeting as it is now. */
export async function requireMeetingActor(deps: Pick<AppDeps, "db" | "access">, userId: string, meetingId: string) {
  const { body, member, seat } = await deps.access.requireMeetingSeat(userId, meetingId);
  const meeting = await deps.db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const actor: MeetingActor = { seat, membershipId: member.membershipId, side: member.side };
  return { meeting, body, member, actor };
}

/** An agenda item and the asker's seat on its meeting's body. */
export async function requireItemActor(deps: Pick<AppDeps, "db" | "access">, userId: string, itemId: string) {
  const item = await deps.db.agendaItem.findUnique({ where: { id: itemId }, select: { id: true, meetingId: true } });
  if (!item) throw notFound("Agenda item");
  return { itemId: item.id, ...(await requireMeetingActor(deps, userId, item.meetingId)) };
}

/**
 * Locks the meeting's row for the rest of the transaction and reads it afresh. Call it first in the
 * transaction: an insert of a row that references the meeting takes a share lock on it, and two
 * writers that both hold one and then ask for this lock would deadlock.
 */
export async function lockMeeting(tx: Tx, meetingId: string) {
  if (!(await lockRow(tx, "Meeting", meetingId))) throw notFound("Meeting");
  return tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
}

/** The agenda item as it is now, under the meeting's lock (a change may have removed it since the checks). */
export async function lockedItem(tx: Tx, meetingId: string, itemId: string) {
  const item = await tx.agendaItem.findUnique({ where: { id: itemId } });
  if (!item || item.meetingId !== meetingId) throw notFound("Agenda item");
  return item;
}

/** Every change to the accepted agenda makes a new version: earlier approvals no longer apply. Returns it. */
export async function bumpAgenda(tx: Tx, meetingId: string): Promise<number> {
  const { agendaVersion } = await tx.meeting.update({ where: { id: meetingId }, data: { agendaVersion: { increment: 1 } }, select: { agendaVersion: true } });
  return agendaVersion;
}

/**
 * A change to the minutes (text, attendance, action items), on the locked meeting: refused once they
 * are approved; after adjournment it makes a new minutes version (approvals start over).
 */
export async function touchMinutes(tx: Tx, meeting: { id: string; status: string; minutesApprovedAt: Date | null }) {
  if (meeting.minutesApprovedAt) throw new AppError("PRECONDITION_FAILED", MINUTES_APPROVED);
  if (meeting.status === "ADJOURNED") await tx.meeting.update({ where: { id: meeting.id }, data: { minutesVersion: { increment: 1 } } });
}

/** The membership's seat on the body, or BAD_REQUEST on `field`. */
export async function requireBodyMember(tx: Tx, bodyId: string, membershipId: string, field: string, message: string) {
  const seat = await tx.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } }, select: { membershipId: true } });
  if (!seat) throw new AppError("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
  return seat;
}

/** The user ids of everyone seated on the body (the people told about its meetings). */
export async function bodyMemberUserIds(tx: Tx, bodyId: string): Promise<string[]> {
  const seats = await tx.bodySeat.findMany({ where: { bodyId }, select: { membership: { select: { userId: true } } } });
  return seats.map((s) => s.membership.userId);
}

/**
 * The co-chairs of the body on the other side than `side`: whose approval an agenda or minutes version
 * approved by `side` now waits for.
 */
export async function otherSideCoChairUserIds(tx: Tx, bodyId: string, side: "LABOR" | "MANAGEMENT"): Promise<string[]> {
  const seats = await tx.bodySeat.findMany({
    where: { bodyId, role: "CO_CHAIR", coChairSide: side === "LABOR" ? "MANAGEMENT" : "LABOR" },
    select: { membership: { select: { userId: true } } },
  });
  return seats.map((s) => s.membership.userId);
}

/** A person's name, for "… approved the agenda". */
export async function nameOf(tx: Tx, userId: string): Promise<string> {
  return (await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } })).name;
}

/** Tells the meeting's room, after commit, which parts of the page changed. */
export function meetingChanged(effects: Effects, meetingId: string, ...parts: MeetingPart[]) {
  effects.publish(meetingRoom(meetingId), "meeting:changed", { meetingId, parts });
}

/** Tells the partnership's room that its list of meetings changed (nothing about the meeting itself). */
export function meetingsListChanged(effects: Effects, partnershipId: string) {
  effects.publish(partnershipRoom(partnershipId), "meetings:changed", { partnershipId });
}

/** The key of the job that ends a meeting's caucus (one per meeting: a new caucus replaces it). */
export const caucusEndJobKey = (meetingId: string) => `caucus-end:${meetingId}`;
