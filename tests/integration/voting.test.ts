// Motions and votes against the real server: a motion's whole life into the meeting's minutes, every
// refusal (typed, and writing nothing), changing a vote, amendments, a split dual majority and how the
// deadlock is settled, and the append-only record of it all.
import { afterAll, describe, expect, it } from "vitest";
import { decisionText } from "../../server/domains/meetings/record.rules.js";
import { votingRouter } from "../../server/domains/voting/voting.router.js";
import { serverWords } from "../../server/i18n.js";
import { seatOnBody } from "../../server/fixtures/factories.js";
import { joinRoom, nextEvent, refusal, startTestApp } from "../support/test-app.js";
import {
  castAll,
  eventKinds,
  everything,
  HOUR,
  moveMotion,
  openMotion,
  secondedMotion,
  votingWorld,
  type VotingWorld,
} from "../support/voting-helpers.js";

const app = await startTestApp();
afterAll(() => app.close());

const world = await votingWorld(app);
const { laborChair, managementChair, laborMember, managementMember } = world;

/** The refused call's code, after checking that it wrote nothing anywhere. */
async function refusedWithoutWriting(call: () => Promise<unknown>) {
  const before = await everything(app.db);
  const refused = await refusal(call());
  expect(await everything(app.db)).toEqual(before);
  return refused;
}

