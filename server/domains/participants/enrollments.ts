// People into programs and through them: a participant is recorded by the program's administrators or
// referred by a CBO from its own trainees (linked, never copied: the CBO keeps the record); an
// enrollment moves through the state machine of participants.rules.ts, each step re-checked under the
// enrollment's row lock and written as a conditional update on the status it checked.
import { recordAudit } from "../../audit/audit.js";
import type { Tx } from "../../db.js";
import { AppError, forbidden, isUniqueViolation, notFound } from "../../errors.js";
import { inTransaction } from "../../unit-of-work/unit-of-work.js";
import { traineeLinkableBy } from "../services/services.api.js";
import { canChangeStatus, canManageProgram } from "./participants.policy.js";
import { checkEnrollmentTransition, ENROLLMENT_ACTIONS, progressOf, type EnrollmentStatus } from "./participants.rules.js";
import type { ChangeStatusInput, CreateParticipantInput } from "./participants.schema.js";
import { announceRecord, curriculumOf, fieldError, lockEnrollment, requireEnrollment, requireViewer, today, type Call, type ParticipantsDeps } from "./participants.shared.js";

/** A member of the partnership for a mentor or instructor field, or a field error. */
async function checkMember(tx: Tx, partnershipId: string, membershipId: string | null, field: string) {
  if (!membershipId) return;
  const found = await tx.membership.findFirst({ where: { id: membershipId, partnershipId }, select: { id: true } });
  if (!found) throw fieldError("BAD_REQUEST", field, "Choose a member of this partnership.");
}

async function checkEmployer(tx: Tx, partnershipId: string, employerId: string) {
  const employer = await tx.organization.findFirst({ where: { id: employerId, partnershipId, type: "EMPLOYER" }, select: { id: true } });
  if (!employer) throw fieldError("BAD_REQUEST", "employerId", "Choose an employer of this partnership.");
}

/**
 * A new participant with an application (or, given a start date, an enrollment) in a program. A CBO
 * member refers a trainee their organization owns or was granted: the application only. Otherwise the
 * program's administrators record the person here.
 */
export async function createParticipant(deps: ParticipantsDeps, { userId, input }: Call<CreateParticipantInput>) {
  const { partnershipId } = input;
  const viewer = await requireViewer(deps, userId, partnershipId);
  const program = await deps.db.program.findFirst({ where: { id: input.programId, partnershipId }, select: { id: true, bodyId: true, curriculumVersionId: true, name: true } });
  if (!program) throw fieldError("BAD_REQUEST", "programId", "Choose a program of this partnership.");
  const isAdmin = canManageProgram(viewer, program.bodyId);
  if (input.traineeId) {
    if (!viewer.isCbo || !viewer.organizationId) throw forbidden("Only the trainee's community organization refers them to a program.");
    if (!(await traineeLinkableBy(deps.db, { partnershipId, traineeId: input.traineeId, organizationId: viewer.organizationId }))) {
      throw fieldError("BAD_REQUEST", "traineeId", "Choose one of your organization's trainees.");
    }
  } else if (!isAdmin) throw forbidden("Only the program's administrators record participants.");
  const startDate = isAdmin ? input.startDate : null;
  const status: EnrollmentStatus = startDate ? "ENROLLED" : "APPLIED";
  const accountId = input.accountEmail ? (await deps.db.user.findUnique({ where: { email: input.accountEmail }, select: { id: true } }))?.id : null;
  if (input.accountEmail && !accountId) throw fieldError("BAD_REQUEST", "accountEmail", "No Jointly account uses this address yet: the participant signs up first.");

  return inTransaction(deps, async (tx, effects) => {
    await checkEmployer(tx, partnershipId, input.employerId);
    await checkMember(tx, partnershipId, isAdmin ? input.mentorMembershipId : null, "mentorMembershipId");
    await checkMember(tx, partnershipId, isAdmin ? input.instructorMembershipId : null, "instructorMembershipId");
    const participant = input.traineeId
      ? await tx.participant.upsert({
          where: { partnershipId_traineeId: { partnershipId, traineeId: input.traineeId } },
          create: { partnershipId, traineeId: input.traineeId, userId: accountId ?? null, createdById: userId },
          update: {},
          select: { id: true },
        })
      : await tx.participant.create({
          data: {
            partnershipId,
            name: input.name,
            email: input.accountEmail,
            userId: accountId ?? null,
            raceEthnicity: input.raceEthnicity,
            sex: input.sex,
            veteranStatus: input.veteranStatus,
            disabilityStatus: input.disabilityStatus,
            ageBand: input.ageBand,
            createdById: userId,
          },
          select: { id: true },
        });
    const enrollment = await tx.enrollment.create({
      data: {
        partnershipId,
        participantId: participant.id,
        programId: program.id,
        curriculumVersionId: program.curriculumVersionId,
        employerId: input.employerId,
        mentorMembershipId: isAdmin ? input.mentorMembershipId : null,
        instructorMembershipId: isAdmin ? input.instructorMembershipId : null,
        appliedOn: input.appliedOn,
        startDate,
        status,
      },
      select: { id: true },
    });
    await tx.enrollmentEvent.create({ data: { enrollmentId: enrollment.id, fromStatus: null, toStatus: status, actorId: userId, reason: input.traineeId ? "Referred by the trainee's community organization" : "" } });
    // No personal data in the audit log: ids only.
    await recordAudit(tx, { partnershipId, actorId: userId, action: "participants.enrolled", subjectType: "Enrollment", subjectId: enrollment.id, data: { programId: program.id, status, linked: Boolean(input.traineeId) } });
    await announceRecord(tx, effects, { partnershipId, programId: program.id, participantId: participant.id });
    return { participantId: participant.id, enrollmentId: enrollment.id };
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      if (target.includes("userId")) throw fieldError("CONFLICT", "accountEmail", "That account already belongs to another participant.");
      throw fieldError("CONFLICT", "programId", "This person already has an open application or enrollment in this program.");
    }
    throw error;
  });
}

