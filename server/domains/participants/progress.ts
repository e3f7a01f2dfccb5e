// Progress on an enrollment: weekly hours (logged by the participant or the instructor, decided by the
// mentor, never by whoever logged them: a CHECK and a trigger too), competencies (by assessment, on the
// job, or test-out with the module's hours credited as advanced standing), credentials and outcomes.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { canDecideHours, canLogHours, canRecordCompetency, canRecordCredential, canRecordOutcome, canTestOut, loggedAs } from "./participants.policy.js";
import { checkWeek, IN_PROGRAM, isEnded, weekOf, type EnrollmentStatus } from "./participants.rules.js";
import type { CompetencyInput, CredentialInput, DecideHoursInput, LogHoursInput, OutcomeInput, TestOutInput } from "./participants.schema.js";
import { announceRecord, curriculumOf, fieldError, lockEnrollment, requireEnrollment, type Call, type ParticipantsDeps } from "./participants.shared.js";

const NOT_IN_PROGRAM = "Progress is recorded while the enrollment is enrolled or active.";

export async function logHours(deps: ParticipantsDeps, { userId, input }: Call<LogHoursInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canLogHours(relation, input.kind)) {
    throw forbidden(input.kind === "OJL" ? "On-the-job hours are logged by the participant." : "Hours are logged by the participant or the instructor.");
  }
  const week = checkWeek(weekOf(input.week), { startDate: enrollment.startDate, now: new Date() });
  if (!week.ok) throw fieldError("BAD_REQUEST", "week", week.message);
  return inTransaction(deps, async (tx, effects) => {
    await requireInProgram(tx, enrollment.id);
    const log = await tx.hoursLog.create({
      data: { partnershipId: enrollment.partnershipId, enrollmentId: enrollment.id, weekOf: week.value, kind: input.kind, tenths: input.hours, note: input.note, loggedById: userId, loggedAs: loggedAs(relation) },
      select: { id: true },
    });
    await announceRecord(tx, effects, enrollment, { totals: false });
    return log;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "week", "Hours of this kind are already logged for that week.");
    throw error;
  });
}

/**
 * The mentor approves or sends back a week's hours. The first approved hours make an enrolled person
 * active. The log moves with a conditional update from SUBMITTED, under the enrollment's row lock.
 */
export async function decideHours(deps: ParticipantsDeps, { userId, input }: Call<DecideHoursInput>) {
  const log = await deps.db.hoursLog.findUnique({ where: { id: input.logId }, select: { id: true, enrollmentId: true, loggedById: true } });
  if (!log) throw notFound("Hours");
  const { enrollment, relation } = await requireEnrollment(deps, userId, log.enrollmentId).catch(() => {
    throw notFound("Hours");
  });
  if (!canDecideHours(relation, log, userId)) {
    throw forbidden(log.loggedById === userId ? "Nobody approves hours they logged themselves." : "Only the participant's mentor approves their hours.");
  }
  return inTransaction(deps, async (tx, effects) => {
    const status = await lockEnrollment(tx, enrollment.id);
    const { count } = await tx.hoursLog.updateMany({
      where: { id: log.id, status: "SUBMITTED" },
      data: { status: input.decision, decidedById: userId, decidedAt: new Date(), decisionNote: input.note },
    });
    if (!count) throw new AppError("CONFLICT", "These hours were already decided.");
    if (input.decision === "APPROVED" && status === "ENROLLED") {
      const moved = await tx.enrollment.updateMany({ where: { id: enrollment.id, status: "ENROLLED" }, data: { status: "ACTIVE" } });
      if (moved.count) await tx.enrollmentEvent.create({ data: { enrollmentId: enrollment.id, fromStatus: "ENROLLED", toStatus: "ACTIVE", actorId: userId, reason: "First approved hours" } });
    }
    await recordAudit(tx, { partnershipId: enrollment.partnershipId, actorId: userId, action: `participants.hours${input.decision === "APPROVED" ? "Approved" : "Rejected"}`, subjectType: "HoursLog", subjectId: log.id });
    await announceRecord(tx, effects, enrollment, { totals: input.decision === "APPROVED" && status === "ENROLLED" });
    return { logId: log.id, decision: input.decision };
  });
}

/** A competency of the enrollment's curriculum, attained by assessment (instructor) or on the job (mentor). */
export async function recordCompetency(deps: ParticipantsDeps, { userId, input }: Call<CompetencyInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canRecordCompetency(relation, input.method)) {
    throw forbidden(input.method === "ASSESSMENT" ? "The instructor records competencies attained by assessment." : "The mentor records competencies attained on the job.");
  }
  const curriculum = await curriculumOf(deps.db, enrollment.partnershipId, enrollment.curriculumVersionId);
  const module = curriculum.modules.find((m) => m.key === input.moduleKey);
  if (!module) throw fieldError("BAD_REQUEST", "moduleKey", "Choose a module of the curriculum.");
  if (!module.competencies.includes(input.competency)) throw fieldError("BAD_REQUEST", "competency", "Choose a competency of that module.");
  return inTransaction(deps, async (tx, effects) => {
    await requireInProgram(tx, enrollment.id);
    const created = await tx.competencyAttainment.create({
      data: { enrollmentId: enrollment.id, moduleKey: module.key, competency: input.competency, method: input.method, assessment: input.assessment, attainedOn: input.attainedOn, recordedById: userId },
      select: { id: true },
    });
    await announceRecord(tx, effects, enrollment, { totals: false });
    return created;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "competency", "This competency is already attained.");
    throw error;
  });
}

