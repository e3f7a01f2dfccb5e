// Who is on a vote's roll and whether enough of them took part: alternates voting in an absent
// holder's seat (same side, so each side keeps its parity), and the per-side quorum, taken from the
// meeting's attendance for a vote at a meeting and from the ballots cast for an electronic vote.
import { afterAll, describe, expect, it } from "vitest";
import type { MotionResult } from "../../server/domains/voting/voting.api.js";
import { refusal, startTestApp } from "../support/test-app.js";
import { castAll, everything, openMotion, votingWorld, type Person, type VotingWorld } from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

async function markAll(world: VotingWorld, meetingId: string, marks: Array<[Person, "PRESENT" | "ABSENT" | "EXCUSED" | "LATE"]>) {
  for (const [p, status] of marks) await world.laborChair.trpc.meetings.attendance.mark({ meetingId, membershipId: p.membershipId, status });
}

async function rollOf(motionId: string) {
  return app.db.motionVoter.findMany({ where: { motionId }, orderBy: { id: "asc" } });
}

describe("alternates", () => {
  /** A world whose first labor member has a designated alternate, seated on the committee as an observer. */
  async function withAlternate() {
    const world = await votingWorld(app);
    const alternate = await world.person("Ana Labor-Alternate", "LABOR", { role: "OBSERVER" });
    await world.laborChair.trpc.voting.settings.setAlternate({
      bodyId: world.committee.id,
      membershipId: world.laborMember.membershipId,
      alternateMembershipId: alternate.membershipId,
    });
    return { world, alternate, holder: world.laborMember };
  }

  it("names an alternate from the same side only; another side's member is BAD_REQUEST and writes nothing", async () => {
    const world = await votingWorld(app);
    const otherSide = await world.person("Max Management-Alternate", "MANAGEMENT", { role: "OBSERVER" });
    const sameSide = await world.person("Ana Labor-Alternate", "LABOR", { role: "OBSERVER" });
    const notSeated = await world.person("Uma Unseated", "LABOR");
    const set = (by: Person, membershipId: string, alternateMembershipId: string | null) =>
      by.trpc.voting.settings.setAlternate({ bodyId: world.committee.id, membershipId, alternateMembershipId });

    const elsewhere = await votingWorld(app);
    const before = await everything(app.db);
    expect(await refusal(set(world.laborChair, world.laborMember.membershipId, otherSide.membershipId))).toMatchObject({
      code: "BAD_REQUEST",
      message: "An alternate comes from the same side as the member, so each side keeps its parity.",
    });
    expect((await refusal(set(world.laborChair, world.laborMember.membershipId, world.laborMember.membershipId))).code).toBe("BAD_REQUEST");
    // Only a voting seat has an alternate; only a co-chair names one; only a member of the partnership can be one.
    expect((await refusal(set(world.laborChair, world.observer.membershipId, sameSide.membershipId))).code).toBe("BAD_REQUEST");
    expect((await refusal(set(world.laborMember, world.laborMember.membershipId, sameSide.membershipId))).code).toBe("FORBIDDEN");
    expect((await refusal(set(world.laborChair, world.laborMember.membershipId, elsewhere.laborMember.membershipId))).code).toBe("BAD_REQUEST");
    // An alternate must be seated on the body, or they could not see the motions they would vote on.
    expect(await refusal(set(world.laborChair, world.laborMember.membershipId, notSeated.membershipId))).toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose someone seated on this body (an observer seat is enough).",
    });
    expect(await everything(app.db)).toEqual(before);

    // A labor seat's alternate is labor's to name; management may only propose one, for labor to concur.
    const proposal = await set(world.managementChair, world.laborMember.membershipId, sameSide.membershipId);
    expect(proposal).toMatchObject({ pending: true, waitingFor: "LABOR" });
    expect((await world.laborMember.trpc.voting.settings.get({ bodyId: world.committee.id })).alternates).toEqual([]);
    await world.laborChair.trpc.joint.change.concur({ changeId: (proposal as { changeId: string }).changeId });
    expect((await world.laborMember.trpc.voting.settings.get({ bodyId: world.committee.id })).alternates).toEqual([
      { membershipId: world.laborMember.membershipId, alternateMembershipId: sameSide.membershipId, delegatesElectronicVotes: false },
    ]);
    await set(world.laborChair, world.laborMember.membershipId, null);
    expect((await world.laborMember.trpc.voting.settings.get({ bodyId: world.committee.id })).alternates).toEqual([]);
  });

  it.each(["ABSENT", "EXCUSED"] as const)("votes in the seat of a holder marked %s at the meeting; the holder does not", async (status) => {
    const { world, alternate, holder } = await withAlternate();
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [
      [world.laborChair, "PRESENT"],
      [holder, status],
      [alternate, "PRESENT"],
      [world.managementChair, "PRESENT"],
      [world.managementMember, "PRESENT"],
    ]);
    const motionId = await openMotion(world, { meetingId: meeting.id });

    // The roll: one row per voting seat, the same number per side as the body has seats.
    const roll = await rollOf(motionId);
    expect(roll.filter((r) => r.side === "LABOR")).toHaveLength(2);
    expect(roll.filter((r) => r.side === "MANAGEMENT")).toHaveLength(2);
    expect(roll.find((r) => r.seatMembershipId === holder.membershipId)).toMatchObject({ voterMembershipId: alternate.membershipId, side: "LABOR", isAlternate: true });
    expect(roll.filter((r) => r.isAlternate)).toHaveLength(1);
    expect(roll.some((r) => r.voterMembershipId === holder.membershipId)).toBe(false);
    expect((await app.db.motionEvent.findFirstOrThrow({ where: { motionId, kind: "opened" } })).data).toMatchObject({ eligible: 4, alternates: 1 });

    const altView = await alternate.trpc.voting.motion.get({ motionId });
    expect(altView.viewer).toMatchObject({
      isOnRoll: true,
      canVote: true,
      votesAsAlternateFor: { membershipId: holder.membershipId, name: holder.name, side: "LABOR" },
    });
    const holderView = await holder.trpc.voting.motion.get({ motionId });
    expect(holderView.viewer).toMatchObject({ isOnRoll: false, canVote: false, votesAsAlternateFor: null });
    expect((await refusal(holder.trpc.voting.ballot.cast({ motionId, choice: "NO" }))).code).toBe("FORBIDDEN");

    await alternate.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    expect(await app.db.rollCallBallot.findFirstOrThrow({ where: { motionId } })).toMatchObject({
      seatMembershipId: holder.membershipId,
      castByMembershipId: alternate.membershipId,
      side: "LABOR",
      choice: "YES",
    });
    const after = await world.laborChair.trpc.voting.motion.get({ motionId });
    expect(after.rollCall).toEqual([
      { seat: { membershipId: holder.membershipId, name: holder.name, side: "LABOR" }, castBy: { membershipId: alternate.membershipId, name: alternate.name, side: "LABOR" }, side: "LABOR", choice: "YES" },
    ]);
    expect((await alternate.trpc.voting.motion.get({ motionId })).viewer).toMatchObject({ hasVoted: true, myChoice: "YES" });

    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.managementChair, "YES"],
      [world.managementMember, "NO"],
    ]);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    // The alternate is present for the seat: labor has 2 of 2 present, like management.
    expect(result).toMatchObject({ outcome: "PASSED", cast: 4, eligible: 4, quorum: { basis: "ATTENDANCE", LABOR: { voting: 2, present: 2 }, MANAGEMENT: { voting: 2, present: 2 } } });
    expect(result.tally.LABOR.YES).toBe(2);
  });

  it("stays off the roll while the holder is present, and in an electronic vote", async () => {
    const { world, alternate, holder } = await withAlternate();
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [
      [holder, "PRESENT"],
      [alternate, "PRESENT"],
    ]);
    for (const motionId of [await openMotion(world, { meetingId: meeting.id }), await openMotion(world)]) {
      const roll = await rollOf(motionId);
      expect(roll.some((r) => r.isAlternate)).toBe(false);
      expect(roll.find((r) => r.seatMembershipId === holder.membershipId)?.voterMembershipId).toBe(holder.membershipId);
      expect((await alternate.trpc.voting.motion.get({ motionId })).viewer).toMatchObject({ isOnRoll: false, votesAsAlternateFor: null });
      expect((await refusal(alternate.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("FORBIDDEN");
      await holder.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    }
  });

  it("votes in an electronic vote for a holder who delegated to them, and the holder does not", async () => {
    const { world, alternate, holder } = await withAlternate();
    expect(await holder.trpc.voting.settings.setDelegation({ bodyId: world.committee.id, delegates: true })).toEqual({ delegates: true });
    expect((await holder.trpc.voting.settings.get({ bodyId: world.committee.id })).alternates).toEqual([
      { membershipId: holder.membershipId, alternateMembershipId: alternate.membershipId, delegatesElectronicVotes: true },
    ]);

    const motionId = await openMotion(world);
    expect((await rollOf(motionId)).find((r) => r.seatMembershipId === holder.membershipId)).toMatchObject({ voterMembershipId: alternate.membershipId, isAlternate: true });
    expect((await refusal(holder.trpc.voting.ballot.cast({ motionId, choice: "NO" }))).code).toBe("FORBIDDEN");
    await alternate.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    expect(await app.db.rollCallBallot.findFirstOrThrow({ where: { motionId } })).toMatchObject({ seatMembershipId: holder.membershipId, castByMembershipId: alternate.membershipId });

    // At a meeting the holder who is present votes, delegation or not.
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [[holder, "PRESENT"], [alternate, "PRESENT"]]);
    const atMeeting = await openMotion(world, { meetingId: meeting.id });
    expect((await rollOf(atMeeting)).find((r) => r.seatMembershipId === holder.membershipId)).toMatchObject({ voterMembershipId: holder.membershipId, isAlternate: false });

    // Taking it back applies to the next vote; naming another alternate also ends it.
    await holder.trpc.voting.settings.setDelegation({ bodyId: world.committee.id, delegates: false });
    const after = await openMotion(world);
    expect((await rollOf(after)).find((r) => r.seatMembershipId === holder.membershipId)).toMatchObject({ voterMembershipId: holder.membershipId, isAlternate: false });
    await holder.trpc.voting.settings.setDelegation({ bodyId: world.committee.id, delegates: true });
    await world.laborChair.trpc.voting.settings.setAlternate({ bodyId: world.committee.id, membershipId: holder.membershipId, alternateMembershipId: null });
    expect((await app.db.bodySeat.findUniqueOrThrow({ where: { bodyId_membershipId: { bodyId: world.committee.id, membershipId: holder.membershipId } } })).delegatesElectronicVotes).toBe(false);
  });

  it("refuses a delegation without an alternate (PRECONDITION_FAILED), from a seat without a vote (FORBIDDEN) or outside the body (NOT_FOUND)", async () => {
    const world = await votingWorld(app);
    const before = await everything(app.db);
    const delegate = (p: Person) => p.trpc.voting.settings.setDelegation({ bodyId: world.committee.id, delegates: true });
    expect(await refusal(delegate(world.laborMember))).toMatchObject({ code: "PRECONDITION_FAILED", message: "You have no alternate on this body yet: ask a co-chair to name one." });
    expect((await refusal(delegate(world.observer))).code).toBe("FORBIDDEN");
    expect((await refusal(delegate(world.laborAdvisory))).code).toBe("FORBIDDEN");
    expect((await refusal(delegate(world.outsider))).code).toBe("NOT_FOUND");
    expect(await everything(app.db)).toEqual(before);
  });

  it("keeps one member, one vote: an alternate who holds a voting seat does not take a second one", async () => {
    const world = await votingWorld(app, { votersPerSide: 2 });
    const [holder, alsoVoting] = world.laborMembers as [Person, Person];
    await world.laborChair.trpc.voting.settings.setAlternate({ bodyId: world.committee.id, membershipId: holder.membershipId, alternateMembershipId: alsoVoting.membershipId });
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [[holder, "ABSENT"]]);
    const motionId = await openMotion(world, { meetingId: meeting.id });
    const roll = await rollOf(motionId);
    expect(roll.find((r) => r.seatMembershipId === holder.membershipId)).toMatchObject({ voterMembershipId: holder.membershipId, isAlternate: false });
    expect(roll.filter((r) => r.voterMembershipId === alsoVoting.membershipId)).toHaveLength(1);
    await alsoVoting.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await alsoVoting.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    expect(await app.db.rollCallBallot.count({ where: { motionId } })).toBe(1);
  });
});

