// Two-key changes, kind by kind, through the procedures that used to apply at once: one co-chair alone
// cannot make the change (it waits, nothing applied), the other side's concurrence applies it in that
// transaction, a proposal whose starting state changed meanwhile goes STALE and applies nothing,
// declining and expiry leave nothing. Then who may do what (same side, staff, members, strangers), the
// staff's prepared proposals, the notifications and live events, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JointKind } from "../../server/domains/joint/joint.schema.js";
import { createFund, createMeeting, designateReviewer, seatOnBody, setDraftRoles } from "../../server/fixtures/factories.js";
import { agreed, auditOf, changeRow, expectPending, expireNow, jointWorld, type JointWorld, type Person } from "../support/joint-helpers.js";
import { collectEvents, refusal, startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Ctx = Record<string, string>;
type Case = {
  kind: JointKind;
  /** Rows the case needs, made directly. */
  setup?: (w: JointWorld) => Promise<Ctx>;
  /** Who proposes and who may concur (defaults: the partnership's labor co-chair, then its management co-chair). */
  proposer?: (w: JointWorld) => Person;
  concurrer?: (w: JointWorld) => Person;
  /** Proposes through the kind's own procedure. */
  propose: (w: JointWorld, ctx: Ctx, by: Person) => Promise<unknown>;
  /** The state the change writes, as the database holds it. */
  state: (w: JointWorld, ctx: Ctx) => Promise<unknown>;
  /** Changes that state some other way, so a waiting proposal no longer starts from it. */
  disturb: (w: JointWorld, ctx: Ctx) => Promise<void>;
};

const bodyRules = (w: JointWorld) =>
  app.db.body.findUniqueOrThrow({
    where: { id: w.committee.id },
    select: { quorumMode: true, quorumLabor: true, quorumManagement: true, secondFromOtherSide: true, allowVoteChange: true, deadlockProcedure: true, reminderLeadHours: true, umpireName: true, equalRepresentation: true, seatsPerSide: true, unitRule: true },
  });
const seatOf = (bodyId: string, membershipId: string) =>
  app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId, membershipId } }, select: { role: true, isVoting: true, alternateMembershipId: true } });

