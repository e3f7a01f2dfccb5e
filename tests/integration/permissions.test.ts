// Every permission rule of the partnerships domain, allowed and refused, through the tRPC caller
// with real sessions. A refusal must write nothing: the domain tables are compared before and after.
// What needs both sides (joint control: anything about the other side's people, neutral people, new
// committees and organizations not of one's own side) is a proposal the other co-chair concurs with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, createCommittee, createOrganization, createPartnership, createUser, seatOnBody } from "../../server/fixtures/factories.js";
import { refusal, snapshotData, startTestApp, type SignedIn } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

let counter = 0;
const unique = (what: string) => `${what} ${++counter}`;

/**
 * Partnership A: a labor co-chair (its creator), a management co-chair, a member, an observer, staff,
 * a member who co-chairs committee 1, committee 2, an empty organization and a pending invitation.
 */
async function partnershipA() {
  const laborChairUser = await createUser(app.db, { name: "A Labor Chair" });
  const { partnership, topBody, organization: union } = await createPartnership(app.db, { creatorId: laborChairUser.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, type: "EMPLOYER", side: "MANAGEMENT" });
  const college = await createOrganization(app.db, { partnershipId: partnership.id, type: "COLLEGE", side: "NEUTRAL" });
  const emptyOrg = await createOrganization(app.db, { partnershipId: partnership.id, type: "CBO", side: "NEUTRAL" });
  const memberOf = (organizationId: string, role: "MANAGEMENT_CO_CHAIR" | "MEMBER" | "OBSERVER" | "STAFF") =>
    addMember(app.db, { partnershipId: partnership.id, organizationId, role });
  const m = {
    laborChair: await app.db.membership.findFirstOrThrow({ where: { partnershipId: partnership.id, userId: laborChairUser.id } }),
    managementChair: await memberOf(employer.id, "MANAGEMENT_CO_CHAIR"),
    member: await memberOf(union.id, "MEMBER"),
    observer: await memberOf(college.id, "OBSERVER"),
    staff: await memberOf(college.id, "STAFF"),
    committeeChair: await memberOf(union.id, "MEMBER"),
  };
  const committee1 = await createCommittee(app.db, { partnershipId: partnership.id, name: unique("Committee one") });
  const committee2 = await createCommittee(app.db, { partnershipId: partnership.id, name: unique("Committee two") });
  await seatOnBody(app.db, { bodyId: committee1.id, membershipId: m.committeeChair.id, role: "CO_CHAIR" });
  await seatOnBody(app.db, { bodyId: committee1.id, membershipId: m.member.id, role: "MEMBER" });
  const invitation = await app.db.invitation.create({
    data: {
      partnershipId: partnership.id,
      organizationId: employer.id,
      email: `${unique("pending").replace(" ", "-")}@example.test`,
      role: "MEMBER",
      tokenHash: `hash-${partnership.id}`,
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: laborChairUser.id,
    },
  });
  const as = async (membership: { userId: string }) => app.signIn({ id: membership.userId });
  return {
    partnership,
    topBody,
    union,
    employer,
    college,
    emptyOrg,
    committee1,
    committee2,
    invitation,
    m,
    laborChair: await as(m.laborChair),
    managementChair: await as(m.managementChair),
    member: await as(m.member),
    observer: await as(m.observer),
    staff: await as(m.staff),
    committeeChair: await as(m.committeeChair),
  };
}
type A = Awaited<ReturnType<typeof partnershipA>>;

