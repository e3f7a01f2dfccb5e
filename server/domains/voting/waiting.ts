// What waits for a person in voting, across the partnerships of their reach: open votes whose roll
// names them as the one who casts a seat's vote (the holder, or the alternate standing in), on a body
// where they still sit, before the deadline, and where that seat has not voted yet (no roll-call ballot,
// no secret-ballot participation). One query, filtered by the person's memberships.
import type { Reach } from "../../access/reach.js";
import { membershipIdsOf } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { DecisionRule } from "./voting.rules.js";
import type { BallotKind } from "./voting.schema.js";

export const WAITING_LIMIT = 100;

type VoteRow = {
  motionId: string;
  partnershipId: string;
  bodyId: string;
  bodyName: string;
  isTopBody: boolean;
  text: string;
  ballotKind: BallotKind;
  rule: DecisionRule;
  deadline: Date | null;
  openedAt: Date | null;
  meetingId: string | null;
  isAlternate: boolean;
  seatHolderName: string | null;
};

/** The roll line `v` of motion `mo` still has a vote to cast: open, before its deadline, still seated, not voted. */
const stillWaits = (now: Date) => Prisma.sql`
  mo."status" = 'OPEN'
  AND (mo."deadline" IS NULL OR mo."deadline" > ${now})
  AND EXISTS (SELECT 1 FROM "BodySeat" s WHERE s."bodyId" = mo."bodyId" AND s."membershipId" = v."voterMembershipId")
  AND NOT EXISTS (SELECT 1 FROM "RollCallBallot" r WHERE r."motionId" = mo."id" AND r."seatMembershipId" = v."seatMembershipId")
  AND NOT EXISTS (SELECT 1 FROM "SecretParticipation" sp WHERE sp."motionId" = mo."id" AND sp."seatMembershipId" = v."seatMembershipId")`;

/** Whether this vote still waits for this person's ballot (in their seat or one they stand in for). */
export async function voteWaitsFor(deps: Pick<AppDeps, "db">, { userId, motionId, now = new Date() }: { userId: string; motionId: string; now?: Date }) {
  const [row] = await deps.db.$queryRaw<Array<{ waits: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM "MotionVoter" v
        JOIN "Motion" mo ON mo."id" = v."motionId"
        JOIN "Membership" m ON m."id" = v."voterMembershipId"
       WHERE v."motionId" = ${motionId} AND m."userId" = ${userId} AND ${stillWaits(now)}
    ) AS "waits"`;
  return row?.waits ?? false;
}

/** Open votes this person has yet to cast, oldest first. */
export async function votesWaitingFor(deps: Pick<AppDeps, "db">, { reach, now = new Date() }: { reach: Reach; now?: Date }) {
  const membershipIds = membershipIdsOf(reach);
  if (!membershipIds.length) return [];
  const rows = await deps.db.$queryRaw<VoteRow[]>`
    SELECT mo."id" AS "motionId", mo."partnershipId", mo."bodyId", b."name" AS "bodyName", b."kind" = 'PARTNERSHIP' AS "isTopBody",
           mo."text", mo."ballotKind", mo."rule", mo."deadline", mo."openedAt", mo."meetingId", v."isAlternate",
           CASE WHEN v."isAlternate" THEN (SELECT u."name" FROM "Membership" hm JOIN "User" u ON u."id" = hm."userId" WHERE hm."id" = v."seatMembershipId") END AS "seatHolderName"
      FROM "MotionVoter" v
      JOIN "Motion" mo ON mo."id" = v."motionId"
      JOIN "Body" b ON b."id" = mo."bodyId"
     WHERE v."voterMembershipId" = ANY(${membershipIds}::text[])
       AND ${stillWaits(now)}
     ORDER BY mo."openedAt" ASC NULLS LAST, mo."id"
     LIMIT ${WAITING_LIMIT}`;
  return rows.map((r) => ({
    motionId: r.motionId,
    partnershipId: r.partnershipId,
    text: r.text,
    ballotKind: r.ballotKind,
    rule: r.rule,
    deadline: r.deadline,
    meetingId: r.meetingId,
    body: { id: r.bodyId, name: r.bodyName, isPartnership: r.isTopBody },
    /** Voting in the seat of this absent holder (an alternate), or null for one's own seat. */
    forSeatOf: r.isAlternate ? (r.seatHolderName ?? "a former member") : null,
    since: r.openedAt ?? new Date(0),
  }));
}
