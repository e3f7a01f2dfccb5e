// Participants through the real procedures on PostgreSQL: hours logged and approved by the mentor
// (never by whoever logged them, a database rule too), test-out credit, credentials, the enrollment's
// life, privacy per role (the person, the mentor and instructor, the program's administrators, the
// owning committee, the A&O committee, outsiders; reads logged for the record's owner), and imports
// that write every row or none.
import { afterAll, describe, expect, it } from "vitest";
import { addCohort, dateIn, participantsWorld, type CohortOptions, type ParticipantsWorld } from "../support/participants-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const thisMonday = () => {
  const d = new Date();
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
};
const weeksAgo = (n: number) => new Date(thisMonday().getTime() - n * 7 * 86_400_000).toISOString().slice(0, 10);

async function enrolled(w: ParticipantsWorld) {
  const ids = await w.enrollApprentice();
  return ids;
}

describe("hours: logged by the participant or the instructor, decided by the mentor", () => {
  it("the mentor approves a week; the first approved hours make the enrollment active; progress counts them", async () => {
    const w = await participantsWorld(app);
    const { participantId, enrollmentId } = await enrolled(w);
    const { id: logId } = await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(2), kind: "OJL", hours: "38.5", note: "Cell 4 changeovers" });
    const mentorView = await w.mentor.trpc.participants.overview({ partnershipId: w.partnershipId });
    expect(mentorView.pendingHours.map((h) => h.id)).toEqual([logId]);
    expect(mentorView.pendingHours[0]!.name).toMatch(/^Ana Apprentice/);
    await w.mentor.trpc.participants.hours.decide({ logId, decision: "APPROVED" });
    const mine = await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId });
    expect(mine.participant.id).toBe(participantId);
    const e = mine.enrollments[0]!;
    expect(e.status).toBe("ACTIVE");
    expect(e.progress.credited.ojlTenths).toBe(385);
    expect(e.hours[0]).toMatchObject({ status: "APPROVED", tenths: 385 });
    expect(e.events.map((ev) => ev.to)).toEqual(["ENROLLED", "ACTIVE"]);
    // Decided once: a second decision is a conflict.
    expect((await refusal(w.mentor.trpc.participants.hours.decide({ logId, decision: "REJECTED", note: "no" }))).code).toBe("CONFLICT");
  });

  it("nobody decides hours they logged, or hours of someone they do not mentor; the database refuses it too", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await enrolled(w);
    const { id: riLog } = await w.instructor.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(1), kind: "RI", hours: 6 });
    // The instructor logged it and is not the mentor; the apprentice is not the mentor either.
    expect((await refusal(w.instructor.trpc.participants.hours.decide({ logId: riLog, decision: "APPROVED" }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.apprentice.trpc.participants.hours.decide({ logId: riLog, decision: "APPROVED" }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.outsider.trpc.participants.hours.decide({ logId: riLog, decision: "APPROVED" }))).code).toBe("NOT_FOUND");
    // The instructor logs related instruction only; on-the-job hours are the participant's.
    expect((await refusal(w.instructor.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(1), kind: "OJL", hours: 6 }))).code).toBe("FORBIDDEN");
    // Straight to the database: approving one's own log breaks a CHECK; a decider who is not the mentor, a trigger.
    const byMentor = await app.db.hoursLog.create({ data: { partnershipId: w.partnershipId, enrollmentId, weekOf: new Date(weeksAgo(2)), kind: "RI", tenths: 40, loggedById: w.mentor.user.id, loggedAs: "INSTRUCTOR" } });
    await expect(app.db.hoursLog.update({ where: { id: byMentor.id }, data: { status: "APPROVED", decidedById: w.mentor.user.id, decidedAt: new Date() } })).rejects.toThrow(/HoursLog_not_own_check/);
    await expect(app.db.hoursLog.update({ where: { id: riLog }, data: { status: "APPROVED", decidedById: w.outsider.user.id, decidedAt: new Date() } })).rejects.toThrow(/mentor/);
    // The mentor may; and then the row never changes again.
    await w.mentor.trpc.participants.hours.decide({ logId: riLog, decision: "APPROVED" });
    await expect(app.db.hoursLog.update({ where: { id: riLog }, data: { tenths: 800 } })).rejects.toThrow(/never change/);
    await expect(app.db.hoursLog.delete({ where: { id: riLog } })).rejects.toThrow(/kept/);
  });

  it("one log per week and kind (a week sent back may be logged again); never a week ahead or before the start", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await enrolled(w);
    const { id } = await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(3), kind: "OJL", hours: 40 });
    expect((await refusal(w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(3), kind: "OJL", hours: 8 }))).code).toBe("CONFLICT");
    const noNote = await refusal(w.mentor.trpc.participants.hours.decide({ logId: id, decision: "REJECTED" }));
    expect(noNote.fieldErrors).toMatchObject({ note: ["Say why the hours are sent back."] });
    await w.mentor.trpc.participants.hours.decide({ logId: id, decision: "REJECTED", note: "The timesheet says 32." });
    await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(3), kind: "OJL", hours: 32 });
    expect((await refusal(w.apprentice.trpc.participants.hours.log({ enrollmentId, week: dateIn(14), kind: "OJL", hours: 8 }))).fieldErrors).toMatchObject({ week: ["That week has not started yet."] });
    expect((await refusal(w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(30), kind: "OJL", hours: 8 }))).fieldErrors).toMatchObject({ week: ["That week is before the enrollment started."] });
    expect((await refusal(w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(1), kind: "OJL", hours: "81" }))).code).toBe("BAD_REQUEST");
  });
});

