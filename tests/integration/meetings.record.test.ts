// The minutes of record (issue 14, item 3): everyone on the roll with their attendance (the chair who
// starts the meeting checked in), every motion of the meeting with mover, seconder, amendments, rule,
// quorum, result and per-side counts (roll call: names; secret: counts only), decisions with and
// without an agenda item, caucus breaks (times only) and the approval; read only by the body's seats.
import { afterAll, describe, expect, it, vi } from "vitest";
import { minutesHtml } from "../../server/domains/meetings/record.html.js";
import { serverWords } from "../../server/i18n.js";
import { liveMeeting, meetingWorld, type Person, type World } from "../support/meetings-helpers.js";
import { refusal, startTestApp } from "../support/test-app.js";

// Many calls per test on a shared 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const app = await startTestApp();
afterAll(() => app.close());

const record = (who: Person, meetingId: string) => who.trpc.meetings.meeting.record({ meetingId });

async function motionAt(world: World, meetingId: string, options: { text: string; ballotKind: "ROLL_CALL" | "SECRET"; agendaItemId?: string | null }) {
  const { id } = await world.laborMember.trpc.voting.motion.move({
    bodyId: world.committee.id,
    meetingId,
    agendaItemId: options.agendaItemId ?? null,
    approvesMinutesOfMeetingId: null,
    text: options.text,
    rationale: "",
    ballotKind: options.ballotKind,
    rule: "DUAL_MAJORITY",
    requireQuorum: true,
  });
  await world.managementMember.trpc.voting.motion.second({ motionId: id });
  return id;
}

describe("attendance in the record", () => {
  it("lists everyone on the roll, with the chair who started the meeting present and nobody left out", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    await world.managementChair.trpc.meetings.attendance.checkIn({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.laborMember.membershipId, status: "EXCUSED" });
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.managementMember.membershipId, status: "LATE" });

    const { attendance } = await record(world.observer, meeting.id);
    expect(attendance).toHaveLength(world.seated.length);
    const statusOf = (p: Person) => attendance.find((a) => a.membershipId === p.membershipId);
    expect(statusOf(world.laborChair)).toMatchObject({ status: "PRESENT", isRecorded: true, role: "CO_CHAIR" });
    expect(statusOf(world.managementChair)).toMatchObject({ status: "PRESENT", isRecorded: true });
    expect(statusOf(world.laborMember)).toMatchObject({ status: "EXCUSED", isRecorded: true });
    expect(statusOf(world.managementMember)).toMatchObject({ status: "LATE", isRecorded: true });
    // Nobody marked the observer: on the roll, absent, and said to be unrecorded.
    expect(statusOf(world.observer)).toMatchObject({ status: "ABSENT", isRecorded: false });
    // The co-chairs come first.
    expect(attendance.slice(0, 2).map((a) => a.role)).toEqual(["CO_CHAIR", "CO_CHAIR"]);
  });

  it("is refused to anyone without a seat on the body (NOT_FOUND)", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    expect((await refusal(record(world.outsider, meeting.id))).code).toBe("NOT_FOUND");
    expect((await refusal(world.stranger.trpc.meetings.meeting.record({ meetingId: meeting.id }))).code).toBe("NOT_FOUND");
  });
});