/**
 * Test-out of a module that allows it: the assessment is recorded, every competency of the module is
 * attained by test-out, and the module's related-instruction and on-the-job hours are credited as
 * advanced standing — all in one transaction, once per module.
 */
export async function testOutModule(deps: ParticipantsDeps, { userId, input }: Call<TestOutInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canTestOut(relation)) throw forbidden("The instructor or the program's administrators record a test-out.");
  const curriculum = await curriculumOf(deps.db, enrollment.partnershipId, enrollment.curriculumVersionId);
  const module = curriculum.modules.find((m) => m.key === input.moduleKey);
  if (!module) throw fieldError("BAD_REQUEST", "moduleKey", "Choose a module of the curriculum.");
  if (!module.testOut) throw fieldError("PRECONDITION_FAILED", "moduleKey", `The curriculum does not allow testing out of ${module.title}.`);
  return inTransaction(deps, async (tx, effects) => {
    await requireInProgram(tx, enrollment.id);
    await tx.advancedStanding.create({
      data: { enrollmentId: enrollment.id, moduleKey: module.key, riHours: module.relatedHours, ojlHours: module.ojlHours, assessment: input.assessment, recordedById: userId },
    });
    if (module.competencies.length) {
      await tx.competencyAttainment.createMany({
        data: module.competencies.map((competency) => ({ enrollmentId: enrollment.id, moduleKey: module.key, competency, method: "TEST_OUT", assessment: input.assessment, attainedOn: input.attainedOn, recordedById: userId })),
        skipDuplicates: true,
      });
    }
    await recordAudit(tx, { partnershipId: enrollment.partnershipId, actorId: userId, action: "participants.testedOut", subjectType: "Enrollment", subjectId: enrollment.id, data: { moduleKey: module.key, riHours: module.relatedHours, ojlHours: module.ojlHours } });
    await announceRecord(tx, effects, enrollment, { totals: false });
    return { moduleKey: module.key, creditedHours: { ri: module.relatedHours, ojl: module.ojlHours } };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "moduleKey", "This module was already tested out of.");
    throw error;
  });
}

export async function recordCredential(deps: ParticipantsDeps, { userId, input }: Call<CredentialInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canRecordCredential(relation)) throw forbidden("The instructor or the program's administrators record credentials.");
  return inTransaction(deps, async (tx, effects) => {
    const created = await tx.credential.create({
      data: { enrollmentId: enrollment.id, name: input.name, issuer: input.issuer, earnedOn: input.earnedOn, recordedById: userId },
      select: { id: true },
    });
    await announceRecord(tx, effects, enrollment, { totals: false });
    return created;
  });
}

/** Placement and wage at exit, 6 or 12 months after it (a later entry for the same checkpoint corrects it). */
export async function recordOutcome(deps: ParticipantsDeps, { userId, input }: Call<OutcomeInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canRecordOutcome(relation)) throw forbidden("The program's administrators record outcomes.");
  return inTransaction(deps, async (tx, effects) => {
    const status = await lockEnrollment(tx, enrollment.id);
    if (!isEnded(status)) throw new AppError("PRECONDITION_FAILED", "Outcomes are recorded once the person has left the program (completed, cancelled or transferred).");
    const data = { employed: input.employed, employerName: input.employerName, hourlyCents: input.hourlyCents, recordedOn: input.recordedOn, recordedById: userId };
    await tx.outcome.upsert({
      where: { enrollmentId_checkpoint: { enrollmentId: enrollment.id, checkpoint: input.checkpoint } },
      create: { enrollmentId: enrollment.id, checkpoint: input.checkpoint, ...data },
      update: data,
    });
    await recordAudit(tx, { partnershipId: enrollment.partnershipId, actorId: userId, action: "participants.outcomeRecorded", subjectType: "Enrollment", subjectId: enrollment.id, data: { checkpoint: input.checkpoint } });
    await announceRecord(tx, effects, enrollment);
    return { enrollmentId: enrollment.id, checkpoint: input.checkpoint };
  });
}

/** The enrollment is enrolled or active, share-locked: a status change (which locks it for update) waits, or came first and is seen. */
async function requireInProgram(tx: Tx, enrollmentId: string) {
  const rows = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status" FROM "Enrollment" WHERE "id" = ${enrollmentId} FOR SHARE`;
  if (!IN_PROGRAM.includes(rows[0]?.status as EnrollmentStatus)) throw new AppError("PRECONDITION_FAILED", NOT_IN_PROGRAM);
}