/** The changes only the partnership's co-chairs may make, each as a call by `actor`. */
const MANAGER_ACTIONS: Record<string, (actor: SignedIn, a: A) => Promise<unknown>> = {
  "partnership.update": (actor, a) =>
    actor.trpc.partnerships.partnership.update({ partnershipId: a.partnership.id, name: unique("Renamed"), sector: "OTHER", description: "changed" }),
  "organization.create": (actor, a) =>
    actor.trpc.partnerships.organization.create({ partnershipId: a.partnership.id, name: unique("Organization"), type: "CBO", side: "NEUTRAL" }),
  "organization.update": (actor, a) =>
    actor.trpc.partnerships.organization.update({
      partnershipId: a.partnership.id,
      organizationId: a.emptyOrg.id,
      name: unique("Renamed org"),
      type: "GOVERNMENT",
      side: "NEUTRAL",
    }),
  "organization.remove": (actor, a) => actor.trpc.partnerships.organization.remove({ partnershipId: a.partnership.id, organizationId: a.emptyOrg.id }),
  "committee.create": (actor, a) => actor.trpc.partnerships.committee.create({ partnershipId: a.partnership.id, name: unique("Committee") }),
  // Into a neutral organization, which either side's co-chair invites into (without a vote).
  "invitation.create": (actor, a) =>
    actor.trpc.partnerships.invitation.create({
      partnershipId: a.partnership.id,
      organizationId: a.college.id,
      email: `${unique("new").replace(" ", "-")}@example.test`,
      role: "OBSERVER",
    }),
  "invitation.list": (actor, a) => actor.trpc.partnerships.invitation.list({ partnershipId: a.partnership.id }),
  "invitation.revoke": (actor, a) => actor.trpc.partnerships.invitation.revoke({ partnershipId: a.partnership.id, invitationId: a.invitation.id }),
  "member.remove": (actor, a) => actor.trpc.partnerships.member.remove({ partnershipId: a.partnership.id, membershipId: a.m.observer.id }),
  "seat.set (committee)": (actor, a) =>
    actor.trpc.partnerships.seat.set({ bodyId: a.committee2.id, membershipId: a.m.member.id, role: "MEMBER", isVoting: true }),
  "seat.set (partnership)": (actor, a) =>
    actor.trpc.partnerships.seat.set({ bodyId: a.topBody.id, membershipId: a.m.observer.id, role: "STAFF", isVoting: false }),
  "seat.remove (committee)": (actor, a) => actor.trpc.partnerships.seat.remove({ bodyId: a.committee1.id, membershipId: a.m.member.id }),
  "committee.update": (actor, a) => actor.trpc.partnerships.committee.update({ bodyId: a.committee2.id, name: unique("Renamed committee") }),
};

/** What each allowed change left behind, to show it really happened. */
const EFFECTS: Record<keyof typeof MANAGER_ACTIONS, (a: A, result: unknown) => Promise<void>> = {
  "partnership.update": async (a) => expect((await app.db.partnership.findUniqueOrThrow({ where: { id: a.partnership.id } })).description).toBe("changed"),
  "organization.create": async (_a, result) => expect(await app.db.organization.findUnique({ where: { id: (result as { id: string }).id } })).not.toBeNull(),
  "organization.update": async (a) => expect((await app.db.organization.findUniqueOrThrow({ where: { id: a.emptyOrg.id } })).type).toBe("GOVERNMENT"),
  "organization.remove": async (a) => expect(await app.db.organization.findUnique({ where: { id: a.emptyOrg.id } })).toBeNull(),
  "committee.create": async (_a, result) =>
    expect(await app.db.body.findUnique({ where: { id: (result as { id: string }).id } })).toMatchObject({ kind: "COMMITTEE" }),
  "invitation.create": async (_a, result) => expect(await app.db.invitation.findUnique({ where: { id: (result as { id: string }).id } })).not.toBeNull(),
  "invitation.list": async (a, result) => expect((result as { id: string }[]).map((i) => i.id)).toEqual([a.invitation.id]),
  "invitation.revoke": async (a) => expect((await app.db.invitation.findUniqueOrThrow({ where: { id: a.invitation.id } })).revokedAt).not.toBeNull(),
  "member.remove": async (a) => expect(await app.db.membership.findUnique({ where: { id: a.m.observer.id } })).toBeNull(),
  "seat.set (committee)": async (a) =>
    expect(await app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: a.committee2.id, membershipId: a.m.member.id } } })).toMatchObject({
      role: "MEMBER",
    }),
  "seat.set (partnership)": async (a) =>
    expect(await app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: a.topBody.id, membershipId: a.m.observer.id } } })).toMatchObject({
      role: "STAFF",
    }),
  "seat.remove (committee)": async (a) =>
    expect(await app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: a.committee1.id, membershipId: a.m.member.id } } })).toBeNull(),
  "committee.update": async (a) => expect((await app.db.body.findUniqueOrThrow({ where: { id: a.committee2.id } })).name).toMatch(/^Renamed committee/),
};

