// Funds governed jointly (issue 10, item 6): a fund's review threshold is a joint change, and above it
// a request needs one reviewer of each side (labor and management) approving the same amount from the
// same fund before the fund is charged. One side's approval leaves the fund uncharged and the request
// waiting for the other side, who may agree or answer with another amount (which the first side then
// agrees to); the same approval twice, a neutral reviewer or a reviewer of the requesting organization
// is refused; the database refuses an approval above the threshold without both sides, and any change
// to a decided request's approvals; and two reviewers at once are decided one after the other.
import { afterAll, describe, expect, it } from "vitest";
import { designateReviewer } from "../../server/fixtures/factories.js";
import { refusal } from "../support/test-app.js";
import { fundOf, makeRequest, servicesWorld, snapshotServices, startServicesApp, type ServicesWorld } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

async function refusedWithoutWrites(call: () => Promise<unknown>) {
  const before = await snapshotServices(app.db);
  const result = await refusal(call());
  expect(await snapshotServices(app.db)).toEqual(before);
  return result;
}

/** The services world with a management co-chair, two labor reviewers and a second management reviewer; the fund's threshold at $500 (a joint change). */
async function twoSidedWorld() {
  const w = await servicesWorld(app, { fundCents: 500_000 });
  const managementChair = await w.person("Marcus Management-Chair", w.employer.id, "MANAGEMENT_CO_CHAIR");
  const labor1 = await w.person("Luis Labor-Reviewer", w.union.id);
  const labor2 = await w.person("Lara Labor-Reviewer", w.union.id);
  const management2 = await w.person("Mona Management-Reviewer", w.employer.id);
  for (const r of [labor1, labor2, management2]) await designateReviewer(app.db, { membershipId: r.membershipId, designatedBy: w.staff.user.id });
  return { ...w, managementChair, labor1, labor2, management1: w.reviewer2, management2 };
}
type World = Awaited<ReturnType<typeof twoSidedWorld>>;

async function setThreshold(w: World, threshold: string) {
  const proposed = await w.founder.trpc.services.fund.setReviewPolicy({ fundId: w.fund.id, threshold });
  expect(proposed).toMatchObject({ pending: true, waitingFor: "MANAGEMENT" });
  const changeId = proposed.pending ? proposed.changeId : "";
  await w.managementChair.trpc.joint.change.concur({ changeId });
}

const approve = (who: ServicesWorld["reviewer"], requestId: string, fundId: string, amount: string) => who.trpc.services.request.approve({ requestId, fundId, amount, note: "" });

describe("a fund's review threshold", { timeout: 60_000 }, () => {
  it("is a joint change: one co-chair proposes and nothing changes; the other side's concurrence sets it", async () => {
    const w = await twoSidedWorld();
    const proposed = await w.founder.trpc.services.fund.setReviewPolicy({ fundId: w.fund.id, threshold: "500" });
    expect(proposed).toMatchObject({ pending: true, waitingFor: "MANAGEMENT" });
    expect((await app.db.fund.findUniqueOrThrow({ where: { id: w.fund.id } })).bothSidesAboveCents).toBeNull();
    await w.managementChair.trpc.joint.change.concur({ changeId: proposed.pending ? proposed.changeId : "" });
    expect((await app.db.fund.findUniqueOrThrow({ where: { id: w.fund.id } })).bothSidesAboveCents).toBe(50_000);
    const [fund] = (await w.unionMember.trpc.services.fund.list({ partnershipId: w.partnershipId })).filter((f) => f.id === w.fund.id);
    expect(fund).toMatchObject({ bothSidesAboveCents: 50_000, reviewPolicy: expect.stringMatching(/Above \$500\.00: a reviewer of each side/) });
    // Bad input is a clear 400; a member who is not a co-chair or staff cannot propose.
    expect((await refusedWithoutWrites(() => w.founder.trpc.services.fund.setReviewPolicy({ fundId: w.fund.id, threshold: "lots" }))).code).toBe("BAD_REQUEST");
    expect((await refusedWithoutWrites(() => w.unionMember.trpc.services.fund.setReviewPolicy({ fundId: w.fund.id, threshold: "100" }))).code).toBe("FORBIDDEN");
  });
});