describe("a motion's life", () => {
  it("moves, is seconded, opens, takes ballots, closes, and records its result in the meeting's minutes", async () => {
    const meeting = await world.meeting();
    for (const p of world.voters) await laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: p.membershipId, status: "PRESENT" });
    const text = "That the committee fund 12 pre-apprenticeship places this spring.";

    const motionId = await moveMotion(world, { meetingId: meeting.id, text });
    expect((await laborMember.trpc.voting.motion.get({ motionId })).motion).toMatchObject({ status: "MOVED", text, movedBy: { membershipId: laborMember.membershipId } });
    await managementMember.trpc.voting.motion.second({ motionId });
    expect((await laborMember.trpc.voting.motion.get({ motionId })).motion).toMatchObject({ status: "SECONDED", secondedBy: { membershipId: managementMember.membershipId } });
    // At a meeting the vote needs no deadline.
    await laborChair.trpc.voting.motion.open({ motionId, deadline: null });
    const opened = await laborMember.trpc.voting.motion.get({ motionId });
    expect(opened.motion).toMatchObject({ status: "OPEN", deadline: null, openedAt: expect.any(Date) });
    expect(opened.tally).toEqual({ motionId, cast: 0, eligible: 4, bySide: expect.any(Object), version: 0 });
    expect(opened.viewer).toMatchObject({ isOnRoll: true, canVote: true, hasVoted: false });

    await castAll(motionId, [
      [laborChair, "YES"],
      [laborMember, "YES"],
      [managementChair, "YES"],
      [managementMember, "NO"],
    ]);
    const result = await managementChair.trpc.voting.motion.close({ motionId });

    const expected = {
      outcome: "PASSED",
      reason: "3 yes to 1 no.",
      why: [{ code: "yesToNo", values: { yes: 3, no: 1 } }],
      rule: "SIMPLE_MAJORITY",
      cast: 4,
      eligible: 4,
      tally: {
        LABOR: { YES: 2, NO: 0, ABSTAIN: 0 },
        MANAGEMENT: { YES: 1, NO: 1, ABSTAIN: 0 },
        NEUTRAL: { YES: 0, NO: 0, ABSTAIN: 0 },
        total: { YES: 3, NO: 1, ABSTAIN: 0 },
      },
      quorum: {
        basis: "ATTENDANCE",
        required: true,
        met: true,
        LABOR: { voting: 2, present: 2, required: 1, met: true },
        MANAGEMENT: { voting: 2, present: 2, required: 1, met: true },
      },
    };
    expect(result).toEqual(expected);
    const stored = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
    expect(stored).toMatchObject({ status: "CLOSED", outcome: "PASSED", closedAt: expect.any(Date) });
    expect(stored.result).toEqual(expected);
    const view = await laborMember.trpc.voting.motion.get({ motionId });
    expect(view.motion).toMatchObject({ status: "CLOSED", outcome: "PASSED", result: expected });
    expect(view.viewer).toMatchObject({ canVote: false, hasVoted: true, myChoice: "YES" });
    const byMembership = (a: [string | undefined, ...unknown[]], b: [string | undefined, ...unknown[]]) => String(a[0]).localeCompare(String(b[0]));
    expect(view.rollCall?.map((b): [string | undefined, string, unknown] => [b.seat?.membershipId, b.choice, b.castBy]).sort(byMembership)).toEqual(
      (
        [
          [laborChair.membershipId, "YES", null],
          [laborMember.membershipId, "YES", null],
          [managementChair.membershipId, "YES", null],
          [managementMember.membershipId, "NO", null],
        ] as Array<[string, string, null]>
      ).sort(byMembership),
    );

    // The meeting's minutes carry the decision with the quorum at that moment.
    const { decisions } = await laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.text).toBe(`Motion: ${text} Result: passed (3 yes to 1 no.)`);
    // The same result as codes, said in each reader's language; the English one is the stored sentence.
    expect(decisions[0]!.vote).toEqual({ motionText: text, outcome: "PASSED", why: [{ code: "yesToNo", values: { yes: 3, no: 1 } }], adoption: null });
    expect(decisionText(serverWords("en").t, decisions[0]!)).toBe(decisions[0]!.text);
    expect(decisionText(serverWords("es").t, decisions[0]!)).toBe(`Moción: ${text} Resultado: aprobada (3 a favor y 1 en contra.)`);
    // A decision recorded before the codes (or typed by a person) is shown as written, in any language.
    expect(decisionText(serverWords("es").t, { text: "Motion: old Result: passed", vote: null })).toBe("Motion: old Result: passed");
    expect(decisions[0]!.quorum).toMatchObject({ met: true, LABOR: { present: 2 }, MANAGEMENT: { present: 2 } });
    const decisionRow = await app.db.decision.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(decisionRow.recordedById).toBe(managementChair.user.id);

    expect(await eventKinds(app.db, motionId)).toEqual([
      "moved",
      "seconded",
      "opened",
      "ballotRecorded",
      "ballotRecorded",
      "ballotRecorded",
      "ballotRecorded",
      "closed",
      "result",
    ]);
    expect(view.events.map((e) => e.kind)).toEqual(await eventKinds(app.db, motionId));
    expect(view.events.find((e) => e.kind === "result")?.data).toEqual(expected);
    const audit = await app.db.auditEvent.findMany({ where: { subjectId: motionId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["motion.moved", "motion.opened", "motion.closed"]);
  });

  it("lists the motion for the body's members with its counts, and not for anyone else", async () => {
    const motionId = await openMotion(world);
    await castAll(motionId, [[laborChair, "YES"]]);
    const listed = await world.observer.trpc.voting.motion.list({ partnershipId: world.partnership.id });
    expect(listed.find((m) => m.id === motionId)).toMatchObject({ status: "OPEN", eligible: 4, cast: 1 });
    // The outsider is in the partnership but has no seat on the committee.
    const outsiders = await world.outsider.trpc.voting.motion.list({ partnershipId: world.partnership.id });
    expect(outsiders.find((m) => m.id === motionId)).toBeUndefined();
    expect((await refusal(world.stranger.trpc.voting.motion.list({ partnershipId: world.partnership.id }))).code).toBe("NOT_FOUND");
  });

  it("withdraws (the mover only) and tables (a co-chair only) before the vote opens", async () => {
    const withdrawn = await moveMotion(world);
    expect((await refusedWithoutWriting(() => managementMember.trpc.voting.motion.withdraw({ motionId: withdrawn }))).code).toBe("FORBIDDEN");
    await laborMember.trpc.voting.motion.withdraw({ motionId: withdrawn });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: withdrawn } })).status).toBe("WITHDRAWN");

    const tabled = await secondedMotion(world);
    expect((await refusedWithoutWriting(() => laborMember.trpc.voting.motion.table({ motionId: tabled }))).code).toBe("FORBIDDEN");
    await managementChair.trpc.voting.motion.table({ motionId: tabled });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: tabled } })).status).toBe("TABLED");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.open({ motionId: tabled, deadline: new Date(Date.now() + HOUR) }))).code).toBe(
      "PRECONDITION_FAILED",
    );

    const open = await openMotion(world);
    expect((await refusedWithoutWriting(() => laborMember.trpc.voting.motion.withdraw({ motionId: open }))).code).toBe("PRECONDITION_FAILED");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.table({ motionId: open }))).code).toBe("PRECONDITION_FAILED");
  });
});

