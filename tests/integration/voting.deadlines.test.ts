// Deadlines and reminders are jobs, scheduled in the transaction that opens a vote and cancelled in the
// one that closes it. The handlers are called directly (with a clock of the test's choosing): a
// reminder within the body's lead time goes once, only to voters who have not voted; a passed deadline
// closes the vote. The app's real job runner closes a vote at its deadline, and reminds at once when
// the lead time has already begun; closing early leaves no job behind.
import { afterAll, describe, expect, it } from "vitest";
import { closeVote } from "../../server/domains/voting/vote-lifecycle.js";
import { collectEvents, joinRoom, refusal, startTestApp } from "../support/test-app.js";
import {
  castAll,
  eventKinds,
  eventually,
  HOUR,
  motionJobs,
  openMotion,
  secondedMotion,
  votingJobs,
  votingWorld,
  type VotingWorld,
} from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

/** The handlers as the job runner would run them at `now`. */
const at = (now: Date) => votingJobs(app, () => now);

async function remindersFor(motionId: string) {
  const rows = await app.db.notification.findMany({ where: { kind: "vote.reminder" }, select: { userId: true, payload: true } });
  return rows.filter((n) => (n.payload as { motionId: string }).motionId === motionId);
}

/** The body's reminder lead time: a joint change of its voting settings, proposed by labor and agreed by management. */
async function setLeadHours(world: VotingWorld, reminderLeadHours: number) {
  const proposal = await world.laborChair.trpc.voting.settings.set({
    bodyId: world.committee.id,
    secondFromOtherSide: false,
    allowVoteChange: true,
    deadlockProcedure: "TABLE",
    umpireName: "",
    reminderLeadHours,
  });
  if (proposal.pending) await world.managementChair.trpc.joint.change.concur({ changeId: proposal.changeId });
}

const statusOf = async (motionId: string) => (await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status;

describe("scheduling", () => {
  it("opening a vote with a deadline schedules its deadline and its reminder (deadline − lead time), keyed by motion", async () => {
    const world = await votingWorld(app);
    await setLeadHours(world, 2);
    const deadline = new Date(Date.now() + 3 * HOUR);
    const motionId = await openMotion(world, { deadline });
    expect(await motionJobs(app.db, motionId)).toEqual([
      { key: `motion-deadline:${motionId}`, run_at: deadline, locked_at: null },
      { key: `motion-reminder:${motionId}`, run_at: new Date(deadline.getTime() - 2 * HOUR), locked_at: null },
    ]);
  });

  it("a vote at a meeting without a deadline schedules nothing, and a body without a lead time sends no reminder", async () => {
    const world = await votingWorld(app);
    const meeting = await world.meeting();
    const atMeeting = await openMotion(world, { meetingId: meeting.id, deadline: null });
    expect(await motionJobs(app.db, atMeeting)).toEqual([]);
    await setLeadHours(world, 0);
    const electronic = await openMotion(world, { deadline: new Date(Date.now() + HOUR) });
    expect((await motionJobs(app.db, electronic)).map((j) => j.key)).toEqual([`motion-deadline:${electronic}`]);
  });

  it("closing early cancels both jobs in the closing transaction: no row is left with their keys", async () => {
    const world = await votingWorld(app);
    await setLeadHours(world, 2);
    const motionId = await openMotion(world, { deadline: new Date(Date.now() + 3 * HOUR) });
    expect(await motionJobs(app.db, motionId)).toHaveLength(2);
    await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(await motionJobs(app.db, motionId)).toEqual([]);
    const [left] = await app.db.$queryRaw<Array<{ count: bigint }>>`
      SELECT count(*) AS count FROM graphile_worker.jobs WHERE "key" LIKE ${`%${motionId}`}`;
    expect(Number(left!.count)).toBe(0);
  });

  it("the app's job runner closes a vote at its deadline (about 3 s ahead) and records the result", async () => {
    const world = await votingWorld(app);
    const motionId = await secondedMotion(world);
    // Far enough ahead that two ballots get in first even on a slow machine.
    const deadline = new Date(Date.now() + 3_000);
    await world.laborChair.trpc.voting.motion.open({ motionId, deadline });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
    ]);
    const socket = await world.laborMember.connect();
    await joinRoom(socket, { kind: "motion", id: motionId });
    const tallies = collectEvents(socket, "tally:updated");
    // The runner polls for due jobs every 2 s: the vote closes within a few seconds of its deadline.
    await eventually(async () => (await statusOf(motionId)) === "CLOSED", { timeoutMs: 12_000, what: "closing at the deadline" });
    const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
    expect(stored.closedAt!.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect(stored).toMatchObject({ outcome: "PASSED", result: { outcome: "PASSED", cast: 2, eligible: 4 } });
    expect((await app.db.motionEvent.findFirstOrThrow({ where: { motionId, kind: "closed" } })).data).toEqual({ by: "deadline" });
    await eventually(async () => tallies.some((t) => t.version === stored.tallyVersion), { what: "the final tally" });
    expect(tallies.at(-1)).toMatchObject({ motionId, cast: 2, bySide: { LABOR: { YES: 1 }, MANAGEMENT: { YES: 1 } }, version: stored.tallyVersion });
    await eventually(async () => (await motionJobs(app.db, motionId)).length === 0, { what: "the deadline job finishing" });
  }, 25_000);

  it("the app's job runner reminds at once when the vote opens inside the lead time", async () => {
    const world = await votingWorld(app);
    await setLeadHours(world, 2);
    const motionId = await openMotion(world, { deadline: new Date(Date.now() + HOUR) });
    await eventually(async () => (await remindersFor(motionId)).length > 0, { what: "the reminder" });
    expect((await remindersFor(motionId)).map((n) => n.userId).sort()).toEqual(world.voters.map((v) => v.user.id).sort());
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).reminderSentAt).toBeInstanceOf(Date);
  });
});