describe("approval above the threshold", { timeout: 60_000 }, () => {
  it("one side's approval leaves the fund uncharged and the request waiting; the other side's matching approval charges it", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    const requestId = await makeRequest(w, { amount: "800", category: "TOOLS_EQUIPMENT" });

    await approve(w.labor1, requestId, w.fund.id, "800");
    let view = await w.cboMember.trpc.services.request.get({ requestId });
    expect(view.request.status).toBe("UNDER_REVIEW");
    expect(view.approvals).toEqual([expect.objectContaining({ side: "LABOR", reviewerName: w.labor1.name, amountCents: 80_000, fundId: w.fund.id })]);
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 0, spentCents: 0 });

    // The same side again, a neutral reviewer, the requesting organization's own reviewer: refused, nothing written.
    expect((await refusedWithoutWrites(() => approve(w.labor2, requestId, w.fund.id, "800"))).code).toBe("CONFLICT");
    expect((await refusedWithoutWrites(() => approve(w.reviewer, requestId, w.fund.id, "800"))).code).toBe("FORBIDDEN");
    expect((await refusedWithoutWrites(() => approve(w.cboReviewer, requestId, w.fund.id, "800"))).code).toBe("FORBIDDEN");

    await approve(w.management2, requestId, w.fund.id, "800");
    view = await w.cboMember.trpc.services.request.get({ requestId });
    expect(view.request).toMatchObject({ status: "APPROVED", approvedCents: 80_000 });
    expect(view.approvals.map((a) => a.side)).toEqual(["LABOR", "MANAGEMENT"]);
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 80_000 });
    expect(view.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["APPROVED_BY_SIDE", "APPROVED"]));
  });

  it("the sides converge: management answers labor's $800 with $700, labor agrees, and the fund is charged $700 once; each approval stays in the history", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    const requestId = await makeRequest(w, { amount: "800", category: "TOOLS_EQUIPMENT" });
    const awaitingOf = async (person: ServicesWorld["reviewer"]) =>
      (await app.db.notification.findMany({ where: { userId: person.user.id, kind: "serviceRequest.awaitingSide" } })).filter((n) => (n.payload as { requestId: string }).requestId === requestId);

    await approve(w.labor1, requestId, w.fund.id, "800");
    // Management answers with another amount: recorded as management's approval; nothing is charged, and labor is told.
    await approve(w.management1, requestId, w.fund.id, "700");
    let view = await w.cboMember.trpc.services.request.get({ requestId });
    expect(view.request.status).toBe("UNDER_REVIEW");
    expect(view.approvals.map((a) => [a.side, a.amountCents, a.reviewerName])).toEqual([
      ["LABOR", 80_000, w.labor1.name],
      ["MANAGEMENT", 70_000, w.management1.name],
    ]);
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 0 });
    expect(await awaitingOf(w.labor2)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ amountCents: 70_000, byName: w.management1.name }) })]);

    // Labor's own approval again is refused (it waits for management), and says how to complete it.
    const again = await refusedWithoutWrites(() => approve(w.labor2, requestId, w.fund.id, "800"));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/management approved \$700\.00 .*Approve that to complete it/) });

    // Another labor reviewer agrees to $700: labor's approval is replaced, the request approved and the fund charged once.
    await approve(w.labor2, requestId, w.fund.id, "700");
    view = await w.cboMember.trpc.services.request.get({ requestId });
    expect(view.request).toMatchObject({ status: "APPROVED", approvedCents: 70_000 });
    expect(view.approvals.map((a) => [a.side, a.amountCents, a.reviewerName]).sort()).toEqual([
      ["LABOR", 70_000, w.labor2.name],
      ["MANAGEMENT", 70_000, w.management1.name],
    ]);
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 70_000 });
    const history = view.events.filter((e) => e.kind === "APPROVED_BY_SIDE" || e.kind === "APPROVED").map((e) => [e.kind, e.amountCents, e.actorName]);
    expect(history).toEqual([
      ["APPROVED_BY_SIDE", 80_000, w.labor1.name],
      ["APPROVED_BY_SIDE", 70_000, w.management1.name],
      ["APPROVED", 70_000, w.labor2.name],
    ]);
    // The audit keeps what the history line does not: each side's fund, and the approval labor's agreement replaced.
    const audits = await app.db.auditEvent.findMany({ where: { subjectId: requestId, action: "serviceRequest.approve" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audits.map((a) => a.data)).toEqual([
      expect.objectContaining({ side: "LABOR", fundId: w.fund.id, amountCents: 80_000 }),
      expect.objectContaining({ side: "MANAGEMENT", fundId: w.fund.id, amountCents: 70_000 }),
      expect.objectContaining({ side: "LABOR", fundId: w.fund.id, amountCents: 70_000, replaces: { side: "LABOR", amountCents: 80_000, fundId: w.fund.id } }),
    ]);
    // Decided: no side's approval changes any more.
    expect((await refusedWithoutWrites(() => approve(w.management2, requestId, w.fund.id, "650"))).code).toBe("PRECONDITION_FAILED");
  });

  it("one side's approval tells the other side's reviewers, and only them, that the request waits for them: the amount, never the trainee", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    const requestId = await makeRequest(w, { amount: "1250", category: "TOOLS_EQUIPMENT" });
    const awaiting = async (id: string) =>
      (await app.db.notification.findMany({ where: { kind: "serviceRequest.awaitingSide" }, select: { userId: true, payload: true } })).filter(
        (n) => (n.payload as { requestId: string }).requestId === id,
      );
    const everyone = [w.labor1, w.labor2, w.management1, w.management2, w.reviewer, w.cboReviewer, w.cboMember];
    const whoOf = (notes: Array<{ userId: string }>) => everyone.filter((p) => notes.some((n) => n.userId === p.user.id)).map((p) => p.name);

    await approve(w.labor1, requestId, w.fund.id, "1250");
    const notes = await awaiting(requestId);
    expect(whoOf(notes).sort()).toEqual([w.management1.name, w.management2.name].sort());
    for (const note of notes) {
      expect(note.payload).toEqual({
        partnershipId: w.partnershipId,
        requestId,
        category: "Tools and equipment",
        categoryCode: "TOOLS_EQUIPMENT",
        amountCents: 125_000,
        byName: w.labor1.name,
      });
    }
    // The other side's approval completes it: nobody is told to wait any more.
    await approve(w.management2, requestId, w.fund.id, "1250");
    expect(await awaiting(requestId)).toHaveLength(2);

    // Management first: labor's reviewers are told.
    const second = await makeRequest(w, { amount: "900", category: "TOOLS_EQUIPMENT" });
    await approve(w.management1, second, w.fund.id, "900");
    expect(whoOf(await awaiting(second)).sort()).toEqual([w.labor1.name, w.labor2.name].sort());
  });

  it("at or below the threshold one reviewer approves, a neutral one too; above it a denial by either side ends it uncharged", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    const small = await makeRequest(w, { amount: "500" });
    await approve(w.reviewer, small, w.fund.id, "500");
    expect((await app.db.serviceRequest.findUniqueOrThrow({ where: { id: small } })).status).toBe("APPROVED");
    // Part of a larger request, approved at the threshold: one reviewer is enough.
    const partly = await makeRequest(w, { amount: "900" });
    await approve(w.reviewer, partly, w.fund.id, "450");
    expect((await app.db.serviceRequest.findUniqueOrThrow({ where: { id: partly } })).status).toBe("APPROVED");

    // Labor approved the whole $900; a neutral reviewer then approves $450 alone: labor's approval played no part and goes.
    const settled = await makeRequest(w, { amount: "900" });
    await approve(w.labor1, settled, w.fund.id, "900");
    await approve(w.reviewer, settled, w.fund.id, "450");
    expect(await app.db.serviceRequest.findUniqueOrThrow({ where: { id: settled } })).toMatchObject({ status: "APPROVED", approvedCents: 45_000 });
    expect(await app.db.requestApproval.count({ where: { requestId: settled } })).toBe(0);

    const large = await makeRequest(w, { amount: "900" });
    await approve(w.labor1, large, w.fund.id, "900");
    await w.management1.trpc.services.request.deny({ requestId: large, reason: "Tools are covered by the employer." });
    expect((await app.db.serviceRequest.findUniqueOrThrow({ where: { id: large } })).status).toBe("DENIED");
    // Denied: labor's approval is kept as it was, whoever tries to remove it.
    await expect(app.db.requestApproval.deleteMany({ where: { requestId: large } })).rejects.toThrow(/out of review are kept/);
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 140_000 });
  });

  it("the database refuses an approval above the threshold without both sides' matching approvals, and an approval by the requesting organization", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    const requestId = await makeRequest(w, { amount: "800" });
    await expect(app.db.serviceRequest.update({ where: { id: requestId }, data: { status: "APPROVED", approvedCents: 80_000, fundId: w.fund.id } })).rejects.toThrow(/reviewer of each side/);
    await approve(w.labor1, requestId, w.fund.id, "800");
    await expect(app.db.serviceRequest.update({ where: { id: requestId }, data: { status: "APPROVED", approvedCents: 80_000, fundId: w.fund.id } })).rejects.toThrow(/reviewer of each side/);
    // A "management" approval from the requesting CBO's reviewer, or with the wrong side, is refused whoever writes it.
    const row = { requestId, reviewerUserId: "x", reviewerName: "x", fundId: w.fund.id, amountCents: 80_000 };
    await expect(app.db.requestApproval.create({ data: { ...row, side: "MANAGEMENT", reviewerMembershipId: w.cboReviewer.membershipId, organizationId: w.cboA.id } })).rejects.toThrow(/reviewer of that side/);
    await expect(app.db.requestApproval.create({ data: { ...row, side: "MANAGEMENT", reviewerMembershipId: w.labor2.membershipId, organizationId: w.union.id } })).rejects.toThrow(/reviewer of that side/);
    // An approval is never updated; a side's new one replaces it, only while the request is in review.
    await expect(app.db.requestApproval.updateMany({ where: { requestId }, data: { amountCents: 70_000 } })).rejects.toThrow(/never updated/);
    await approve(w.management1, requestId, w.fund.id, "800");
    await expect(app.db.requestApproval.deleteMany({ where: { requestId } })).rejects.toThrow(/out of review are kept/);
    expect(await app.db.requestApproval.count({ where: { requestId } })).toBe(2);
  });
});

