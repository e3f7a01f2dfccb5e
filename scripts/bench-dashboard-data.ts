// The dashboard benchmark's data (npm run bench:dashboard): one partnership made by the factories (its
// A&O committee, five employers, two programs on an adopted curriculum, a co-chair and a mentor), then
// 50,000 participants, one enrollment each applied over five years in every status, exit outcomes with
// wages, and 40 weekly hour logs each (2,000,000), written by INSERT … SELECT generate_series in one
// transaction: seconds, where Prisma row by row would take hours. The triggers (state transitions,
// mentors) are off for the bulk load; the CHECKs and foreign keys still hold every row. Each answer
// comes from its own multiplicative hash of the row number, so the questions are not correlated, and a
// few groups are kept small on purpose (Native Hawaiian or Pacific Islander, one employer) so every
// year has cells under the threshold and suppression does its full work.
import type { Db } from "../server/db.js";
import { TREND_YEARS } from "../server/domains/participants/dashboard.js";
import { addMember, createCommittee, createOrganization, createPartnership, createUser, seatOnBody } from "../server/fixtures/factories.js";
import { adoptCurriculum, mondayWeeksAgo } from "../server/fixtures/participant-factories.js";

export const PARTICIPANTS = 50_000;
export const LOGS_PER_ENROLLMENT = 40; // 2,000,000 hour logs

export type DashboardBenchData = { partnershipId: string; coChairUserId: string; year: number; firstYear: number };