const CASES: Case[] = [
  {
    kind: "QUORUM_RULE",
    propose: (w, _c, by) => by.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor: 2, management: 2 }),
    state: bodyRules,
    disturb: async (w) => void (await app.db.body.update({ where: { id: w.committee.id }, data: { quorumLabor: 3 } })),
  },
  {
    kind: "VOTING_SETTINGS",
    propose: (w, _c, by) =>
      by.trpc.voting.settings.set({ bodyId: w.committee.id, secondFromOtherSide: true, allowVoteChange: false, deadlockProcedure: "REVOTE_AFTER_CAUCUS", umpireName: "", reminderLeadHours: 0 }),
    state: bodyRules,
    disturb: async (w) => void (await app.db.body.update({ where: { id: w.committee.id }, data: { reminderLeadHours: 12 } })),
  },
  {
    kind: "UMPIRE",
    propose: (w, _c, by) => by.trpc.voting.settings.nameUmpire({ bodyId: w.committee.id, umpireName: "Judge R. Ortiz, Federal Mediation and Conciliation Service" }),
    state: bodyRules,
    disturb: async (w) => void (await app.db.body.update({ where: { id: w.committee.id }, data: { umpireName: "Someone else" } })),
  },
  {
    kind: "UMPIRE_DECISION",
    setup: async (w) => {
      await app.db.body.update({ where: { id: w.committee.id }, data: { deadlockProcedure: "REFER_TO_UMPIRE", umpireName: "Judge R. Ortiz" } });
      const meeting = await createMeeting(app.db, { bodyId: w.committee.id, createdById: w.committeeLaborChair.user.id });
      await app.db.meeting.update({ where: { id: meeting.id }, data: { status: "ADJOURNED", startedAt: meeting.startsAt, adjournedAt: new Date() } });
      const motion = await app.db.motion.create({
        data: {
          partnershipId: w.partnership.id,
          bodyId: w.committee.id,
          meetingId: meeting.id,
          text: "That second-year apprentices move to the next wage step at 2,000 hours.",
          ballotKind: "ROLL_CALL",
          rule: "DUAL_MAJORITY",
          movedByMembershipId: w.laborMember.membershipId,
          secondedByMembershipId: w.managementMember.membershipId,
          status: "CLOSED",
          closedAt: new Date(),
          outcome: "DEADLOCKED",
          result: { quorum: { met: true, LABOR: { met: true }, MANAGEMENT: { met: true } } },
        },
      });
      return { motionId: motion.id, meetingId: meeting.id };
    },
    // The umpire's decision is proposed from the motion's page, by a co-chair seated on its body.
    proposer: (w) => w.committeeLaborChair,
    propose: (_w, c, by) =>
      by.trpc.voting.motion.recordUmpireDecision({ motionId: c.motionId!, question: "Does the step increase apply at 2,000 hours of OJL?", decision: "Yes, from the next pay period." }),
    state: async (_w, c) => ({
      motion: await app.db.motion.findUniqueOrThrow({ where: { id: c.motionId }, select: { resolution: true } }),
      minutes: await app.db.decision.findMany({ where: { meetingId: c.meetingId }, select: { text: true } }),
    }),
    disturb: async (_w, c) => void (await app.db.motion.update({ where: { id: c.motionId }, data: { resolution: "Withdrawn by agreement.", resolvedAt: new Date() } })),
  },
  {
    kind: "REPRESENTATION",
    propose: (w, _c, by) => by.trpc.partnerships.committee.setRepresentation({ bodyId: w.committee.id, equalRepresentation: true, seatsPerSide: 3, unitRule: true }),
    state: bodyRules,
    disturb: async (w) => void (await app.db.body.update({ where: { id: w.committee.id }, data: { equalRepresentation: true, seatsPerSide: 4 } })),
  },
  {
    kind: "COMMITTEE",
    propose: (w, _c, by) => by.trpc.partnerships.committee.create({ partnershipId: w.partnership.id, name: "Safety Training Committee", description: "Lockout/tagout refreshers." }),
    state: (w) => app.db.body.findMany({ where: { partnershipId: w.partnership.id }, select: { name: true }, orderBy: { name: "asc" } }),
    disturb: async (w) => void (await app.db.body.create({ data: { partnershipId: w.partnership.id, kind: "COMMITTEE", name: "Safety Training Committee" } })),
  },
  {
    kind: "SEAT",
    propose: (w, _c, by) => by.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.managementMember.membershipId, role: "MEMBER", isVoting: false }),
    state: (w) => seatOf(w.committee.id, w.managementMember.membershipId),
    disturb: async (w) => void (await app.db.bodySeat.updateMany({ where: { bodyId: w.committee.id, membershipId: w.managementMember.membershipId }, data: { role: "OBSERVER", isVoting: false } })),
  },
  {
    kind: "SEAT_REMOVAL",
    propose: (w, _c, by) => by.trpc.partnerships.seat.remove({ bodyId: w.committee.id, membershipId: w.managementMember2.membershipId }),
    state: (w) => seatOf(w.committee.id, w.managementMember2.membershipId),
    disturb: async (w) => void (await app.db.bodySeat.updateMany({ where: { bodyId: w.committee.id, membershipId: w.managementMember2.membershipId }, data: { role: "OBSERVER", isVoting: false } })),
  },
  {
    kind: "MEMBER_REMOVAL",
    propose: (w, _c, by) => by.trpc.partnerships.member.remove({ partnershipId: w.partnership.id, membershipId: w.managementOutsider.membershipId }),
    state: (w) => app.db.membership.findUnique({ where: { id: w.managementOutsider.membershipId }, select: { id: true, seats: { select: { role: true } } } }),
    disturb: async (w) => void (await app.db.bodySeat.updateMany({ where: { bodyId: w.topBody.id, membershipId: w.managementOutsider.membershipId }, data: { role: "OBSERVER", isVoting: false } })),
  },
  {
    kind: "ALTERNATE",
    setup: async (w) => {
      await seatOnBody(app.db, { bodyId: w.committee.id, membershipId: w.managementOutsider.membershipId, role: "OBSERVER" });
      return {};
    },
    propose: (w, _c, by) => by.trpc.voting.settings.setAlternate({ bodyId: w.committee.id, membershipId: w.managementMember.membershipId, alternateMembershipId: w.managementOutsider.membershipId }),
    state: (w) => seatOf(w.committee.id, w.managementMember.membershipId),
    disturb: async (w) =>
      void (await app.db.bodySeat.updateMany({ where: { bodyId: w.committee.id, membershipId: w.managementMember.membershipId }, data: { alternateMembershipId: w.managementMember2.membershipId } })),
  },
  {
    kind: "ORGANIZATION",
    propose: (w, _c, by) => by.trpc.partnerships.organization.update({ partnershipId: w.partnership.id, organizationId: w.employer.id, name: "Renamed Employer Inc.", type: "EMPLOYER", side: "MANAGEMENT" }),
    state: (w) => app.db.organization.findUniqueOrThrow({ where: { id: w.employer.id }, select: { name: true, side: true, type: true } }),
    disturb: async (w) => void (await app.db.organization.update({ where: { id: w.employer.id }, data: { name: "Employer (renamed meanwhile)" } })),
  },
  {
    kind: "ADOPTION_RULE",
    setup: async (w) => {
      await setDraftRoles(app.db, { bodyId: w.committee.id, editors: [w.managementMember.membershipId], reviewers: [w.laborMember.membershipId, w.laborMember2.membershipId], rule: "ALL" });
      return {};
    },
    propose: (w, _c, by) =>
      by.trpc.drafts.settings.set({
        bodyId: w.committee.id,
        editorMembershipIds: [w.managementMember.membershipId],
        reviewerMembershipIds: [w.laborMember.membershipId, w.laborMember2.membershipId],
        rule: "AT_LEAST",
        minimum: 1,
      }),
    state: (w) => app.db.draftSettings.findUnique({ where: { bodyId: w.committee.id }, select: { rule: true, minimum: true } }),
    disturb: async (w) => void (await app.db.draftSettings.update({ where: { bodyId: w.committee.id }, data: { rule: "AT_LEAST", minimum: 2 } })),
  },
  {
    kind: "SIGNOFF_GROUP",
    setup: async (w) => {
      await setDraftRoles(app.db, { bodyId: w.committee.id, reviewers: [w.laborMember.membershipId, w.laborMember2.membershipId], rule: "ALL" });
      return {};
    },
    // The group is labor's: management only proposes a change to it, for labor to concur.
    proposer: (w) => w.managementChair,
    concurrer: (w) => w.laborChair,
    propose: (w, _c, by) =>
      by.trpc.drafts.settings.set({ bodyId: w.committee.id, editorMembershipIds: [], reviewerMembershipIds: [w.laborMember.membershipId], rule: "ALL", minimum: 1 }),
    state: (w) => app.db.draftReviewer.findMany({ where: { bodyId: w.committee.id }, select: { membershipId: true }, orderBy: { membershipId: "asc" } }),
    disturb: async (w) => void (await app.db.draftReviewer.deleteMany({ where: { bodyId: w.committee.id, membershipId: w.laborMember2.membershipId } })),
  },
  {
    kind: "FUND",
    propose: (w, _c, by) => by.trpc.services.fund.create({ partnershipId: w.partnership.id, name: "Employer contributions 2026", starting: "25,000.00" }),
    state: (w) => app.db.fund.findMany({ where: { partnershipId: w.partnership.id }, select: { name: true, startingCents: true } }),
    disturb: async (w) => void (await createFund(app.db, { partnershipId: w.partnership.id, name: "Employer contributions 2026", startingCents: 100 })),
  },
  {
    kind: "FUND_CLOSURE",
    setup: async (w) => ({ fundId: (await createFund(app.db, { partnershipId: w.partnership.id, name: "Training trust 2026", startingCents: 500_000 })).id }),
    propose: (_w, c, by) => by.trpc.services.fund.close({ fundId: c.fundId! }),
    state: (_w, c) => app.db.fund.findUniqueOrThrow({ where: { id: c.fundId }, select: { closedAt: true } }).then((f) => ({ closed: f.closedAt !== null })),
    disturb: async (_w, c) => void (await app.db.fund.update({ where: { id: c.fundId }, data: { closedAt: new Date() } })),
  },
  {
    kind: "FUND_CAP",
    setup: async (w) => ({ fundId: (await createFund(app.db, { partnershipId: w.partnership.id, name: "Training trust 2026", startingCents: 500_000 })).id }),
    propose: (_w, c, by) => by.trpc.services.fund.setCap({ fundId: c.fundId!, category: "TRANSPORTATION", perTrainee: true, cap: "500" }),
    state: (_w, c) => app.db.fundCap.findMany({ where: { fundId: c.fundId }, select: { category: true, perTrainee: true, capCents: true } }),
    disturb: async (_w, c) => void (await app.db.fundCap.create({ data: { fundId: c.fundId!, category: "TRANSPORTATION", perTrainee: true, capCents: 30_000 } })),
  },
  {
    kind: "FUND_REVIEWER",
    propose: (w, _c, by) => by.trpc.services.reviewer.add({ partnershipId: w.partnership.id, membershipId: w.staff.membershipId }),
    state: (w) => app.db.serviceReviewer.findMany({ where: { partnershipId: w.partnership.id }, select: { membershipId: true } }),
    disturb: async (w) => void (await designateReviewer(app.db, { membershipId: w.staff.membershipId, designatedBy: w.laborChair.user.id })),
  },
];