describe("refusals are typed and write nothing", () => {
  it("refuses to open a vote without a second (PRECONDITION_FAILED)", async () => {
    const motionId = await moveMotion(world);
    const refused = await refusedWithoutWriting(() => laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) }));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: "A motion needs a second before the vote opens." });
  });

  it("refuses an electronic vote without a deadline, or with one in the past (BAD_REQUEST)", async () => {
    const motionId = await secondedMotion(world);
    const none = await refusedWithoutWriting(() => laborChair.trpc.voting.motion.open({ motionId, deadline: null }));
    expect(none).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { deadline: ["Set a deadline."] } });
    const past = await refusedWithoutWriting(() => laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() - 1000) }));
    expect(past).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { deadline: ["The deadline must be in the future."] } });
  });

  it("refuses the mover seconding their own motion", async () => {
    const motionId = await moveMotion(world);
    const refused = await refusedWithoutWriting(() => laborMember.trpc.voting.motion.second({ motionId }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: "The mover cannot second their own motion." });
  });

  it("refuses a second from someone without a vote (observer, advisory or neutral member)", async () => {
    const motionId = await moveMotion(world);
    for (const p of [world.observer, world.laborAdvisory, world.neutralMember, world.staff]) {
      expect((await refusedWithoutWriting(() => p.trpc.voting.motion.second({ motionId }))).code).toBe("FORBIDDEN");
    }
    expect((await refusedWithoutWriting(() => world.outsider.trpc.voting.motion.second({ motionId }))).code).toBe("NOT_FOUND");
  });

  it("refuses a second from the mover's own side when the body wants it from the other side (PRECONDITION_FAILED)", async () => {
    const own = await votingWorld(app);
    const proposal = await own.laborChair.trpc.voting.settings.set({
      bodyId: own.committee.id,
      secondFromOtherSide: true,
      allowVoteChange: true,
      deadlockProcedure: "TABLE",
      umpireName: "",
      reminderLeadHours: 24,
    });
    // Voting settings are a joint change: management's co-chair concurs.
    if (proposal.pending) await own.managementChair.trpc.joint.change.concur({ changeId: proposal.changeId });
    const motionId = await moveMotion(own);
    const view = await own.laborChair.trpc.voting.motion.get({ motionId });
    expect(view.settings.secondFromOtherSide).toBe(true);
    expect(view.viewer.canSecond).toBe(false);
    const before = await everything(app.db);
    expect(await refusal(own.laborChair.trpc.voting.motion.second({ motionId }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "In this body the second must come from the other side.",
    });
    expect(await everything(app.db)).toEqual(before);
    // From the other side it is seconded.
    expect((await own.managementMember.trpc.voting.motion.get({ motionId })).viewer.canSecond).toBe(true);
    await own.managementMember.trpc.voting.motion.second({ motionId });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).secondedByMembershipId).toBe(own.managementMember.membershipId);
  });

  it("refuses a ballot before the vote opens, and after it closed (PRECONDITION_FAILED)", async () => {
    const motionId = await secondedMotion(world);
    expect(await refusedWithoutWriting(() => laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This vote is not open.",
    });
    await laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) });
    await laborChair.trpc.voting.motion.close({ motionId });
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("PRECONDITION_FAILED");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.close({ motionId }))).code).toBe("PRECONDITION_FAILED");
  });

  it("refuses a ballot from an observer, staff, an advisory member and a neutral (advisory) member (FORBIDDEN)", async () => {
    const motionId = await openMotion(world);
    for (const p of [world.observer, world.staff, world.laborAdvisory, world.neutralMember]) {
      const refused = await refusedWithoutWriting(() => p.trpc.voting.ballot.cast({ motionId, choice: "YES" }));
      expect(refused, p.name).toMatchObject({ code: "FORBIDDEN" });
      expect((await p.trpc.voting.motion.get({ motionId })).viewer).toMatchObject({ isOnRoll: false, canVote: false });
    }
  });

  it("refuses a ballot from someone seated after the vote opened (FORBIDDEN): the roll is fixed at opening", async () => {
    const own = await votingWorld(app);
    const motionId = await openMotion(own);
    const late = await own.person("Lou Late-Seat", "LABOR", { role: "MEMBER" });
    const refused = await refusedWithoutWriting(() => late.trpc.voting.ballot.cast({ motionId, choice: "YES" }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "You are not on this vote's roll: only voting members seated when it opened may vote." });
    expect((await late.trpc.voting.motion.get({ motionId })).tally.eligible).toBe(4);
    // A vote opened after the seat was given includes them.
    const later = await openMotion(own);
    await late.trpc.voting.ballot.cast({ motionId: later, choice: "YES" });
    expect((await late.trpc.voting.motion.get({ motionId: later })).viewer).toMatchObject({ isOnRoll: true, hasVoted: true, myChoice: "YES" });
  });

  it("answers NOT_FOUND for a ballot in another partnership's motion, or from someone in no partnership", async () => {
    const motionId = await openMotion(world);
    const elsewhere = await votingWorld(app);
    expect(await refusedWithoutWriting(() => elsewhere.laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "Motion was not found.",
    });
    expect((await refusedWithoutWriting(() => world.stranger.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("NOT_FOUND");
    expect((await refusedWithoutWriting(() => world.outsider.trpc.voting.ballot.cast({ motionId, choice: "YES" }))).code).toBe("NOT_FOUND");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.ballot.cast({ motionId: "no-such-motion", choice: "YES" }))).code).toBe("NOT_FOUND");
  });

  it("refuses a choice that is not offered with 400 over the real HTTP endpoint", async () => {
    const motionId = await openMotion(world);
    for (const choice of ["MAYBE", "yes", "", 1, null]) {
      const before = await everything(app.db);
      const response = await laborChair.http.mutate("voting.ballot.cast", { motionId, choice });
      expect(response.status).toBe(400);
      expect(response.error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { choice: ["Choose yes, no or abstain."] } });
      expect(await everything(app.db)).toEqual(before);
    }
    // The same endpoint takes an offered choice.
    const ok = await laborChair.http.mutate("voting.ballot.cast", { motionId, choice: "ABSTAIN" });
    expect(ok).toMatchObject({ status: 200, data: { recorded: "ABSTAIN", cast: 1 } });
  });

  it("answers NOT_FOUND to a partnership member who is not on the body reading the motion, and to strangers", async () => {
    const motionId = await openMotion(world);
    expect(await refusal(world.outsider.trpc.voting.motion.get({ motionId }))).toMatchObject({ code: "NOT_FOUND", message: "Motion was not found." });
    expect((await refusal(world.stranger.trpc.voting.motion.get({ motionId }))).code).toBe("NOT_FOUND");
    const response = await world.outsider.http.query("voting.motion.get", { motionId });
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.raw)).not.toContain("apprenticeship standard");
  });

  it("refuses opening and closing by anyone but a co-chair (FORBIDDEN)", async () => {
    const motionId = await secondedMotion(world);
    for (const p of [laborMember, managementMember, world.observer, world.neutralMember, world.staff]) {
      expect((await refusedWithoutWriting(() => p.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) }))).code).toBe("FORBIDDEN");
    }
    // The founder co-chairs the partnership but has no seat on this committee.
    expect((await refusedWithoutWriting(() => world.founder.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) }))).code).toBe("NOT_FOUND");
    await managementChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) });
    for (const p of [laborMember, managementMember, world.observer, world.neutralMember]) {
      expect((await refusedWithoutWriting(() => p.trpc.voting.motion.close({ motionId }))).code).toBe("FORBIDDEN");
    }
    await laborChair.trpc.voting.motion.close({ motionId });
  });

  it("refuses moving a motion by a member without a vote", async () => {
    for (const p of [world.observer, world.laborAdvisory, world.neutralMember]) {
      expect((await refusedWithoutWriting(() => moveMotion(world, { mover: p }))).code).toBe("FORBIDDEN");
    }
  });
});