describe("motions, decisions, caucus breaks and approval in the record", () => {
  it("records a roll call with names and per-side counts, a secret ballot with counts only, and votes without an agenda item", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    for (const p of [world.managementChair, world.laborMember, world.managementMember]) await p.trpc.meetings.attendance.checkIn({ meetingId: meeting.id });

    // A roll call on no agenda item (what the print page used to miss), with a friendly amendment first.
    const rollCall = await motionAt(world, meeting.id, { text: "That the committee adopt the spring intake plan.", ballotKind: "ROLL_CALL" });
    await world.laborMember.trpc.voting.motion.amend({ motionId: rollCall, text: "That the committee adopt the spring intake plan as amended.", friendly: true });
    await world.managementMember.trpc.voting.motion.second({ motionId: rollCall });
    await world.laborChair.trpc.voting.motion.open({ motionId: rollCall, deadline: null });
    await world.laborChair.trpc.voting.ballot.cast({ motionId: rollCall, choice: "YES" });
    await world.laborMember.trpc.voting.ballot.cast({ motionId: rollCall, choice: "YES" });
    await world.managementChair.trpc.voting.ballot.cast({ motionId: rollCall, choice: "YES" });
    await world.managementMember.trpc.voting.ballot.cast({ motionId: rollCall, choice: "NO" });
    await world.laborChair.trpc.voting.motion.close({ motionId: rollCall });

    // A secret ballot on the first item.
    const secret = await motionAt(world, meeting.id, { text: "That the fund pay tool allowances.", ballotKind: "SECRET", agendaItemId: items[0]!.id });
    await world.laborChair.trpc.voting.motion.open({ motionId: secret, deadline: null });
    await world.laborChair.trpc.voting.ballot.cast({ motionId: secret, choice: "YES" });
    await world.managementChair.trpc.voting.ballot.cast({ motionId: secret, choice: "NO" });
    await world.laborMember.trpc.voting.ballot.cast({ motionId: secret, choice: "YES" });
    await world.laborChair.trpc.voting.motion.close({ motionId: secret });

    await world.laborChair.trpc.meetings.minutes.recordDecision({ meetingId: meeting.id, agendaItemId: null, text: "The committee thanks the outgoing trustees." });
    await world.laborChair.trpc.meetings.meeting.callCaucus({ meetingId: meeting.id, minutes: 10 });
    await world.laborChair.trpc.meetings.meeting.resume({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    const view = await world.laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: view.minutes.version });
    await world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: view.minutes.version });

    const r = await record(world.observer, meeting.id);
    expect(r.motions.map((m) => m.id)).toEqual([rollCall, secret]);
    const [rc, sb] = r.motions;
    expect(rc).toMatchObject({
      text: "That the committee adopt the spring intake plan as amended.",
      agendaItemId: null,
      ballotKind: "ROLL_CALL",
      rule: "DUAL_MAJORITY",
      status: "CLOSED",
      // Labor carried it, management tied: under dual majority, a deadlock.
      outcome: "DEADLOCKED",
      movedBy: { name: world.laborMember.name, side: "LABOR" },
      secondedBy: { name: world.managementMember.name, side: "MANAGEMENT" },
      cast: 4,
      quorum: { met: true },
    });
    expect(rc!.friendlyAmendments.map((a) => a.text)).toEqual(["That the committee adopt the spring intake plan as amended."]);
    expect(rc!.tally).toMatchObject({ LABOR: { YES: 2, NO: 0, ABSTAIN: 0 }, MANAGEMENT: { YES: 1, NO: 1, ABSTAIN: 0 }, total: { YES: 3, NO: 1, ABSTAIN: 0 } });
    expect(rc!.rollCall!.map((v) => [v.seat!.name, v.choice]).sort()).toEqual(
      [
        [world.laborChair.name, "YES"],
        [world.laborMember.name, "YES"],
        [world.managementChair.name, "YES"],
        [world.managementMember.name, "NO"],
      ].sort(),
    );
    // Secret: counts per side, and nothing that names a voter.
    expect(sb).toMatchObject({ ballotKind: "SECRET", agendaItemId: items[0]!.id, cast: 3, rollCall: null });
    expect(sb!.tally).toMatchObject({ LABOR: { YES: 2, NO: 0 }, MANAGEMENT: { YES: 0, NO: 1 } });
    expect(JSON.stringify(sb)).not.toContain(world.managementChair.name);

    // Each vote is in the record once: as its motion, with the result (the decision its close recorded
    // is not listed again); a decision recorded by hand stays a decision.
    expect(r.decisions.map((d) => d.text)).toEqual(["The committee thanks the outgoing trustees."]);
    expect(r.caucusBreaks).toHaveLength(1);
    expect(r.caucusBreaks[0]!.endedAt!.getTime()).toBeGreaterThanOrEqual(r.caucusBreaks[0]!.startedAt.getTime());
    expect(r.approval).toMatchObject({ approvedBy: "CO_CHAIRS", byMotion: null });
    expect(r.approval.coChairs.map((c) => c.name).sort()).toEqual([world.laborChair.name, world.managementChair.name].sort());

    // The printed record says the same, and a secret vote names nobody.
    const html = minutesHtml(r, serverWords("en"));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Other decisions");
    expect(html).toContain("Secret ballot: counts only");
    expect(html).toContain("Approved on");
    expect(html.split("That the fund pay tool allowances.").length - 1).toBe(1);
    expect(html).toContain("Motion: motion 2 (deadlocked) (below).");
    const secretBlock = html.slice(html.indexOf("Motion 2:"), html.indexOf("Other decisions"));
    expect(secretBlock).not.toContain(world.managementChair.name);

    // In a Spanish reader's language: the same record, the catalog's words, the people's own words untouched.
    const es = minutesHtml(r, serverWords("es"));
    expect(es).toContain('<html lang="es">');
    expect(es).toContain("Otras decisiones");
    expect(es).toContain("Asistencia");
    expect(es).toContain("Empate entre las partes");
    expect(es).toContain("That the fund pay tool allowances.");
    expect(es).not.toContain("Other decisions");
    expect(es).not.toContain("Secret ballot");
  });
});
