// The partnerships rules that depend on races, each run many times with real parallel connections to
// PostgreSQL: the partnership keeps a co-chair on each side when changes race, one co-chair per side per
// body (a hand-over takes the seat), a member removed while being seated, an organization's side
// changing (a joint change concurred) while a co-chair is seated from it, and an organization removed
// while someone joins through it. A refusal is always a clear one
// (never "Something went wrong"), and the rule holds after every round.
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addMember, createCommittee, createOrganization, createPartnership, createUser } from "../../server/fixtures/factories.js";
import { startTestApp } from "../support/test-app.js";

const app = await startTestApp();
afterAll(() => app.close());

const ROUNDS = 15;
// Many rounds of real races: give each test room beyond the default 15 s.
vi.setConfig({ testTimeout: 90_000 });

type Outcome = { ok: true } | { ok: false; code: string; message: string };

/** Runs the calls at the same moment and describes each outcome (a tRPC code and message, or ok). */
async function race(calls: Array<() => Promise<unknown>>): Promise<Outcome[]> {
  const results = await Promise.allSettled(calls.map((call) => call()));
  return results.map((r) => {
    if (r.status === "fulfilled") return { ok: true };
    if (r.reason instanceof TRPCError) return { ok: false, code: r.reason.code, message: r.reason.message };
    throw r.reason;
  });
}

/** A partnership with a labor co-chair (its creator) and a management co-chair, both signed in. */
async function twoCoChairs() {
  const laborUser = await createUser(app.db);
  const { partnership, topBody, organization: union, membership: laborMembership } = await createPartnership(app.db, { creatorId: laborUser.id, seat: "LABOR" });
  const employer = await createOrganization(app.db, { partnershipId: partnership.id, side: "MANAGEMENT" });
  const managementMembership = await addMember(app.db, { partnershipId: partnership.id, organizationId: employer.id, role: "MANAGEMENT_CO_CHAIR" });
  return {
    partnership,
    topBody,
    union,
    employer,
    labor: { membership: laborMembership, as: await app.signIn(laborUser) },
    management: { membership: managementMembership, as: await app.signIn({ id: managementMembership.userId }) },
  };
}

const coChairsOf = (bodyId: string) => app.db.bodySeat.count({ where: { bodyId, role: "CO_CHAIR" } });

describe("a partnership keeps a co-chair on each side when changes race", () => {
  it("a co-chair handing the seat to two members of their side at once: one takes it, the other hand-over is refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await twoCoChairs();
      const a = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: p.union.id });
      const b = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: p.union.id });
      const outcomes = await race(
        [a, b].map((m) => () => p.labor.as.trpc.partnerships.seat.set({ bodyId: p.topBody.id, membershipId: m.id, role: "CO_CHAIR", isVoting: true })),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      // The loser's hand-over came from someone who had just handed their seat over.
      expect(outcomes.find((o) => !o.ok)).toMatchObject({ code: "FORBIDDEN", message: "Only the partnership's co-chairs or this committee's co-chairs can do that." });
      expect(await app.db.bodySeat.count({ where: { bodyId: p.topBody.id, coChairSide: "LABOR" } })).toBe(1);
      expect(await app.db.bodySeat.count({ where: { bodyId: p.topBody.id, coChairSide: "MANAGEMENT" } })).toBe(1);
    }
  });

  it("both co-chairs removing or demoting each other at once: only proposals, both stay", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await twoCoChairs();
      const outcomes = await race([
        () => p.labor.as.trpc.partnerships.member.remove({ partnershipId: p.partnership.id, membershipId: p.management.membership.id }),
        () => p.management.as.trpc.partnerships.seat.set({ bodyId: p.topBody.id, membershipId: p.labor.membership.id, role: "MEMBER", isVoting: true }),
      ]);
      expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
      expect(await coChairsOf(p.topBody.id)).toBe(2);
      expect(await app.db.jointChange.count({ where: { partnershipId: p.partnership.id, status: "PENDING" } })).toBe(2);
    }
  });

  it("a co-chair leaving while the other side's co-chair steps down: never a side without its co-chair", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await twoCoChairs();
      const outcomes = await race([
        () => p.labor.as.trpc.partnerships.member.remove({ partnershipId: p.partnership.id, membershipId: p.labor.membership.id }),
        () => p.management.as.trpc.partnerships.seat.set({ bodyId: p.topBody.id, membershipId: p.management.membership.id, role: "MEMBER", isVoting: true }),
      ]);
      for (const o of outcomes) expect(o).toMatchObject({ ok: false, code: "PRECONDITION_FAILED", message: expect.stringMatching(/keeps a co-chair on each side/) });
      expect(await coChairsOf(p.topBody.id)).toBe(2);
    }
  });
});

describe("one co-chair per side per body", () => {
  it("two labor members made the committee's labor co-chair at once: one after the other takes the seat, never two", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await twoCoChairs();
      const committee = await createCommittee(app.db, { partnershipId: p.partnership.id });
      const a = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: p.union.id });
      const b = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: p.union.id });
      const outcomes = await race(
        [a, b].map((m) => () => p.labor.as.trpc.partnerships.seat.set({ bodyId: committee.id, membershipId: m.id, role: "CO_CHAIR", isVoting: true })),
      );
      // Each is a hand-over of the side's seat, under the committee's lock: the second takes it from the first.
      expect(outcomes).toEqual([{ ok: true }, { ok: true }]);
      const seats = await app.db.bodySeat.findMany({ where: { bodyId: committee.id }, select: { role: true, coChairSide: true } });
      expect(seats.filter((s) => s.coChairSide === "LABOR")).toHaveLength(1);
      expect(seats.map((s) => s.role).sort()).toEqual(["CO_CHAIR", "MEMBER"]);
    }
  });
});