describe("where someone may move a motion", () => {
  it("lists the bodies where they hold a voting seat, and nothing outside their partnerships", async () => {
    const own = await votingWorld(app);
    const movable = (p: { trpc: typeof laborChair.trpc }) => p.trpc.voting.motion.movableBodies({ partnershipId: own.partnership.id });
    // Everyone in the factory's partnership holds a voting seat on its top body; the committee seats differ.
    // Each with its representation rules (the move form offers only per-side rules under equal representation).
    const plain = { equalRepresentation: false, unitRule: false };
    expect(await movable(own.laborMember)).toEqual([
      { id: own.topBody.id, name: own.topBody.name, ...plain },
      { id: own.committee.id, name: own.committee.name, ...plain },
    ]);
    for (const p of [own.observer, own.laborAdvisory]) expect(await movable(p)).toEqual([{ id: own.topBody.id, name: own.topBody.name, ...plain }]);
    expect((await refusal(movable(own.stranger))).code).toBe("NOT_FOUND");
    expect((await refusal(movable(laborChair))).code).toBe("NOT_FOUND");
  });
});

describe("changing a vote", () => {
  it("counts the last choice of a roll call when the body allows changes", async () => {
    const motionId = await openMotion(world);
    await laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await laborChair.trpc.voting.ballot.cast({ motionId, choice: "NO" });
    await laborChair.trpc.voting.ballot.cast({ motionId, choice: "ABSTAIN" });
    const ballots = await app.db.rollCallBallot.findMany({ where: { motionId } });
    expect(ballots.map((b) => b.choice)).toEqual(["ABSTAIN"]);
    const view = await laborChair.trpc.voting.motion.get({ motionId });
    expect(view.viewer).toMatchObject({ myChoice: "ABSTAIN", canVote: true });
    expect(view.tally).toMatchObject({ cast: 1, bySide: { LABOR: { YES: 0, NO: 0, ABSTAIN: 1 } } });
    const result = await laborChair.trpc.voting.motion.close({ motionId });
    expect(result.tally.total).toEqual({ YES: 0, NO: 0, ABSTAIN: 1 });
  });

  it("refuses a change with CONFLICT when the body's setting forbids it, and keeps the first choice", async () => {
    const strict = await votingWorld(app);
    const proposal = await strict.managementChair.trpc.voting.settings.set({
      bodyId: strict.committee.id,
      secondFromOtherSide: false,
      allowVoteChange: false,
      deadlockProcedure: "TABLE",
      umpireName: "",
      // No reminder: one due at once would be written by the job runner between the two snapshots.
      reminderLeadHours: 0,
    });
    // Voting settings are a joint change: labor's co-chair concurs.
    if (proposal.pending) await strict.laborChair.trpc.joint.change.concur({ changeId: proposal.changeId });
    expect(await strict.laborMember.trpc.voting.settings.get({ bodyId: strict.committee.id })).toMatchObject({ allowVoteChange: false });
    const motionId = await openMotion(strict);
    await strict.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    const before = await everything(app.db);
    expect(await refusal(strict.laborMember.trpc.voting.ballot.cast({ motionId, choice: "NO" }))).toMatchObject({
      code: "CONFLICT",
      message: "Your vote is recorded, and this body does not allow changing it.",
    });
    expect(await everything(app.db)).toEqual(before);
    expect((await app.db.rollCallBallot.findMany({ where: { motionId } })).map((b) => b.choice)).toEqual(["YES"]);
    expect((await strict.laborMember.trpc.voting.motion.get({ motionId })).viewer).toMatchObject({ myChoice: "YES", canVote: false });
  });

  it("refuses a second secret ballot with CONFLICT: it cannot be changed", async () => {
    const motionId = await openMotion(world, { ballotKind: "SECRET" });
    await laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    const before = await everything(app.db);
    for (const choice of ["NO", "YES"] as const) {
      expect((await refusal(laborChair.trpc.voting.ballot.cast({ motionId, choice }))).code).toBe("CONFLICT");
    }
    expect(await everything(app.db)).toEqual(before);
    expect(await app.db.secretParticipation.count({ where: { motionId } })).toBe(1);
    expect((await laborChair.trpc.voting.motion.get({ motionId })).viewer).toMatchObject({ hasVoted: true, canVote: false, myChoice: null });
  });
});