async function prepare(c: Case) {
  const w = await jointWorld(app);
  const ctx = (await c.setup?.(w)) ?? {};
  const proposer = c.proposer?.(w) ?? w.laborChair;
  const concurrer = c.concurrer?.(w) ?? w.chairOf(proposer.side === "LABOR" ? "MANAGEMENT" : "LABOR");
  return { w, ctx, proposer, concurrer, before: await c.state(w, ctx) };
}

describe.each(CASES)("a joint change of kind $kind", (c) => {
  it("is only a proposal when one co-chair makes it: nothing applies, the other side is told", async () => {
    const { w, ctx, proposer, concurrer, before } = await prepare(c);
    const proposal = expectPending(await c.propose(w, ctx, proposer), concurrer.side as "LABOR" | "MANAGEMENT");
    expect(await c.state(w, ctx)).toEqual(before);
    expect(await changeRow(app.db, proposal.changeId)).toMatchObject({ kind: c.kind, status: "PENDING", proposedById: proposer.user.id, proposedSide: proposer.side });
    expect(await auditOf(app.db, proposal.changeId)).toEqual(["joint.proposed"]);
    const waiting = await app.db.notification.findMany({ where: { kind: "joint.waiting", payload: { path: ["changeId"], equals: proposal.changeId } }, select: { userId: true } });
    expect(waiting.map((n) => n.userId)).toContain(concurrer.user.id);
    expect(waiting.map((n) => n.userId)).not.toContain(proposer.user.id);
    // It waits on the other co-chair's home page, with its before and after in words.
    const mine = await concurrer.trpc.joint.change.waiting();
    const item = mine.find((i) => i.id === proposal.changeId);
    expect(item).toMatchObject({ status: "PENDING", viewer: { canConcur: true, canDecline: true } });
    expect(item!.before.length).toBeGreaterThan(0);
    expect(item!.after).not.toEqual(item!.before);
    expect((await proposer.trpc.joint.change.waiting()).some((i) => i.id === proposal.changeId)).toBe(false);
  });

  it("applies when the other side's co-chair concurs, and never by the same side or staff", async () => {
    const { w, ctx, proposer, concurrer, before } = await prepare(c);
    const { changeId } = expectPending(await c.propose(w, ctx, proposer));
    expect((await refusal(proposer.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.staff.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.laborMember.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.stranger.trpc.joint.change.concur({ changeId }))).code).toBe("NOT_FOUND");
    expect(await c.state(w, ctx)).toEqual(before);

    const answer = await concurrer.trpc.joint.change.concur({ changeId });
    expect(answer.status, answer.message).toBe("APPLIED");
    expect(await c.state(w, ctx)).not.toEqual(before);
    expect(await changeRow(app.db, changeId)).toMatchObject({ status: "APPLIED", decidedById: concurrer.user.id, decidedSide: concurrer.side, appliedAlone: false });
    expect(await auditOf(app.db, changeId)).toEqual(["joint.proposed", "joint.applied"]);
    // The owning domain's own audit entry names the change it applied.
    expect(await app.db.auditEvent.count({ where: { actorId: concurrer.user.id, data: { path: ["jointChangeId"], equals: changeId } } })).toBe(1);
    // Once applied, it is final.
    expect((await refusal(concurrer.trpc.joint.change.decline({ changeId, reason: "" }))).code).toBe("CONFLICT");
    expect(await app.db.notification.count({ where: { userId: proposer.user.id, kind: "joint.decided" } })).toBe(1);
  });

  it("goes STALE and applies nothing when what it changes changed meanwhile", async () => {
    const { w, ctx, proposer, concurrer } = await prepare(c);
    const { changeId } = expectPending(await c.propose(w, ctx, proposer));
    await c.disturb(w, ctx);
    const disturbed = await c.state(w, ctx);
    const answer = await concurrer.trpc.joint.change.concur({ changeId });
    expect(answer.status).toBe("STALE");
    expect(await c.state(w, ctx)).toEqual(disturbed);
    expect((await changeRow(app.db, changeId)).status).toBe("STALE");
    expect(await auditOf(app.db, changeId)).toEqual(["joint.proposed", "joint.stale"]);
  });

  it("leaves nothing when declined or when it expires", async () => {
    const { w, ctx, proposer, concurrer, before } = await prepare(c);
    const first = expectPending(await c.propose(w, ctx, proposer));
    const declined = await concurrer.trpc.joint.change.decline({ changeId: first.changeId, reason: "Not before the trust agreement is amended." });
    expect(declined.status).toBe("DECLINED");
    expect(await c.state(w, ctx)).toEqual(before);
    expect(await changeRow(app.db, first.changeId)).toMatchObject({ status: "DECLINED", reason: "Not before the trust agreement is amended.", decidedById: concurrer.user.id });

    // The same proposal may be made again once the first is answered; this one lapses.
    const second = expectPending(await c.propose(w, ctx, proposer));
    await expireNow(app, second.changeId);
    expect((await changeRow(app.db, second.changeId)).status).toBe("EXPIRED");
    expect(await c.state(w, ctx)).toEqual(before);
    expect((await refusal(concurrer.trpc.joint.change.concur({ changeId: second.changeId }))).code).toBe("CONFLICT");
    expect(await auditOf(app.db, second.changeId)).toEqual(["joint.proposed", "joint.expired"]);
  });
});

