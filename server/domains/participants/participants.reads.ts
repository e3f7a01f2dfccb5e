// What the participants pages read: the overview (programs, settings, the people the viewer may see by
// name, hours waiting for the viewer's approval, counts by status with small groups hidden), one
// person's record (progress toward completion, hours, competencies, credentials, wage step, outcomes;
// every read by someone else logged for the record's owner) and the viewer's own records.
import { forbidden, notFound } from "../../errors.js";
import { readerLocale, serverWords } from "../../i18n.js";
import { csvText } from "../common.rules.js";
import { listAdoptedCurricula } from "../drafts/drafts.api.js";
import { readTraineeNames } from "../services/services.api.js";
import { describeRaceEthnicity } from "../services/services.rules.js";
import { progressFacts } from "./enrollments.js";
import {
  canChangeStatus,
  canDecideHours,
  canEditSettings,
  canLogHours,
  canManageProgram,
  canRecordCompetency,
  canRecordCredential,
  canRecordOutcome,
  canSeeAnswers,
  canSeeDashboard,
  canSeeRecord,
  canTestOut,
  relationTo,
  type ParticipantsViewer,
  type Relation,
} from "./participants.policy.js";
import { ENROLLMENT_STATUS_KEYS, progressOf, wageStepOf, type EnrollmentStatus, type ProgramKind, type WageStep } from "./participants.rules.js";
import { curriculumOf, logRecordRead, readSettings, requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";
import { describeSuppressionRule, suppressBreakdown } from "./suppression.rules.js";

type PartnershipInput = { partnershipId: string };

const LISTED = {
  id: true,
  status: true,
  appliedOn: true,
  startDate: true,
  programId: true,
  employerId: true,
  mentorMembershipId: true,
  instructorMembershipId: true,
  program: { select: { bodyId: true, name: true } },
  participant: { select: { id: true, name: true, traineeId: true, userId: true } },
} as const;

/** Names of people as the viewer may see them: a linked trainee's from the CBO's record. */
async function namesOf(deps: ParticipantsDeps, partnershipId: string, people: Array<{ id: string; name: string; traineeId: string | null }>) {
  const traineeNames = await readTraineeNames(deps.db, partnershipId, people.flatMap((p) => (p.traineeId ? [p.traineeId] : [])));
  return new Map(people.map((p) => [p.id, p.traineeId ? (traineeNames.get(p.traineeId) ?? "Former trainee") : p.name]));
}

const facts = (e: { program: { bodyId: string }; mentorMembershipId: string | null; instructorMembershipId: string | null; participant: { userId: string | null } }) => ({
  programBodyId: e.program.bodyId,
  mentorMembershipId: e.mentorMembershipId,
  instructorMembershipId: e.instructorMembershipId,
  participantUserId: e.participant.userId,
});

export async function getOverview(deps: ParticipantsDeps, { userId, input }: Call<PartnershipInput>) {
  const { partnershipId } = input;
  const viewer = await requireViewer(deps, userId, partnershipId);
  if (!viewer.membershipId) throw notFound("Partnership"); // a participant who is not a member has only their own record
  const [settings, programs, employers, members, committees, curricula] = await Promise.all([
    readSettings(deps.db, partnershipId),
    deps.db.program.findMany({
      where: { partnershipId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, bodyId: true, curriculumVersionId: true, wageSteps: { orderBy: { position: "asc" } } },
    }),
    deps.db.organization.findMany({ where: { partnershipId, type: "EMPLOYER" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    deps.db.membership.findMany({ where: { partnershipId }, orderBy: { user: { name: "asc" } }, select: { id: true, user: { select: { name: true } }, organization: { select: { name: true } } } }),
    deps.db.body.findMany({ where: { partnershipId, kind: "COMMITTEE" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listAdoptedCurricula(deps.db, partnershipId),
  ]);
  // The people the viewer may see by name: their programs' (administrators), those they supervise, or
  // (when the partnership allows it) their committee's programs'. The query filters; nothing is loaded to be dropped.
  const visible = await deps.db.enrollment.findMany({
    where: {
      partnershipId,
      OR: [
        ...(viewer.isPartnershipManager ? [{}] : []),
        { program: { bodyId: { in: viewer.committeeSeesNames ? viewer.seatedBodyIds : viewer.adminBodyIds } } },
        { mentorMembershipId: viewer.membershipId },
        { instructorMembershipId: viewer.membershipId },
      ],
    },
    orderBy: [{ appliedOn: "desc" }, { id: "asc" }],
    take: 1000,
    select: LISTED,
  });
  const names = await namesOf(deps, partnershipId, visible.map((e) => e.participant));
  const mentorOf = visible.filter((e) => e.mentorMembershipId === viewer.membershipId).map((e) => e.id);
  const pending = mentorOf.length
    ? await deps.db.hoursLog.findMany({
        where: { enrollmentId: { in: mentorOf }, status: "SUBMITTED" },
        orderBy: [{ weekOf: "asc" }, { id: "asc" }],
        take: 200,
        select: { id: true, enrollmentId: true, weekOf: true, kind: true, tenths: true, note: true, loggedById: true, loggedAs: true },
      })
    : [];
  // Counts by status per program, for every member, small groups hidden.
  const byStatus = await deps.db.enrollment.groupBy({ by: ["programId", "status"], where: { partnershipId }, _count: { _all: true } });
  const threshold = settings.suppressionThreshold;
  return {
    viewer: {
      canEditSettings: canEditSettings(viewer),
      canSeeDashboard: canSeeDashboard(viewer),
      isCbo: viewer.isCbo,
      adminOf: programs.filter((p) => canManageProgram(viewer, p.bodyId)).map((p) => p.id),
      canCreatePrograms: viewer.isPartnershipManager || viewer.adminBodyIds.length > 0,
      adminBodyIds: viewer.isPartnershipManager ? committees.map((c) => c.id) : viewer.adminBodyIds,
    },
    settings: { ...settings, rule: describeSuppressionRule(threshold) },
    programs: programs.map((p) => ({
      ...p,
      kind: p.kind as ProgramKind,
      curriculum: curricula.find((c) => c.versionId === p.curriculumVersionId) ?? null,
      statusCounts: (() => {
        const counts = suppressBreakdown(
          ENROLLMENT_STATUS_KEYS.map((s) => byStatus.find((g) => g.programId === p.id && g.status === s)?._count._all ?? 0),
          threshold,
        );
        return { byStatus: ENROLLMENT_STATUS_KEYS.map((s, i) => ({ status: s, count: counts.counts[i]! })), total: counts.total };
      })(),
    })),
    curricula: curricula.map((c) => ({ versionId: c.versionId, title: c.title, number: c.number, programKind: c.programKind })),
    employers,
    committees,
    members: members.map((m) => ({ id: m.id, name: m.user.name, organizationName: m.organization.name })),
    people: visible.map((e) => ({
      enrollmentId: e.id,
      participantId: e.participant.id,
      name: names.get(e.participant.id)!,
      linked: Boolean(e.participant.traineeId),
      programId: e.programId,
      programName: e.program.name,
      employerName: employers.find((o) => o.id === e.employerId)?.name ?? "",
      status: e.status as EnrollmentStatus,
      appliedOn: e.appliedOn,
      startDate: e.startDate,
      relation: relationTo(viewer, facts(e)),
    })),
    pendingHours: pending
      .filter((l) => canDecideHours("MENTOR", l, userId))
      .map((l) => {
        const e = visible.find((v) => v.id === l.enrollmentId)!;
        return { ...l, participantId: e.participant.id, name: names.get(e.participant.id)!, programName: e.program.name };
      }),
  };
}

/** The viewer's own records in a partnership (a participant who may not be a member of it). */
export async function getMine(deps: ParticipantsDeps, { userId, input }: Call<PartnershipInput>) {
  const own = await deps.db.participant.findFirst({ where: { partnershipId: input.partnershipId, userId }, select: { id: true } });
  if (!own) throw notFound("Your record");
  return getParticipant(deps, { userId, input: { participantId: own.id } });
}

/** One person's record as the viewer may see it; every read by someone else is logged for its owner. */
export async function getParticipant(deps: ParticipantsDeps, { userId, input }: Call<{ participantId: string }>) {
  const { db } = deps;
  const participant = await db.participant.findUnique({
    where: { id: input.participantId },
    select: { id: true, partnershipId: true, name: true, email: true, traineeId: true, userId: true, raceEthnicity: true, sex: true, veteranStatus: true, disabilityStatus: true, ageBand: true },
  });
  if (!participant) throw notFound("Participant");
  const viewer = await requireViewer(deps, userId, participant.partnershipId).catch(() => {
    throw notFound("Participant");
  });
  const all = await db.enrollment.findMany({
    where: { participantId: participant.id },
    orderBy: [{ appliedOn: "desc" }, { id: "asc" }],
    select: {
      ...LISTED,
      curriculumVersionId: true,
      endedOn: true,
      statusReason: true,
      partnershipId: true,
      program: { select: { bodyId: true, name: true, kind: true, wageSteps: { orderBy: { position: "asc" } } } },
    },
  });
  const visible = all.map((e) => ({ e, relation: relationTo(viewer, facts(e)) })).filter((x) => canSeeRecord(x.relation));
  if (!visible.length) throw notFound("Participant");
  const strongest = visible.find((x) => x.relation === "SELF")?.relation ?? visible.find((x) => x.relation === "ADMIN")?.relation ?? visible[0]!.relation;
  if (strongest !== "SELF") {
    await logRecordRead(db, strongest!, { participantId: participant.id, traineeId: participant.traineeId, userId, programName: visible[0]!.e.program.name });
  }
  const name = (await namesOf(deps, participant.partnershipId, [participant])).get(participant.id)!;
  const memberIds = [...new Set(visible.flatMap(({ e }) => [e.mentorMembershipId, e.instructorMembershipId]).filter((id): id is string => Boolean(id)))];
  const [people, employers] = await Promise.all([
    db.membership.findMany({ where: { id: { in: memberIds } }, select: { id: true, user: { select: { name: true } } } }),
    db.organization.findMany({ where: { partnershipId: participant.partnershipId, type: "EMPLOYER" }, select: { id: true, name: true } }),
  ]);
  const personName = (id: string | null) => (id ? (people.find((p) => p.id === id)?.user.name ?? "Former member") : null);
  const enrollments = await Promise.all(visible.map(({ e, relation }) => enrollmentRecord(deps, viewer, e, relation!, { personName, employers })));
  // The owner of a record recorded here is the person: they (and the program's administrators) read who opened it.
  const accessLog =
    !participant.traineeId && (strongest === "SELF" || strongest === "ADMIN")
      ? await db.participantAccessLog.findMany({ where: { participantId: participant.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 50 })
      : [];
  const readers = await db.user.findMany({ where: { id: { in: [...new Set(accessLog.map((l) => l.userId))] } }, select: { id: true, name: true } });
  return {
    participant: {
      id: participant.id,
      partnershipId: participant.partnershipId,
      name,
      linked: Boolean(participant.traineeId),
      hasAccount: Boolean(participant.userId),
      /** Self-reported answers: the person's and their administrators' only; a linked trainee's stay with the CBO. */
      answers:
        !participant.traineeId && canSeeAnswers(strongest)
          ? { raceEthnicity: describeRaceEthnicity(participant.raceEthnicity), raceEthnicityCodes: participant.raceEthnicity, sex: participant.sex, veteranStatus: participant.veteranStatus, disabilityStatus: participant.disabilityStatus, ageBand: participant.ageBand }
          : null,
    },
    relation: strongest,
    enrollments,
    accessLog: accessLog.map((l) => ({ id: l.id, reader: readers.find((r) => r.id === l.userId)?.name ?? "Former member", reason: l.reason, at: l.createdAt })),
  };
}

type EnrollmentRow = {
  id: string;
  partnershipId: string;
  status: string;
  statusReason: string;
  appliedOn: Date;
  startDate: Date | null;
  endedOn: Date | null;
  employerId: string;
  curriculumVersionId: string;
  mentorMembershipId: string | null;
  instructorMembershipId: string | null;
  programId: string;
  program: { name: string; kind: string; wageSteps: Array<{ position: number; label: string; basis: string; threshold: number; hourlyCents: number }> };
};

async function enrollmentRecord(
  deps: ParticipantsDeps,
  viewer: ParticipantsViewer,
  e: EnrollmentRow,
  relation: Relation,
  lookups: { personName: (id: string | null) => string | null; employers: Array<{ id: string; name: string }> },
) {
  const { db } = deps;
  const [curriculum, progress, hours, attainments, standings, credentials, outcomes, events] = await Promise.all([
    curriculumOf(db, e.partnershipId, e.curriculumVersionId),
    progressFacts(db, e.id),
    db.hoursLog.findMany({ where: { enrollmentId: e.id }, orderBy: [{ weekOf: "desc" }, { kind: "asc" }, { createdAt: "desc" }], take: 104 }),
    db.competencyAttainment.findMany({ where: { enrollmentId: e.id }, orderBy: [{ attainedOn: "asc" }, { id: "asc" }] }),
    db.advancedStanding.findMany({ where: { enrollmentId: e.id } }),
    db.credential.findMany({ where: { enrollmentId: e.id }, orderBy: [{ earnedOn: "asc" }, { id: "asc" }] }),
    db.outcome.findMany({ where: { enrollmentId: e.id } }),
    db.enrollmentEvent.findMany({ where: { enrollmentId: e.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const p = progressOf({ modules: curriculum.modules, ...progress });
  const steps = e.program.wageSteps.map((s) => ({ ...s, basis: s.basis as WageStep["basis"] }));
  const status = e.status as EnrollmentStatus;
  const inProgram = status === "ENROLLED" || status === "ACTIVE";
  const loggers = await db.user.findMany({ where: { id: { in: [...new Set([...hours.map((h) => h.loggedById), ...events.map((ev) => ev.actorId)])] } }, select: { id: true, name: true } });
  const who = (id: string) => loggers.find((u) => u.id === id)?.name ?? "Former member";
  return {
    id: e.id,
    relation,
    status,
    statusReason: e.statusReason,
    appliedOn: e.appliedOn,
    startDate: e.startDate,
    endedOn: e.endedOn,
    program: { id: e.programId, name: e.program.name, kind: e.program.kind as ProgramKind },
    employerName: lookups.employers.find((o) => o.id === e.employerId)?.name ?? "",
    mentorName: lookups.personName(e.mentorMembershipId),
    instructorName: lookups.personName(e.instructorMembershipId),
    mentorMembershipId: e.mentorMembershipId,
    instructorMembershipId: e.instructorMembershipId,
    curriculum: { title: curriculum.title, number: curriculum.number, modules: curriculum.modules },
    progress: p,
    wage: wageStepOf(steps, p),
    wageSteps: steps,
    hours: hours.map((h) => ({
      id: h.id,
      weekOf: h.weekOf,
      kind: h.kind as "RI" | "OJL",
      tenths: h.tenths,
      note: h.note,
      status: h.status as "SUBMITTED" | "APPROVED" | "REJECTED",
      loggedBy: who(h.loggedById),
      decisionNote: h.decisionNote,
      canDecide: h.status === "SUBMITTED" && canDecideHours(relation, h, viewer.userId),
    })),
    attainments: attainments.map((a) => ({ moduleKey: a.moduleKey, competency: a.competency, method: a.method, assessment: a.assessment, attainedOn: a.attainedOn })),
    standings,
    credentials: credentials.map((c) => ({ id: c.id, name: c.name, issuer: c.issuer, earnedOn: c.earnedOn })),
    outcomes: outcomes.map((o) => ({ checkpoint: o.checkpoint, employed: o.employed, employerName: o.employerName, hourlyCents: o.hourlyCents, recordedOn: o.recordedOn })),
    events: events.map((ev) => ({ id: ev.id, from: ev.fromStatus, to: ev.toStatus, reason: ev.reason, by: who(ev.actorId), at: ev.createdAt })),
    can: {
      logOjl: inProgram && canLogHours(relation, "OJL"),
      logRi: inProgram && canLogHours(relation, "RI"),
      assess: inProgram && canRecordCompetency(relation, "ASSESSMENT"),
      onTheJob: inProgram && canRecordCompetency(relation, "ON_THE_JOB"),
      testOut: inProgram && canTestOut(relation),
      credential: canRecordCredential(relation),
      changeStatus: canChangeStatus(relation),
      outcome: canRecordOutcome(relation),
    },
  };
}

const PEOPLE_CSV_COLUMNS = ["name", "program", "employer", "status", "appliedOn", "startDate", "yourRole"] as const;

/** Guards the export of the people list: only what the overview shows the viewer, in their language. */
export async function exportPeopleCsv(deps: ParticipantsDeps, call: Call<PartnershipInput>) {
  const [overview, locale] = await Promise.all([getOverview(deps, call), readerLocale(deps.db, call.userId)]);
  if (!overview.people.length && !overview.viewer.canSeeDashboard) throw forbidden("There is nobody here you may list.");
  const { t } = serverWords(locale);
  const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";
  return csvText([
    PEOPLE_CSV_COLUMNS.map((column) => t(`participants:csv.people.${column}`)),
    ...overview.people.map((p) => [
      p.name,
      p.programName,
      p.employerName,
      t(`participants:status.${p.status}`),
      day(p.appliedOn),
      day(p.startDate),
      p.relation ? t(`participants:csv.relation.${p.relation}`) : "",
    ]),
  ]);
}
