// The demo's joint control, seeded through the use cases: the trustees with equal representation and an
// umpire both sides named, and the JATC quorum change management proposed, waiting for labor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../server/fixtures/demo.js";
import { seedDemoJoint, TRUSTEES } from "../../server/fixtures/demo-joint.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe("the demo", () => {
  it("has an equal-representation trustees body with an umpire, and a joint change waiting for Denise or Luis", async () => {
    const { partnershipId } = await seedDemo(app.db, { hashCost: 4 });
    await seedDemoJoint(app.db, app.server.deps, { partnershipId });

    const trustees = await app.db.body.findFirstOrThrow({
      where: { partnershipId, name: TRUSTEES },
      include: { seats: { include: { membership: { include: { user: true, organization: true } } } } },
    });
    expect(trustees).toMatchObject({ equalRepresentation: true, seatsPerSide: 3, unitRule: false, deadlockProcedure: "REFER_TO_UMPIRE", umpireName: expect.stringMatching(/Ortiz/) });
    const voting = trustees.seats.filter((s) => s.isVoting);
    expect(voting.filter((s) => s.membership.organization.side === "LABOR")).toHaveLength(3);
    expect(voting.filter((s) => s.membership.organization.side === "MANAGEMENT")).toHaveLength(3);
    expect(trustees.seats.filter((s) => s.role === "CO_CHAIR").map((s) => s.membership.user.name).sort()).toEqual(["Denise Carter", "Marcus Lee"]);
    // Everything about the trustees was agreed by both sides.
    expect(await app.db.jointChange.count({ where: { partnershipId, status: "APPLIED", appliedAlone: false, kind: { not: "DRAFT_ADOPTION" } } })).toBe(4);

    const pending = await app.db.jointChange.findMany({ where: { partnershipId, status: "PENDING" } });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: "QUORUM_RULE", proposedSide: "MANAGEMENT", proposedByName: "Karen Mitchell" });
    const sign = async (name: string) => app.signIn(await app.db.user.findFirstOrThrow({ where: { name } }));
    for (const name of ["Denise Carter", "Luis Ortega"]) {
      const waiting = await (await sign(name)).trpc.joint.change.waiting();
      expect(waiting.map((w) => [w.kind, w.viewer.canConcur])).toEqual([["QUORUM_RULE", true]]);
    }
    expect(await (await sign("Marcus Lee")).trpc.joint.change.waiting()).toEqual([]);
  });
});
