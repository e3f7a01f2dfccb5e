// Helpers for the participants integration tests: a partnership with a JATC that owns an IMT program on
// an adopted curriculum, an A&O committee, two employers, a mentor, an instructor, a CBO with a trainee,
// an apprentice who signs in (not a member of the partnership), and people who must see nothing.
import { addMember, createCommittee, createOrganization, createPartnership, createTrainee, createUser, seatOnBody } from "../../server/fixtures/factories.js";
import { adoptCurriculum } from "../../server/fixtures/participant-factories.js";
import type { PartnershipRole, SeatRole } from "../../server/domains/partnerships/partnerships.schema.js";
import type { SignedIn, TestApp } from "./test-app.js";

export type Person = SignedIn & { membershipId: string; name: string; organizationId: string };
export type ParticipantsWorld = Awaited<ReturnType<typeof participantsWorld>>;

let counter = 0;

/** A calendar date `days` from today (negative: before), as a form sends it. */
export const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function participantsWorld(app: TestApp) {
  const tag = ++counter;
  const founder = await createUser(app.db, { name: `Founder ${tag}`, hashCost: 4 });
  const { partnership, organization: union } = await createPartnership(app.db, { creatorId: founder.id, seat: "LABOR" });
  const partnershipId = partnership.id;
  const employerA = await createOrganization(app.db, { partnershipId, type: "EMPLOYER", side: "MANAGEMENT", name: `Lakeshore Precision ${tag}` });
  const employerB = await createOrganization(app.db, { partnershipId, type: "EMPLOYER", side: "MANAGEMENT", name: `Northgate Fabrication ${tag}` });
  const college = await createOrganization(app.db, { partnershipId, type: "COLLEGE", side: "NEUTRAL" });
  const cbo = await createOrganization(app.db, { partnershipId, type: "CBO", side: "NEUTRAL", name: `Eastside Works ${tag}` });
  const jatc = await createCommittee(app.db, { partnershipId, name: `JATC ${tag}` });
  const ao = await createCommittee(app.db, { partnershipId, name: `Access and Opportunity ${tag}` });

  async function person(name: string, organizationId: string, seats: Array<[string, SeatRole]> = [], role: PartnershipRole = "MEMBER"): Promise<Person> {
    const user = await createUser(app.db, { name: `${name} ${tag}`, hashCost: 4 });
    const membership = await addMember(app.db, { partnershipId, organizationId, userId: user.id, role });
    for (const [bodyId, seat] of seats) await seatOnBody(app.db, { bodyId, membershipId: membership.id, role: seat });
    return { ...(await app.signIn(user)), membershipId: membership.id, name: user.name, organizationId };
  }

  const managementChair = await person("Marcus Management-Chair", employerA.id, [], "MANAGEMENT_CO_CHAIR");
  const jatcLabor = await person("Luis JATC-Labor", union.id, [[jatc.id, "CO_CHAIR"]]);
  const jatcManagement = await person("Karen JATC-Management", employerA.id, [[jatc.id, "CO_CHAIR"]]);
  const jatcMember = await person("Tom JATC-Member", union.id, [[jatc.id, "MEMBER"]]);
  const aoLabor = await person("Renee AO-Labor", union.id, [[ao.id, "CO_CHAIR"]]);
  const aoManagement = await person("Julia AO-Management", employerB.id, [[ao.id, "CO_CHAIR"]]);
  const aoMember = await person("Keisha AO-Member", cbo.id, [[ao.id, "MEMBER"]]);
  const mentor = await person("David Mentor", employerA.id);
  const instructor = await person("Grace Instructor", college.id);
  const cboMember = await person("Rosa CBO", cbo.id);
  const outsider = await person("Otto Outsider", employerB.id);
  const apprenticeUser = await createUser(app.db, { name: `Ana Apprentice ${tag}`, hashCost: 4 });
  const apprentice = await app.signIn(apprenticeUser);
  const strangerUser = await createUser(app.db, { name: `Stella Stranger ${tag}`, hashCost: 4 });
  const stranger = await app.signIn(strangerUser);

  const { versionId } = await adoptCurriculum(app.db, { bodyId: jatc.id, createdById: jatcManagement.user.id });
  await app.db.participantSettings.create({ data: { partnershipId, aoBodyId: ao.id } });
  const founderSignedIn = await app.signIn(founder);
  const { id: programId } = await jatcManagement.trpc.participants.program.create({
    partnershipId,
    bodyId: jatc.id,
    name: `IMT registered apprenticeship ${tag}`,
    kind: "REGISTERED_APPRENTICESHIP",
    curriculumVersionId: versionId,
    wageSteps: [
      { label: "Start", basis: "HOURS", threshold: 0, hourlyWage: "18.00" },
      { label: "Step 2", basis: "HOURS", threshold: 500, hourlyWage: "19.50" },
      { label: "Step 3", basis: "COMPETENCIES", threshold: 6, hourlyWage: "21.00" },
    ],
  });
  const trainee = await createTrainee(app.db, { partnershipId, organizationId: cbo.id, createdById: cboMember.user.id, name: `Maria Traineeperson ${tag}` });

  /** The apprentice, enrolled by the JATC with the mentor and instructor; returns ids. */
  async function enrollApprentice(options: { startDaysAgo?: number; userEmail?: string | null } = {}) {
    return jatcManagement.trpc.participants.create({
      partnershipId,
      name: `Ana Apprentice ${tag}`,
      accountEmail: options.userEmail === null ? "" : (options.userEmail ?? apprenticeUser.email),
      programId,
      employerId: employerA.id,
      appliedOn: dateIn(-(options.startDaysAgo ?? 60) - 10),
      startDate: dateIn(-(options.startDaysAgo ?? 60)),
      mentorMembershipId: mentor.membershipId,
      instructorMembershipId: instructor.membershipId,
      raceEthnicity: ["HISPANIC_LATINO", "WHITE"],
      sex: "FEMALE",
    });
  }

  return {
    partnership,
    partnershipId,
    founder: founderSignedIn,
    union,
    employerA,
    employerB,
    college,
    cbo,
    jatc,
    ao,
    managementChair,
    jatcLabor,
    jatcManagement,
    jatcMember,
    aoLabor,
    aoManagement,
    aoMember,
    mentor,
    instructor,
    cboMember,
    outsider,
    apprentice,
    apprenticeUser,
    stranger,
    versionId,
    programId,
    trainee,
    person,
    enrollApprentice,
  };
}

