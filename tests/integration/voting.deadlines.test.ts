// Deadlines and reminders (runDueWork, which the server runs on a timer): a reminder within the body's
// lead time goes once, only to voters who have not voted; a passed deadline closes the vote.
import { afterAll, describe, expect, it } from "vitest";
import { joinRoom, nextEvent, refusal, startTestApp } from "../support/test-app.js";
import { castAll, eventKinds, HOUR, openMotion, secondedMotion, settle, votingWorld, type VotingWorld } from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

const runDueWork = (now: Date) => app.server.services.voting.runDueWork(now);

async function remindersFor(motionId: string) {
  const rows = await app.db.notification.findMany({ where: { kind: "vote.reminder" }, select: { userId: true, payload: true } });
  return rows.filter((n) => (n.payload as { motionId: string }).motionId === motionId);
}

async function setLeadHours(world: VotingWorld, reminderLeadHours: number) {
  await world.laborChair.trpc.voting.settings.set({
    bodyId: world.committee.id,
    secondFromOtherSide: false,
    allowVoteChange: true,
    deadlockProcedure: "TABLE",
    umpireName: "",
    reminderLeadHours,
  });
}

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

    // Three hours out, with a two-hour lead: too early.
    await runDueWork(new Date(opened));
    expect(await remindersFor(motionId)).toEqual([]);

    await runDueWork(new Date(opened + 1.5 * HOUR));
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
    await runDueWork(new Date(opened + 2 * HOUR));
    await runDueWork(new Date(opened + 2.5 * HOUR));
    expect(await remindersFor(motionId)).toHaveLength(2);
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status).toBe("OPEN");
  });

  it("reminds an alternate voting in an absent holder's seat, not the holder", async () => {
    const world = await votingWorld(app);
    const alternate = await world.person("Ana Labor-Alternate", "LABOR", { role: "OBSERVER" });
    await world.laborChair.trpc.voting.settings.setAlternate({ bodyId: world.committee.id, membershipId: world.laborMember.membershipId, alternateMembershipId: alternate.membershipId });
    const meeting = await world.meeting();
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "EXCUSED" });
    const opened = Date.now();
    const motionId = await openMotion(world, { meetingId: meeting.id, deadline: new Date(opened + HOUR) });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
      [world.managementMember, "YES"],
    ]);
    await runDueWork(new Date(opened + 1000));
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

    // Not yet due.
    await runDueWork(new Date(deadline.getTime() - 1000));
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status).toBe("OPEN");

    const socket = await world.laborChair.connect();
    await joinRoom(socket, { kind: "motion", id: motionId });
    const final = nextEvent(socket, "tally:updated", 1000);
    const done = await runDueWork(new Date(deadline.getTime() + 1000));
    expect(done.closed).toBeGreaterThanOrEqual(1);
    const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
    expect(stored).toMatchObject({ status: "CLOSED", outcome: "PASSED", result: { outcome: "PASSED", cast: 3, eligible: 4, quorum: { basis: "BALLOTS", met: true } } });
    expect((await final).bySide).not.toBeNull();
    expect((await eventKinds(app.db, motionId)).slice(-2)).toEqual(["closed", "result"]);
    expect((await app.db.motionEvent.findFirstOrThrow({ where: { motionId, kind: "closed" } })).data).toEqual({ by: "deadline" });
    expect(await app.db.auditEvent.findFirstOrThrow({ where: { subjectId: motionId, action: "motion.closed" } })).toMatchObject({ actorId: null });

    expect((await refusal(world.managementMember.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("PRECONDITION_FAILED");
    // Running again changes nothing.
    await runDueWork(new Date(deadline.getTime() + 2000));
    expect((await eventKinds(app.db, motionId)).filter((k) => k === "closed")).toHaveLength(1);
  });

  it("a chair closing a due vote as the clock closes it: closed once, and the other due votes close too", async () => {
    const world = await votingWorld(app);
    const deadline = new Date(Date.now() + HOUR);
    const raced = await openMotion(world, { deadline });
    const other = await openMotion(world, { deadline });
    const clock = runDueWork(new Date(deadline.getTime() + 1000));
    const chair = app.server.services.voting.close({ userId: world.laborChair.user.id, motionId: raced });
    const [done] = await Promise.all([clock, chair.catch(() => null)]);
    expect(done.failed).toEqual([]);
    for (const motionId of [raced, other]) {
      expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status).toBe("CLOSED");
      expect((await eventKinds(app.db, motionId)).filter((k) => k === "closed")).toHaveLength(1);
    }
  });

  it("refuses a ballot once the deadline has passed, even before the clock closes the vote", async () => {
    const world = await votingWorld(app);
    const motionId = await secondedMotion(world);
    const deadline = new Date(Date.now() + 250);
    await world.laborChair.trpc.voting.motion.open({ motionId, deadline });
    await world.laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await settle(Math.max(0, deadline.getTime() - Date.now()) + 20);
    expect(await refusal(world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The deadline for this vote has passed.",
    });
    expect(await app.db.rollCallBallot.count({ where: { motionId } })).toBe(1);
  });

  it("a vote at a meeting closed by its deadline goes into the minutes, recorded by the mover (a user)", async () => {
    const world = await votingWorld(app);
    const meeting = await world.meeting();
    for (const p of world.voters) await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: p.membershipId, status: "PRESENT" });
    const deadline = new Date(Date.now() + HOUR);
    const motionId = await openMotion(world, { meetingId: meeting.id, deadline });
    await castAll(motionId, [[world.laborChair, "YES"]]);
    await runDueWork(new Date(deadline.getTime() + 1000));
    const decisions = await app.db.decision.findMany({ where: { meetingId: meeting.id } });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.text).toMatch(/^Motion: .* Result: passed \(1 yes to 0 no\.\)$/);
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
    await runDueWork(new Date(deadline.getTime() + 1000));
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status).toBe("CLOSED");
    const decision = await app.db.decision.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(decision.recordedById).toBe(world.laborChair.user.id);
  });
});
