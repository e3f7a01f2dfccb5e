// "What needs me": each kind of waiting item appears on the home page of exactly the people who must act
// on it (and nobody else, never across partnerships), leaves it when they act, and is counted on the
// partnership's tabs. Everything is made through the real use cases on a real PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraft, createDraftVersion } from "../../server/fixtures/factories.js";
import { committeeMeeting, homeWorld, names, whoSees, type HomeWorld } from "../support/home-helpers.js";
import { refusal, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const notificationCount = (userId: string, kind: string) => app.db.notification.count({ where: { userId, kind } });
const all = (w: HomeWorld) => [...w.everyone, { name: "stranger", trpc: w.stranger.trpc }];

describe("agendas and minutes to approve", { timeout: 60_000 }, () => {
  it("wait for each co-chair of the body until their side approved the current version, then leave; one 'published' notice each", async () => {
    const w = await homeWorld(app);
    const meeting = await committeeMeeting(app, w, { title: "Committee agenda" });
    expect(await whoSees(all(w), (x) => x.sections.agendas)).toEqual(names(w.committeeLaborChair, w.committeeManagementChair));

    const item = (await w.committeeManagementChair.trpc.home.waiting.list()).sections.agendas[0]!;
    expect(item).toMatchObject({ meetingId: meeting.id, partnershipId: w.partnership.id, title: "Committee agenda", version: 1, side: "MANAGEMENT", otherSideApprovedAt: null });

    await w.committeeLaborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(await whoSees(all(w), (x) => x.sections.agendas)).toEqual(names(w.committeeManagementChair));
    const waiting = (await w.committeeManagementChair.trpc.home.waiting.list()).sections.agendas[0]!;
    expect(waiting.otherSideApprovedAt).toBeInstanceOf(Date);

    await w.committeeManagementChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(await whoSees(all(w), (x) => x.sections.agendas)).toEqual([]);
    // Both co-chairs approved: everyone seated is told once, never twice.
    await expect.poll(() => notificationCount(w.laborMember.user.id, "agenda.published")).toBe(1);
    for (const p of [w.committeeLaborChair, w.committeeManagementChair, w.laborMember]) expect(await notificationCount(p.user.id, "agenda.published")).toBe(1);
  });

  it("does not list an agenda without accepted items, or a meeting that is over", async () => {
    const w = await homeWorld(app);
    await committeeMeeting(app, w, { items: 0 });
    await committeeMeeting(app, w, { startsAt: new Date(Date.now() - 3 * 86_400_000) });
    expect(await whoSees(all(w), (x) => x.sections.agendas)).toEqual([]);
  });

  it("lists adjourned minutes for each co-chair until approved, and a new version asks again", async () => {
    const w = await homeWorld(app);
    const meeting = await committeeMeeting(app, w, { title: "Minutes meeting" });
    await app.db.meeting.update({ where: { id: meeting.id }, data: { status: "ADJOURNED", adjournedAt: new Date() } });
    expect(await whoSees(all(w), (x) => x.sections.minutes)).toEqual(names(w.committeeLaborChair, w.committeeManagementChair));

    await w.committeeLaborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    expect(await whoSees(all(w), (x) => x.sections.minutes)).toEqual(names(w.committeeManagementChair));
    await w.committeeManagementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: 1 });
    expect(await whoSees(all(w), (x) => x.sections.minutes)).toEqual([]);
    await expect.poll(() => notificationCount(w.laborMember.user.id, "minutes.approved")).toBe(1);
    expect(await notificationCount(w.committeeManagementChair.user.id, "minutes.approved")).toBe(1);
  });
});

describe("votes open to the person", { timeout: 60_000 }, () => {
  it("lists an open vote for each voter on its roll until they voted; not for observers, the unseated or others", async () => {
    const w = await homeWorld(app);
    const { id: motionId } = await w.laborMember.trpc.voting.motion.move({
      bodyId: w.committee.id,
      meetingId: null,
      approvesMinutesOfMeetingId: null,
      text: "That the committee adopt the new welding standard.",
      ballotKind: "ROLL_CALL",
      rule: "SIMPLE_MAJORITY",
      requireQuorum: false,
    });
    await w.managementMember.trpc.voting.motion.second({ motionId });
    expect(await whoSees(all(w), (x) => x.sections.votes)).toEqual([]);
    await w.committeeLaborChair.trpc.voting.motion.open({ motionId, deadline: new Date(Date.now() + 3_600_000) });

    const voters = names(w.committeeLaborChair, w.committeeManagementChair, w.laborMember, w.managementMember);
    expect(await whoSees(all(w), (x) => x.sections.votes)).toEqual(voters);
    const vote = (await w.laborMember.trpc.home.waiting.list()).sections.votes[0]!;
    expect(vote).toMatchObject({ motionId, partnershipId: w.partnership.id, forSeatOf: null, ballotKind: "ROLL_CALL" });

    await w.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    expect(await whoSees(all(w), (x) => x.sections.votes)).toEqual(names(w.committeeLaborChair, w.committeeManagementChair, w.managementMember));
  });
});