describe("amendments", () => {
  it("a friendly amendment by the mover changes the text at once and needs a new second", async () => {
    const motionId = await secondedMotion(world, { text: "That we fund 10 places." });
    // Only the mover accepts an amendment as friendly.
    expect((await refusedWithoutWriting(() => managementMember.trpc.voting.motion.amend({ motionId, text: "That we fund 20 places.", friendly: true }))).code).toBe(
      "FORBIDDEN",
    );
    // Lists show the wording and the status: they hear of the change.
    const socket = await managementMember.connect();
    await joinRoom(socket, { kind: "partnership", id: world.partnership.id });
    const listChanged = nextEvent(socket, "motions:changed");
    await laborMember.trpc.voting.motion.amend({ motionId, text: "That we fund 12 places.", friendly: true });
    expect(await listChanged).toEqual({ partnershipId: world.partnership.id });
    const view = await managementMember.trpc.voting.motion.get({ motionId });
    expect(view.motion).toMatchObject({ text: "That we fund 12 places.", status: "MOVED", secondedBy: null });
    expect(view.events.at(-1)).toMatchObject({ kind: "amended", data: { friendly: true, text: "That we fund 12 places." } });
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + HOUR) }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    await managementChair.trpc.voting.motion.second({ motionId });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).status).toBe("SECONDED");
  });

  it("an amendment motion that passes changes the parent's text; one that fails does not", async () => {
    const parentId = await moveMotion(world, { text: "That we fund 10 places." });
    const { id: amendmentId } = await managementMember.trpc.voting.motion.amend({ motionId: parentId, text: "That we fund 15 places.", friendly: false });
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: amendmentId } })).toMatchObject({
      amendsMotionId: parentId,
      status: "MOVED",
      rule: "SIMPLE_MAJORITY",
      movedByMembershipId: managementMember.membershipId,
    });
    expect((await laborMember.trpc.voting.motion.get({ motionId: parentId })).amendments).toEqual([
      { id: amendmentId, text: "That we fund 15 places.", status: "MOVED", outcome: null },
    ]);
    await laborMember.trpc.voting.motion.second({ motionId: amendmentId });
    await laborChair.trpc.voting.motion.open({ motionId: amendmentId, deadline: new Date(Date.now() + HOUR) });
    await castAll(amendmentId, [
      [laborChair, "YES"],
      [laborMember, "YES"],
      [managementChair, "NO"],
      [managementMember, "YES"],
    ]);
    expect((await laborChair.trpc.voting.motion.close({ motionId: amendmentId })).outcome).toBe("PASSED");
    const parent = await laborMember.trpc.voting.motion.get({ motionId: parentId });
    expect(parent.motion).toMatchObject({ text: "That we fund 15 places.", status: "MOVED" });
    expect(parent.events.map((e) => e.kind)).toEqual(["moved", "amendmentMoved", "amended"]);
    expect(parent.events.at(-1)?.data).toMatchObject({ friendly: false, amendmentId, text: "That we fund 15 places." });

    const failing = (await managementMember.trpc.voting.motion.amend({ motionId: parentId, text: "That we fund 1 place.", friendly: false })).id;
    await laborMember.trpc.voting.motion.second({ motionId: failing });
    await laborChair.trpc.voting.motion.open({ motionId: failing, deadline: new Date(Date.now() + HOUR) });
    await castAll(failing, [
      [laborChair, "NO"],
      [managementChair, "NO"],
    ]);
    expect((await laborChair.trpc.voting.motion.close({ motionId: failing })).outcome).toBe("FAILED");
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: parentId } })).text).toBe("That we fund 15 places.");
  });

  it("refuses amending a motion whose vote is open", async () => {
    const motionId = await openMotion(world);
    expect((await refusedWithoutWriting(() => laborMember.trpc.voting.motion.amend({ motionId, text: "Other words.", friendly: true }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    expect((await refusedWithoutWriting(() => managementMember.trpc.voting.motion.amend({ motionId, text: "Other words.", friendly: false }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });
});

describe("a split dual majority", () => {
  /** A dual-majority vote in which labor votes for and management against. */
  async function deadlocked(w: VotingWorld) {
    const motionId = await openMotion(w, { rule: "DUAL_MAJORITY" });
    await castAll(motionId, [
      [w.laborChair, "YES"],
      [w.laborMember, "YES"],
      [w.managementChair, "NO"],
      [w.managementMember, "NO"],
    ]);
    const result = await w.laborChair.trpc.voting.motion.close({ motionId });
    return { motionId, result };
  }

  it("is DEADLOCKED; how the body settled it (it tables deadlocks) is recorded once, and a second attempt is a CONFLICT", async () => {
    const { motionId, result } = await deadlocked(world);
    expect(result).toMatchObject({
      outcome: "DEADLOCKED",
      reason: "Deadlocked: a majority of labor voted yes, and management voted against. Labor 2–0, management 0–2.",
      quorum: { basis: "BALLOTS", met: true },
    });
    expect((await refusedWithoutWriting(() => laborMember.trpc.voting.motion.resolveDeadlock({ motionId, resolution: "Mine." }))).code).toBe("FORBIDDEN");
    const resolution = "The impartial umpire, J. Ortiz, decided for the motion on 3 March.";
    await managementChair.trpc.voting.motion.resolveDeadlock({ motionId, resolution });
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).toMatchObject({ resolution, resolvedAt: expect.any(Date), outcome: "DEADLOCKED" });

    expect(await refusedWithoutWriting(() => laborChair.trpc.voting.motion.resolveDeadlock({ motionId, resolution: "Something else." }))).toMatchObject({
      code: "CONFLICT",
      message: "This deadlock has already been settled.",
    });
    expect(await refusedWithoutWriting(() => laborChair.trpc.voting.motion.revote({ motionId }))).toMatchObject({ code: "CONFLICT" });
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).resolution).toBe(resolution);
    expect((await eventKinds(app.db, motionId)).filter((k) => k === "deadlockResolved")).toHaveLength(1);
  });

  it("a re-vote clones the motion as SECONDED, ready to open, and settles the deadlock once", async () => {
    const { motionId } = await deadlocked(world);
    const original = await app.db.motion.findUniqueOrThrow({ where: { id: motionId } });
    const { id: againId } = await laborChair.trpc.voting.motion.revote({ motionId });
    expect(againId).not.toBe(motionId);
    expect(await app.db.motion.findUniqueOrThrow({ where: { id: againId } })).toMatchObject({
      status: "SECONDED",
      text: original.text,
      rule: "DUAL_MAJORITY",
      ballotKind: original.ballotKind,
      movedByMembershipId: original.movedByMembershipId,
      secondedByMembershipId: original.secondedByMembershipId,
      outcome: null,
      result: null,
    });
    expect(await eventKinds(app.db, againId)).toEqual(["moved"]);
    expect((await app.db.motion.findUniqueOrThrow({ where: { id: motionId } })).resolution).toBe("Re-voted after a caucus.");
    const motionsBefore = await app.db.motion.count();
    expect((await refusal(managementChair.trpc.voting.motion.revote({ motionId }))).code).toBe("CONFLICT");
    expect(await app.db.motion.count()).toBe(motionsBefore);

    // The re-vote opens and is decided like any vote.
    await laborChair.trpc.voting.motion.open({ motionId: againId, deadline: new Date(Date.now() + HOUR) });
    await castAll(againId, world.voters.map((p) => [p, "YES"] as const));
    expect((await laborChair.trpc.voting.motion.close({ motionId: againId })).outcome).toBe("PASSED");
  });

  it("refuses settling or re-voting a vote that did not deadlock (PRECONDITION_FAILED)", async () => {
    const motionId = await openMotion(world, { rule: "DUAL_MAJORITY" });
    await castAll(motionId, [
      [laborChair, "YES"],
      [managementChair, "YES"],
    ]);
    expect((await laborChair.trpc.voting.motion.close({ motionId })).outcome).toBe("PASSED");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.resolveDeadlock({ motionId, resolution: "x" }))).code).toBe("PRECONDITION_FAILED");
    expect((await refusedWithoutWriting(() => laborChair.trpc.voting.motion.revote({ motionId }))).code).toBe("PRECONDITION_FAILED");
  });
});