describe("quorum", () => {
  async function quorumWorld(labor: number, management: number) {
    const world = await votingWorld(app);
    // The quorum rule is a joint change: labor proposes, management concurs (1 and 1 is the default already).
    if (labor !== 1 || management !== 1) {
      const proposal = await world.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: world.committee.id, mode: "COUNT", labor, management });
      if (proposal.pending) await world.managementChair.trpc.joint.change.concur({ changeId: proposal.changeId });
    }
    return world;
  }

  it("electronic vote: quorum COUNT 2/2 with one management ballot is NO_QUORUM, whatever the counts", async () => {
    const world = await quorumWorld(2, 2);
    const motionId = await openMotion(world);
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.laborMember, "YES"],
      [world.managementChair, "YES"],
    ]);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result).toMatchObject({
      outcome: "NO_QUORUM",
      reason: "The per-side quorum did not hold, so the vote is not valid.",
      cast: 3,
      eligible: 4,
      quorum: {
        basis: "BALLOTS",
        required: true,
        met: false,
        LABOR: { voting: 2, present: 2, required: 2, met: true },
        MANAGEMENT: { voting: 2, present: 1, required: 2, met: false },
      },
    });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).outcome).toBe("NO_QUORUM");
  });

  it("electronic vote: the same quorum holds once both management members vote", async () => {
    const world = await quorumWorld(2, 2);
    const motionId = await openMotion(world);
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.laborMember, "NO"],
      [world.managementChair, "YES"],
      [world.managementMember, "ABSTAIN"],
    ]);
    expect(await world.laborChair.trpc.voting.motion.close({ motionId })).toMatchObject({ outcome: "PASSED", quorum: { met: true } });
  });

  it("a motion that does not require a quorum is decided on its counts", async () => {
    const world = await quorumWorld(2, 2);
    const motionId = await openMotion(world, { requireQuorum: false });
    await castAll(motionId, [[world.managementChair, "YES"]]);
    expect(await world.laborChair.trpc.voting.motion.close({ motionId })).toMatchObject({ outcome: "PASSED", quorum: { met: false, required: false } });
  });

  it("secret electronic vote: participation counts toward the quorum, per side", async () => {
    const world = await quorumWorld(1, 2);
    const motionId = await openMotion(world, { ballotKind: "SECRET" });
    await castAll(motionId, [
      [world.laborChair, "NO"],
      [world.managementChair, "YES"],
    ]);
    expect(await world.laborChair.trpc.voting.motion.close({ motionId })).toMatchObject({
      outcome: "NO_QUORUM",
      quorum: { basis: "BALLOTS", LABOR: { present: 1, met: true }, MANAGEMENT: { present: 1, met: false } },
    });
  });

  it("meeting vote: the quorum comes from attendance, not from who voted", async () => {
    const world = await quorumWorld(2, 2);
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [
      [world.laborChair, "PRESENT"],
      [world.laborMember, "LATE"],
      [world.managementChair, "PRESENT"],
      [world.managementMember, "PRESENT"],
    ]);
    const motionId = await openMotion(world, { meetingId: meeting.id });
    // Only one ballot, yet everyone is in the room: the quorum holds.
    await castAll(motionId, [[world.laborChair, "YES"]]);
    const result = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result).toMatchObject({
      outcome: "PASSED",
      cast: 1,
      quorum: { basis: "ATTENDANCE", met: true, LABOR: { present: 2, required: 2 }, MANAGEMENT: { present: 2, required: 2 } },
    });
    const { decisions } = await world.laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
    expect(decisions.map((d) => d.quorum.met)).toEqual([true]);
  });

  it("meeting vote: with a management member absent the quorum fails, even if every present member voted", async () => {
    const world = await quorumWorld(2, 2);
    const meeting = await world.meeting();
    await markAll(world, meeting.id, [
      [world.laborChair, "PRESENT"],
      [world.laborMember, "PRESENT"],
      [world.managementChair, "PRESENT"],
      [world.managementMember, "ABSENT"],
    ]);
    const motionId = await openMotion(world, { meetingId: meeting.id });
    await castAll(motionId, [
      [world.laborChair, "YES"],
      [world.laborMember, "YES"],
      [world.managementChair, "YES"],
    ]);
    const result: MotionResult = await world.laborChair.trpc.voting.motion.close({ motionId });
    expect(result).toMatchObject({ outcome: "NO_QUORUM", quorum: { basis: "ATTENDANCE", LABOR: { met: true }, MANAGEMENT: { present: 1, required: 2, met: false } } });
    const { decisions } = await world.laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.text).toContain("Result: no quorum");
    expect(decisions[0]!.quorum.met).toBe(false);
  });
});
