// What waits for a person in curriculum drafts, across the partnerships of their reach: sign-offs asked
// of them (a draft in review whose current version they have not decided, while they are in the body's
// worker sign-off group and seated on it), and comments that mention them in a thread that is still
// open, on a draft that still takes comments, which they have not answered since (no later comment of
// theirs in the thread). Each list is one query filtered by the person's memberships.
import type { Reach } from "../../access/reach.js";
import { membershipIdsOf } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import { truncateText } from "../../text.js";

export const WAITING_LIMIT = 100;

type SignOffRow = {
  draftId: string;
  partnershipId: string;
  bodyId: string;
  bodyName: string;
  title: string;
  versionNumber: number;
  changeSummary: string;
  since: Date;
};

type MentionRow = {
  commentId: string;
  threadId: string;
  draftId: string;
  partnershipId: string;
  bodyId: string;
  bodyName: string;
  draftTitle: string;
  authorName: string | null;
  body: string;
  since: Date;
};

/** How much of a comment the list shows (the draft page has the rest). */
const EXCERPT_CHARS = 140;

async function signOffsAwaiting(db: AppDeps["db"], membershipIds: string[]) {
  return db.$queryRaw<SignOffRow[]>`
    SELECT d."id" AS "draftId", d."partnershipId", d."bodyId", b."name" AS "bodyName", d."title",
           v."number" AS "versionNumber", v."changeSummary", v."createdAt" AS "since"
      FROM "Draft" d
      JOIN "Body" b ON b."id" = d."bodyId"
      JOIN "DraftVersion" v ON v."draftId" = d."id" AND v."number" = d."currentVersion"
      JOIN "DraftReviewer" g ON g."bodyId" = d."bodyId" AND g."membershipId" = ANY(${membershipIds}::text[])
     WHERE d."status" = 'IN_REVIEW'
       AND EXISTS (SELECT 1 FROM "BodySeat" s WHERE s."bodyId" = d."bodyId" AND s."membershipId" = g."membershipId")
       AND NOT EXISTS (SELECT 1 FROM "DraftSignOff" so WHERE so."versionId" = v."id" AND so."reviewerMembershipId" = g."membershipId")
     ORDER BY v."createdAt" ASC, d."id"
     LIMIT ${WAITING_LIMIT}`;
}

async function mentionsAwaiting(db: AppDeps["db"], userId: string, membershipIds: string[]) {
  return db.$queryRaw<MentionRow[]>`
    SELECT c."id" AS "commentId", COALESCE(c."parentId", c."id") AS "threadId", d."id" AS "draftId", d."partnershipId", d."bodyId",
           b."name" AS "bodyName", d."title" AS "draftTitle", u."name" AS "authorName", c."body", c."createdAt" AS "since"
      FROM "DraftMention" dm
      JOIN "DraftComment" c ON c."id" = dm."commentId"
      JOIN "DraftComment" root ON root."id" = COALESCE(c."parentId", c."id")
      JOIN "Draft" d ON d."id" = c."draftId"
      JOIN "Body" b ON b."id" = d."bodyId"
      LEFT JOIN "User" u ON u."id" = c."authorUserId"
     WHERE dm."userId" = ${userId}
       AND c."authorUserId" <> ${userId}
       AND root."resolved" = false
       AND d."status" IN ('DRAFTING', 'IN_REVIEW', 'SIGNED_OFF')
       AND EXISTS (SELECT 1 FROM "BodySeat" s WHERE s."bodyId" = d."bodyId" AND s."membershipId" = ANY(${membershipIds}::text[]))
       AND NOT EXISTS (
             SELECT 1 FROM "DraftComment" mine
              WHERE mine."authorUserId" = ${userId}
                AND COALESCE(mine."parentId", mine."id") = root."id"
                AND mine."createdAt" > c."createdAt")
     ORDER BY c."createdAt" ASC, c."id"
     LIMIT ${WAITING_LIMIT}`;
}

/** Everything that waits for the person in drafts: one statement per list. */
export async function draftsWaitingFor(deps: Pick<AppDeps, "db">, { reach }: { reach: Reach }) {
  const membershipIds = membershipIdsOf(reach);
  if (!membershipIds.length) return { signOffs: [], mentions: [] };
  const [signOffs, mentions] = await Promise.all([signOffsAwaiting(deps.db, membershipIds), mentionsAwaiting(deps.db, reach.userId, membershipIds)]);
  const body = (r: { bodyId: string; bodyName: string }) => ({ id: r.bodyId, name: r.bodyName });
  return {
    signOffs: signOffs.map((r) => ({
      draftId: r.draftId,
      partnershipId: r.partnershipId,
      title: r.title,
      body: body(r),
      versionNumber: r.versionNumber,
      changeSummary: r.changeSummary,
      since: r.since,
    })),
    mentions: mentions.map((r) => ({
      commentId: r.commentId,
      threadId: r.threadId,
      draftId: r.draftId,
      partnershipId: r.partnershipId,
      draftTitle: r.draftTitle,
      body: body(r),
      authorName: r.authorName ?? "A former member",
      excerpt: excerpt(r.body),
      since: r.since,
    })),
  };
}

function excerpt(text: string) {
  return truncateText(text.replace(/\s+/g, " ").trim(), EXCERPT_CHARS);
}