describe("reminders", () => {
  it.each(["ROLL_CALL", "SECRET"] as const)("%s: reminds, once, only the voters who have not voted, within the lead time", async (ballotKind) => {
    const world = await votingWorld(app);
    await setLeadHours(world, 2);
    const opened = Date.now();
    const deadline = new Date(opened + 3 * HOUR);
    const motionId = await openMotion(world, { ballotKind, deadline, text: "That the training fund cover CDL testing fees." });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementMember, "NO"],
    ]);

    // Three hours out, with a two-hour lead: too early. The job waits for its time instead.
    await at(new Date(opened)).reminder(motionId);
    expect(await remindersFor(motionId)).toEqual([]);
    expect((await motionJobs(app.db, motionId)).find((j) => j.key === `motion-reminder:${motionId}`)?.run_at).toEqual(new Date(deadline.getTime() - 2 * HOUR));

    await at(new Date(opened + 1.5 * HOUR)).reminder(motionId);
    const sent = await remindersFor(motionId);
    expect(sent.map((n) => n.userId).sort()).toEqual([world.laborMember.user.id, world.managementChair.user.id].sort());
    expect(sent[0]!.payload).toEqual({
      partnershipId: world.partnership.id,
      motionId,
      motionText: "That the training fund cover CDL testing fees.",
      deadline: deadline.toISOString(),
    });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).reminderSentAt).toEqual(new Date(opened + 1.5 * HOUR));

    // Once: later runs (and a vote meanwhile) send nothing more.
    await world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await at(new Date(opened + 2 * HOUR)).reminder(motionId);
    await at(new Date(opened + 2.5 * HOUR)).reminder(motionId);
    expect(await remindersFor(motionId)).toHaveLength(2);
    expect(await statusOf(motionId)).toBe("OPEN");
  });

  it("two reminder runs at once remind each voter once", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    await setLeadHours(world, 2);
    const opened = Date.now();
    const motionId = await openMotion(world, { deadline: new Date(opened + 3 * HOUR) });
    const due = at(new Date(opened + 1.5 * HOUR));
    await Promise.all(Array.from({ length: 6 }, () => due.reminder(motionId)));
    const sent = await remindersFor(motionId);
    expect(sent.map((n) => n.userId).sort()).toEqual(world.voters.map((v) => v.user.id).sort());
  });

  it("reminds an alternate voting in an absent holder's seat, not the holder", async () => {
    const world = await votingWorld(app);
    await setLeadHours(world, 2);
    const alternate = await world.person("Ana Labor-Alternate", "LABOR", { role: "OBSERVER" });
    await world.laborChair.trpc.voting.settings.setAlternate({ bodyId: world.committee.id, membershipId: world.laborMember.membershipId, alternateMembershipId: alternate.membershipId });
    const meeting = await world.meeting();
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "EXCUSED" });
    const opened = Date.now();
    const motionId = await openMotion(world, { meetingId: meeting.id, deadline: new Date(opened + 3 * HOUR) });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
      [world.managementMember, "YES"],
    ]);
    await at(new Date(opened + 1.5 * HOUR)).reminder(motionId);
    expect((await remindersFor(motionId)).map((n) => n.userId)).toEqual([alternate.user.id]);
  });
});

