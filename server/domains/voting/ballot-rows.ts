// The statements of a batch of ballots, once the motion's row is locked (ballots.ts): one that reads
// what judging the batch needs, one that writes what it decided. Each is raw SQL over arrays
// (unnest), so a batch of any size is the same query text with other values, and the round trips a
// batch makes no longer grow with what it reads or writes (every statement waits for an event loop
// that is busy with the other voters' requests). createMany and per-model reads made nine statements
// a batch with BEGIN and COMMIT; this makes five: the lock (ballots.ts), this read and this write (decision 0006).
import { createId } from "@paralleldrive/cuid2";
import type { Tx } from "../../db.js";
import { Prisma } from "../../generated/prisma/client.js";

/** A caller on the motion's roll: the seat they vote for, their own membership and the seat's side. */
export type RollEntry = { userId: string; seat: string; by: string; side: string };
/** What a batch is judged against: its callers on the roll, and, while the vote is open, the counts and their seats' ballots. */
export type BallotContext = {
  voters: RollEntry[];
  /** A roll call's ballots counted by side and choice (empty for a secret vote). */
  counts: Array<{ side: string; choice: string; count: number }>;
  /** A secret vote's participations so far (0 for a roll call). */
  secretCast: number;
  /** The callers' seats' standing ballots ("" for a secret one: its choice is sealed). */
  standing: Array<{ seat: string; choice: string }>;
};

/**
 * The batch's callers on the roll and, if the vote is open, the roll call's counts (or a secret vote's
 * participation count) and their seats' standing ballots: one statement, read under the row lock, so
 * it sees every batch that committed before this one took the lock.
 */
export async function readBallotContext(tx: Tx, motionId: string, userIds: string[], vote: "closed" | "rollCall" | "secret"): Promise<BallotContext> {
  const counts =
    vote === "rollCall"
      ? Prisma.sql`(SELECT coalesce(json_agg(c), '[]') FROM (SELECT "side", "choice", count(*)::int AS "count" FROM "RollCallBallot" WHERE "motionId" = ${motionId} GROUP BY 1, 2) c)`
      : Prisma.sql`'[]'::json`;
  const secretCast = vote === "secret" ? Prisma.sql`(SELECT count(*)::int FROM "SecretParticipation" WHERE "motionId" = ${motionId})` : Prisma.sql`0`;
  const standing =
    vote === "closed"
      ? Prisma.sql`'[]'::json`
      : vote === "rollCall"
        ? Prisma.sql`(SELECT coalesce(json_agg(s), '[]') FROM (SELECT b."seatMembershipId" AS "seat", b."choice" FROM "RollCallBallot" b JOIN v ON v."seat" = b."seatMembershipId" WHERE b."motionId" = ${motionId}) s)`
        : Prisma.sql`(SELECT coalesce(json_agg(s), '[]') FROM (SELECT p."seatMembershipId" AS "seat", '' AS "choice" FROM "SecretParticipation" p JOIN v ON v."seat" = p."seatMembershipId" WHERE p."motionId" = ${motionId}) s)`;
  const [row] = await tx.$queryRaw<BallotContext[]>`
    WITH v AS (
      SELECT m."userId", mv."seatMembershipId" AS "seat", mv."voterMembershipId" AS "by", mv."side"
        FROM "MotionVoter" mv JOIN "Membership" m ON m."id" = mv."voterMembershipId"
       WHERE mv."motionId" = ${motionId} AND m."userId" = ANY(${userIds}::text[]))
    SELECT (SELECT coalesce(json_agg(v), '[]') FROM v) AS "voters", ${counts} AS "counts", ${secretCast} AS "secretCast", ${standing} AS "standing"`;
  return row!;
}

/** A seat's ballot as the batch leaves it: new (inserted) or changed (updated). */
export type WrittenBallot = { seat: string; by: string; side: string; choice: string; isNew: boolean };

/**
 * A roll call batch's ballots (new ones inserted, changed ones updated), one event per counted ballot
 * in arrival order (`cast`: how many had voted once it counted), and the motion's next tally version:
 * one statement of data-modifying CTEs, answering that version. A seat that already has a ballot fails
 * the whole statement (unique_violation), and nothing of it is written.
 */
export async function writeRollCallBallots(tx: Tx, motionId: string, ballots: WrittenBallot[], events: Array<{ cast: number }>): Promise<number> {
  const added = ballots.filter((b) => b.isNew);
  const changed = ballots.filter((b) => !b.isNew);
  const [row] = await tx.$queryRaw<Array<{ tallyVersion: number }>>`
    WITH "added" AS (
      INSERT INTO "RollCallBallot" ("id", "motionId", "seatMembershipId", "castByMembershipId", "side", "choice", "updatedAt")
      SELECT b."id", ${motionId}, b."seat", b."by", b."side", b."choice", now()
        FROM unnest(${added.map(() => createId())}::text[], ${added.map((b) => b.seat)}::text[], ${added.map((b) => b.by)}::text[],
                    ${added.map((b) => b.side)}::text[], ${added.map((b) => b.choice)}::text[]) AS b("id", "seat", "by", "side", "choice")
      RETURNING 1),
    "changed" AS (
      UPDATE "RollCallBallot" r SET "choice" = c."choice", "castByMembershipId" = c."by", "updatedAt" = now()
        FROM unnest(${changed.map((b) => b.seat)}::text[], ${changed.map((b) => b.by)}::text[], ${changed.map((b) => b.choice)}::text[]) AS c("seat", "by", "choice")
       WHERE r."motionId" = ${motionId} AND r."seatMembershipId" = c."seat"
      RETURNING 1),
    ${eventsCte(motionId, "ballotRecorded", events)}
    ${bumpTallyVersion(motionId)}`;
  return row!.tallyVersion;
}

/** A secret batch's events (its participations and boxes are written by ballots.ts) and the motion's next tally version, in one statement. */
export async function writeSecretBallotEvents(tx: Tx, motionId: string, events: Array<{ cast: number }>): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ tallyVersion: number }>>`
    WITH ${eventsCte(motionId, "ballotCounted", events)}
    ${bumpTallyVersion(motionId)}`;
  return row!.tallyVersion;
}

const eventsCte = (motionId: string, kind: "ballotRecorded" | "ballotCounted", events: Array<{ cast: number }>) => Prisma.sql`"events" AS (
      INSERT INTO "MotionEvent" ("id", "motionId", "kind", "data", "createdAt")
      SELECT e."id", ${motionId}, ${kind}, jsonb_build_object('cast', e."cast"), now()
        FROM unnest(${events.map(() => createId())}::text[], ${events.map((e) => e.cast)}::int[]) WITH ORDINALITY AS e("id", "cast", "n")
       ORDER BY e."n"
      RETURNING 1)`;

// A new version for the new counts, still under the row lock, so versions follow the commit order.
const bumpTallyVersion = (motionId: string) => Prisma.sql`UPDATE "Motion" SET "tallyVersion" = "tallyVersion" + 1 WHERE "id" = ${motionId} RETURNING "tallyVersion"`;