const ACTION_NAMES = Object.keys(MANAGER_ACTIONS);

/**
 * A manager action's answer, settled: a joint change it proposed is concurred with by the other
 * co-chair (whose answer carries what the change created); anything applied at once is returned as is.
 */
async function settle(a: A, who: "laborChair" | "managementChair", result: unknown) {
  const proposal = result as { pending?: boolean; changeId?: string };
  if (!proposal?.pending) return result;
  const other = who === "laborChair" ? a.managementChair : a.laborChair;
  const answer = await other.trpc.joint.change.concur({ changeId: proposal.changeId! });
  expect(answer.status, answer.message).toBe("APPLIED");
  return answer;
}

describe("within a partnership", () => {
  describe.each(["member", "observer", "staff"] as const)("a %s", (who) => {
    // Refusals write nothing (each test checks), so they can share one partnership.
    let a: A;
    beforeAll(async () => {
      a = await partnershipA();
    });

    // Staff prepare a new committee for a co-chair to submit (see "staff" below): not refused.
    it.each(ACTION_NAMES.filter((action) => who !== "staff" || action !== "committee.create"))("is refused %s, and nothing is written", async (action) => {
      const before = await snapshotData(app.db);
      const refused = await refusal(MANAGER_ACTIONS[action]!(a[who], a));
      expect(refused.code).toBe("FORBIDDEN");
      expect(await snapshotData(app.db)).toEqual(before);
    });
  });

  describe.each(["laborChair", "managementChair"] as const)("the %s", (who) => {
    it.each(ACTION_NAMES)("may %s", async (action) => {
      const a = await partnershipA();
      const result = await settle(a, who, await MANAGER_ACTIONS[action]!(a[who], a));
      await EFFECTS[action]!(a, result);
    });
  });

  describe("staff", () => {
    it("prepare a new committee for a co-chair to submit: nothing is created yet", async () => {
      const a = await partnershipA();
      const prepared = await a.staff.trpc.partnerships.committee.create({ partnershipId: a.partnership.id, name: unique("Prepared committee") });
      expect(prepared).toMatchObject({ pending: true, status: "PREPARED" });
      expect(await app.db.body.count({ where: { partnershipId: a.partnership.id } })).toBe(3);
    });
  });

  describe("a committee's co-chair", () => {
    it("may seat people on their own committee, change and remove those seats, and edit it", async () => {
      const a = await partnershipA();
      const chair = a.committeeChair.trpc.partnerships;
      // A neutral member's seat needs the other side: the partnership's management co-chair concurs.
      const concur = async (result: unknown) => {
        expect(result).toMatchObject({ pending: true, waitingFor: "MANAGEMENT" });
        await a.managementChair.trpc.joint.change.concur({ changeId: (result as { changeId: string }).changeId });
      };
      await concur(await chair.seat.set({ bodyId: a.committee1.id, membershipId: a.m.observer.id, role: "OBSERVER", isVoting: false }));
      // Their own side's members: at once.
      expect(await chair.seat.set({ bodyId: a.committee1.id, membershipId: a.m.member.id, role: "MEMBER", isVoting: false })).toMatchObject({ pending: false });
      await chair.committee.update({ bodyId: a.committee1.id, name: "Apprenticeship committee", description: "Runs the JATC." });
      await concur(await chair.seat.remove({ bodyId: a.committee1.id, membershipId: a.m.observer.id }));

      const body = await chair.committee.get({ bodyId: a.committee1.id });
      expect(body).toMatchObject({ name: "Apprenticeship committee", description: "Runs the JATC.", canManage: true });
      expect(body.seats.map((s) => [s.membershipId, s.role, s.isVoting]).sort()).toEqual(
        [
          [a.m.committeeChair.id, "CO_CHAIR", true],
          [a.m.member.id, "MEMBER", false],
        ].sort(),
      );
    });

    it.each([
      ["another committee", (a: A) => a.committee2.id],
      ["the partnership itself", (a: A) => a.topBody.id],
    ])("is refused seats on %s, and nothing is written", async (_what, bodyOf) => {
      const a = await partnershipA();
      const before = await snapshotData(app.db);
      const refused = await refusal(
        a.committeeChair.trpc.partnerships.seat.set({ bodyId: bodyOf(a), membershipId: a.m.member.id, role: "MEMBER", isVoting: true }),
      );
      expect(refused.code).toBe("FORBIDDEN");
      expect(await snapshotData(app.db)).toEqual(before);
    });

    it("is refused editing another committee", async () => {
      const a = await partnershipA();
      const refused = await refusal(a.committeeChair.trpc.partnerships.committee.update({ bodyId: a.committee2.id, name: "Taken over" }));
      expect(refused.code).toBe("FORBIDDEN");
    });
  });

  describe("reading", () => {
    it.each(["observer", "member", "staff", "committeeChair", "laborChair"] as const)("lets a %s read the home page and a committee", async (who) => {
      const a = await partnershipA();
      const home = await a[who].trpc.partnerships.partnership.get({ partnershipId: a.partnership.id });
      expect(home.partnership.id).toBe(a.partnership.id);
      expect(home.organizations.reduce((sum, o) => sum + o.memberCount, 0)).toBe(6);
      expect(home.coChairs.map((c) => c.side)).toEqual(["LABOR", "MANAGEMENT"]);
      const people = await a[who].trpc.partnerships.people.list({ partnershipId: a.partnership.id });
      expect(people.map((p) => p.membershipId).sort()).toEqual(Object.values(a.m).map((m) => m.id).sort());
      expect(home.committees.map((c) => c.id).sort()).toEqual([a.committee1.id, a.committee2.id].sort());
      expect(home.viewer.membershipId).toBe(a.m[who].id);
      expect(home.viewer.canManage).toBe(who === "laborChair");
      const committee = await a[who].trpc.partnerships.committee.get({ bodyId: a.committee1.id });
      expect(committee.canManage).toBe(who === "laborChair" || who === "committeeChair");
      const mine = await a[who].trpc.partnerships.partnership.list();
      expect(mine.map((p) => p.id)).toEqual([a.partnership.id]);
    });

    it("shows an observer as an observer who cannot manage", async () => {
      const a = await partnershipA();
      const home = await a.observer.trpc.partnerships.partnership.get({ partnershipId: a.partnership.id });
      expect(home.viewer).toEqual({ membershipId: a.m.observer.id, side: "NEUTRAL", role: "OBSERVER", canManage: false });
    });

    it("needs a signed-in user", async () => {
      const a = await partnershipA();
      expect((await refusal(app.anonymous.partnerships.partnership.get({ partnershipId: a.partnership.id }))).code).toBe("UNAUTHORIZED");
      expect((await refusal(app.anonymous.partnerships.partnership.list())).code).toBe("UNAUTHORIZED");
    });
  });
});