describe("deadlines", () => {
  it("closes a vote whose deadline passed, records the result, and takes no more ballots", async () => {
    const world = await votingWorld(app);
    const opened = Date.now();
    const deadline = new Date(opened + 2 * HOUR);
    const motionId = await openMotion(world, { deadline });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
      [world.laborMember, "NO"],
    ]);

    // Not yet due: nothing happens, and the job stays for the deadline.
    await at(new Date(deadline.getTime() - 1000)).deadline(motionId);
    expect(await statusOf(motionId)).toBe("OPEN");
    expect((await motionJobs(app.db, motionId)).map((j) => j.run_at)).toEqual([deadline]);

    const socket = await world.laborChair.connect();
    await joinRoom(socket, { kind: "motion", id: motionId });
    const tallies = collectEvents(socket, "tally:updated");
    await at(new Date(deadline.getTime() + 1000)).deadline(motionId);
    const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
    expect(stored).toMatchObject({ status: "CLOSED", outcome: "PASSED", result: { outcome: "PASSED", cast: 3, eligible: 4, quorum: { basis: "BALLOTS", met: true } } });
    await eventually(async () => tallies.some((t) => t.version === stored.tallyVersion), { timeoutMs: 1000, what: "the final tally" });
    expect(tallies.at(-1)).toMatchObject({ motionId, cast: 3, bySide: expect.any(Object), version: stored.tallyVersion });
    expect((await eventKinds(app.db, motionId)).slice(-2)).toEqual(["closed", "result"]);
    expect((await app.db.motionEvent.findFirstOrThrow({ where: { motionId, kind: "closed" } })).data).toEqual({ by: "deadline" });
    expect(await app.db.auditEvent.findFirstOrThrow({ where: { subjectId: motionId, action: "motion.closed" } })).toMatchObject({ actorId: null });
    expect(await motionJobs(app.db, motionId)).toEqual([]);

    expect((await refusal(world.managementMember.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("PRECONDITION_FAILED");
    // Running again changes nothing.
    await at(new Date(deadline.getTime() + 2000)).deadline(motionId);
    expect((await eventKinds(app.db, motionId)).filter((k) => k === "closed")).toHaveLength(1);
  });

  it("a chair closing a due vote as its deadline job runs: closed once; another due vote closes too", async () => {
    const world = await votingWorld(app);
    const deadline = new Date(Date.now() + HOUR);
    const raced = await openMotion(world, { deadline });
    const other = await openMotion(world, { deadline });
    const jobs = at(new Date(deadline.getTime() + 1000));
    const chair = closeVote(app.server.deps, { userId: world.laborChair.user.id, input: { motionId: raced } });
    const [byJob, byChair] = await Promise.allSettled([Promise.all([jobs.deadline(raced), jobs.deadline(other)]), chair]);
    expect(byJob.status).toBe("fulfilled");
    if (byChair.status === "rejected") expect((byChair.reason as { code: string }).code).toBe("PRECONDITION_FAILED");
    for (const motionId of [raced, other]) {
      expect(await statusOf(motionId)).toBe("CLOSED");
      expect((await eventKinds(app.db, motionId)).filter((k) => k === "closed")).toHaveLength(1);
    }
  });

  it("refuses a ballot once the deadline has passed, even before the job closes the vote", async () => {
    const world = await votingWorld(app);
    const motionId = await secondedMotion(world);
    await world.laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) });
    // As if the job were late: it is taken off the queue, so the vote stays open past its deadline.
    await app.db.$executeRaw`SELECT graphile_worker.remove_job(${`motion-deadline:${motionId}`}::text)`;
    await world.laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    // The deadline comes: moved to now rather than waited for, so a slow machine cannot make the first ballot late.
    await app.db.$executeRaw`UPDATE "Motion" SET "deadline" = now() WHERE "id" = ${motionId}`;
    expect(await refusal(world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The deadline for this vote has passed.",
    });
    expect(await statusOf(motionId)).toBe("OPEN");
    expect(await app.db.rollCallBallot.count({ where: { motionId } })).toBe(1);
  });

  it("a vote at a meeting closed by its deadline goes into the minutes, recorded by the mover (a user)", async () => {
    const world = await votingWorld(app);
    const meeting = await world.meeting();
    for (const p of world.voters) await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: p.membershipId, status: "PRESENT" });
    const deadline = new Date(Date.now() + HOUR);
    const motionId = await openMotion(world, { meetingId: meeting.id, deadline });
    await castAll(motionId, [[world.laborChair, "YES"]]);
    await at(new Date(deadline.getTime() + 1000)).deadline(motionId);
    const decisions = await app.db.decision.findMany({ where: { meetingId: meeting.id } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.text).toMatch(/^Motion: .* Result: passed \(1 yes to 0 no\.\)$/);
    // It names its motion, so the minutes of record show the vote once (with the motion).
    expect(decisions[0]!.motionId).toBe(motionId);
    // Decision.recordedById holds a user id everywhere else (meetings.minutes.recordDecision).
    expect(decisions[0]!.recordedById).toBe(world.laborMember.user.id);
  });

  it("still closes at the deadline when the mover has left the partnership (the opener records the decision)", async () => {
    const world = await votingWorld(app);
    const meeting = await world.meeting();
    const deadline = new Date(Date.now() + HOUR);
    const motionId = await openMotion(world, { meetingId: meeting.id, deadline, requireQuorum: false });
    await castAll(motionId, [[world.managementChair, "YES"]]);
    await world.founder.trpc.partnerships.member.remove({ partnershipId: world.partnership.id, membershipId: world.laborMember.membershipId });
    await at(new Date(deadline.getTime() + 1000)).deadline(motionId);
    expect(await statusOf(motionId)).toBe("CLOSED");
    const decision = await app.db.decision.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(decision.recordedById).toBe(world.laborChair.user.id);
  });
});
