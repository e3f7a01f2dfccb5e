// Caucus breaks: each side's private notes and quick straw polls. Everything here is scoped to the
// asker's own side, read and written; events go only to that side's caucus room.
import type { Access } from "../../access/access.js";
import type { Db } from "../../db.js";
import { canTakePart } from "../../access/access.rules.js";
import { AppError, forbidden, notFound } from "../../errors.js";
import type { Realtime } from "../../realtime/realtime.js";
import { caucusRoom } from "../../realtime/realtime.events.js";
import type { CoChairSide } from "./meetings.rules.js";
import { STRAW_CHOICES, type StrawChoice } from "./meetings.schema.js";

export type CaucusService = ReturnType<typeof createCaucusService>;

export function createCaucusService({ db, access, realtime }: { db: Db; access: Access; realtime: Pick<Realtime, "publish"> }) {
  /** The asker's side in this meeting's body; neutral members have no caucus. */
  async function sideOf(userId: string, meetingId: string) {
    const { member, meeting, seat } = await access.requireMeetingSeat(userId, meetingId);
    if (member.side === "NEUTRAL") throw forbidden("Caucuses are for the labor and the management side.");
    return { side: member.side as CoChairSide, membershipId: member.membershipId, meeting, seat };
  }

  /** Observers follow their side's caucus but, as in the meeting itself, do not write or vote in it. */
  async function writerOf(userId: string, meetingId: string) {
    const found = await sideOf(userId, meetingId);
    if (!canTakePart(found.seat)) throw forbidden("Observers follow the caucus but do not write in it or vote.");
    return found;
  }

  const changed = (meetingId: string, side: CoChairSide) => realtime.publish(caucusRoom(meetingId, side), "caucus:changed", { meetingId });

  async function get({ userId, meetingId }: { userId: string; meetingId: string }) {
    const { side, membershipId, seat } = await sideOf(userId, meetingId);
    const [note, polls] = await Promise.all([
      db.caucusNote.findUnique({ where: { meetingId_side: { meetingId, side } }, select: { text: true, revision: true, updatedAt: true } }),
      db.strawPoll.findMany({
        where: { meetingId, side },
        orderBy: { createdAt: "desc" },
        select: { id: true, question: true, createdAt: true, votes: { select: { membershipId: true, choice: true } } },
      }),
    ]);
    return {
      side,
      canWrite: canTakePart(seat),
      note: note ?? { text: "", revision: 0, updatedAt: null },
      polls: polls.map((p) => ({
        id: p.id,
        question: p.question,
        createdAt: p.createdAt,
        tally: Object.fromEntries(
          (Object.keys(STRAW_CHOICES) as StrawChoice[]).map((c) => [c, p.votes.filter((v) => v.choice === c).length]),
        ) as Record<StrawChoice, number>,
        myChoice: (p.votes.find((v) => v.membershipId === membershipId)?.choice ?? null) as StrawChoice | null,
      })),
    };
  }

  /** Saves the side's notes if nobody on the side saved since `baseRevision`. */
  async function saveNote({ userId, meetingId, text, baseRevision }: { userId: string; meetingId: string; text: string; baseRevision: number }) {
    const { side } = await writerOf(userId, meetingId);
    const revision = await db.$transaction(async (tx) => {
      const existing = await tx.caucusNote.findUnique({ where: { meetingId_side: { meetingId, side } } });
      if ((existing?.revision ?? 0) !== baseRevision) {
        throw new AppError("CONFLICT", "Someone on your side saved newer notes. Your text is kept: merge and save again.");
      }
      const saved = await tx.caucusNote.upsert({
        where: { meetingId_side: { meetingId, side } },
        create: { meetingId, side, text, revision: 1, updatedById: userId },
        update: { text, revision: { increment: 1 }, updatedById: userId },
      });
      return saved.revision;
    });
    changed(meetingId, side);
    return { revision };
  }

  async function createPoll({ userId, meetingId, question }: { userId: string; meetingId: string; question: string }) {
    const { side, meeting } = await writerOf(userId, meetingId);
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } });
    if (m.status !== "LIVE") throw new AppError("PRECONDITION_FAILED", "Straw polls are taken while the meeting is in session.");
    const poll = await db.strawPoll.create({ data: { meetingId, side, question, createdById: userId } });
    changed(meetingId, side);
    return { id: poll.id };
  }

  async function vote({ userId, pollId, choice }: { userId: string; pollId: string; choice: StrawChoice }) {
    const poll = await db.strawPoll.findUnique({ where: { id: pollId } });
    if (!poll) throw notFound("Straw poll");
    const { side, membershipId } = await writerOf(userId, poll.meetingId);
    // The other side's poll does not exist, as far as this member can tell.
    if (poll.side !== side) throw notFound("Straw poll");
    await db.strawVote.upsert({
      where: { pollId_membershipId: { pollId, membershipId } },
      create: { pollId, membershipId, choice },
      update: { choice },
    });
    changed(poll.meetingId, side);
    return { pollId, choice };
  }

  return { get, saveNote, createPoll, vote };
}
