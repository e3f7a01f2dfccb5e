// Races on a joint change, run many times with real parallel connections (every statement inside a
// transaction a few milliseconds slower, as across a network, so the transactions really overlap):
// two concurrences, a decline and a withdrawal at once have exactly one outcome; a concurrence racing
// a one-sided change of the same seat either applies first or finds the proposal stale; the expiry job
// racing a concurrence. Whatever wins, the state and the change's status agree.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jointJobHandlers } from "../../server/domains/joint/joint.jobs.js";
import { expectPending, jointWorld } from "../support/joint-helpers.js";
import { slowTransactions } from "../support/meetings-helpers.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

const ROUNDS = 12;
vi.setConfig({ testTimeout: 180_000 });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function race(calls: Array<() => Promise<unknown>>): Promise<Outcome[]> {
  const slow = slowTransactions(app.db);
  try {
    const results = await Promise.allSettled(calls.map((call) => call()));
    return results.map((r) => {
      if (r.status === "fulfilled") return { ok: true, value: r.value };
      if (r.reason instanceof TRPCError) return { ok: false, code: r.reason.code, message: r.reason.message };
      throw r.reason;
    });
  } finally {
    slow.restore();
  }
}

describe("answers to one proposal at the same moment", () => {
  it(`two concurrences (the committee's and the partnership's management co-chairs), a decline and a withdrawal: exactly one outcome (${ROUNDS} rounds)`, async () => {
    const w = await jointWorld(app);
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const labor = 2 + round;
      const { changeId } = expectPending(await w.laborChair.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor, management: 1 }));
      const before = await app.db.body.findUniqueOrThrow({ where: { id: w.committee.id }, select: { quorumLabor: true } });
      const calls = [
        () => w.managementChair.trpc.joint.change.concur({ changeId }),
        () => w.committeeManagementChair.trpc.joint.change.decline({ changeId, reason: "Not yet." }),
        () => w.laborChair.trpc.joint.change.withdraw({ changeId }),
        () => w.committeeManagementChair.trpc.joint.change.concur({ changeId }),
      ];
      // Vary who starts first.
      const order = calls.map((_, i) => (i + round) % calls.length);
      const outcomes = await race(order.map((i) => calls[i]!));
      const won = outcomes.filter((o) => o.ok);
      expect(won, `round ${round}: ${JSON.stringify(outcomes)}`).toHaveLength(1);
      for (const lost of outcomes.filter((o) => !o.ok)) expect(lost).toMatchObject({ code: "CONFLICT" });

      const row = await app.db.jointChange.findUniqueOrThrow({ where: { id: changeId } });
      seen.add(row.status);
      const after = await app.db.body.findUniqueOrThrow({ where: { id: w.committee.id }, select: { quorumLabor: true } });
      expect(after.quorumLabor).toBe(row.status === "APPLIED" ? labor : before.quorumLabor);
      expect(["APPLIED", "DECLINED", "WITHDRAWN"]).toContain(row.status);
      expect(await app.db.auditEvent.count({ where: { subjectType: "JointChange", subjectId: changeId } })).toBe(2);
      // Back to the default for the next round (joint too).
      if (row.status === "APPLIED") {
        const reset = expectPending(await w.managementChair.trpc.partnerships.committee.setQuorumRule({ bodyId: w.committee.id, mode: "COUNT", labor: 1, management: 1 }));
        await w.laborChair.trpc.joint.change.concur({ changeId: reset.changeId });
      }
    }
    // Over the rounds, more than one kind of answer got there first.
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe("a concurrence racing a one-sided change of what it changes", () => {
  it(`labor agreeing to management's change of a labor seat while changing that seat itself: applied first, or STALE (${ROUNDS} rounds)`, async () => {
    const w = await jointWorld(app);
    for (let round = 0; round < ROUNDS; round++) {
      await app.db.bodySeat.updateMany({ where: { bodyId: w.committee.id, membershipId: w.laborMember.membershipId }, data: { role: "MEMBER", isVoting: true } });
      // Management proposes making the labor member an observer; labor concurs while its own co-chair makes them advisory.
      const { changeId } = expectPending(
        await w.managementChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember.membershipId, role: "OBSERVER", isVoting: false }),
      );
      const [concurrence, direct] = await race([
        () => w.laborChair.trpc.joint.change.concur({ changeId }),
        () => w.committeeLaborChair.trpc.partnerships.seat.set({ bodyId: w.committee.id, membershipId: w.laborMember.membershipId, role: "MEMBER", isVoting: false }),
      ]);
      expect(direct).toMatchObject({ ok: true });
      expect(concurrence).toMatchObject({ ok: true });
      const answer = (concurrence as { value: { status: string } }).value;
      const seat = await app.db.bodySeat.findUniqueOrThrow({ where: { bodyId_membershipId: { bodyId: w.committee.id, membershipId: w.laborMember.membershipId } } });
      const row = await app.db.jointChange.findUniqueOrThrow({ where: { id: changeId } });
      expect(row.status).toBe(answer.status);
      // Either order is a consistent history: the direct change last, whichever came first.
      expect(seat).toMatchObject({ role: "MEMBER", isVoting: false });
      expect(["APPLIED", "STALE"]).toContain(answer.status);
    }
  });
});

describe("the expiry job racing a concurrence", () => {
  it(`either the change applies or it expires, never both (${ROUNDS} rounds)`, async () => {
    const w = await jointWorld(app);
    const expire = jointJobHandlers(app.server.deps)["joint:expire"];
    const statuses = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { changeId } = expectPending(await w.laborChair.trpc.services.fund.create({ partnershipId: w.partnership.id, name: `Fund ${round}`, starting: "100" }));
      // Its time runs out within a few milliseconds: the job (due then) and the other side's co-chair act together.
      const dueIn = (round % 4) * 8;
      await app.db.jointChange.update({ where: { id: changeId }, data: { expiresAt: new Date(Date.now() + dueIn) } });
      const [concurrence] = await race([
        () => w.managementChair.trpc.joint.change.concur({ changeId }),
        () => new Promise((resolve) => setTimeout(resolve, dueIn)).then(() => expire({ changeId })),
      ]);
      // A job that ran a moment early is retried (graphile-worker runs it again): settle it as the queue would.
      await new Promise((resolve) => setTimeout(resolve, dueIn));
      await expire({ changeId });
      const row = await app.db.jointChange.findUniqueOrThrow({ where: { id: changeId } });
      statuses.add(row.status);
      const funds = await app.db.fund.count({ where: { partnershipId: w.partnership.id, name: `Fund ${round}` } });
      if (row.status === "APPLIED") {
        expect(funds).toBe(1);
        expect(concurrence).toMatchObject({ ok: true });
      } else {
        expect(row.status).toBe("EXPIRED");
        expect(funds).toBe(0);
        expect(concurrence).toMatchObject({ ok: false });
      }
    }
    expect([...statuses].every((s) => s === "APPLIED" || s === "EXPIRED")).toBe(true);
  });
});