describe("across partnerships", () => {
  async function twoPartnerships() {
    const a = await partnershipA();
    const chairB = await createUser(app.db, { name: "B Chair" });
    const b = await createPartnership(app.db, { creatorId: chairB.id, seat: "MANAGEMENT" });
    const committeeB = await createCommittee(app.db, { partnershipId: b.partnership.id });
    const memberB = await addMember(app.db, { partnershipId: b.partnership.id, organizationId: b.organization.id, role: "MEMBER" });
    const invitationB = await app.db.invitation.create({
      data: {
        partnershipId: b.partnership.id,
        organizationId: b.organization.id,
        email: "someone-b@example.test",
        role: "MEMBER",
        tokenHash: `hash-${b.partnership.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
        invitedById: chairB.id,
      },
    });
    return { a, b, committeeB, memberB, invitationB };
  }
  type Two = Awaited<ReturnType<typeof twoPartnerships>>;

  const READS_AND_CHANGES_OF_B: Record<string, (actor: SignedIn, t: Two) => Promise<unknown>> = {
    "partnership.get": (actor, t) => actor.trpc.partnerships.partnership.get({ partnershipId: t.b.partnership.id }),
    "people.list": (actor, t) => actor.trpc.partnerships.people.list({ partnershipId: t.b.partnership.id }),
    "committee.get (committee)": (actor, t) => actor.trpc.partnerships.committee.get({ bodyId: t.committeeB.id }),
    "committee.get (top body)": (actor, t) => actor.trpc.partnerships.committee.get({ bodyId: t.b.topBody.id }),
    "invitation.list": (actor, t) => actor.trpc.partnerships.invitation.list({ partnershipId: t.b.partnership.id }),
    "partnership.update": (actor, t) =>
      actor.trpc.partnerships.partnership.update({ partnershipId: t.b.partnership.id, name: "Hijacked", sector: "OTHER" }),
    "organization.create": (actor, t) =>
      actor.trpc.partnerships.organization.create({ partnershipId: t.b.partnership.id, name: "Intruder", type: "CBO", side: "NEUTRAL" }),
    "organization.update": (actor, t) =>
      actor.trpc.partnerships.organization.update({
        partnershipId: t.b.partnership.id,
        organizationId: t.b.organization.id,
        name: "Hijacked",
        type: "EMPLOYER",
        side: "MANAGEMENT",
      }),
    "committee.create": (actor, t) => actor.trpc.partnerships.committee.create({ partnershipId: t.b.partnership.id, name: "Intruders" }),
    "committee.update": (actor, t) => actor.trpc.partnerships.committee.update({ bodyId: t.committeeB.id, name: "Hijacked" }),
    "invitation.create": (actor, t) =>
      actor.trpc.partnerships.invitation.create({
        partnershipId: t.b.partnership.id,
        organizationId: t.b.organization.id,
        email: "friend@example.test",
        role: "MEMBER",
      }),
    "invitation.revoke": (actor, t) => actor.trpc.partnerships.invitation.revoke({ partnershipId: t.b.partnership.id, invitationId: t.invitationB.id }),
    "member.remove": (actor, t) => actor.trpc.partnerships.member.remove({ partnershipId: t.b.partnership.id, membershipId: t.memberB.id }),
    "seat.set": (actor, t) => actor.trpc.partnerships.seat.set({ bodyId: t.committeeB.id, membershipId: t.memberB.id, role: "MEMBER", isVoting: true }),
    "seat.remove": (actor, t) => actor.trpc.partnerships.seat.remove({ bodyId: t.committeeB.id, membershipId: t.memberB.id }),
  };

  // Refusals write nothing (each test checks), so they can share one pair of partnerships.
  let t: Two;
  beforeAll(async () => {
    t = await twoPartnerships();
  });

  describe.each(["member", "laborChair"] as const)("A's %s", (who) => {
    it.each(Object.keys(READS_AND_CHANGES_OF_B))("gets NOT_FOUND for B's %s, and nothing is written", async (action) => {
      const before = await snapshotData(app.db);
      const refused = await refusal(READS_AND_CHANGES_OF_B[action]!(t.a[who], t));
      expect(refused.code).toBe("NOT_FOUND");
      expect(await snapshotData(app.db)).toEqual(before);
    });
  });

  it("does not list B among A's member's partnerships", async () => {
    expect((await t.a.member.trpc.partnerships.partnership.list()).map((p) => p.id)).toEqual([t.a.partnership.id]);
  });

  // A's co-chair names their own partnership but one of B's things: still nothing of B is reachable.
  const MIXED_IDS: Record<string, (actor: SignedIn, t: Two) => Promise<unknown>> = {
    "organization.update with B's organization": (actor, t) =>
      actor.trpc.partnerships.organization.update({
        partnershipId: t.a.partnership.id,
        organizationId: t.b.organization.id,
        name: "Hijacked",
        type: "EMPLOYER",
        side: "MANAGEMENT",
      }),
    "organization.remove with B's organization": (actor, t) =>
      actor.trpc.partnerships.organization.remove({ partnershipId: t.a.partnership.id, organizationId: t.b.organization.id }),
    "member.remove with B's member": (actor, t) => actor.trpc.partnerships.member.remove({ partnershipId: t.a.partnership.id, membershipId: t.memberB.id }),
    "invitation.revoke with B's invitation": (actor, t) =>
      actor.trpc.partnerships.invitation.revoke({ partnershipId: t.a.partnership.id, invitationId: t.invitationB.id }),
    "seat.set of B's member on A's committee": (actor, t) =>
      actor.trpc.partnerships.seat.set({ bodyId: t.a.committee1.id, membershipId: t.memberB.id, role: "MEMBER", isVoting: true }),
  };

  it.each(Object.keys(MIXED_IDS))("refuses A's co-chair %s, and nothing is written", async (action) => {
    const before = await snapshotData(app.db);
    const refused = await refusal(MIXED_IDS[action]!(t.a.laborChair, t));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await snapshotData(app.db)).toEqual(before);
  });
});

describe("a partnership keeps at least one co-chair", () => {
  async function soleChair() {
    const user = await createUser(app.db);
    const { partnership, topBody, organization, membership } = await createPartnership(app.db, { creatorId: user.id, seat: "LABOR" });
    const other = await addMember(app.db, { partnershipId: partnership.id, organizationId: organization.id, role: "MEMBER" });
    // A committee co-chair does not count: only the partnership's own co-chairs can manage it.
    const committee = await createCommittee(app.db, { partnershipId: partnership.id });
    await seatOnBody(app.db, { bodyId: committee.id, membershipId: other.id, role: "CO_CHAIR" });
    return { chair: await app.signIn(user), partnership, topBody, organization, membership, other };
  }

  it("refuses removing the last co-chair, and writes nothing", async () => {
    const s = await soleChair();
    const before = await snapshotData(app.db);
    const refused = await refusal(s.chair.trpc.partnerships.member.remove({ partnershipId: s.partnership.id, membershipId: s.membership.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/at least one co-chair/);
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it.each(["MEMBER", "OBSERVER", "STAFF"] as const)("refuses demoting the last co-chair to %s, and writes nothing", async (role) => {
    const s = await soleChair();
    const before = await snapshotData(app.db);
    const refused = await refusal(
      s.chair.trpc.partnerships.seat.set({ bodyId: s.topBody.id, membershipId: s.membership.id, role, isVoting: false }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("lets a co-chair step down only by handing the seat to a member of their side, once the other side has a co-chair", async () => {
    const s = await soleChair();
    const employer = await createOrganization(app.db, { partnershipId: s.partnership.id, side: "MANAGEMENT" });
    const second = await addMember(app.db, { partnershipId: s.partnership.id, organizationId: employer.id, role: "MANAGEMENT_CO_CHAIR" });
    const secondChair = await app.signIn({ id: second.userId });

    // Leaving labor without a co-chair is refused; a hand-over to another labor member is the way.
    const stepDown = await refusal(s.chair.trpc.partnerships.seat.set({ bodyId: s.topBody.id, membershipId: s.membership.id, role: "MEMBER", isVoting: true }));
    expect(stepDown).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/keeps a co-chair on each side/) });
    await s.chair.trpc.partnerships.seat.set({ bodyId: s.topBody.id, membershipId: s.other.id, role: "CO_CHAIR", isVoting: true });
    const seatOf = (membershipId: string) => app.db.bodySeat.findUnique({ where: { bodyId_membershipId: { bodyId: s.topBody.id, membershipId } } });
    expect(await seatOf(s.membership.id)).toMatchObject({ role: "MEMBER", coChairSide: null, isVoting: true });
    expect(await seatOf(s.other.id)).toMatchObject({ role: "CO_CHAIR", coChairSide: "LABOR" });
    // Having stepped down, the former co-chair can no longer manage…
    expect((await refusal(s.chair.trpc.partnerships.committee.create({ partnershipId: s.partnership.id, name: "Too late" }))).code).toBe("FORBIDDEN");
    // …and the remaining management co-chair cannot leave.
    expect(
      (await refusal(secondChair.trpc.partnerships.member.remove({ partnershipId: s.partnership.id, membershipId: second.id }))).code,
    ).toBe("PRECONDITION_FAILED");
    // Management removing the former labor co-chair is labor's to agree to.
    const proposal = await secondChair.trpc.partnerships.member.remove({ partnershipId: s.partnership.id, membershipId: s.membership.id });
    expect(proposal).toMatchObject({ pending: true, waitingFor: "LABOR" });
    const newChair = await app.signIn({ id: s.other.userId });
    await newChair.trpc.joint.change.concur({ changeId: (proposal as { changeId: string }).changeId });
    expect(await app.db.membership.findUnique({ where: { id: s.membership.id } })).toBeNull();
  });
});

describe("seat and organization rules", () => {
  it("hands a side's co-chair seat over when its co-chair makes a member of their side co-chair (never two)", async () => {
    const a = await partnershipA();
    await a.laborChair.trpc.partnerships.seat.set({ bodyId: a.topBody.id, membershipId: a.m.member.id, role: "CO_CHAIR", isVoting: true });
    const seats = await app.db.bodySeat.findMany({ where: { bodyId: a.topBody.id, role: "CO_CHAIR" }, select: { membershipId: true, coChairSide: true } });
    expect(seats.sort((x, y) => x.coChairSide!.localeCompare(y.coChairSide!))).toEqual([
      { membershipId: a.m.member.id, coChairSide: "LABOR" },
      { membershipId: a.m.managementChair.id, coChairSide: "MANAGEMENT" },
    ]);
  });

  it("makes replacing the other side's co-chair a proposal for that side, and writes no seat", async () => {
    const a = await partnershipA();
    const before = await app.db.bodySeat.findMany({ where: { partnershipId: a.partnership.id }, orderBy: { id: "asc" } });
    const proposal = await a.managementChair.trpc.partnerships.seat.set({ bodyId: a.topBody.id, membershipId: a.m.member.id, role: "CO_CHAIR", isVoting: true });
    expect(proposal).toMatchObject({ pending: true, waitingFor: "LABOR" });
    expect(await app.db.bodySeat.findMany({ where: { partnershipId: a.partnership.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses a co-chair seat to a neutral-side member", async () => {
    const a = await partnershipA();
    const refused = await refusal(
      a.laborChair.trpc.partnerships.seat.set({ bodyId: a.committee2.id, membershipId: a.m.observer.id, role: "CO_CHAIR", isVoting: true }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fieldErrors).toEqual({ role: ["Co-chairs come from the labor or the management side."] });
  });

  it("lets each committee have its own co-chairs, one per side, each side seating its own", async () => {
    const a = await partnershipA();
    await a.laborChair.trpc.partnerships.seat.set({ bodyId: a.committee2.id, membershipId: a.m.member.id, role: "CO_CHAIR", isVoting: true });
    await a.managementChair.trpc.partnerships.seat.set({ bodyId: a.committee2.id, membershipId: a.m.managementChair.id, role: "CO_CHAIR", isVoting: true });
    // A second labor co-chair takes the seat over: the first stays on as a voting member.
    await a.laborChair.trpc.partnerships.seat.set({ bodyId: a.committee2.id, membershipId: a.m.committeeChair.id, role: "CO_CHAIR", isVoting: true });
    const seats = await app.db.bodySeat.findMany({ where: { bodyId: a.committee2.id }, select: { membershipId: true, role: true, coChairSide: true } });
    expect(seats.filter((s) => s.role === "CO_CHAIR").map((s) => [s.coChairSide, s.membershipId]).sort()).toEqual(
      [
        ["LABOR", a.m.committeeChair.id],
        ["MANAGEMENT", a.m.managementChair.id],
      ].sort(),
    );
    expect(seats.find((s) => s.membershipId === a.m.member.id)).toMatchObject({ role: "MEMBER" });
  });

  it("refuses changing the side of an organization a co-chair belongs to", async () => {
    const a = await partnershipA();
    const before = await snapshotData(app.db);
    const refused = await refusal(
      a.laborChair.trpc.partnerships.organization.update({
        partnershipId: a.partnership.id,
        organizationId: a.employer.id,
        name: a.employer.name,
        type: "EMPLOYER",
        side: "NEUTRAL",
      }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.fieldErrors).toHaveProperty("side");
    expect(await snapshotData(app.db)).toEqual(before);
  });

  it("refuses removing an organization people still belong to", async () => {
    const a = await partnershipA();
    const refused = await refusal(a.laborChair.trpc.partnerships.organization.remove({ partnershipId: a.partnership.id, organizationId: a.college.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(await app.db.organization.findUnique({ where: { id: a.college.id } })).not.toBeNull();
  });

  it("refuses duplicate organization and committee names with field errors", async () => {
    const a = await partnershipA();
    const org = await refusal(
      a.laborChair.trpc.partnerships.organization.create({ partnershipId: a.partnership.id, name: a.college.name, type: "COLLEGE", side: "NEUTRAL" }),
    );
    expect(org.code).toBe("CONFLICT");
    expect(org.fieldErrors).toHaveProperty("name");
    const committee = await refusal(a.laborChair.trpc.partnerships.committee.create({ partnershipId: a.partnership.id, name: a.committee1.name }));
    expect(committee.code).toBe("CONFLICT");
    expect(committee.fieldErrors).toHaveProperty("name");
  });

  it("refuses removing a seat on the partnership itself (remove the member instead)", async () => {
    const a = await partnershipA();
    const refused = await refusal(a.laborChair.trpc.partnerships.seat.remove({ bodyId: a.topBody.id, membershipId: a.m.member.id }));
    expect(refused.code).toBe("BAD_REQUEST");
  });

  it("removes a member's committee seats with their membership", async () => {
    const a = await partnershipA();
    await a.laborChair.trpc.partnerships.member.remove({ partnershipId: a.partnership.id, membershipId: a.m.committeeChair.id });
    expect(await app.db.bodySeat.count({ where: { membershipId: a.m.committeeChair.id } })).toBe(0);
    expect((await refusal(a.committeeChair.trpc.partnerships.partnership.get({ partnershipId: a.partnership.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(a.committeeChair.trpc.partnerships.people.list({ partnershipId: a.partnership.id }))).code).toBe("NOT_FOUND");
    expect((await a.laborChair.trpc.partnerships.people.list({ partnershipId: a.partnership.id })).map((p) => p.membershipId)).not.toContain(a.m.committeeChair.id);
  });
});