describe("the record of a vote is append-only", () => {
  it("refuses UPDATE and DELETE on MotionEvent at the database, whoever asks", async () => {
    const motionId = await openMotion(world);
    await castAll(motionId, [[laborChair, "YES"]]);
    const before = await app.db.motionEvent.findMany({ where: { motionId }, orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(0);
    await expect(app.db.$executeRawUnsafe(`UPDATE "MotionEvent" SET "kind" = 'forged' WHERE "motionId" = $1`, motionId)).rejects.toThrow(/append-only/);
    await expect(app.db.$executeRawUnsafe(`DELETE FROM "MotionEvent" WHERE "motionId" = $1`, motionId)).rejects.toThrow(/append-only/);
    await expect(app.db.motionEvent.updateMany({ where: { motionId }, data: { kind: "forged" } })).rejects.toThrow();
    await expect(app.db.motionEvent.deleteMany({ where: { motionId } })).rejects.toThrow();
    expect(await app.db.motionEvent.findMany({ where: { motionId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("keeps a motion with a record from being deleted (the record would go with it)", async () => {
    const motionId = await moveMotion(world);
    await expect(app.db.motion.delete({ where: { id: motionId } })).rejects.toThrow();
    expect(await app.db.motion.count({ where: { id: motionId } })).toBe(1);
  });

  it("offers no procedure that edits or removes events or ballots", () => {
    const procedures = Object.keys(votingRouter._def.procedures).sort();
    expect(procedures).toEqual(
      [
        "motion.list",
        "motion.movableBodies",
        "motion.get",
        "motion.move",
        "motion.second",
        "motion.amend",
        "motion.withdraw",
        "motion.table",
        "motion.open",
        "motion.close",
        "motion.resolveDeadlock",
        "motion.recordUmpireDecision",
        "motion.revote",
        "ballot.cast",
        "settings.get",
        "settings.set",
        "settings.nameUmpire",
        "settings.setAlternate",
        "settings.setDelegation",
      ].sort(),
    );
    expect(procedures.filter((p) => /event|remove|delete|update|edit|retract/i.test(p))).toEqual([]);
  });
});

describe("seats given by the factory match what the service expects", () => {
  it("seats a neutral member as advisory by default", async () => {
    const neutral = await app.db.bodySeat.findUniqueOrThrow({ where: { bodyId_membershipId: { bodyId: world.committee.id, membershipId: world.neutralMember.membershipId } } });
    expect(neutral).toMatchObject({ role: "MEMBER", isVoting: false });
    // A neutral member given a voting seat is on the roll (the roll counts seats, not sides).
    const own = await votingWorld(app);
    const voter = await own.person("Nell Neutral-Voter", "NEUTRAL");
    await seatOnBody(app.db, { bodyId: own.committee.id, membershipId: voter.membershipId, role: "MEMBER", isVoting: true });
    const motionId = await openMotion(own);
    expect((await voter.trpc.voting.motion.get({ motionId })).viewer.isOnRoll).toBe(true);
  });
});