describe("two reviewers at once", { timeout: 120_000 }, () => {
  it("of the same side: exactly one approval is recorded, the other is refused, the fund uncharged (several rounds)", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    for (let round = 0; round < 4; round++) {
      const requestId = await makeRequest(w, { amount: "800" });
      const results = await Promise.allSettled([approve(w.labor1, requestId, w.fund.id, "800"), approve(w.labor2, requestId, w.fund.id, "800")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
      expect((refused.reason as { code?: string }).code).toBe("CONFLICT");
      expect(await app.db.requestApproval.count({ where: { requestId } })).toBe(1);
      expect((await app.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("UNDER_REVIEW");
    }
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 0 });
  });

  it("a side revising its approval while the other side approves the old amount: approved only at an amount both sides approved, charged at most once (several rounds)", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    let charged = 0;
    for (let round = 0; round < 6; round++) {
      const requestId = await makeRequest(w, { amount: "800" });
      await approve(w.labor1, requestId, w.fund.id, "800");
      const calls = [() => approve(w.labor2, requestId, w.fund.id, "700"), () => approve(w.management2, requestId, w.fund.id, "800")];
      await Promise.allSettled((round % 2 ? calls.reverse() : calls).map((call) => call()));
      const request = await app.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
      const approvals = await app.db.requestApproval.findMany({ where: { requestId } });
      expect(approvals).toHaveLength(2);
      if (request.status === "APPROVED") {
        // Management's $800 met labor's $800 first; labor's revision came too late and changed nothing.
        expect(request.approvedCents).toBe(80_000);
        expect(approvals.map((a) => a.amountCents)).toEqual([80_000, 80_000]);
        charged += 80_000;
      } else {
        // Labor's $700 came first: management's $800 is its answer, and the request waits.
        expect(request.status).toBe("UNDER_REVIEW");
        expect(approvals.map((a) => [a.side, a.amountCents]).sort()).toEqual([["LABOR", 70_000], ["MANAGEMENT", 80_000]]);
      }
      expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: charged });
    }
  });

  it("of both sides: both are recorded, the request is approved and the fund charged exactly once (several rounds)", async () => {
    const w = await twoSidedWorld();
    await setThreshold(w, "500");
    for (let round = 0; round < 4; round++) {
      const requestId = await makeRequest(w, { amount: "600" });
      const calls = [() => approve(w.labor1, requestId, w.fund.id, "600"), () => approve(w.management2, requestId, w.fund.id, "600")];
      const results = await Promise.allSettled((round % 2 ? calls.reverse() : calls).map((call) => call()));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(await app.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "APPROVED", approvedCents: 60_000 });
      expect(await app.db.requestApproval.count({ where: { requestId } })).toBe(2);
    }
    expect(await fundOf(app.db, w.fund.id)).toMatchObject({ committedCents: 4 * 60_000 });
  });
});