describe("competencies, test-out and credentials", () => {
  it("test-out records the assessment, attains the module's competencies and credits its hours as advanced standing, once", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await enrolled(w);
    const result = await w.instructor.trpc.participants.competency.testOut({ enrollmentId, moduleKey: "imt-safety", assessment: "MSSC Safety: 88%", attainedOn: dateIn(-1) });
    expect(result.creditedHours).toEqual({ ri: 40, ojl: 200 });
    const e = (await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId })).enrollments[0]!;
    expect(e.progress.credited).toMatchObject({ standingRiHours: 40, standingOjlHours: 200, ojlTenths: 2000, riTenths: 400 });
    expect(e.progress.modules.find((m) => m.key === "imt-safety")).toMatchObject({ attained: 3, of: 3, testedOut: true });
    expect(e.attainments.every((a) => a.method === "TEST_OUT" && a.assessment === "MSSC Safety: 88%")).toBe(true);
    expect((await refusal(w.instructor.trpc.participants.competency.testOut({ enrollmentId, moduleKey: "imt-safety", assessment: "again", attainedOn: dateIn(0) }))).code).toBe("CONFLICT");
    // A module the curriculum does not let anyone test out of.
    const no = await refusal(w.instructor.trpc.participants.competency.testOut({ enrollmentId, moduleKey: "imt-processes", assessment: "x", attainedOn: dateIn(0) }));
    expect(no.code).toBe("PRECONDITION_FAILED");
    // The mentor records on-the-job competencies, not test-outs or assessments.
    expect((await refusal(w.mentor.trpc.participants.competency.testOut({ enrollmentId, moduleKey: "imt-quality", assessment: "x", attainedOn: dateIn(0) }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.mentor.trpc.participants.competency.record({ enrollmentId, moduleKey: "imt-processes", competency: "Machine setup", method: "ASSESSMENT", assessment: "x", attainedOn: dateIn(0) }))).code).toBe("FORBIDDEN");
    await w.mentor.trpc.participants.competency.record({ enrollmentId, moduleKey: "imt-processes", competency: "Machine setup", method: "ON_THE_JOB", attainedOn: dateIn(0) });
    const bad = await refusal(w.mentor.trpc.participants.competency.record({ enrollmentId, moduleKey: "imt-processes", competency: "Juggling", method: "ON_THE_JOB", attainedOn: dateIn(0) }));
    expect(bad.fieldErrors).toMatchObject({ competency: ["Choose a competency of that module."] });
    // Wage steps from the program: 200 credited OJL hours is the start step; 4 competencies, not yet step 3.
    const after = (await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId })).enrollments[0]!;
    expect(after.wage.current?.label).toBe("Start");
    expect(after.wage.next).toMatchObject({ label: "Step 2" });
    expect(after.wage.toNext).toBe(300);
  });

  it("credentials with issuer and date, by the instructor; the participant sees them", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await enrolled(w);
    await w.instructor.trpc.participants.credential.record({ enrollmentId, name: "OSHA 10", issuer: "OSHA Outreach Training Program", earnedOn: dateIn(-3) });
    expect((await refusal(w.apprentice.trpc.participants.credential.record({ enrollmentId, name: "Self-made", issuer: "Me", earnedOn: dateIn(0) }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.outsider.trpc.participants.credential.record({ enrollmentId, name: "X", issuer: "Y", earnedOn: dateIn(0) }))).code).toBe("NOT_FOUND");
    const e = (await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId })).enrollments[0]!;
    expect(e.credentials).toEqual([expect.objectContaining({ name: "OSHA 10", issuer: "OSHA Outreach Training Program" })]);
  });
});

