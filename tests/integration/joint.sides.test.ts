// What stays one-sided (each side seats, changes and removes its own members, names its own seats'
// alternates, hands over its own co-chair seat, invites into its own side) and what becomes a
// proposal when it touches the other side; equal representation (seats per side, no neutral votes,
// no pooled rules, the unit rule); and a deadlock settled by the umpire's decision, which both
// co-chairs attest and which goes into the minutes of the meeting where the vote was taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionText } from "../../server/domains/meetings/record.rules.js";
import type { VoteDecision } from "../../server/domains/meetings/meetings.schema.js";
import { createMeeting, seatOnBody } from "../../server/fixtures/factories.js";
import { sayWords, type Words } from "../../server/domains/joint/joint.words.rules.js";
import { serverWords } from "../../server/i18n.js";
import { agreed, changeRow, expectPending, jointWorld, type JointWorld, type Person } from "../support/joint-helpers.js";
import { refusal, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const seatOf = (bodyId: string, membershipId: string) =>
  app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } }, select: { role: true, coChairSide: true, isVoting: true } });

describe("each side manages its own people alone", () => {
  it("seats, changes and removes its own members on a committee at once, as the partnership's or the committee's co-chair", async () => {
    const w = await jointWorld(app);
    const joined = await w.committeeManagementChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.managementOutsider.membershipId, role: "MEMBER", isVoting: true });
    expect(joined).toMatchObject({ pending: false });
    expect(await seatOf(w.committee.id, w.managementOutsider.membershipId)).toMatchObject({ role: "MEMBER", isVoting: true });
    await w.managementChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.managementOutsider.membershipId, role: "OBSERVER", isVoting: false });
    expect(await seatOf(w.committee.id, w.managementOutsider.membershipId)).toMatchObject({ role: "OBSERVER" });
    expect(await w.committeeManagementChair.trpc.partnerships.seat.remove({ bodyId: w.committee.id, membershipId: w.managementOutsider.membershipId })).toMatchObject({ pending: false });
    expect(await seatOf(w.committee.id, w.managementOutsider.membershipId)).toBeNull();
    expect(await w.laborChair.trpc.partnerships.member.remove({ partnershipId: w.partnership.id, membershipId: w.laborOutsider.membershipId })).toMatchObject({ pending: false });
    expect(await app.db.membership.count({ where: { id: w.laborOutsider.membershipId } })).toBe(0);
    expect(await app.db.jointChange.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });

  it("hands its own committee co-chair seat over to a member of the same side in one step", async () => {
    const w = await jointWorld(app);
    await w.committeeLaborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember.membershipId, role: "CO_CHAIR", isVoting: true });
    expect(await seatOf(w.committee.id, w.laborMember.membershipId)).toMatchObject({ role: "CO_CHAIR", coChairSide: "LABOR" });
    expect(await seatOf(w.committee.id, w.committeeLaborChair.membershipId)).toMatchObject({ role: "MEMBER", coChairSide: null, isVoting: true });
    // Handed over: the former co-chair no longer manages the committee.
    const refused = await refusal(w.committeeLaborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember2.membershipId, role: "OBSERVER", isVoting: false }));
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("names the alternates of its own seats at once", async () => {
    const w = await jointWorld(app);
    await seatOnBody(app.db, { bodyId: w.committee.id, membershipId: w.laborOutsider.membershipId, role: "OBSERVER" });
    const named = await w.committeeLaborChair.trpc.voting.settings.setAlternate({ bodyId: w.committee.id, membershipId: w.laborMember.membershipId, alternateMembershipId: w.laborOutsider.membershipId });
    expect(named).toMatchObject({ pending: false });
  });

  it("invites into its own side and neutral organizations, never into the other side's", async () => {
    const w = await jointWorld(app);
    const invite = (by: Person, organizationId: string) =>
      by.trpc.partnerships.invitation.create({ partnershipId: w.partnership.id, organizationId, email: `invitee-${Math.random().toString(36).slice(2)}@example.test`, role: "MEMBER" });
    await invite(w.laborChair, w.union.id);
    await invite(w.managementChair, w.employer.id);
    await invite(w.laborChair, w.college.id);
    const refused = await refusal(invite(w.laborChair, w.employer.id));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Each side invites its own people: the management co-chair invites into management-side organizations." });
  });
});

