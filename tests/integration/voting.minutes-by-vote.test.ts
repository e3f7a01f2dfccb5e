// An adjourned meeting's draft minutes approved by a vote of the body (instead of both co-chairs):
// the motion names the meeting, and passing it approves the minutes, tells the room and notifies members.
import { afterAll, describe, expect, it } from "vitest";
import { joinRoom, nextEvent, refusal, startTestApp } from "../support/test-app.js";
import { castAll, everything, moveMotion, openMotion, votingWorld, type VotingWorld } from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

async function adjournedMeeting(world: VotingWorld) {
  const meeting = await world.meeting();
  await world.laborChair.trpc.meetings.meeting.start({ meetingId: meeting.id });
  await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
  return meeting;
}

const minutesOf = (world: VotingWorld, meetingId: string) => world.laborMember.trpc.meetings.meeting.get({ meetingId }).then((v) => v.minutes);

describe("minutes approved by a vote", () => {
  it("approves the named meeting's draft minutes when the motion passes, live and with a notification", async () => {
    const world = await votingWorld(app);
    const meeting = await adjournedMeeting(world);
    expect((await minutesOf(world, meeting.id)).approvedAt).toBeNull();
    const motionId = await openMotion(world, { text: "That the minutes of the last meeting be approved.", approvesMinutesOfMeetingId: meeting.id });
    expect((await world.laborMember.trpc.voting.motion.get({ motionId })).motion.approvesMinutesOf).toMatchObject({ id: meeting.id, minutesApprovedAt: null });

    const socket = await world.managementChair.connect();
    await joinRoom(socket, { kind: "meeting", id: meeting.id });
    const minutesChanged = nextEvent(socket, "meeting:changed");
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.laborMember, "YES"],
      [world.managementChair, "YES"],
      [world.managementMember, "NO"],
    ]);
    expect(await world.laborChair.trpc.voting.motion.close({ motionId })).toMatchObject({ outcome: "PASSED" });
    expect(await minutesChanged).toEqual({ meetingId: meeting.id, parts: ["minutes"] });

    const minutes = await minutesOf(world, meeting.id);
    expect(minutes.approvedAt).toBeInstanceOf(Date);
    expect(minutes.approvedBy).toBe("VOTE");
    expect(await app.db.auditEvent.count({ where: { subjectId: meeting.id, action: "minutes.approvedByVote" } })).toBe(1);
    const notified = (await app.db.notification.findMany({ where: { kind: "minutes.approved" }, select: { userId: true, payload: true } })).filter(
      (n) => (n.payload as { meetingId: string }).meetingId === meeting.id,
    );
    expect(notified.map((n) => n.userId)).toEqual(expect.arrayContaining([world.laborMember.user.id, world.observer.user.id]));
    // Approved minutes no longer change.
    expect((await refusal(world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "PRESENT" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("leaves the minutes as a draft when the motion fails, and keeps the co-chairs' approval when they approved first", async () => {
    const world = await votingWorld(app);
    const failing = await adjournedMeeting(world);
    const failed = await openMotion(world, { approvesMinutesOfMeetingId: failing.id });
    await castAll(failed, [
      [world.laborChair, "NO"],
      [world.managementChair, "NO"],
    ]);
    expect(await world.laborChair.trpc.voting.motion.close({ motionId: failed })).toMatchObject({ outcome: "FAILED" });
    expect((await minutesOf(world, failing.id)).approvedAt).toBeNull();

    const approvedMeanwhile = await adjournedMeeting(world);
    const motionId = await openMotion(world, { approvesMinutesOfMeetingId: approvedMeanwhile.id });
    const { version } = await minutesOf(world, approvedMeanwhile.id);
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: approvedMeanwhile.id, version });
    await world.managementChair.trpc.meetings.minutes.approve({ meetingId: approvedMeanwhile.id, version });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
    ]);
    await world.laborChair.trpc.voting.motion.close({ motionId });
    expect((await minutesOf(world, approvedMeanwhile.id)).approvedBy).toBe("CO_CHAIRS");
    expect(await app.db.auditEvent.count({ where: { subjectId: approvedMeanwhile.id, action: "minutes.approvedByVote" } })).toBe(0);
  });

  it("refuses a meeting that is not this body's adjourned meeting with draft minutes (BAD_REQUEST), writing nothing", async () => {
    const world = await votingWorld(app);
    const elsewhere = await votingWorld(app);
    const otherBody = await adjournedMeeting(elsewhere);
    const scheduled = await world.meeting();
    const approved = await adjournedMeeting(world);
    const { version } = await minutesOf(world, approved.id);
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: approved.id, version });
    await world.managementChair.trpc.meetings.minutes.approve({ meetingId: approved.id, version });

    const before = await everything(app.db);
    for (const meetingId of [otherBody.id, scheduled.id, approved.id, "no-such-meeting"]) {
      expect(await refusal(moveMotion(world, { approvesMinutesOfMeetingId: meetingId }))).toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { approvesMinutesOfMeetingId: ["Choose an adjourned meeting of this body whose minutes are not yet approved."] },
      });
    }
    expect(await everything(app.db)).toEqual(before);
  });
});