/** enroll, decline, activate, complete, cancel, transfer: the program's administrators, with a reason where the rules ask one. */
export async function changeEnrollmentStatus(deps: ParticipantsDeps, { userId, input }: Call<ChangeStatusInput>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canChangeStatus(relation)) throw forbidden("Only the program's administrators change an enrollment's status.");
  if (input.action === "enroll" && !input.startDate) throw fieldError("BAD_REQUEST", "startDate", "Give the start date.");
  return inTransaction(deps, async (tx, effects) => {
    const status = await lockEnrollment(tx, enrollment.id);
    let progressComplete = false;
    if (input.action === "complete") {
      const curriculum = await curriculumOf(tx, enrollment.partnershipId, enrollment.curriculumVersionId);
      progressComplete = progressOf({ modules: curriculum.modules, ...(await progressFacts(tx, enrollment.id)) }).complete;
    }
    const check = checkEnrollmentTransition(status, input.action, { reason: input.reason, progressComplete });
    if (!check.ok) throw new AppError("PRECONDITION_FAILED", check.message, ENROLLMENT_ACTIONS[input.action].needsReason && !input.reason.trim() ? { fieldErrors: { reason: [check.message] } } : {});
    const ended = check.to === "COMPLETED" || check.to === "CANCELLED" || check.to === "TRANSFERRED";
    const { count } = await tx.enrollment.updateMany({
      where: { id: enrollment.id, status },
      data: {
        status: check.to,
        statusReason: input.reason,
        ...(input.action === "enroll" ? { startDate: input.startDate } : {}),
        ...(ended ? { endedOn: input.endedOn ?? today() } : {}),
      },
    });
    if (!count) throw new AppError("CONFLICT", "The enrollment changed meanwhile. Reload and try again.");
    await tx.enrollmentEvent.create({ data: { enrollmentId: enrollment.id, fromStatus: status, toStatus: check.to, reason: input.reason, actorId: userId } });
    await recordAudit(tx, { partnershipId: enrollment.partnershipId, actorId: userId, action: `participants.${input.action}`, subjectType: "Enrollment", subjectId: enrollment.id, data: { from: status, to: check.to } });
    await announceRecord(tx, effects, enrollment);
    return { enrollmentId: enrollment.id, status: check.to };
  }).catch((error: unknown) => {
    // The database's CHECK (a start before the application) answers here with the same words as the form.
    if (String((error as Error).message ?? "").includes("Enrollment_check")) throw fieldError("BAD_REQUEST", "startDate", "The start is before the application.");
    throw error;
  });
}

/** Approved hours, advanced standing and attained competencies of an enrollment (inside the caller's transaction). */
export async function progressFacts(tx: Tx, enrollmentId: string) {
  const [hours, standings, attained] = await Promise.all([
    tx.hoursLog.groupBy({ by: ["kind"], where: { enrollmentId, status: "APPROVED" }, _sum: { tenths: true } }),
    tx.advancedStanding.findMany({ where: { enrollmentId }, select: { moduleKey: true, riHours: true, ojlHours: true } }),
    tx.competencyAttainment.findMany({ where: { enrollmentId }, select: { moduleKey: true, competency: true } }),
  ]);
  const sum = (kind: string) => hours.find((h) => h.kind === kind)?._sum.tenths ?? 0;
  return { approvedTenths: { RI: sum("RI"), OJL: sum("OJL") }, standings, attained };
}

/** The mentor and instructor of an enrollment (the program's administrators). */
export async function assignSupervisors(deps: ParticipantsDeps, { userId, input }: Call<{ enrollmentId: string; mentorMembershipId: string | null; instructorMembershipId: string | null }>) {
  const { enrollment, relation } = await requireEnrollment(deps, userId, input.enrollmentId);
  if (!canChangeStatus(relation)) throw forbidden("Only the program's administrators assign mentors and instructors.");
  if (input.mentorMembershipId && input.mentorMembershipId === input.instructorMembershipId) {
    throw fieldError("BAD_REQUEST", "instructorMembershipId", "The mentor approves the instructor's hours: choose someone else.");
  }
  return inTransaction(deps, async (tx, effects) => {
    await checkMember(tx, enrollment.partnershipId, input.mentorMembershipId, "mentorMembershipId");
    await checkMember(tx, enrollment.partnershipId, input.instructorMembershipId, "instructorMembershipId");
    await announceRecord(tx, effects, enrollment, { totals: false }); // the old supervisors refetch (and lose the record)
    const { count } = await tx.enrollment.updateMany({ where: { id: enrollment.id }, data: { mentorMembershipId: input.mentorMembershipId, instructorMembershipId: input.instructorMembershipId } });
    if (!count) throw notFound("Enrollment");
    await recordAudit(tx, { partnershipId: enrollment.partnershipId, actorId: userId, action: "participants.supervisorsAssigned", subjectType: "Enrollment", subjectId: enrollment.id, data: { ...input } });
    await announceRecord(tx, effects, enrollment, { totals: false });
    return { enrollmentId: enrollment.id };
  });
}