describe("proposals", () => {
  it("refuse a second waiting proposal of the same kind for the same thing, and proposing what already is", async () => {
    const w = await jointWorld(app);
    const input = { bodyId: w.committee.id, mode: "COUNT" as const, labor: 2, management: 2 };
    expectPending(await w.laborChair.trpc.partnerships.committee.setQuorumRule(input));
    const again = await refusal(w.committeeLaborChair.trpc.partnerships.committee.setQuorumRule({ ...input, labor: 3 }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already waiting/);
    const same = await refusal(w.managementChair.trpc.partnerships.committee.setQuorumRule({ ...input, labor: 1, management: 1 }));
    expect(same).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Nothing would change/) });
  });

  it("are refused to members who do not co-chair, and unknown to strangers", async () => {
    const w = await jointWorld(app);
    const input = { bodyId: w.committee.id, mode: "COUNT" as const, labor: 2, management: 2 };
    expect((await refusal(w.laborMember.trpc.partnerships.committee.setQuorumRule(input))).code).toBe("FORBIDDEN");
    expect((await refusal(w.stranger.trpc.partnerships.committee.setQuorumRule(input))).code).toBe("NOT_FOUND");
    expect(await app.db.jointChange.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });

  it("may be withdrawn by their proposer only, leaving nothing", async () => {
    const w = await jointWorld(app);
    const { changeId } = expectPending(await w.managementChair.trpc.services.fund.create({ partnershipId: w.partnership.id, name: "Withdrawn fund", starting: "10" }));
    expect((await refusal(w.laborChair.trpc.joint.change.withdraw({ changeId }))).code).toBe("FORBIDDEN");
    expect((await w.managementChair.trpc.joint.change.withdraw({ changeId })).status).toBe("WITHDRAWN");
    expect(await app.db.fund.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
    expect((await refusal(w.laborChair.trpc.joint.change.concur({ changeId }))).code).toBe("CONFLICT");
  });

  it("are decided by someone other than their proposer: the database refuses one person as both keys", async () => {
    const w = await jointWorld(app);
    const { changeId } = expectPending(await w.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor: 2, management: 2 }));
    const sameSigner = { decidedById: w.laborChair.user.id, decidedByName: w.laborChair.name, decidedSide: "MANAGEMENT", decidedAt: new Date() };
    await expect(app.db.jointChange.update({ where: { id: changeId }, data: { status: "APPLIED", ...sameSigner } })).rejects.toThrow(/JointChange_two_people_check/);
    await expect(app.db.jointChange.update({ where: { id: changeId }, data: { status: "DECLINED", ...sameSigner } })).rejects.toThrow(/JointChange_two_people_check/);
    expect((await changeRow(app.db, changeId)).status).toBe("PENDING");
  });

  it("of a committee are answered by that committee's other co-chair or the partnership's", async () => {
    const w = await jointWorld(app);
    const input = { bodyId: w.committee.id, mode: "SHARE" as const, labor: 50, management: 50 };
    await agreed(() => w.committeeManagementChair.trpc.partnerships.committee.setQuorumRule(input), w.committeeLaborChair);
    await agreed(() => w.committeeLaborChair.trpc.partnerships.committee.setQuorumRule({ ...input, labor: 60 }), w.managementChair);
    expect((await bodyRules(w)).quorumLabor).toBe(60);
  });

  it("apply at once while the other side has no co-chair at all (a partnership being founded), and say so", async () => {
    const w = await jointWorld(app);
    await app.db.bodySeat.deleteMany({ where: { membershipId: { in: [w.managementChair.membershipId, w.committeeManagementChair.membershipId] }, role: "CO_CHAIR" } });
    const result = await w.laborChair.trpc.partnerships.committee.create({ partnershipId: w.partnership.id, name: "Founding committee" });
    expect(result).toMatchObject({ pending: false, id: expect.any(String) });
    expect(await app.db.auditEvent.count({ where: { partnershipId: w.partnership.id, action: "joint.appliedAlone" } })).toBe(1);
  });

  it("roll back entirely when the owning domain refuses the change on concurrence: the proposal still waits", async () => {
    const w = await jointWorld(app);
    // Two seats per side proposed, but each side holds three voting seats on the committee.
    const { changeId } = expectPending(await w.laborChair.trpc.partnerships.committee.setRepresentation({ bodyId: w.committee.id, equalRepresentation: true, seatsPerSide: 2, unitRule: false }));
    const refused = await refusal(w.managementChair.trpc.joint.change.concur({ changeId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/equal representation/);
    expect(await bodyRules(w)).toMatchObject({ equalRepresentation: false, seatsPerSide: null });
    expect((await changeRow(app.db, changeId)).status).toBe("PENDING");
    expect(await auditOf(app.db, changeId)).toEqual(["joint.proposed"]);
  });
});

