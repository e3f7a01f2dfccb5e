// A batch's new roll-call ballots and its ballot events, each one INSERT … SELECT FROM unnest(arrays).
// As createMany, every batch was a query text of its own (each row's ids, side and choice are in the
// text), so each batch compiled a new plan (decision 0026). Here the ids become the plan cache's
// placeholders; the sides, choices and counts still make the text vary between batches.
import { createId } from "@paralleldrive/cuid2";
import type { Tx } from "../../db.js";

type NewBallot = { seat: string; by: string; side: string; choice: string };

/** The ballots, in one statement (a seat that already has one fails the whole statement: unique_violation). */
export async function insertRollCallBallots(tx: Tx, motionId: string, ballots: NewBallot[]): Promise<void> {
  if (!ballots.length) return;
  await tx.$executeRaw`
    INSERT INTO "RollCallBallot" ("id", "motionId", "seatMembershipId", "castByMembershipId", "side", "choice", "updatedAt")
    SELECT b."id", ${motionId}, b."seat", b."by", b."side", b."choice", now()
      FROM unnest(${ballots.map(() => createId())}::text[], ${ballots.map((b) => b.seat)}::text[], ${ballots.map((b) => b.by)}::text[],
                  ${ballots.map((b) => b.side)}::text[], ${ballots.map((b) => b.choice)}::text[]) AS b("id", "seat", "by", "side", "choice")`;
}

/** One event per counted ballot, in arrival order (`cast`: how many had voted once it counted). */
export async function insertBallotEvents(tx: Tx, motionId: string, kind: "ballotRecorded" | "ballotCounted", events: Array<{ cast: number }>): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "MotionEvent" ("id", "motionId", "kind", "data", "createdAt")
    SELECT e."id", ${motionId}, ${kind}, jsonb_build_object('cast', e."cast"), now()
      FROM unnest(${events.map(() => createId())}::text[], ${events.map((e) => e.cast)}::int[]) WITH ORDINALITY AS e("id", "cast", "n")
     ORDER BY e."n"`;
}