describe("the enrollment's life", () => {
  it("applied → enrolled → active → completed only when everything is met; cancel and transfer need a reason; outcomes after exit", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await w.jatcManagement.trpc.participants.create({
      partnershipId: w.partnershipId,
      name: "Sam Applicant",
      programId: w.programId,
      employerId: w.employerB.id,
      appliedOn: dateIn(-90),
    });
    const status = (action: "enroll" | "decline" | "activate" | "complete" | "cancel" | "transfer", extra: { reason?: string; startDate?: string } = {}) =>
      w.jatcManagement.trpc.participants.enrollment.status({ enrollmentId, action, ...extra });
    expect((await refusal(status("complete"))).code).toBe("PRECONDITION_FAILED");
    expect((await refusal(status("enroll"))).fieldErrors).toMatchObject({ startDate: ["Give the start date."] });
    expect((await refusal(status("enroll", { startDate: dateIn(-100) }))).code).toBe("BAD_REQUEST"); // before the application
    await status("enroll", { startDate: dateIn(-80) });
    await status("activate");
    const incomplete = await refusal(status("complete"));
    expect(incomplete).toMatchObject({ code: "PRECONDITION_FAILED", message: "Every competency and the required hours must be met before completion." });
    expect((await refusal(status("cancel"))).fieldErrors).toMatchObject({ reason: ["Give a reason."] });
    expect((await refusal(w.mentor.trpc.participants.enrollment.status({ enrollmentId, action: "cancel", reason: "x" }))).code).toBe("NOT_FOUND");
    expect((await refusal(w.jatcMember.trpc.participants.enrollment.status({ enrollmentId, action: "cancel", reason: "x" }))).code).toBe("NOT_FOUND");
    const p = await app.db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { participantId: true } });
    expect((await refusal(w.jatcManagement.trpc.participants.outcome.record({ enrollmentId, checkpoint: "EXIT", employed: true, hourlyWage: "22", recordedOn: dateIn(0) }))).code).toBe("PRECONDITION_FAILED");
    await status("transfer", { reason: "Moved to the maintenance program at Northgate" });
    expect((await refusal(status("cancel", { reason: "late" }))).code).toBe("PRECONDITION_FAILED");
    await w.jatcManagement.trpc.participants.outcome.record({ enrollmentId, checkpoint: "EXIT", employed: true, employerName: "Northgate", hourlyWage: "22.40", recordedOn: dateIn(0) });
    const record = await w.jatcManagement.trpc.participants.get({ participantId: p.participantId });
    expect(record.enrollments[0]).toMatchObject({ status: "TRANSFERRED", statusReason: "Moved to the maintenance program at Northgate" });
    expect(record.enrollments[0]!.outcomes).toEqual([expect.objectContaining({ checkpoint: "EXIT", hourlyCents: 2240 })]);
    expect(record.enrollments[0]!.events.map((e) => e.to)).toEqual(["APPLIED", "ENROLLED", "ACTIVE", "TRANSFERRED"]);
    // The database holds the same machine: no way back, and the history is append-only.
    await expect(app.db.enrollment.update({ where: { id: enrollmentId }, data: { status: "ACTIVE" } })).rejects.toThrow(/cannot go from TRANSFERRED to ACTIVE/);
    const event = await app.db.enrollmentEvent.findFirstOrThrow({ where: { enrollmentId } });
    await expect(app.db.enrollmentEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it("completes once hours and every competency are met (test-out and on-the-job together)", async () => {
    const w = await participantsWorld(app);
    const { enrollmentId } = await enrolled(w);
    for (const moduleKey of ["imt-safety", "imt-quality", "imt-maintenance"]) {
      await w.instructor.trpc.participants.competency.testOut({ enrollmentId, moduleKey, assessment: "MSSC assessment passed", attainedOn: dateIn(-1) });
    }
    for (const competency of ["Blueprint reading", "Machine setup", "Changeover"]) {
      await w.mentor.trpc.participants.competency.record({ enrollmentId, moduleKey: "imt-processes", competency, method: "ON_THE_JOB", attainedOn: dateIn(-1) });
    }
    // The processes module's 800 OJL and 64 RI hours remain, approved week by week.
    for (let week = 1; week <= 8; week++) {
      const { id } = await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(week), kind: "OJL", hours: 80 });
      await w.mentor.trpc.participants.hours.decide({ logId: id, decision: "APPROVED" });
    }
    expect((await refusal(w.jatcManagement.trpc.participants.enrollment.status({ enrollmentId, action: "complete" }))).code).toBe("PRECONDITION_FAILED");
    for (let week = 1; week <= 8; week++) {
      const { id: ri } = await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(week), kind: "RI", hours: 8 });
      await w.mentor.trpc.participants.hours.decide({ logId: ri, decision: "APPROVED" });
    }
    const before = (await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId })).enrollments[0]!;
    expect(before.progress.percent).toMatchObject({ competencies: 100, ri: 100 });
    expect(before.progress.complete).toBe(false); // 640 of 800 OJL hours
    await app.db.hoursLog.create({ data: { partnershipId: w.partnershipId, enrollmentId, weekOf: new Date(weeksAgo(0)), kind: "OJL", tenths: 800, loggedById: w.apprenticeUser.id, loggedAs: "PARTICIPANT" } });
    const last = await app.db.hoursLog.findFirstOrThrow({ where: { enrollmentId, status: "SUBMITTED" } });
    await w.mentor.trpc.participants.hours.decide({ logId: last.id, decision: "APPROVED" });
    const { id: more } = await w.apprentice.trpc.participants.hours.log({ enrollmentId, week: weeksAgo(9), kind: "OJL", hours: 80 });
    await w.mentor.trpc.participants.hours.decide({ logId: more, decision: "APPROVED" });
    await w.jatcManagement.trpc.participants.enrollment.status({ enrollmentId, action: "complete" });
    const done = (await w.apprentice.trpc.participants.mine({ partnershipId: w.partnershipId })).enrollments[0]!;
    expect(done).toMatchObject({ status: "COMPLETED" });
    expect(done.progress.complete).toBe(true);
    expect(done.wage.current?.label).toBe("Step 3");
  });
});

