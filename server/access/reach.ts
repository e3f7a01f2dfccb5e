// A person's reach: every partnership they may act in now, with their membership, organization and
// seats, read in one go. "What needs me" reads build their where-clauses from it, so each filters in
// its own query by the person's seats and memberships. A partnership whose two-factor requirement
// applies to the person (who has not turned it on) is left out, as the permission layer refuses
// everything there (`getMember`): its name comes back in `blocked` so the page can say why.
import type { Db } from "../db.js";
import { mustUseTwoFactor, type SeatRole, type Side } from "./access.rules.js";

export type ReachSeat = {
  bodyId: string;
  /** The partnership's own (top) body, whose co-chairs also decide for its committees. */
  isTopBody: boolean;
  role: SeatRole;
  coChairSide: "LABOR" | "MANAGEMENT" | null;
  isVoting: boolean;
};

export type ReachPartnership = {
  partnershipId: string;
  name: string;
  membershipId: string;
  organizationId: string;
  organizationType: string;
  side: Side;
  isReviewer: boolean;
  seats: ReachSeat[];
};

export type Reach = {
  userId: string;
  partnerships: ReachPartnership[];
  /** Partnerships the person belongs to but may not act in until they turn on two-factor sign-in. */
  blocked: Array<{ partnershipId: string; name: string }>;
};

type Row = {
  partnershipId: string;
  name: string;
  twoFactorRequired: boolean;
  membershipId: string;
  organizationId: string;
  organizationType: string;
  side: string;
  isReviewer: boolean;
  hasTwoFactor: boolean;
  seats: Array<{ bodyId: string; isTopBody: boolean; role: string; coChairSide: string | null; isVoting: boolean }> | null;
};

/** The person's reach across their partnerships (or in one of them): one statement. */
export async function loadReach(db: Db, userId: string, options: { partnershipId?: string } = {}): Promise<Reach> {
  const only = options.partnershipId ?? null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id" AS "partnershipId", p."name", p."twoFactorRequired",
           m."id" AS "membershipId", o."id" AS "organizationId", o."type" AS "organizationType", o."side",
           EXISTS (SELECT 1 FROM "ServiceReviewer" r WHERE r."membershipId" = m."id") AS "isReviewer",
           EXISTS (SELECT 1 FROM "TwoFactor" t WHERE t."userId" = m."userId" AND t."enabledAt" IS NOT NULL) AS "hasTwoFactor",
           (SELECT json_agg(json_build_object('bodyId', s."bodyId", 'isTopBody', b."kind" = 'PARTNERSHIP', 'role', s."role",
                                              'coChairSide', s."coChairSide", 'isVoting', s."isVoting"))
              FROM "BodySeat" s JOIN "Body" b ON b."id" = s."bodyId"
             WHERE s."membershipId" = m."id") AS "seats"
      FROM "Membership" m
      JOIN "Partnership" p ON p."id" = m."partnershipId"
      JOIN "Organization" o ON o."id" = m."organizationId"
     WHERE m."userId" = ${userId} AND (${only}::text IS NULL OR m."partnershipId" = ${only})
     ORDER BY p."name", p."id"`;
  const reach: Reach = { userId, partnerships: [], blocked: [] };
  for (const row of rows) {
    const seats = (row.seats ?? []).map((s) => ({
      bodyId: s.bodyId,
      isTopBody: s.isTopBody,
      role: s.role as SeatRole,
      coChairSide: s.coChairSide as ReachSeat["coChairSide"],
      isVoting: s.isVoting,
    }));
    const applies = mustUseTwoFactor({ isCoChair: seats.some((s) => s.role === "CO_CHAIR"), isCbo: row.organizationType === "CBO", isReviewer: row.isReviewer });
    if (row.twoFactorRequired && !row.hasTwoFactor && applies) {
      reach.blocked.push({ partnershipId: row.partnershipId, name: row.name });
      continue;
    }
    reach.partnerships.push({
      partnershipId: row.partnershipId,
      name: row.name,
      membershipId: row.membershipId,
      organizationId: row.organizationId,
      organizationType: row.organizationType,
      side: row.side as Side,
      isReviewer: row.isReviewer,
      seats,
    });
  }
  return reach;
}

/** The membership ids of the reach (a person has one membership per partnership). */
export const membershipIdsOf = (reach: Reach) => reach.partnerships.map((p) => p.membershipId);

/** The bodies where the person holds a co-chair seat, with the side they chair for. */
export function coChairSeatsOf(reach: Reach) {
  return reach.partnerships.flatMap((p) =>
    p.seats.filter((s) => s.role === "CO_CHAIR" && s.coChairSide).map((s) => ({ partnershipId: p.partnershipId, ...s, coChairSide: s.coChairSide! })),
  );
}
