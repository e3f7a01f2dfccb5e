// Casting ballots. Ballots that arrive together share one transaction (the group commit of
// batch-queue.ts, decision 0006); inside it each motion's ballots are judged under the motion's row
// lock, so a ballot and the close never both win: either the ballot commits first and the close (which
// waits for the lock) counts it, or the close commits first and the ballot finds the vote not open.
// One member, one vote is also the database's unique seat per motion. A secret ballot is a participation
// row (this seat voted) and a sealed box of the side and choice with nothing linking the two (decision 0010).
import type { Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, isUniqueViolation, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { sealBallot, shuffled, type SealedChoice } from "./ballot-box.js";
import { readBallotContext, writeRollCallBallots, writeSecretBallotEvents, type WrittenBallot } from "./ballot-rows.js";
import type { JobResult } from "./batch-queue.js";
import type { TallyPublisher } from "./tally-publisher.js";
import type { LiveTally } from "./voting.events.js";
import { ballotRefusal } from "./voting.policy.js";
import { castCount, tallyOf, type Choice, type Tally } from "./voting.rules.js";
import type { CastBallotInput } from "./voting.schema.js";

export type BallotJob = { userId: string; motionId: string; choice: Choice };
export type CastReceipt = { recorded: Choice; cast: number };
type Result = JobResult<CastReceipt>;

/** Records the caller's ballot (it joins the ballots arriving with it in one transaction). */
export async function castBallot(deps: Pick<AppDeps, "voting">, { userId, input }: { userId: string; input: CastBallotInput }): Promise<CastReceipt> {
  return deps.voting.ballots.push({ userId, motionId: input.motionId, choice: input.choice });
}

/**
 * One batch of ballots in one transaction; answers one result per ballot, in order. Motions are locked
 * in id order, so two batches (in two processes) touching the same motions never wait on each other
 * in a cycle. Each touched motion's tally is offered to the throttle after commit.
 */
export async function recordBallots(deps: Pick<AppDeps, "db" | "outbox"> & { tallies: Pick<TallyPublisher, "offer"> }, batch: BallotJob[]): Promise<Result[]> {
  const { results, touched } = await inTransaction(deps, async (tx) => {
    const results: Result[] = new Array(batch.length);
    const byMotion = new Map<string, Array<BallotJob & { index: number }>>();
    batch.forEach((b, index) => byMotion.set(b.motionId, [...(byMotion.get(b.motionId) ?? []), { ...b, index }]));
    const touched: LiveTally[] = [];
    for (const motionId of [...byMotion.keys()].sort()) {
      const tally = await castForMotion(tx, motionId, byMotion.get(motionId)!, results);
      if (tally) touched.push(tally);
    }
    return { results, touched };
  });
  // A live tally is derived state and idempotent (the counts as of its version, which clients compare),
  // so it is not an effect of the unit of work: it goes out after commit through the per-process
  // throttle, which keeps a burst of batches from becoming a burst of messages. The close's final
  // tally, which must not be lost, goes through the outbox.
  for (const tally of touched) deps.tallies.offer(tally);
  return results;
}

const refused = (error: AppError): Result => ({ ok: false, error });

/** The unique seat-per-motion constraint is the last word on one member, one vote. */
function sameSeatRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Your ballot is already recorded.");
  throw error;
}

type LockedMotion = {
  bodyId: string;
  ballotKind: string;
  allowVoteChange: boolean;
  deadline: Date | null;
  eligibleCount: number;
  ballotPublicKey: Uint8Array | null;
};

/**
 * Records one motion's ballots of the batch, with a handful of queries whatever their number: the roll
 * and the standing ballots are read once, the new rows written together. Ballots are judged one after
 * another in arrival order, against what the earlier ones of the batch already did (a second ballot
 * from the same seat is a change or a repeat, never a second vote). A refusal is answered to its
 * ballot alone and writes nothing. Returns the new tally when a ballot counted.
 */
