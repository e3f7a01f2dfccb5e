// What the participants use cases share: their dependencies, the viewer as the permission layer finds
// them, an enrollment with the viewer's relation to it, the curriculum behind it, who hears of a change,
// and the logging of reads of someone's record.
import type { Db, Tx } from "../../db.js";
import type { AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { partnershipRoom, userRoom } from "../../realtime/realtime.events.js";
import type { Effects } from "../../unit-of-work/unit-of-work.js";
import { readAdoptedCurriculum } from "../drafts/drafts.api.js";
import { logTraineeReadFor } from "../services/services.api.js";
import { isLoggedRead, relationTo, type ParticipantsViewer, type Relation } from "./participants.policy.js";
import { competenciesOf, type CurriculumModule, type EnrollmentStatus } from "./participants.rules.js";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./suppression.rules.js";

export type ParticipantsDeps = Pick<AppDeps, "db" | "access" | "outbox">;
export type Call<I> = { userId: string; input: I };
type Client = Db | Tx;

export const fieldError = (code: "BAD_REQUEST" | "PRECONDITION_FAILED" | "CONFLICT", field: string, message: string) =>
  new AppError(code, message, { fieldErrors: { [field]: [message] } });

export async function readSettings(client: Client, partnershipId: string) {
  const s = await client.participantSettings.findUnique({ where: { partnershipId } });
  return { aoBodyId: s?.aoBodyId ?? null, suppressionThreshold: s?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD, committeeSeesNames: s?.committeeSeesNames ?? false };
}

/**
 * The viewer in a partnership: a member (with their seats) or a participant who only has their own
 * record there. Anyone else gets NOT_FOUND, as if the partnership did not exist.
 */
export async function requireViewer(deps: Pick<AppDeps, "db" | "access">, userId: string, partnershipId: string): Promise<ParticipantsViewer> {
  const [member, ownRecord, settings] = await Promise.all([
    deps.access.getMember(userId, partnershipId),
    deps.db.participant.findFirst({ where: { partnershipId, userId }, select: { id: true } }),
    readSettings(deps.db, partnershipId),
  ]);
  if (!member && !ownRecord) throw notFound("Partnership");
  const [seats, organization] = member
    ? await Promise.all([
        deps.db.bodySeat.findMany({ where: { membershipId: member.membershipId }, select: { bodyId: true, role: true, coChairSide: true, body: { select: { kind: true } } } }),
        deps.db.organization.findUnique({ where: { id: member.organizationId }, select: { type: true } }),
      ])
    : [[], null];
  const top = member?.partnershipSeat;
  const coChairSeat = seats.find((s) => s.role === "CO_CHAIR" && (s.body.kind === "PARTNERSHIP" || s.bodyId === settings.aoBodyId));
  return {
    userId,
    membershipId: member?.membershipId ?? null,
    organizationId: member?.organizationId ?? null,
    isCbo: organization?.type === "CBO",
    isPartnershipManager: top?.role === "CO_CHAIR" || top?.role === "STAFF",
    isPartnershipCoChair: top?.role === "CO_CHAIR",
    adminBodyIds: seats.filter((s) => s.role === "CO_CHAIR" || s.role === "STAFF").map((s) => s.bodyId),
    seatedBodyIds: seats.map((s) => s.bodyId),
    coChairSide: (coChairSeat?.coChairSide as "LABOR" | "MANAGEMENT" | null | undefined) ?? null,
    aoBodyId: settings.aoBodyId,
    committeeSeesNames: settings.committeeSeesNames,
  };
}

const ENROLLMENT_FACTS = {
  id: true,
  partnershipId: true,
  participantId: true,
  programId: true,
  curriculumVersionId: true,
  employerId: true,
  mentorMembershipId: true,
  instructorMembershipId: true,
  appliedOn: true,
  startDate: true,
  endedOn: true,
  status: true,
  statusReason: true,
  program: { select: { bodyId: true, name: true, kind: true } },
  participant: { select: { userId: true, traineeId: true } },
} as const;

/** An enrollment and how the viewer stands to it; NOT_FOUND unless they may see it at all. */
export async function requireEnrollment(deps: Pick<AppDeps, "db" | "access">, userId: string, enrollmentId: string, client: Client = deps.db) {
  const enrollment = await client.enrollment.findUnique({ where: { id: enrollmentId }, select: ENROLLMENT_FACTS });
  if (!enrollment) throw notFound("Enrollment");
  const viewer = await requireViewer(deps, userId, enrollment.partnershipId).catch(() => {
    throw notFound("Enrollment");
  });
  const relation = relationTo(viewer, {
    programBodyId: enrollment.program.bodyId,
    mentorMembershipId: enrollment.mentorMembershipId,
    instructorMembershipId: enrollment.instructorMembershipId,
    participantUserId: enrollment.participant.userId,
  });
  if (!relation || relation === "COMMITTEE") throw notFound("Enrollment");
  return { enrollment: { ...enrollment, status: enrollment.status as EnrollmentStatus }, viewer, relation };
}

/** The enrollment's curriculum version as modules with their competencies listed. */
export async function curriculumOf(client: Client, partnershipId: string, versionId: string) {
  const curriculum = await readAdoptedCurriculum(client, partnershipId, versionId);
  if (!curriculum) throw new AppError("PRECONDITION_FAILED", "The curriculum version is not adopted.");
  const modules: CurriculumModule[] = curriculum.modules.map((m) => ({
    key: m.key,
    title: m.title,
    competencies: competenciesOf(m.competencies),
    relatedHours: m.relatedHours,
    ojlHours: m.ojlHours,
    assessment: m.assessment,
    credential: m.credential,
    testOut: m.testOut,
  }));
  return { ...curriculum, modules };
}

/** Locks an enrollment's row for the rest of the transaction (status changes and hours decisions take it first). */
export async function lockEnrollment(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status" FROM "Enrollment" WHERE "id" = ${id} FOR UPDATE`;
  if (!rows.length) throw notFound("Enrollment");
  return rows[0]!.status as EnrollmentStatus;
}

/**
 * Who sees a person's record: the person, the mentor and instructor, the administrators of the program
 * (its committee's co-chairs and staff, the partnership's co-chairs and staff). Read inside the change.
 */
export async function recordAudience(tx: Tx, enrollment: { partnershipId: string; programId: string; participantId: string }) {
  const program = await tx.program.findUniqueOrThrow({ where: { id: enrollment.programId }, select: { bodyId: true } });
  const [participant, supervisors, admins] = await Promise.all([
    tx.participant.findUniqueOrThrow({ where: { id: enrollment.participantId }, select: { userId: true } }),
    tx.enrollment.findMany({ where: { participantId: enrollment.participantId }, select: { mentorMembershipId: true, instructorMembershipId: true } }),
    tx.bodySeat.findMany({
      where: { partnershipId: enrollment.partnershipId, role: { in: ["CO_CHAIR", "STAFF"] }, OR: [{ bodyId: program.bodyId }, { body: { kind: "PARTNERSHIP" } }] },
      select: { membership: { select: { userId: true } } },
    }),
  ]);
  const memberIds = supervisors.flatMap((s) => [s.mentorMembershipId, s.instructorMembershipId]).filter((id): id is string => Boolean(id));
  const members = memberIds.length ? await tx.membership.findMany({ where: { id: { in: memberIds } }, select: { userId: true } }) : [];
  return [...new Set([participant.userId, ...members.map((m) => m.userId), ...admins.map((a) => a.membership.userId)].filter((id): id is string => Boolean(id)))];
}

/** After commit, the record's audience refetches it, and (unless told otherwise) every member's counts refresh. */
export async function announceRecord(tx: Tx, effects: Effects, enrollment: { partnershipId: string; programId: string; participantId: string }, options: { totals?: boolean } = {}) {
  for (const userId of await recordAudience(tx, enrollment)) {
    effects.publish(userRoom(userId), "participant:changed", { partnershipId: enrollment.partnershipId, participantId: enrollment.participantId });
  }
  if (options.totals !== false) effects.publish(partnershipRoom(enrollment.partnershipId), "participants:totalsChanged", { partnershipId: enrollment.partnershipId });
}

/**
 * A read of someone's record by a mentor, instructor or administrator, logged for the record's owner:
 * a linked trainee's CBO (in its own access log, through services.api.ts) or the participant.
 */
export async function logRecordRead(db: Db, relation: Relation, entry: { participantId: string; traineeId: string | null; userId: string; programName: string }) {
  if (!isLoggedRead(relation)) return;
  const role = relation === "ADMIN" ? "a program administrator" : relation === "MENTOR" ? "the mentor" : "the instructor";
  const reason = `Viewed the progress record in ${entry.programName} as ${role}`;
  if (entry.traineeId) await logTraineeReadFor(db, { traineeId: entry.traineeId, userId: entry.userId, reason });
  else await db.participantAccessLog.create({ data: { participantId: entry.participantId, userId: entry.userId, reason } });
}

/** Calendar "today" at 00:00 UTC. */
export const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};
