// Caucus breaks: each side's private notes and quick straw polls. Everything here is scoped to the
// asker's own side, read and written; events go only to that side's caucus room.
import { createId } from "@paralleldrive/cuid2";
import { AppError, notFound } from "../../errors.js";
import { caucusRoom } from "../../realtime/realtime.events.js";
import { inTransaction, type Effects } from "../../unit-of-work/unit-of-work.js";
import { lockMeeting, requireMeetingActor, type MeetingsDeps } from "./meetings.guards.js";
import { allowOrThrow, mayCreateStrawPoll, mayFollowCaucus, mayWriteInCaucus, type MeetingActor } from "./meetings.policy.js";
import type { CoChairSide } from "./meetings.rules.js";
import { STRAW_CHOICES, type CaucusNoteInput, type MeetingIdInput, type StrawChoice, type StrawPollInput, type StrawVoteInput } from "./meetings.schema.js";

/** The asker's side; the policy has refused neutral members before this is asked. */
const sideOf = (actor: MeetingActor) => actor.side as CoChairSide;

const caucusChanged = (effects: Effects, meetingId: string, side: CoChairSide) => effects.publish(caucusRoom(meetingId, side), "caucus:changed", { meetingId });

/** The asker's side's notes and straw polls, with the tally and the asker's own choice in each. */
export async function getCaucus(deps: Pick<MeetingsDeps, "db" | "access">, { userId, input }: { userId: string; input: MeetingIdInput }) {
  const { actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayFollowCaucus(actor));
  const side = sideOf(actor);
  const { meetingId } = input;
  const [note, polls] = await Promise.all([
    deps.db.caucusNote.findUnique({ where: { meetingId_side: { meetingId, side } }, select: { text: true, revision: true, updatedAt: true } }),
    deps.db.strawPoll.findMany({
      where: { meetingId, side },
      orderBy: { createdAt: "desc" },
      select: { id: true, question: true, createdAt: true, votes: { select: { membershipId: true, choice: true } } },
    }),
  ]);
  return {
    side,
    canWrite: mayWriteInCaucus(actor).ok,
    note: note ?? { text: "", revision: 0, updatedAt: null },
    polls: polls.map((p) => ({
      id: p.id,
      question: p.question,
      createdAt: p.createdAt,
      tally: Object.fromEntries(
        (Object.keys(STRAW_CHOICES) as StrawChoice[]).map((c) => [c, p.votes.filter((v) => v.choice === c).length]),
      ) as Record<StrawChoice, number>,
      myChoice: (p.votes.find((v) => v.membershipId === actor.membershipId)?.choice ?? null) as StrawChoice | null,
    })),
  };
}

/**
 * Saves the side's notes if nobody on the side saved since `baseRevision`. The write itself is the
 * check: the first save inserts (and a row already there means someone was first), a later one
 * updates only the row still at `baseRevision`; of two saves from the same revision exactly one wins.
 */
export async function saveCaucusNote(deps: MeetingsDeps, { userId, input }: { userId: string; input: CaucusNoteInput }) {
  const { actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayWriteInCaucus(actor));
  const side = sideOf(actor);
  const { meetingId, text, baseRevision } = input;
  return inTransaction(deps, async (tx, effects) => {
    const { count } =
      baseRevision === 0
        ? await tx.caucusNote.createMany({ data: [{ meetingId, side, text, revision: 1, updatedById: userId }], skipDuplicates: true })
        : await tx.caucusNote.updateMany({ where: { meetingId, side, revision: baseRevision }, data: { text, revision: baseRevision + 1, updatedById: userId } });
    if (!count) throw new AppError("CONFLICT", "Someone on your side saved newer notes. Your text is kept: merge and save again.");
    caucusChanged(effects, meetingId, side);
    return { revision: baseRevision + 1 };
  });
}

export async function createStrawPoll(deps: MeetingsDeps, { userId, input }: { userId: string; input: StrawPollInput }) {
  const { meeting, actor } = await requireMeetingActor(deps, userId, input.meetingId);
  allowOrThrow(mayCreateStrawPoll(actor, meeting));
  const side = sideOf(actor);
  return inTransaction(deps, async (tx, effects) => {
    allowOrThrow(mayCreateStrawPoll(actor, await lockMeeting(tx, meeting.id)));
    const poll = await tx.strawPoll.create({ data: { meetingId: meeting.id, side, question: input.question, createdById: userId }, select: { id: true } });
    caucusChanged(effects, meeting.id, side);
    return { id: poll.id };
  });
}

/** One straw vote per member and poll; voting again changes it (one statement: insert or update). */
export async function castStrawVote(deps: MeetingsDeps, { userId, input }: { userId: string; input: StrawVoteInput }) {
  const poll = await deps.db.strawPoll.findUnique({ where: { id: input.pollId }, select: { id: true, meetingId: true, side: true } });
  if (!poll) throw notFound("Straw poll");
  const { actor } = await requireMeetingActor(deps, userId, poll.meetingId);
  allowOrThrow(mayWriteInCaucus(actor));
  const side = sideOf(actor);
  // The other side's poll does not exist, as far as this member can tell.
  if (poll.side !== side) throw notFound("Straw poll");
  const { choice } = input;
  return inTransaction(deps, async (tx, effects) => {
    await tx.$executeRaw`
      INSERT INTO "StrawVote" ("id", "pollId", "membershipId", "choice")
      VALUES (${createId()}, ${poll.id}, ${actor.membershipId}, ${choice})
      ON CONFLICT ("pollId", "membershipId") DO UPDATE SET "choice" = EXCLUDED."choice"`;
    caucusChanged(effects, poll.meetingId, side);
    return { pollId: poll.id, choice };
  });
}