async function castForMotion(tx: Tx, motionId: string, batch: Array<BallotJob & { index: number }>, results: Result[]): Promise<LiveTally | null> {
  // The row lock, taken only while the vote is open. The close's conditional update (OPEN → CLOSED)
  // waits for it and then counts what this batch wrote; if the close got it first, this finds the row
  // no longer OPEN (PostgreSQL re-checks the condition after the wait) and refuses every ballot.
  const [locked] = await tx.$queryRaw<LockedMotion[]>`
    SELECT "bodyId", "ballotKind", "allowVoteChange", "deadline", "eligibleCount", "ballotPublicKey"
    FROM "Motion" WHERE "id" = ${motionId} AND "status" = 'OPEN' FOR UPDATE`;
  const motion: LockedMotion | null =
    locked ??
    (await tx.motion.findUnique({
      where: { id: motionId },
      select: { bodyId: true, ballotKind: true, allowVoteChange: true, deadline: true, eligibleCount: true, ballotPublicKey: true },
    }));
  if (!motion) {
    for (const b of batch) results[b.index] = refused(notFound("Motion"));
    return null;
  }
  const isOpen = Boolean(locked);
  const secret = motion.ballotKind === "SECRET";
  const userIds = [...new Set(batch.map((b) => b.userId))];
  // The callers on the roll and, while the vote is open, a roll call's counts per side (of a secret
  // vote only how many have voted: its choices are sealed) and their seats' ballots as they stand.
  const context = await readBallotContext(tx, motionId, userIds, !isOpen ? "closed" : secret ? "secret" : "rollCall");
  const voterOf = new Map(context.voters.map((v) => [v.userId, v]));
  // Whoever is not on the roll: do they sit on the body (FORBIDDEN) or not even that (NOT_FOUND)?
  const offRoll = userIds.filter((id) => !voterOf.has(id));
  const seated = new Set(
    offRoll.length
      ? (await tx.bodySeat.findMany({ where: { bodyId: motion.bodyId, membership: { userId: { in: offRoll } } }, select: { membership: { select: { userId: true } } } })).map(
          (s) => s.membership.userId,
        )
      : [],
  );
  const tally: Tally = tallyOf(context.counts);
  let secretCast = context.secretCast;
  // Each seat's ballot as it stands, including what this batch has done so far ("" for a secret one).
  const standing = new Map<string, { choice: string; isNew: boolean }>(context.standing.map((r) => [r.seat, { choice: r.choice, isNew: false }]));
  const castBy = new Map<string, string>();
  const events: Array<{ cast: number }> = [];
  const sealed: SealedChoice[] = [];
  const count = (side: string, choice: Choice, by: number) => {
    tally[side as keyof Omit<Tally, "total">][choice] += by;
    tally.total[choice] += by;
  };
  const deadlinePassed = motion.deadline !== null && motion.deadline.getTime() <= Date.now();

  for (const { index, userId, choice } of batch) {
    const voter = voterOf.get(userId);
    const before = voter ? standing.get(voter.seat) : undefined;
    const refusal = ballotRefusal({
      isSeated: seated.has(userId),
      isOnRoll: voter !== undefined,
      isOpen,
      deadlinePassed,
      secret,
      allowVoteChange: motion.allowVoteChange,
      standing: before ? before.choice : null,
      choice,
    });
    if (refusal) {
      results[index] = refused(new AppError(refusal.code, refusal.message));
      continue;
    }
    if (!secret && before?.choice === choice) {
      // The same vote again (a double click, a retry, a second tab): nothing changes.
      results[index] = { ok: true, value: { recorded: choice, cast: castCount(tally.total) } };
      continue;
    }
    const { seat, side, by } = voter!;
    if (secret) {
      sealed.push({ side: side as SealedChoice["side"], choice });
      secretCast++;
    } else {
      if (before) count(side, before.choice as Choice, -1);
      count(side, choice, 1);
    }
    standing.set(seat, { choice, isNew: before ? before.isNew : true });
    castBy.set(seat, by);
    const cast = secret ? secretCast : castCount(tally.total);
    events.push({ cast });
    results[index] = { ok: true, value: { recorded: choice, cast } };
  }
  if (!events.length) return null;

  const sideOf = new Map(context.voters.map((v) => [v.seat, v.side]));
  const written: WrittenBallot[] = [...castBy.keys()].map((seat) => ({ seat, ...standing.get(seat)!, side: sideOf.get(seat)!, by: castBy.get(seat)! }));
  let version: number;
  if (secret) {
    await tx.secretParticipation
      .createMany({ data: written.map((w) => ({ motionId, seatMembershipId: w.seat, castByMembershipId: w.by, side: w.side })) })
      .catch(sameSeatRace);
    // The boxes, sealed to the key the vote opened with, go in as one statement in a random order: the
    // participation rows, the events and the log keep the arrival order, the boxes never do. (Within
    // the transaction they still sit beside the participations; decision 0010 says what that gives away.)
    if (!motion.ballotPublicKey) throw new Error(`Secret vote ${motionId} is open without a public key`);
    const publicKey = new Uint8Array(motion.ballotPublicKey);
    const boxes = await Promise.all(shuffled(sealed).map((ballot) => sealBallot(publicKey, ballot)));
    await tx.sealedBallot.createMany({ data: boxes.map((box) => ({ motionId, box })) });
    version = await writeSecretBallotEvents(tx, motionId, events);
  } else {
    // Only a batch that counted a ballot gets here: a refused ballot writes nothing at all.
    version = await writeRollCallBallots(tx, motionId, written, events).catch(sameSeatRace);
  }
  const { total, ...bySide } = tally;
  return { motionId, cast: secret ? secretCast : castCount(total), eligible: motion.eligibleCount, bySide: secret ? null : bySide, version };
}
