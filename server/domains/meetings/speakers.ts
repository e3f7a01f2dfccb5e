// The speakers' queue: members raise and lower their hands, the chair gives the floor in order, moves
// and removes speakers. Every change locks the meeting's row first, so positions are allocated one
// writer at a time (1, 2, 3… with no gap and no duplicate; the database checks uniqueness at commit)
// and a status read under the lock still holds when the change is written.
import type { Tx } from "../../db.js";
import { AppError, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { lockMeeting, meetingChanged, requireMeetingActor, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayManageQueue, mayRaiseHand, mayRunMeeting } from "./meetings.policy.js";
import type { MeetingIdInput, MoveSpeakerInput, SpeakerIdInput } from "./meetings.schema.js";

/** A member asks for the floor. Raising a hand already up (double click, two tabs) changes nothing. */
export async function raiseHand(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayRaiseHand(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayRaiseHand(actor, await lockMeeting(tx, meeting.id)));
    const open = await tx.speakerEntry.findFirst({
      where: { meetingId: meeting.id, membershipId: actor.membershipId, status: { in: ["WAITING", "SPEAKING"] } },
      select: { id: true },
    });
    if (open) return { id: meeting.id };
    const last = await tx.speakerEntry.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
    await tx.speakerEntry.create({ data: { meetingId: meeting.id, membershipId: actor.membershipId, position: (last._max.position ?? 0) + 1 } });
    meetingChanged(effects, meeting.id, "queue");
    return { id: meeting.id };
  });
}

export async function lowerHand(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  return inTransaction(deps, async (tx, effects) => {
    await lockMeeting(tx, meeting.id);
    const { count } = await tx.speakerEntry.updateMany({
      where: { meetingId: meeting.id, membershipId: actor.membershipId, status: "WAITING" },
      data: { status: "REMOVED" },
    });
    if (count) meetingChanged(effects, meeting.id, "queue");
    return { id: meeting.id };
  });
}

/** The chair gives the floor to the first waiting speaker (the current one is done). */
export async function callNextSpeaker(deps: MeetingsDeps, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayRunMeeting(actor, meeting));
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayRunMeeting(actor, await lockMeeting(tx, meeting.id)));
    await tx.speakerEntry.updateMany({ where: { meetingId: meeting.id, status: "SPEAKING" }, data: { status: "DONE" } });
    const next = await tx.speakerEntry.findFirst({ where: { meetingId: meeting.id, status: "WAITING" }, orderBy: { position: "asc" }, select: { id: true } });
    if (next) await tx.speakerEntry.update({ where: { id: next.id }, data: { status: "SPEAKING" } });
    meetingChanged(effects, meeting.id, "queue");
    return { entryId: next?.id ?? null };
  });
}

/** The entry and the asker's seat on its meeting's body (NOT_FOUND for anyone else). */
async function requireEntryActor(deps: MeetingsDeps, userId: string, entryId: string) {
  const entry = await deps.db.speakerEntry.findUnique({ where: { id: entryId }, select: { id: true, meetingId: true } });
  if (!entry) throw notFound("Speaker");
  return { entryId: entry.id, ...(await requireMeetingActor(deps, userId, entry.meetingId)) };
}

/** The entry as it is under the meeting's lock. */
async function lockedEntry(tx: Tx, entryId: string) {
  const entry = await tx.speakerEntry.findUnique({ where: { id: entryId } });
  if (!entry) throw notFound("Speaker");
  return entry;
}

/** Swaps a waiting speaker with the waiting neighbour above or below (none: nothing changes). */
export async function moveSpeaker(deps: MeetingsDeps, { userId, input }: { userId: string; input: MoveSpeakerInput }) {
  const { entryId, meeting, actor } = await requireEntryActor(deps, userId, input.entryId);
  allowOrThrow(mayManageQueue(actor));
  const up = input.direction === "up";
  return inTransaction(deps, async (tx, effects) => {
    await lockMeeting(tx, meeting.id);
    const entry = await lockedEntry(tx, entryId);
    if (entry.status !== "WAITING") throw new AppError("PRECONDITION_FAILED", "Only waiting speakers can be moved.");
    const neighbor = await tx.speakerEntry.findFirst({
      where: { meetingId: entry.meetingId, status: "WAITING", position: up ? { lt: entry.position } : { gt: entry.position } },
      orderBy: { position: up ? "desc" : "asc" },
    });
    if (!neighbor) return { id: entry.id };
    // The two positions are briefly equal: SpeakerEntry_position_unique is checked at commit.
    await tx.speakerEntry.update({ where: { id: entry.id }, data: { position: neighbor.position } });
    await tx.speakerEntry.update({ where: { id: neighbor.id }, data: { position: entry.position } });
    meetingChanged(effects, entry.meetingId, "queue");
    return { id: entry.id };
  });
}

/** The chair takes someone off the queue (a current speaker is done). An entry already gone stays as it is. */
export async function removeSpeaker(deps: MeetingsDeps, { userId, input }: { userId: string; input: SpeakerIdInput }) {
  const { entryId, meeting, actor } = await requireEntryActor(deps, userId, input.entryId);
  allowOrThrow(mayManageQueue(actor));
  return inTransaction(deps, async (tx, effects) => {
    await lockMeeting(tx, meeting.id);
    const entry = await lockedEntry(tx, entryId);
    if (entry.status !== "WAITING" && entry.status !== "SPEAKING") return { id: entry.id };
    await tx.speakerEntry.update({ where: { id: entry.id }, data: { status: entry.status === "SPEAKING" ? "DONE" : "REMOVED" } });
    meetingChanged(effects, entry.meetingId, "queue");
    return { id: entry.id };
  });
}