describe("who sees what", () => {
  it("the person sees their own record; the mentor and instructor the people they supervise; others nothing", async () => {
    const w = await participantsWorld(app);
    const { participantId } = await enrolled(w);
    expect((await w.apprentice.trpc.participants.get({ participantId })).relation).toBe("SELF");
    expect((await w.mentor.trpc.participants.get({ participantId })).relation).toBe("MENTOR");
    expect((await w.instructor.trpc.participants.get({ participantId })).relation).toBe("INSTRUCTOR");
    for (const who of [w.outsider, w.jatcMember, w.aoMember, w.aoLabor, w.cboMember, w.stranger]) {
      expect((await refusal(who.trpc.participants.get({ participantId }))).code).toBe("NOT_FOUND");
      if (who !== w.stranger) expect((await who.trpc.participants.overview({ partnershipId: w.partnershipId })).people).toEqual([]);
    }
    expect((await refusal(w.stranger.trpc.participants.overview({ partnershipId: w.partnershipId }))).code).toBe("NOT_FOUND");
    // The apprentice is no member: their own record, nothing else of the partnership.
    expect((await refusal(w.apprentice.trpc.participants.overview({ partnershipId: w.partnershipId }))).code).toBe("NOT_FOUND");
    expect((await refusal(w.apprentice.trpc.participants.dashboard.get({ partnershipId: w.partnershipId, year: new Date().getUTCFullYear() }))).code).toBe("FORBIDDEN");
    // Self-reported answers: the person and the administrators, not the mentor.
    expect((await w.apprentice.trpc.participants.get({ participantId })).participant.answers).toMatchObject({ raceEthnicity: "Hispanic or Latino, White", sex: "FEMALE" });
    expect((await w.mentor.trpc.participants.get({ participantId })).participant.answers).toBeNull();
  });

  it("every read of the record by staff is logged for its owner: the person (here) or the trainee's CBO", async () => {
    const w = await participantsWorld(app);
    const { participantId } = await enrolled(w);
    await w.mentor.trpc.participants.get({ participantId });
    await w.jatcManagement.trpc.participants.get({ participantId });
    await w.apprentice.trpc.participants.get({ participantId }); // one's own read is not logged
    const log = (await w.apprentice.trpc.participants.get({ participantId })).accessLog;
    expect(log.map((l) => l.reader)).toEqual([w.jatcManagement.name, w.mentor.name]);
    expect(log[1]!.reason).toMatch(/as the mentor/);

    // A CBO refers its trainee: linked, not copied; the program's reads land in the CBO's own log.
    const referred = await w.cboMember.trpc.participants.create({ partnershipId: w.partnershipId, traineeId: w.trainee.id, programId: w.programId, employerId: w.employerA.id, appliedOn: dateIn(-5) });
    const row = await app.db.participant.findUniqueOrThrow({ where: { id: referred.participantId } });
    expect(row).toMatchObject({ traineeId: w.trainee.id, name: "", raceEthnicity: ["PREFER_NOT_TO_SAY"] });
    const seen = await w.jatcManagement.trpc.participants.get({ participantId: referred.participantId });
    expect(seen.participant).toMatchObject({ name: w.trainee.name, linked: true, answers: null });
    const cboLog = await w.cboMember.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(cboLog.accessLog[0]).toMatchObject({ reader: w.jatcManagement.name });
    expect(cboLog.accessLog[0]!.reason).toMatch(/program administrator/);
    // Only the trainee's CBO refers them; another member cannot link a trainee.
    expect((await refusal(w.outsider.trpc.participants.create({ partnershipId: w.partnershipId, traineeId: w.trainee.id, programId: w.programId, employerId: w.employerA.id, appliedOn: dateIn(-5) }))).code).toBe("FORBIDDEN");
  });

  it("the owning committee sees counts, and names only if the partnership says so (never the record)", async () => {
    const w = await participantsWorld(app);
    const { participantId } = await enrolled(w);
    const before = await w.jatcMember.trpc.participants.overview({ partnershipId: w.partnershipId });
    expect(before.people).toEqual([]);
    const program = before.programs.find((p) => p.id === w.programId)!;
    expect(program.statusCounts.byStatus.find((s) => s.status === "ENROLLED")!.count).toBeNull(); // 1 of them: hidden
    expect(program.statusCounts.total).toBeNull();
    expect((await refusal(w.jatcMember.trpc.participants.settings({ partnershipId: w.partnershipId, aoBodyId: w.ao.id, suppressionThreshold: 10, committeeSeesNames: true }))).code).toBe("FORBIDDEN");
    await w.founder.trpc.participants.settings({ partnershipId: w.partnershipId, aoBodyId: w.ao.id, suppressionThreshold: 10, committeeSeesNames: true });
    const after = await w.jatcMember.trpc.participants.overview({ partnershipId: w.partnershipId });
    expect(after.people.map((p) => [p.participantId, p.relation])).toEqual([[participantId, "COMMITTEE"]]);
    expect((await refusal(w.jatcMember.trpc.participants.get({ participantId }))).code).toBe("NOT_FOUND");
    // Another committee's members still see no names.
    expect((await w.aoMember.trpc.participants.overview({ partnershipId: w.partnershipId })).people).toEqual([]);
  });
});