export type CohortOptions = { employerId: string; sex: string; raceEthnicity: string[]; enrolled?: number; placed?: number };

/** `n` people of a group who applied this year to the program at an employer, some enrolled and placed. */
export async function addCohort(app: TestApp, w: ParticipantsWorld, n: number, options: CohortOptions) {
  const year = new Date().getUTCFullYear();
  for (let i = 0; i < n; i++) {
    const p = await app.db.participant.create({ data: { partnershipId: w.partnershipId, name: `Cohort ${options.sex} ${i}`, sex: options.sex, raceEthnicity: options.raceEthnicity, createdById: w.jatcManagement.user.id } });
    const enrolledNow = i < (options.enrolled ?? n);
    const e = await app.db.enrollment.create({
      data: {
        partnershipId: w.partnershipId,
        participantId: p.id,
        programId: w.programId,
        curriculumVersionId: w.versionId,
        employerId: options.employerId,
        appliedOn: new Date(Date.UTC(year, 0, 2)),
        startDate: enrolledNow ? new Date(Date.UTC(year, 0, 9)) : null,
        status: enrolledNow ? "ENROLLED" : "APPLIED",
      },
    });
    if (enrolledNow && i < (options.placed ?? 0)) {
      await app.db.enrollment.update({ where: { id: e.id }, data: { status: "ACTIVE" } });
      await app.db.enrollment.update({ where: { id: e.id }, data: { status: "COMPLETED", endedOn: new Date(Date.UTC(year, 0, 20)) } });
      await app.db.outcome.create({ data: { enrollmentId: e.id, checkpoint: "EXIT", employed: true, employerName: "x", hourlyCents: 2400 + i * 10, recordedOn: new Date(), recordedById: w.jatcManagement.user.id } });
    }
  }
}