describe("nobody changes the other side's people alone", () => {
  it("turns a management attempt to demote the labor co-chair into a proposal that labor declines: nothing changes", async () => {
    const w = await jointWorld(app);
    const proposal = expectPending(
      await w.managementChair.trpc.partnerships.seat.set({ bodyId: w.topBody.id, membershipId: w.laborChair.membershipId, role: "MEMBER", isVoting: true }),
      "LABOR",
    );
    expect(await seatOf(w.topBody.id, w.laborChair.membershipId)).toMatchObject({ role: "CO_CHAIR", coChairSide: "LABOR" });
    const waiting = await w.laborChair.trpc.joint.change.waiting();
    const card = waiting.find((i) => i.id === proposal.changeId)!;
    // The card's before/now lines, as an English reader sees them (the server sends codes and values).
    const say = (lines: Words[]) => lines.map((w) => sayWords(serverWords("en").t, w, "en-US"));
    expect({ before: say(card.before), after: say(card.after) }).toEqual({ before: ["Labor co-chair"], after: ["Member, voting"] });
    await w.laborChair.trpc.joint.change.decline({ changeId: proposal.changeId, reason: "Labor chooses its own co-chair." });
    expect(await seatOf(w.topBody.id, w.laborChair.membershipId)).toMatchObject({ role: "CO_CHAIR", coChairSide: "LABOR" });
    expect((await changeRow(app.db, proposal.changeId)).status).toBe("DECLINED");
  });

  it("refuses, even when labor concurs, to leave labor without a partnership co-chair: a side hands its seat over instead", async () => {
    const w = await jointWorld(app);
    const { changeId } = expectPending(await w.managementChair.trpc.partnerships.seat.set({ bodyId: w.topBody.id, membershipId: w.laborChair.membershipId, role: "MEMBER", isVoting: true }));
    const refused = await refusal(w.laborChair.trpc.joint.change.concur({ changeId }));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/keeps a co-chair on each side/) });
    expect(await seatOf(w.topBody.id, w.laborChair.membershipId)).toMatchObject({ role: "CO_CHAIR" });
  });

  it("makes a management proposal to replace labor's committee co-chair apply only when labor concurs", async () => {
    const w = await jointWorld(app);
    await agreed(
      () => w.managementChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember.membershipId, role: "CO_CHAIR", isVoting: true }),
      w.committeeLaborChair,
    );
    expect(await seatOf(w.committee.id, w.laborMember.membershipId)).toMatchObject({ role: "CO_CHAIR", coChairSide: "LABOR" });
  });

  it("treats a neutral member's seat as both sides' business", async () => {
    const w = await jointWorld(app);
    expectPending(await w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.neutralMember.membershipId, role: "MEMBER", isVoting: true }), "MANAGEMENT");
    expectPending(await w.managementChair.trpc.partnerships.member.remove({ partnershipId: w.partnership.id, membershipId: w.staff.membershipId }), "LABOR");
    expect(await seatOf(w.committee.id, w.neutralMember.membershipId)).toMatchObject({ isVoting: false });
  });
});