describe("staff", () => {
  it("prepare a proposal that a co-chair submits and the other side concurs with; they never concur themselves", async () => {
    const w = await jointWorld(app);
    const prepared = await w.staff.trpc.services.fund.create({ partnershipId: w.partnership.id, name: "Prepared fund", starting: "1,000" });
    expect(prepared).toMatchObject({ pending: true, status: "PREPARED", waitingFor: null });
    const { changeId } = prepared as { changeId: string };
    // Both co-chairs are told; either may submit it; nothing applies yet.
    expect(await app.db.notification.count({ where: { kind: "joint.waiting", userId: { in: [w.laborChair.user.id, w.managementChair.user.id] } } })).toBe(2);
    expect((await w.managementChair.trpc.joint.change.waiting()).find((i) => i.id === changeId)).toMatchObject({ status: "PREPARED", viewer: { canSubmit: true } });
    expect((await refusal(w.staff.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.staff.trpc.joint.change.submit({ changeId }))).code).toBe("FORBIDDEN");

    const submitted = await w.managementChair.trpc.joint.change.submit({ changeId });
    expect(submitted).toMatchObject({ status: "PENDING", pending: true, waitingFor: "LABOR" });
    expect(await changeRow(app.db, changeId)).toMatchObject({ preparedById: w.staff.user.id, proposedById: w.managementChair.user.id, proposedSide: "MANAGEMENT" });
    expect(await app.db.fund.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
    expect((await refusal(w.managementChair.trpc.joint.change.concur({ changeId }))).code).toBe("FORBIDDEN");
    expect((await w.laborChair.trpc.joint.change.concur({ changeId })).status).toBe("APPLIED");
    expect(await app.db.fund.count({ where: { partnershipId: w.partnership.id, name: "Prepared fund" } })).toBe(1);
    expect(await auditOf(app.db, changeId)).toEqual(["joint.prepared", "joint.proposed", "joint.applied"]);
  });
});

describe("live updates", () => {
  it("reach both co-chairs' user rooms (the home page) and the partnership's room", async () => {
    const w = await jointWorld(app);
    const managementSocket = await w.managementChair.connect();
    const laborSocket = await w.laborChair.connect();
    const seenByManagement = collectEvents(managementSocket, "joint:changed");
    const seenByLabor = collectEvents(laborSocket, "joint:changed");
    const notified = collectEvents(managementSocket, "notification:created");
    const { changeId } = expectPending(await w.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor: 2, management: 1 }));
    await expect.poll(() => seenByManagement.some((e) => e.changeId === changeId && e.status === "PENDING")).toBe(true);
    await expect.poll(() => notified.length).toBeGreaterThan(0);
    await w.managementChair.trpc.joint.change.concur({ changeId });
    await expect.poll(() => seenByLabor.some((e) => e.changeId === changeId && e.status === "APPLIED")).toBe(true);
  });
});