describe("sign-offs and mentions", { timeout: 60_000 }, () => {
  it("asks the worker sign-off group for the current version until they decide, and again for a new version", async () => {
    const w = await homeWorld(app);
    const draft = await createDraft(app.db, { bodyId: w.committee.id, createdById: w.committeeLaborChair.user.id, title: "Welding I" });
    await createDraftVersion(app.db, { draftId: draft.id, createdById: w.committeeLaborChair.user.id });
    expect(await whoSees(all(w), (x) => x.sections.signOffs)).toEqual(names(w.laborMember));
    const asked = (await w.laborMember.trpc.home.waiting.list()).sections.signOffs[0]!;
    expect(asked).toMatchObject({ draftId: draft.id, title: "Welding I", versionNumber: 1 });

    await w.laborMember.trpc.drafts.signOff.decide({ draftId: draft.id, versionNumber: 1, decision: "SIGNED_OFF" });
    expect(await whoSees(all(w), (x) => x.sections.signOffs)).toEqual([]);
  });

  it("lists a comment that mentions the person until they answer it or it is resolved", async () => {
    const w = await homeWorld(app);
    const draft = await createDraft(app.db, { bodyId: w.committee.id, createdById: w.committeeLaborChair.user.id, title: "Welding II" });
    const { id: commentId } = await w.managementMember.trpc.drafts.comment.add({ draftId: draft.id, body: `Could @${w.laborMember.name} check the hours?` });
    expect(await whoSees(all(w), (x) => x.sections.mentions)).toEqual(names(w.laborMember));
    const mention = (await w.laborMember.trpc.home.waiting.list()).sections.mentions[0]!;
    expect(mention).toMatchObject({ commentId, draftId: draft.id, authorName: w.managementMember.name, draftTitle: "Welding II" });
    expect(mention.excerpt).toContain("check the hours");

    await w.laborMember.trpc.drafts.comment.reply({ commentId, body: "Checked: 120 hours is right." });
    expect(await whoSees(all(w), (x) => x.sections.mentions)).toEqual([]);

    const { id: second } = await w.managementMember.trpc.drafts.comment.add({ draftId: draft.id, body: `@${w.laborMember.name} and the assessment?` });
    expect(await whoSees(all(w), (x) => x.sections.mentions)).toEqual(names(w.laborMember));
    await w.managementMember.trpc.drafts.comment.resolve({ commentId: second, resolved: true });
    expect(await whoSees(all(w), (x) => x.sections.mentions)).toEqual([]);
  });
});

describe("supportive-service requests", { timeout: 60_000 }, () => {
  it("puts a submitted request in the reviewers' queue (not the requesting organization's reviewer), then a question before the CBO", async () => {
    const w = await homeWorld(app);
    const { id: requestId } = await w.cboMember.trpc.services.request.create({
      partnershipId: w.partnership.id,
      traineeId: w.trainee.id,
      category: "DEPENDENT_CARE",
      amount: "200.00",
      neededBy: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      justification: "Evening classes.",
      submit: true,
    });
    expect(await whoSees(all(w), (x) => x.sections.toReview)).toEqual(names(w.reviewer));
    const queued = (await w.reviewer.trpc.home.waiting.list()).sections.toReview[0]!;
    expect(queued).toMatchObject({ requestId, category: "DEPENDENT_CARE", requestedCents: 20_000 });
    // The queue never names the trainee.
    expect(JSON.stringify(queued)).not.toContain(w.trainee.name);
    expect(await whoSees(all(w), (x) => x.sections.toAnswer)).toEqual([]);

    await w.reviewer.trpc.services.request.askInfo({ requestId, note: "Which provider?" });
    expect(await whoSees(all(w), (x) => x.sections.toReview)).toEqual([]);
    expect(await whoSees(all(w), (x) => x.sections.toAnswer)).toEqual(names(w.cboMember, w.cboReviewer));
    expect((await w.cboMember.trpc.home.waiting.list()).sections.toAnswer[0]).toMatchObject({ requestId, traineeName: w.trainee.name });

    await w.cboMember.trpc.services.request.answer({ requestId, note: "Little Steps daycare." });
    expect(await whoSees(all(w), (x) => x.sections.toAnswer)).toEqual([]);
    expect(await whoSees(all(w), (x) => x.sections.toReview)).toEqual(names(w.reviewer));
    await w.reviewer.trpc.services.request.deny({ requestId, reason: "Covered by the county." });
    expect(await whoSees(all(w), (x) => x.sections.toReview)).toEqual([]);
  });
});