describe("equal representation", () => {
  /** The committee as trustees: 3 voting seats per side, agreed by both sides. */
  async function trustees(w: JointWorld, unitRule = false) {
    await agreed(() => w.laborChair.trpc.partnerships.committee.setRepresentation({ bodyId: w.committee.id, equalRepresentation: true, seatsPerSide: 3, unitRule }), w.managementChair);
  }

  it("refuses a voting seat beyond a side's number, with a clear message; the number itself is joint", async () => {
    const w = await jointWorld(app);
    await trustees(w);
    const refused = await refusal(w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborOutsider.membershipId, role: "MEMBER", isVoting: true }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/equal representation: labor holds 3 voting seats, all filled/);
    expect(await seatOf(w.committee.id, w.laborOutsider.membershipId)).toBeNull();
    // Without a vote the newcomer may sit; after a vacancy, labor fills its own seat.
    await w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborOutsider.membershipId, role: "OBSERVER", isVoting: false });
    await w.laborChair.trpc.partnerships.seat.remove({ bodyId: w.committee.id, membershipId: w.laborMember2.membershipId });
    await w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborOutsider.membershipId, role: "MEMBER", isVoting: true });
    // More seats per side is a joint change.
    await agreed(() => w.managementChair.trpc.partnerships.committee.setRepresentation({ bodyId: w.committee.id, equalRepresentation: true, seatsPerSide: 4, unitRule: false }), w.laborChair);
    await w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember2.membershipId, role: "MEMBER", isVoting: true });
  });

  it("gives no neutral member a vote, and the database refuses it too", async () => {
    const w = await jointWorld(app);
    await trustees(w);
    const { changeId } = expectPending(await w.laborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.neutralMember.membershipId, role: "MEMBER", isVoting: true }));
    expect(await refusal(w.managementChair.trpc.joint.change.concur({ changeId }))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/only labor and management members vote/) });
    await expect(
      app.db.bodySeat.updateMany({ where: { bodyId: w.committee.id, membershipId: w.neutralMember.membershipId }, data: { isVoting: true } }),
    ).rejects.toThrow(/neutral members of this body do not vote/);
    await expect(
      app.db.bodySeat.create({ data: { partnershipId: w.partnership.id, bodyId: w.committee.id, membershipId: w.managementOutsider.membershipId, role: "MEMBER", isVoting: true } }),
    ).rejects.toThrow(/more than 3 voting seats/);
  });

  it("refuses pooled decision rules for its motions, and decides amendments per side", async () => {
    const w = await jointWorld(app);
    await trustees(w, true);
    const move = (rule: "SIMPLE_MAJORITY" | "TWO_THIRDS" | "UNANIMOUS" | "DUAL_MAJORITY" | "CONSENSUS") =>
      w.laborMember.trpc.voting.motion.move({ bodyId: w.committee.id, meetingId: null, agendaItemId: null, approvesMinutesOfMeetingId: null, text: `Trust rule ${rule}`, rationale: "", ballotKind: "ROLL_CALL", rule, requireQuorum: true });
    for (const rule of ["SIMPLE_MAJORITY", "TWO_THIRDS", "UNANIMOUS"] as const) {
      const refused = await refusal(move(rule));
      expect(refused).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { rule: [expect.stringMatching(/equal representation/)] } });
    }
    const { id } = await move("DUAL_MAJORITY");
    await move("CONSENSUS");
    expect(await app.db.motion.findUniqueOrThrow({ where: { id } })).toMatchObject({ rule: "DUAL_MAJORITY", unitRule: true });
    const { id: amendment } = await w.managementMember.trpc.voting.motion.amend({ motionId: id, text: "Trust rule, amended", friendly: false });
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: amendment } })).toMatchObject({ rule: "DUAL_MAJORITY", unitRule: true });
  });

  it("with the unit rule, lets a side's majority cast its vote: one dissenter does not block a consensus", async () => {
    const w = await jointWorld(app);
    await trustees(w, true);
    const { id: motionId } = await w.laborMember.trpc.voting.motion.move({
      bodyId: w.committee.id, meetingId: null, agendaItemId: null, approvesMinutesOfMeetingId: null, text: "Adopt the trust's investment policy.", rationale: "", ballotKind: "ROLL_CALL", rule: "CONSENSUS", requireQuorum: true,
    });
    await w.managementMember.trpc.voting.motion.second({ motionId });
    await w.committeeLaborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + 3_600_000) });
    for (const [who, choice] of [
      [w.committeeLaborChair, "YES"], [w.laborMember, "YES"], [w.laborMember2, "NO"],
      [w.committeeManagementChair, "YES"], [w.managementMember, "YES"], [w.managementMember2, "YES"],
    ] as const) await who.trpc.voting.ballot.cast({ motionId, choice });
    const result = await w.committeeLaborChair.trpc.voting.motion.close({ motionId });
    expect(result.outcome).toBe("PASSED");
    expect(result.reason).toMatch(/Unit rule: labor 2–1 votes yes as a unit/);
  });
});