describe("a member removed while they are being seated", () => {
  it("the removal goes through; each seat lands before it (and goes with them) or is refused as NOT_FOUND", async () => {
    const p = await twoCoChairs();
    const committees = [await createCommittee(app.db, { partnershipId: p.partnership.id }), await createCommittee(app.db, { partnershipId: p.partnership.id })];
    for (let round = 0; round < ROUNDS * 2; round++) {
      const member = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: p.union.id });
      const seat = (bodyId: string, role: "MEMBER" | "OBSERVER") => () =>
        p.labor.as.trpc.partnerships.seat.set({ bodyId, membershipId: member.id, role, isVoting: false });
      // All of it labor's own business: its co-chair seats and removes a labor member.
      const outcomes = await race([
        seat(committees[0]!.id, "MEMBER"),
        () => p.labor.as.trpc.partnerships.member.remove({ partnershipId: p.partnership.id, membershipId: member.id }),
        seat(committees[1]!.id, "OBSERVER"),
        seat(p.topBody.id, "OBSERVER"),
      ]);
      expect(outcomes[1]).toEqual({ ok: true });
      for (const o of [outcomes[0]!, outcomes[2]!, outcomes[3]!]) {
        if (!o.ok) expect(o).toEqual({ ok: false, code: "NOT_FOUND", message: "Member was not found." });
      }
      expect(await app.db.membership.findUnique({ where: { id: member.id } })).toBeNull();
      expect(await app.db.bodySeat.count({ where: { membershipId: member.id } })).toBe(0);
    }
  });
});

describe("an organization's side and its co-chairs", () => {
  it("its side changing (agreed by both sides) while one of its members is made co-chair: no co-chair ever sits for a side their organization is not on", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await twoCoChairs();
      const committee = await createCommittee(app.db, { partnershipId: p.partnership.id });
      const employer2 = await createOrganization(app.db, { partnershipId: p.partnership.id, side: "MANAGEMENT" });
      const member = await addMember(app.db, { partnershipId: p.partnership.id, organizationId: employer2.id });
      const proposal = await p.management.as.trpc.partnerships.organization.update({
        partnershipId: p.partnership.id,
        organizationId: employer2.id,
        name: employer2.name,
        type: "COLLEGE",
        side: "NEUTRAL",
      });
      const changeId = (proposal as { changeId: string }).changeId;
      const outcomes = await race([
        () => p.management.as.trpc.partnerships.seat.set({ bodyId: committee.id, membershipId: member.id, role: "CO_CHAIR", isVoting: true }),
        () => p.labor.as.trpc.joint.change.concur({ changeId }),
      ]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const [seating, concurrence] = outcomes;
      if (seating!.ok) expect(concurrence).toMatchObject({ code: "PRECONDITION_FAILED", message: "A co-chair belongs to this organization, so its side cannot change." });
      else expect(seating).toMatchObject({ code: "CONFLICT", message: "That member's side changed meanwhile. Reload and try again." });
      const coChairs = await app.db.bodySeat.findMany({
        where: { partnershipId: p.partnership.id, role: "CO_CHAIR" },
        select: { coChairSide: true, membership: { select: { organization: { select: { side: true } } } } },
      });
      for (const s of coChairs) expect(s.coChairSide).toBe(s.membership.organization.side);
    }
  });
});

describe("an organization removed while someone joins through it", () => {
  it("either the newcomer joins and the organization stays, or it is removed and the invitation with it", async () => {
    const p = await twoCoChairs();
    for (let round = 0; round < ROUNDS; round++) {
      const org = await createOrganization(app.db, { partnershipId: p.partnership.id, side: "MANAGEMENT" });
      const email = `joiner-${round}-${Date.now()}@example.test`;
      // Management's own organization: its co-chair invites into it and removes it.
      const { link } = await p.management.as.trpc.partnerships.invitation.create({ partnershipId: p.partnership.id, organizationId: org.id, email, role: "MEMBER" });
      const joiner = await app.signIn(await createUser(app.db, { email }));
      const token = link.split("/invitations/")[1]!;
      const [accept, removal] = await race([
        () => joiner.trpc.partnerships.invitation.accept({ token }),
        () => p.management.as.trpc.partnerships.organization.remove({ partnershipId: p.partnership.id, organizationId: org.id }),
      ]);
      const joined = await app.db.membership.findFirst({ where: { partnershipId: p.partnership.id, userId: joiner.user.id } });
      if (accept!.ok) {
        expect(removal).toMatchObject({ code: "PRECONDITION_FAILED", message: "People still belong to this organization. Remove them first." });
        expect(joined).toMatchObject({ organizationId: org.id });
      } else {
        expect(removal).toEqual({ ok: true });
        expect(accept).toEqual({ ok: false, code: "NOT_FOUND", message: "Invitation was not found." });
        expect(joined).toBeNull();
        expect(await app.db.organization.findUnique({ where: { id: org.id } })).toBeNull();
      }
    }
  });
});
