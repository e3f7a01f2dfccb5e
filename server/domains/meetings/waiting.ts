// What waits for a person in meetings, across the partnerships of their reach: agendas and minutes
// their side's co-chair has not approved (in its current version), and their open action items. Each
// list is one query that filters by the person's seats and memberships; nothing is loaded and then
// dropped. The home page and the partnership's tab counts read these.
import type { Reach } from "../../access/reach.js";
import { coChairSeatsOf, membershipIdsOf } from "../../access/reach.js";
import type { AppDeps } from "../../deps.js";
import type { CoChairSide } from "./meetings.rules.js";

/** Lists are cut here; the home page says "at least" when a list is full. */
export const WAITING_LIMIT = 100;

/** The bodies the person co-chairs and their memberships (whose seat there says which side). */
type Chairs = { bodyIds: string[]; membershipIds: string[] };

type ApprovalRow = {
  meetingId: string;
  partnershipId: string;
  bodyId: string;
  bodyName: string;
  isTopBody: boolean;
  title: string;
  startsAt: Date;
  timeZone: string;
  version: number;
  side: CoChairSide;
  /** The other side's approval of this version, when there is one. */
  otherApprovedAt: Date | null;
  since: Date;
};

/**
 * Agendas that wait for the person's approval: meetings of bodies where they are a co-chair, not
 * started or in session (the agenda can still be approved: `mayEditAgenda`) and not over, with at least
 * one accepted item (approval needs one), whose current version is not published and not approved by
 * their side. Waiting since the other side approved this version, or else the agenda's last change.
 */
async function agendasAwaiting(db: AppDeps["db"], chairs: Chairs, now: Date): Promise<ApprovalRow[]> {
  if (!chairs.bodyIds.length) return [];
  const { bodyIds } = chairs;
  return db.$queryRaw<ApprovalRow[]>`
    SELECT mt."id" AS "meetingId", mt."partnershipId", mt."bodyId", b."name" AS "bodyName", b."kind" = 'PARTNERSHIP' AS "isTopBody",
           mt."title", mt."startsAt", mt."timeZone", mt."agendaVersion" AS "version", s."coChairSide" AS "side",
           other."createdAt" AS "otherApprovedAt",
           COALESCE(other."createdAt", (SELECT max(i."updatedAt") FROM "AgendaItem" i WHERE i."meetingId" = mt."id" AND i."status" = 'ACCEPTED')) AS "since"
      FROM "Meeting" mt
      JOIN "Body" b ON b."id" = mt."bodyId"
      JOIN "BodySeat" s ON s."bodyId" = mt."bodyId" AND s."role" = 'CO_CHAIR'
                       AND s."membershipId" = ANY(${chairs.membershipIds}::text[])
      LEFT JOIN "AgendaApproval" other ON other."meetingId" = mt."id" AND other."version" = mt."agendaVersion" AND other."side" <> s."coChairSide"
     WHERE mt."bodyId" = ANY(${bodyIds}::text[])
       AND mt."status" IN ('SCHEDULED', 'LIVE')
       AND (mt."status" = 'LIVE' OR mt."startsAt" + make_interval(mins => mt."durationMinutes") > ${now})
       AND mt."publishedVersion" IS DISTINCT FROM mt."agendaVersion"
       AND EXISTS (SELECT 1 FROM "AgendaItem" i WHERE i."meetingId" = mt."id" AND i."status" = 'ACCEPTED')
       AND NOT EXISTS (SELECT 1 FROM "AgendaApproval" a WHERE a."meetingId" = mt."id" AND a."version" = mt."agendaVersion" AND a."side" = s."coChairSide")
     ORDER BY "since" ASC, mt."id"
     LIMIT ${WAITING_LIMIT}`;
}

/**
 * Minutes that wait for the person's approval: adjourned meetings of bodies they co-chair whose minutes
 * are not approved and whose current version their side has not approved. Waiting since the other
 * side approved this version, or else since the meeting was adjourned.
 */
async function minutesAwaiting(db: AppDeps["db"], chairs: Chairs): Promise<ApprovalRow[]> {
  if (!chairs.bodyIds.length) return [];
  const { bodyIds } = chairs;
  return db.$queryRaw<ApprovalRow[]>`
    SELECT mt."id" AS "meetingId", mt."partnershipId", mt."bodyId", b."name" AS "bodyName", b."kind" = 'PARTNERSHIP' AS "isTopBody",
           mt."title", mt."startsAt", mt."timeZone", mt."minutesVersion" AS "version", s."coChairSide" AS "side",
           other."createdAt" AS "otherApprovedAt",
           COALESCE(other."createdAt", mt."adjournedAt", mt."updatedAt") AS "since"
      FROM "Meeting" mt
      JOIN "Body" b ON b."id" = mt."bodyId"
      JOIN "BodySeat" s ON s."bodyId" = mt."bodyId" AND s."role" = 'CO_CHAIR'
                       AND s."membershipId" = ANY(${chairs.membershipIds}::text[])
      LEFT JOIN "MinutesApproval" other ON other."meetingId" = mt."id" AND other."version" = mt."minutesVersion" AND other."side" <> s."coChairSide"
     WHERE mt."bodyId" = ANY(${bodyIds}::text[])
       AND mt."status" = 'ADJOURNED'
       AND mt."minutesApprovedAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "MinutesApproval" a WHERE a."meetingId" = mt."id" AND a."version" = mt."minutesVersion" AND a."side" = s."coChairSide")
     ORDER BY "since" ASC, mt."id"
     LIMIT ${WAITING_LIMIT}`;
}

/** Open action items the person owns, due soonest first. */
async function actionItemsOwned(db: AppDeps["db"], membershipIds: string[]) {
  if (!membershipIds.length) return [];
  return db.actionItem.findMany({
    where: { ownerMembershipId: { in: membershipIds }, status: "OPEN" },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: WAITING_LIMIT,
    select: { id: true, text: true, dueDate: true, createdAt: true, meeting: { select: { id: true, partnershipId: true, title: true } } },
  });
}

/** Everything that waits for the person in meetings: one statement per list. */
export async function meetingsWaitingFor(deps: Pick<AppDeps, "db">, { reach, now = new Date() }: { reach: Reach; now?: Date }) {
  const chairs: Chairs = { bodyIds: coChairSeatsOf(reach).map((c) => c.bodyId), membershipIds: membershipIdsOf(reach) };
  const [agendas, minutes, actions] = await Promise.all([
    agendasAwaiting(deps.db, chairs, now),
    minutesAwaiting(deps.db, chairs),
    actionItemsOwned(deps.db, membershipIdsOf(reach)),
  ]);
  const place = (r: ApprovalRow) => ({
    meetingId: r.meetingId,
    partnershipId: r.partnershipId,
    title: r.title,
    startsAt: r.startsAt,
    timeZone: r.timeZone,
    body: { id: r.bodyId, name: r.bodyName, isPartnership: r.isTopBody },
    version: r.version,
    side: r.side,
    otherSideApprovedAt: r.otherApprovedAt,
    since: r.since,
  });
  return {
    agendas: agendas.map(place),
    minutes: minutes.map(place),
    actionItems: actions.map((a) => ({
      id: a.id,
      partnershipId: a.meeting.partnershipId,
      text: a.text,
      dueDate: a.dueDate,
      since: a.createdAt,
      meeting: { id: a.meeting.id, title: a.meeting.title },
    })),
  };
}