describe("joint changes and action items", { timeout: 60_000 }, () => {
  it("lists the other side's proposal for the co-chairs who may concur, until one does", async () => {
    const w = await homeWorld(app);
    await w.committeeManagementChair.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor: 2, management: 2 });
    expect(await whoSees(all(w), (x) => x.sections.jointChanges)).toEqual(names(w.laborChair, w.committeeLaborChair));
    const change = (await w.committeeLaborChair.trpc.home.waiting.list()).sections.jointChanges[0]!;
    expect(change.viewer.canConcur).toBe(true);

    await w.laborChair.trpc.joint.change.concur({ changeId: change.id });
    expect(await whoSees(all(w), (x) => x.sections.jointChanges)).toEqual([]);
  });

  it("lists an open action item for its owner only, until it is done", async () => {
    const w = await homeWorld(app);
    const meeting = await committeeMeeting(app, w);
    await app.db.meeting.update({ where: { id: meeting.id }, data: { status: "ADJOURNED", adjournedAt: new Date() } });
    const { id: actionId } = await w.committeeLaborChair.trpc.meetings.action.create({
      meetingId: meeting.id,
      text: "Send the welding quotes",
      ownerMembershipId: w.managementMember.membershipId,
      dueDate: "2030-01-15",
    });
    expect(await whoSees(all(w), (x) => x.sections.actionItems)).toEqual(names(w.managementMember));
    await w.managementMember.trpc.meetings.action.setStatus({ actionId, status: "DONE" });
    expect(await whoSees(all(w), (x) => x.sections.actionItems)).toEqual([]);
  });
});

describe("totals, tabs and other partnerships", { timeout: 60_000 }, () => {
  it("says all is done when nothing waits, and counts per tab of one partnership", async () => {
    const w = await homeWorld(app);
    const empty = await w.laborMember.trpc.home.waiting.list();
    expect(empty.total).toBe(0);
    expect(empty.partnerships.map((p) => p.id)).toEqual([w.partnership.id]);

    const meeting = await committeeMeeting(app, w);
    await w.managementMember.trpc.drafts.comment.add({
      draftId: (await createDraft(app.db, { bodyId: w.committee.id, createdById: w.committeeLaborChair.user.id })).id,
      body: `@${w.committeeLaborChair.name} please look`,
    });
    expect((await w.committeeLaborChair.trpc.home.waiting.list()).total).toBe(2);
    expect(await w.committeeLaborChair.trpc.home.waiting.count({ partnershipId: w.partnership.id })).toEqual({ overview: 0, meetings: 1, votes: 0, drafts: 1, services: 0 });
    await w.committeeLaborChair.trpc.meetings.agenda.approve({ meetingId: meeting.id, version: 1 });
    expect(await w.committeeLaborChair.trpc.home.waiting.count({ partnershipId: w.partnership.id })).toMatchObject({ meetings: 0, drafts: 1 });
  });

  it("never shows another partnership's items, and refuses its counts as not found", async () => {
    const w = await homeWorld(app);
    const other = await homeWorld(app);
    await committeeMeeting(app, other);
    await other.committeeManagementChair.trpc.partnerships.committee.setQuorumRule({ bodyId: other.committee.id, mode: "COUNT", labor: 2, management: 2 });
    const mine = await w.committeeLaborChair.trpc.home.waiting.list();
    expect(mine.total).toBe(0);
    const theirs = await other.committeeLaborChair.trpc.home.waiting.list();
    expect(theirs.sections.agendas).toHaveLength(1);
    expect(theirs.sections.jointChanges).toHaveLength(1);
    for (const key of Object.keys(theirs.sections) as Array<keyof typeof theirs.sections>) {
      for (const item of theirs.sections[key]) expect(item.partnershipId).toBe(other.partnership.id);
    }
    expect((await refusal(w.committeeLaborChair.trpc.home.waiting.count({ partnershipId: other.partnership.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(w.committeeLaborChair.trpc.home.waiting.count({ partnershipId: "not-an-id" }))).code).toMatch(/NOT_FOUND|BAD_REQUEST/);
  });

  it("hides a partnership that requires two-factor sign-in of a co-chair who has not turned it on, and says so", async () => {
    const w = await homeWorld(app);
    await committeeMeeting(app, w);
    await app.db.partnership.update({ where: { id: w.partnership.id }, data: { twoFactorRequired: true } });
    const blocked = await w.committeeLaborChair.trpc.home.waiting.list();
    expect(blocked.total).toBe(0);
    expect(blocked.needsTwoFactor).toEqual([{ partnershipId: w.partnership.id, name: w.partnership.name }]);
  });
});