describe("imports: a preview, errors by row, and all rows or none", () => {
  const header = "name,email,program,employer,applied_on,start_date,mentor_email,race_ethnicity,sex,veteran_status,disability,age_band";

  it("one bad row refuses the whole file and writes nothing; a clean file writes every row", async () => {
    const w = await participantsWorld(app);
    const program = (await app.db.program.findUniqueOrThrow({ where: { id: w.programId } })).name;
    const good = (n: number) => `Person ${n},,${program},${w.employerA.name},${dateIn(-40)},${dateIn(-30)},${w.mentor.user.email},Asian;White,Female,Not a veteran,,25–34`;
    const bad = `Broken Row,,No such program,${w.employerA.name},2026-02-30,,nobody@example.test,Prefer not to say;Asian,Robot,,,`;
    const csv = [header, good(1), good(2), bad, good(3)].join("\n");
    const preview = await w.jatcManagement.trpc.participants.import.preview({ partnershipId: w.partnershipId, kind: "participants", csv });
    expect(preview).toMatchObject({ valid: 3, invalid: 1 });
    const broken = preview.rows.find((r) => !r.ok)!;
    expect(broken.line).toBe(4);
    expect(broken.errors.map((e) => e.column).sort()).toEqual(["applied_on", "mentor_email", "program", "race_ethnicity", "sex"]);
    const count = () => app.db.participant.count({ where: { partnershipId: w.partnershipId } });
    const before = await count();
    const refused = await refusal(w.jatcManagement.trpc.participants.import.run({ partnershipId: w.partnershipId, kind: "participants", csv }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "1 of 4 rows have errors; nothing was imported." });
    expect(refused.fieldErrors?.["line 4"]).toBeDefined();
    expect(await count()).toBe(before);
    // Not an administrator: no preview either.
    expect((await refusal(w.jatcMember.trpc.participants.import.preview({ partnershipId: w.partnershipId, kind: "participants", csv }))).code).toBe("FORBIDDEN");
    const clean = [header, good(1), good(2), `"Okafor, Jr., Samuel",,${program},${w.employerB.name},${dateIn(-20)},,,Black or African American,,Veteran,Has a disability,`].join("\r\n");
    expect(await w.jatcManagement.trpc.participants.import.run({ partnershipId: w.partnershipId, kind: "participants", csv: clean })).toEqual({ imported: 3, kind: "participants" });
    expect(await count()).toBe(before + 3);
    const samuel = await app.db.participant.findFirstOrThrow({ where: { partnershipId: w.partnershipId, name: "Okafor, Jr., Samuel" } });
    expect(samuel).toMatchObject({ raceEthnicity: ["BLACK_AFRICAN_AMERICAN"], veteranStatus: "VETERAN", disabilityStatus: "YES" });
  });

  it("hours: all weeks in one transaction; a duplicate week anywhere refuses every row", async () => {
    const w = await participantsWorld(app);
    await enrolled(w);
    const program = (await app.db.program.findUniqueOrThrow({ where: { id: w.programId } })).name;
    const email = w.apprenticeUser.email;
    const head = "participant_email,program,week_of,kind,hours,note";
    const rows = [1, 2, 3].map((n) => `${email},${program},${weeksAgo(n)},OJL,40,timesheet`);
    const dup = [head, ...rows, `${email},${program},${weeksAgo(2)},OJL,8,again`].join("\n");
    const refused = await refusal(w.jatcManagement.trpc.participants.import.run({ partnershipId: w.partnershipId, kind: "hours", csv: dup }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await app.db.hoursLog.count({ where: { partnershipId: w.partnershipId } })).toBe(0);
    expect(await w.jatcManagement.trpc.participants.import.run({ partnershipId: w.partnershipId, kind: "hours", csv: [head, ...rows].join("\n") })).toEqual({ imported: 3, kind: "hours" });
    const logs = await app.db.hoursLog.findMany({ where: { partnershipId: w.partnershipId } });
    expect(logs.map((l) => l.status)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED"]);
    // Imported hours still wait for the mentor.
    expect((await w.mentor.trpc.participants.overview({ partnershipId: w.partnershipId })).pendingHours).toHaveLength(3);
    expect((await refusal(w.jatcManagement.trpc.participants.import.run({ partnershipId: w.partnershipId, kind: "hours", csv: 'participant_email\n"unclosed' }))).code).toBe("BAD_REQUEST");
  });
});

describe("the Access & Opportunity dashboard and its published snapshots", () => {
  const cohort = (w: ParticipantsWorld, n: number, options: CohortOptions) => addCohort(app, w, n, options);

  it("counts each stage by group, hides small groups with their complements, and shows rates only over visible counts", async () => {
    const w = await participantsWorld(app);
    await cohort(w, 24, { employerId: w.employerA.id, sex: "FEMALE", raceEthnicity: ["HISPANIC_LATINO"], enrolled: 20, placed: 12 });
    await cohort(w, 21, { employerId: w.employerA.id, sex: "MALE", raceEthnicity: ["WHITE"], enrolled: 18, placed: 11 });
    await cohort(w, 3, { employerId: w.employerB.id, sex: "MALE", raceEthnicity: ["MIDDLE_EASTERN_NORTH_AFRICAN", "WHITE"], enrolled: 2 });
    const year = new Date().getUTCFullYear();
    for (const who of [w.outsider, w.jatcMember, w.mentor]) expect((await refusal(who.trpc.participants.dashboard.get({ partnershipId: w.partnershipId, year }))).code).toBe("FORBIDDEN");
    const d = await w.aoMember.trpc.participants.dashboard.get({ partnershipId: w.partnershipId, year });
    expect(d.threshold).toBe(10);
    expect(d.rule).toMatch(/threshold 10/);
    const table = (key: string) => d.tables.find((t) => t.key === key)!;
    const row = (key: string, group: string) => table(key).rows.find((r) => r.key === group)!;
    const APPLIED = 0;
    const ENROLLED = 1;
    // 48 applied, 40 enrolled: the totals are large enough to show.
    expect(table("sex").all.counts[APPLIED]).toBe(48);
    expect(table("sex").all.counts[ENROLLED]).toBe(40);
    // Employer B's 3 applicants are hidden, and so is employer A's count, which would give them away.
    expect(row("employer", w.employerB.id).counts[APPLIED]).toBeNull();
    expect(row("employer", w.employerA.id).counts[APPLIED]).toBeNull();
    // Race: the multiracial group of 3 is hidden, with a complement; Hispanic or Latino (24) or White (21) goes with it.
    expect(row("raceEthnicity", "MULTIPLE").counts[APPLIED]).toBeNull();
    const visible = ["HISPANIC_LATINO", "WHITE"].map((k) => row("raceEthnicity", k).counts[APPLIED]).filter((n) => n !== null);
    expect(visible.length).toBeLessThanOrEqual(1);
    // A rate over a hidden count is hidden; the median wage needs at least the threshold of people placed.
    expect(row("employer", w.employerB.id).rates.enrollment).toBeNull();
    expect(table("sex").all.rates.enrollment).toBe(83);
    expect(table("sex").all.medianWageCents).toBe(2450);
    // The same totals row is hidden alike in every table of the year.
    const allRows = d.tables.map((t) => t.all.counts.map((c) => c === null));
    for (const hidden of allRows) expect(hidden).toEqual(allRows[0]);
    const csv = await w.aoMember.trpc.participants.dashboard.export({ partnershipId: w.partnershipId, year });
    expect(csv).toMatch(/^table,group,Applied,Enrolled/);
    expect(csv).toMatch(/Suppression,.*threshold 10/);
    expect(csv).not.toContain("Cohort");
  });

  it("counts again after every change it counts, and not otherwise (its counts are kept under the partnership's data version)", async () => {
    const w = await participantsWorld(app);
    await cohort(w, 12, { employerId: w.employerA.id, sex: "FEMALE", raceEthnicity: ["HISPANIC_LATINO"], enrolled: 12, placed: 11 });
    await cohort(w, 12, { employerId: w.employerA.id, sex: "MALE", raceEthnicity: ["WHITE"], enrolled: 12, placed: 11 });
    const year = new Date().getUTCFullYear();
    const read = () => w.aoMember.trpc.participants.dashboard.get({ partnershipId: w.partnershipId, year });
    const sexRow = async (sex: string) => (await read()).tables.find((t) => t.key === "sex")!.rows.find((r) => r.key === sex)!;
    const version = async () => (await app.db.participantDataVersion.findUnique({ where: { partnershipId: w.partnershipId } }))?.version ?? 0n;
    const APPLIED = 0;
    expect((await sexRow("FEMALE")).counts[APPLIED]).toBe(12);
    // A read changes nothing, and a second read answers the same.
    const before = await version();
    expect((await sexRow("FEMALE")).counts[APPLIED]).toBe(12);
    expect(await version()).toBe(before);
    // A new applicant: counted at once.
    await cohort(w, 1, { employerId: w.employerA.id, sex: "FEMALE", raceEthnicity: ["HISPANIC_LATINO"], enrolled: 0 });
    expect(await version()).toBeGreaterThan(before);
    expect((await sexRow("FEMALE")).counts[APPLIED]).toBe(13);
    // A participant's answer changed: the count moves between groups.
    const one = await app.db.participant.findFirstOrThrow({ where: { partnershipId: w.partnershipId, sex: "MALE" } });
    await app.db.participant.update({ where: { id: one.id }, data: { sex: "FEMALE" } });
    expect((await sexRow("FEMALE")).counts[APPLIED]).toBe(14);
    expect((await sexRow("MALE")).counts[APPLIED]).toBe(11);
    // An exit wage changed: the median follows.
    const medianBefore = (await read()).tables[0]!.all.medianWageCents;
    await app.db.outcome.updateMany({ where: { enrollment: { partnershipId: w.partnershipId } }, data: { hourlyCents: 5000 } });
    expect((await read()).tables[0]!.all.medianWageCents).toBe(5000);
    expect(medianBefore).not.toBe(5000);
  });

  it("publishing is a joint change: one co-chair proposes, the other side's concurs, and anyone may then read the suppressed tables", async () => {
    const w = await participantsWorld(app);
    await w.enrollApprentice();
    const year = new Date().getUTCFullYear();
    expect((await refusal(w.outsider.trpc.participants.snapshot.propose({ partnershipId: w.partnershipId, year }))).code).toBe("FORBIDDEN");
    const proposed = await w.founder.trpc.participants.snapshot.propose({ partnershipId: w.partnershipId, year });
    expect(proposed).toMatchObject({ pending: true, waitingFor: "MANAGEMENT" });
    const changeId = (proposed as { changeId: string }).changeId;
    expect(await app.db.aoSnapshot.count({ where: { partnershipId: w.partnershipId } })).toBe(0);
    // The proposer cannot be the second key; a second proposal of the same year waits behind the first.
    expect((await refusal(w.founder.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.founder.trpc.participants.snapshot.propose({ partnershipId: w.partnershipId, year }))).code).toBe("CONFLICT");
    await w.managementChair.trpc.joint.change.concur({ changeId });
    const [published] = await w.aoMember.trpc.participants.snapshot.list({ partnershipId: w.partnershipId });
    expect(published).toMatchObject({ year, threshold: 10, agreedBy: [w.founder.user.name, w.managementChair.name].sort() });
    // Public: no sign-in. One applicant: every non-zero count is hidden.
    const open = await app.anonymous.participants.snapshot.public({ snapshotId: published!.id });
    expect(open.dashboard.tables[0]!.all.counts[0]).toBeNull();
    expect(JSON.stringify(open)).not.toContain("Ana Apprentice");
    expect(await app.anonymous.participants.snapshot.publicCsv({ snapshotId: published!.id })).toMatch(/Suppression/);
    // Frozen: never changed or removed.
    await expect(app.db.aoSnapshot.update({ where: { id: published!.id }, data: { threshold: 3 } })).rejects.toThrow(/append-only/);
    // A declined proposal publishes nothing.
    const again = (await w.managementChair.trpc.participants.snapshot.propose({ partnershipId: w.partnershipId, year: year - 1 })) as { changeId: string };
    await w.founder.trpc.joint.change.decline({ changeId: again.changeId, reason: "Wait for the spring cohort" });
    expect(await app.db.aoSnapshot.count({ where: { partnershipId: w.partnershipId } })).toBe(1);
  });
});