export async function loadDashboardBenchData(db: Db, { participants = PARTICIPANTS, logsPerEnrollment = LOGS_PER_ENROLLMENT } = {}): Promise<DashboardBenchData> {
  const coChair = await createUser(db, { name: "Bench Co-chair", hashCost: 10 });
  const { partnership } = await createPartnership(db, { creatorId: coChair.id, seat: "LABOR", name: "Bench partnership" });
  const partnershipId = partnership.id;
  const employers: string[] = [];
  // The last one is small (about 0.3% of applicants): its cells fall under the threshold.
  for (const name of ["Lakeshore Precision", "Northgate Fabrication", "Riverside Castings", "Summit Tool and Die", "Harbor Assembly"]) {
    employers.push((await createOrganization(db, { partnershipId, type: "EMPLOYER", side: "MANAGEMENT", name })).id);
  }
  const jatc = await createCommittee(db, { partnershipId, name: "JATC" });
  const ao = await createCommittee(db, { partnershipId, name: "Access and Opportunity Committee" });
  const mentor = await addMember(db, { partnershipId, organizationId: employers[0]!, name: "Bench Mentor" });
  await seatOnBody(db, { bodyId: ao.id, membershipId: mentor.id });
  const { versionId } = await adoptCurriculum(db, { bodyId: jatc.id, createdById: coChair.id });
  const programs: string[] = [];
  for (const [name, kind] of [
    ["IMT registered apprenticeship", "REGISTERED_APPRENTICESHIP"],
    ["Maintenance pre-apprenticeship", "PRE_APPRENTICESHIP"],
  ] as const) {
    programs.push((await db.program.create({ data: { partnershipId, bodyId: jatc.id, name, kind, curriculumVersionId: versionId, createdById: coChair.id } })).id);
  }
  await db.participantSettings.create({ data: { partnershipId, aoBodyId: ao.id } });
  const mentorUserId = (await db.membership.findUniqueOrThrow({ where: { id: mentor.id } })).userId;

  const year = new Date().getUTCFullYear();
  const firstYear = year - TREND_YEARS + 1;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      // Per mille, one hash per question: (g × prime) mod 1000.
      await tx.$executeRawUnsafe(
        `INSERT INTO "Participant" ("id", "partnershipId", "name", "raceEthnicity", "sex", "veteranStatus", "disabilityStatus", "ageBand", "createdById", "updatedAt")
         SELECT 'bp' || g, $1, 'Participant ' || g,
           CASE WHEN r < 400 THEN ARRAY['WHITE'] WHEN r < 620 THEN ARRAY['BLACK_AFRICAN_AMERICAN'] WHEN r < 800 THEN ARRAY['HISPANIC_LATINO']
                WHEN r < 860 THEN ARRAY['ASIAN'] WHEN r < 890 THEN ARRAY['MIDDLE_EASTERN_NORTH_AFRICAN'] WHEN r < 897 THEN ARRAY['AMERICAN_INDIAN_ALASKA_NATIVE']
                WHEN r < 898 THEN ARRAY['NATIVE_HAWAIIAN_PACIFIC_ISLANDER'] WHEN r < 950 THEN ARRAY['HISPANIC_LATINO', 'WHITE'] ELSE ARRAY['PREFER_NOT_TO_SAY'] END,
           CASE WHEN s < 220 THEN 'FEMALE' WHEN s < 232 THEN 'ANOTHER' WHEN s < 262 THEN 'PREFER_NOT_TO_SAY' ELSE 'MALE' END,
           CASE WHEN v < 90 THEN 'VETERAN' WHEN v < 130 THEN 'PREFER_NOT_TO_SAY' ELSE 'NOT_VETERAN' END,
           CASE WHEN d < 80 THEN 'YES' WHEN d < 110 THEN 'PREFER_NOT_TO_SAY' ELSE 'NO' END,
           CASE WHEN a < 8 THEN 'AGE_UNDER_18' WHEN a < 280 THEN 'AGE_18_24' WHEN a < 600 THEN 'AGE_25_34' WHEN a < 800 THEN 'AGE_35_44'
                WHEN a < 900 THEN 'AGE_45_54' WHEN a < 960 THEN 'AGE_55_64' WHEN a < 972 THEN 'AGE_65_PLUS' ELSE 'PREFER_NOT_TO_SAY' END,
           $2, now()
         FROM generate_series(1, ${participants}) g,
              LATERAL (SELECT (g::bigint * 7919) % 1000 AS r, (g::bigint * 104723) % 1000 AS s, (g::bigint * 15485863) % 1000 AS v,
                              (g::bigint * 2750159) % 1000 AS d, (g::bigint * 1299709) % 1000 AS a) x`,
        partnershipId,
        coChair.id,
      );
      // One enrollment each, applied on a day of the five years up to today: 10% still applied, 5% not
      // enrolled, 30% completed, 10% cancelled, the rest active; ended dates never after today.
      await tx.$executeRawUnsafe(
        `INSERT INTO "Enrollment" ("id", "partnershipId", "participantId", "programId", "curriculumVersionId", "employerId", "mentorMembershipId",
                                   "appliedOn", "startDate", "endedOn", "status", "statusReason", "updatedAt")
         SELECT 'be' || g, $1, 'bp' || g, ($2::text[])[1 + g % 2], $3,
           ($4::text[])[CASE WHEN (g::bigint * 31) % 1000 < 3 THEN 5 ELSE 1 + (g::bigint * 31) % 4 END], $5,
           day::timestamp AT TIME ZONE 'UTC',
           CASE WHEN s >= 15 THEN (day + 14)::timestamp AT TIME ZONE 'UTC' END,
           CASE WHEN s BETWEEN 15 AND 44 THEN least(day + 14 + 300 + (g % 200), current_date)::timestamp AT TIME ZONE 'UTC'
                WHEN s BETWEEN 45 AND 54 THEN least(day + 14 + 60 + (g % 120), current_date)::timestamp AT TIME ZONE 'UTC' END,
           CASE WHEN s < 10 THEN 'APPLIED' WHEN s < 15 THEN 'NOT_ENROLLED' WHEN s < 45 THEN 'COMPLETED' WHEN s < 55 THEN 'CANCELLED' ELSE 'ACTIVE' END,
           CASE WHEN s BETWEEN 10 AND 14 THEN 'No position open' WHEN s BETWEEN 45 AND 54 THEN 'Left the program' ELSE '' END,
           now()
         FROM generate_series(1, ${participants}) g,
              LATERAL (SELECT (g::bigint * 104729 % 100)::int AS s,
                              make_date(${firstYear}, 1, 1) + ((g::bigint * 37) % (current_date - make_date(${firstYear}, 1, 1)))::int AS day) x`,
        partnershipId,
        programs,
        versionId,
        employers,
        mentor.id,
      );
      // Nine in ten completers placed, at $19.00–$26.99 an hour.
      await tx.$executeRawUnsafe(
        `INSERT INTO "Outcome" ("id", "enrollmentId", "checkpoint", "employed", "employerName", "hourlyCents", "recordedOn", "recordedById")
         SELECT 'bo' || e."id", e."id", 'EXIT', abs(hashtext(e."id")) % 10 <> 0, 'Employer',
                CASE WHEN abs(hashtext(e."id")) % 10 <> 0 THEN 1900 + abs(hashtext(e."id")) % 800 END, e."endedOn", $2
         FROM "Enrollment" e WHERE e."partnershipId" = $1 AND e."status" = 'COMPLETED'`,
        partnershipId,
        coChair.id,
      );
      // 40 weeks each (one in five related instruction), nine in ten approved by the mentor.
      await tx.$executeRawUnsafe(
        `INSERT INTO "HoursLog" ("id", "partnershipId", "enrollmentId", "weekOf", "kind", "tenths", "loggedById", "loggedAs", "status", "decidedById", "decidedAt")
         SELECT 'bh' || e || '_' || w, $1, 'be' || e, $2::timestamptz - (w * interval '7 days'), CASE WHEN w % 5 = 0 THEN 'RI' ELSE 'OJL' END,
                300 + (e + w) % 120, $3, 'PARTICIPANT',
                CASE WHEN (e + w) % 10 = 0 THEN 'SUBMITTED' ELSE 'APPROVED' END,
                CASE WHEN (e + w) % 10 = 0 THEN NULL ELSE $4 END,
                CASE WHEN (e + w) % 10 = 0 THEN NULL ELSE now() END
         FROM generate_series(1, ${participants}) e, generate_series(0, ${logsPerEnrollment - 1}) w`,
        partnershipId,
        mondayWeeksAgo(1).toISOString(),
        coChair.id,
        mentorUserId,
      );
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe(`ANALYZE`);
  return { partnershipId, coChairUserId: coChair.id, year, firstYear };
}