describe("a deadlock, properly", () => {
  /** A dual-majority vote on the committee with these ballots, taken at a meeting; closed. */
  async function vote(w: JointWorld, ballots: Array<readonly [Person, "YES" | "NO" | "ABSTAIN"]>) {
    const meeting = await createMeeting(app.db, { bodyId: w.committee.id, createdById: w.committeeLaborChair.user.id });
    await app.db.meeting.update({ where: { id: meeting.id }, data: { status: "LIVE", startedAt: new Date() } });
    for (const p of [w.committeeLaborChair, w.laborMember, w.laborMember2, w.committeeManagementChair, w.managementMember, w.managementMember2]) {
      await w.committeeLaborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: p.membershipId, status: "PRESENT" });
    }
    const { id: motionId } = await w.laborMember.trpc.voting.motion.move({
      bodyId: w.committee.id, meetingId: meeting.id, agendaItemId: null, approvesMinutesOfMeetingId: null, text: "That apprentices move up a wage step at 2,000 hours.", rationale: "", ballotKind: "ROLL_CALL", rule: "DUAL_MAJORITY", requireQuorum: true,
    });
    await w.managementMember.trpc.voting.motion.second({ motionId });
    await w.committeeLaborChair.trpc.voting.motion.open({ motionId, deadline: null });
    for (const [who, choice] of ballots) await who.trpc.voting.ballot.cast({ motionId, choice });
    return { motionId, meetingId: meeting.id, result: await w.committeeLaborChair.trpc.voting.motion.close({ motionId }) };
  }

  it("is reached when management ties while labor carries it, and when management only abstains", async () => {
    const w = await jointWorld(app);
    const tie = await vote(w, [[w.committeeLaborChair, "YES"], [w.laborMember, "YES"], [w.managementMember, "YES"], [w.managementMember2, "NO"]]);
    expect(tie.result).toMatchObject({ outcome: "DEADLOCKED", reason: expect.stringMatching(/management was tied/) });
    const abstained = await vote(w, [[w.laborMember, "YES"], [w.committeeManagementChair, "ABSTAIN"], [w.managementMember, "ABSTAIN"]]);
    expect(abstained.result).toMatchObject({ outcome: "DEADLOCKED", reason: expect.stringMatching(/management only abstained/) });
    const bothAgainst = await vote(w, [[w.laborMember, "NO"], [w.managementMember, "NO"]]);
    expect(bothAgainst.result.outcome).toBe("FAILED");
  });

  it("goes to the agreed umpire: the decision, with the question put, is recorded once both co-chairs attest it, and appears in the minutes", async () => {
    const w = await jointWorld(app);
    await agreed(() => w.laborChair.trpc.voting.settings.set({ bodyId: w.committee.id, secondFromOtherSide: false, allowVoteChange: true, deadlockProcedure: "REFER_TO_UMPIRE", umpireName: "Judge R. Ortiz", reminderLeadHours: 0 }), w.managementChair);
    // The umpire and the settings were proposed as two joint changes (the umpire first): agree to the settings too.
    const settings = (await w.managementChair.trpc.joint.change.waiting()).find((i) => i.kind === "VOTING_SETTINGS");
    expect(settings).toBeDefined();
    await w.managementChair.trpc.joint.change.concur({ changeId: settings!.id });

    const { motionId, meetingId, result } = await vote(w, [[w.laborMember, "YES"], [w.laborMember2, "YES"], [w.managementMember, "NO"]]);
    expect(result.outcome).toBe("DEADLOCKED");
    // Under this procedure no co-chair settles it alone.
    expect(await refusal(w.committeeLaborChair.trpc.voting.motion.resolveDeadlock({ motionId, resolution: "Labor says yes." }))).toMatchObject({ code: "PRECONDITION_FAILED" });

    const question = "Does the step increase apply at 2,000 hours of on-the-job learning?";
    const decision = "Yes: from the first pay period after 2,000 documented hours.";
    const { changeId } = await agreed(() => w.committeeLaborChair.trpc.voting.motion.recordUmpireDecision({ motionId, question, decision }), w.committeeManagementChair);
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).toMatchObject({ resolution: `Umpire's decision (Judge R. Ortiz): ${decision}` });
    const events = await app.db.motionEvent.findMany({ where: { motionId, kind: "deadlockResolved" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ resolution: "umpire", umpireName: "Judge R. Ortiz", question, decision, attestedBy: [w.committeeLaborChair.name, w.committeeManagementChair.name], jointChangeId: changeId });
    const minutes = await app.db.decision.findMany({ where: { meetingId }, select: { text: true, vote: true } });
    const recorded = minutes.find((m) => m.text.startsWith("Umpire's decision"))!;
    expect(recorded.text).toContain(question);
    expect(recorded.text).toContain(decision);
    expect(recorded.text).toContain(`${w.committeeLaborChair.name} and ${w.committeeManagementChair.name}`);
    // Kept as codes too: each reader of the minutes reads it in their language, the people's words as written.
    const inSpanish = decisionText(serverWords("es").t, { text: recorded.text, vote: recorded.vote as VoteDecision });
    expect(inSpanish).toContain("Decisión del árbitro sobre la moción en empate");
    expect(inSpanish).toContain(question);
    expect(inSpanish).toContain(`${w.committeeLaborChair.name} y ${w.committeeManagementChair.name}`);
    expect(decisionText(serverWords("en").t, { text: recorded.text, vote: recorded.vote as VoteDecision })).toBe(recorded.text);
    // Settled once: a second proposal is refused.
    expect((await refusal(w.committeeLaborChair.trpc.voting.motion.recordUmpireDecision({ motionId, question, decision: "Something else." }))).code).toBe("PRECONDITION_FAILED");
  });
});
