// The life of a supportive-service request through the real procedures: draft → submitted → under
// review → needs info → answered → approved (part) → fulfilled, the fund's money at each step, the
// history, the notifications; every refused status change and bad input, each writing nothing.
import { afterAll, describe, expect, it } from "vitest";
import type { RequestAction } from "../../server/domains/services/services.rules.js";
import { createOrganization, createTrainee } from "../../server/fixtures/factories.js";
import { refusal } from "../support/test-app.js";
import { dateIn, fundOf, makeRequest, servicesWorld, snapshotServices, startServicesApp, type ServicesWorld } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

/** Runs `call` expecting a refusal, and checks that nothing in the services tables changed. */
async function refusedWithoutWrites(call: () => Promise<unknown>) {
  const before = await snapshotServices(app.db);
  const result = await refusal(call());
  expect(await snapshotServices(app.db)).toEqual(before);
  return result;
}

describe("the whole life", () => {
  it("draft → submit → review → question → answer → partial approval → fulfilment, with the fund moving at each step", async () => {
    const w = await servicesWorld(app, { fundCents: 100_000 });
    const requestId = await makeRequest(w, { amount: "400.00", category: "DEPENDENT_CARE", submit: false });
    expect((await w.cboMember.trpc.services.request.get({ requestId })).request.status).toBe("DRAFT");

    await w.cboMember.trpc.services.request.update({ requestId, category: "DEPENDENT_CARE", amount: "450.25", neededBy: dateIn(10), justification: "Childcare during evening classes." });
    await w.cboMember.trpc.services.request.submit({ requestId });
    const queue = await w.reviewer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" });
    expect(queue.map((r) => r.id)).toContain(requestId);
    expect(queue.find((r) => r.id === requestId)).toMatchObject({ status: "SUBMITTED", requestedCents: 45025, traineeName: null, clock: { ageDays: 0, overdue: false } });

    await w.reviewer.trpc.services.request.startReview({ requestId });
    await w.reviewer.trpc.services.request.askInfo({ requestId, note: "Which provider, and how many weeks?" });
    const asked = await w.cboMember.trpc.services.request.get({ requestId });
    expect(asked.request.status).toBe("NEEDS_INFO");
    expect(asked.can).toMatchObject({ answer: true, approve: false, edit: false });
    await w.cboMember.trpc.services.request.answer({ requestId, note: "Little Sprouts Daycare, 6 weeks." });

    await w.reviewer.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "300.00", note: "Six weeks at the county rate." });
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 100_000, committedCents: 30_000, spentCents: 0 });
    const approved = await w.cboMember.trpc.services.request.get({ requestId });
    expect(approved.request).toMatchObject({ status: "APPROVED", approvedCents: 30000, requestedCents: 45025, decisionNote: "Six weeks at the county rate.", fund: { id: w.fund.id } });

    await w.reviewer.trpc.services.request.fulfil({ requestId, fulfilledOn: dateIn(0), reference: "Check #1042" });
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 100_000, committedCents: 0, spentCents: 30_000 });

    const done = await w.cboMember.trpc.services.request.get({ requestId });
    expect(done.request).toMatchObject({ status: "FULFILLED", fulfilmentReference: "Check #1042" });
    expect(done.events.map((e) => [e.kind, e.toStatus])).toEqual([
      ["CREATED", "DRAFT"],
      ["UPDATED", "DRAFT"],
      ["SUBMITTED", "SUBMITTED"],
      ["REVIEW_STARTED", "UNDER_REVIEW"],
      ["INFO_REQUESTED", "NEEDS_INFO"],
      ["INFO_PROVIDED", "UNDER_REVIEW"],
      ["APPROVED", "APPROVED"],
      ["FULFILLED", "FULFILLED"],
    ]);
    expect(done.events.find((e) => e.kind === "INFO_REQUESTED")).toMatchObject({ note: "Which provider, and how many weeks?", actorName: w.reviewer.name });
    expect(done.events.find((e) => e.kind === "INFO_PROVIDED")).toMatchObject({ note: "Little Sprouts Daycare, 6 weeks.", actorName: w.cboMember.name });

    // The submitter was told of every reviewer's step, without the trainee's name.
    const notes = await app.db.notification.findMany({ where: { userId: w.cboMember.user.id, kind: "serviceRequest.updated" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(notes.map((n) => (n.payload as { statusLabel: string }).statusLabel)).toEqual(["Under review", "Needs more information", "Approved", "Fulfilled"]);
    expect(JSON.stringify(notes)).not.toContain(w.trainee.name);

    const summary = await w.employerMember.trpc.services.summary({ partnershipId: w.partnershipId });
    expect(summary.byStatus.FULFILLED).toBe(1);
    expect(summary.funds).toEqual({ startingCents: 100_000, committedCents: 0, spentCents: 30_000, availableCents: 70_000 });
    expect(await w.unionMember.trpc.services.export({ partnershipId: w.partnershipId })).toBe(
      "category,status,requests,requested_dollars,approved_dollars\nDependent care / childcare,Fulfilled,1,450.25,300.00\n",
    );
  });

  it("cancelling an approved request releases its money; a denied request needs a reason and commits nothing", async () => {
    const w = await servicesWorld(app, { fundCents: 50_000 });
    const a = await makeRequest(w, { amount: "200" });
    await w.reviewer.trpc.services.request.approve({ requestId: a, fundId: w.fund.id, amount: "200" });
    expect((await fundOf(app.db, w.fund.id)).committedCents).toBe(20_000);
    await w.cboMember.trpc.services.request.cancel({ requestId: a, reason: "Trainee found a ride share." });
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 50_000, committedCents: 0, spentCents: 0 });

    const b = await makeRequest(w);
    const noReason = await refusedWithoutWrites(() => w.reviewer.trpc.services.request.deny({ requestId: b, reason: "  " }));
    expect(noReason).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: ["A reason is required."] } });
    await w.reviewer.trpc.services.request.deny({ requestId: b, reason: "Covered by the employer's tool allowance." });
    expect((await w.cboMember.trpc.services.request.get({ requestId: b })).request).toMatchObject({ status: "DENIED", decisionNote: "Covered by the employer's tool allowance." });
    expect((await fundOf(app.db, w.fund.id)).committedCents).toBe(0);
  });

  it("the queue is oldest first, with age and the service-level clock against the partnership's target", async () => {
    const w = await servicesWorld(app);
    await w.staff.trpc.services.settings.set({ partnershipId: w.partnershipId, targetDays: 3 });
    const older = await makeRequest(w);
    const newer = await makeRequest(w);
    await app.db.serviceRequest.update({ where: { id: older }, data: { submittedAt: new Date(Date.now() - 5 * 24 * 60 * 60 * 1000) } });
    const queue = await w.reviewer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" });
    expect(queue.map((r) => r.id)).toEqual([older, newer]);
    expect(queue[0]!.clock).toMatchObject({ ageDays: 5, overdue: true });
    expect(queue[1]!.clock).toMatchObject({ ageDays: 0, overdue: false, daysLeft: 3 });
  });
});

describe("refused status changes", () => {
  /** Brings a fresh request to `status` through the real procedures. */
  async function requestIn(w: ServicesWorld, status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "NEEDS_INFO" | "APPROVED" | "DENIED" | "FULFILLED" | "CANCELLED") {
    const id = await makeRequest(w, { submit: status !== "DRAFT", amount: "10" });
    const r = w.reviewer.trpc.services.request;
    if (status === "UNDER_REVIEW") await r.startReview({ requestId: id });
    if (status === "NEEDS_INFO") await r.askInfo({ requestId: id, note: "Receipt please" });
    if (status === "APPROVED" || status === "FULFILLED") await r.approve({ requestId: id, fundId: w.fund.id, amount: "10" });
    if (status === "FULFILLED") await r.fulfil({ requestId: id, fulfilledOn: dateIn(0), reference: "ref" });
    if (status === "DENIED") await r.deny({ requestId: id, reason: "no" });
    if (status === "CANCELLED") await w.cboMember.trpc.services.request.cancel({ requestId: id, reason: "" });
    return id;
  }

  function call(w: ServicesWorld, action: RequestAction, requestId: string) {
    const cbo = w.cboMember.trpc.services.request;
    const rev = w.reviewer.trpc.services.request;
    switch (action) {
      case "submit": return cbo.submit({ requestId });
      case "answer": return cbo.answer({ requestId, note: "Here it is" });
      case "startReview": return rev.startReview({ requestId });
      case "askInfo": return rev.askInfo({ requestId, note: "?" });
      case "approve": return rev.approve({ requestId, fundId: w.fund.id, amount: "10" });
      case "deny": return rev.deny({ requestId, reason: "no" });
      case "fulfil": return rev.fulfil({ requestId, fulfilledOn: dateIn(0), reference: "x" });
      case "cancel": return cbo.cancel({ requestId, reason: "" });
    }
  }

  const REFUSED: Array<[Parameters<typeof requestIn>[1], RequestAction]> = [
    ["DRAFT", "startReview"], ["DRAFT", "askInfo"], ["DRAFT", "approve"], ["DRAFT", "deny"], ["DRAFT", "fulfil"], ["DRAFT", "answer"],
    ["SUBMITTED", "submit"], ["SUBMITTED", "answer"], ["SUBMITTED", "fulfil"],
    ["UNDER_REVIEW", "submit"], ["UNDER_REVIEW", "startReview"], ["UNDER_REVIEW", "answer"], ["UNDER_REVIEW", "fulfil"],
    ["NEEDS_INFO", "approve"], ["NEEDS_INFO", "startReview"], ["NEEDS_INFO", "askInfo"], ["NEEDS_INFO", "fulfil"], ["NEEDS_INFO", "submit"],
    ["APPROVED", "approve"], ["APPROVED", "deny"], ["APPROVED", "askInfo"], ["APPROVED", "submit"], ["APPROVED", "answer"],
    ["DENIED", "approve"], ["DENIED", "cancel"], ["DENIED", "fulfil"], ["DENIED", "askInfo"],
    ["FULFILLED", "cancel"], ["FULFILLED", "fulfil"], ["FULFILLED", "approve"],
    ["CANCELLED", "submit"], ["CANCELLED", "approve"], ["CANCELLED", "cancel"], ["CANCELLED", "answer"],
  ];

  it.each(REFUSED)("a request %s cannot be taken through %s (refused, nothing written)", async (status, action) => {
    const w = await servicesWorld(app);
    const id = await requestIn(w, status);
    const before = await fundOf(app.db, w.fund.id);
    const r = await refusedWithoutWrites(() => call(w, action, id));
    // A draft is the CBO's own: reviewers do not even see it.
    const byReviewer = !["submit", "answer", "cancel"].includes(action);
    if (status === "DRAFT" && byReviewer) {
      expect(r.code).toBe("NOT_FOUND");
    } else {
      expect(r.code).toBe("PRECONDITION_FAILED");
      expect(r.message).toMatch(/cannot be/);
    }
    expect(await fundOf(app.db, w.fund.id)).toEqual(before);
  });

  it("a CBO cannot decide, a reviewer cannot answer for the CBO, and a reviewer never reviews their own organization's request", async () => {
    const w = await servicesWorld(app);
    const id = await makeRequest(w);
    expect(await refusedWithoutWrites(() => w.cboMember.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "10" }))).toMatchObject({
      code: "FORBIDDEN",
      message: "Only a designated reviewer can do that.",
    });
    await w.reviewer.trpc.services.request.askInfo({ requestId: id, note: "Which route?" });
    expect((await refusedWithoutWrites(() => w.reviewer.trpc.services.request.answer({ requestId: id, note: "me" }))).code).toBe("FORBIDDEN");
    await w.cboMember.trpc.services.request.answer({ requestId: id, note: "Route 9" });
    // The CBO reviewer is a colleague of the requester: conflict of interest, for every review step.
    for (const attempt of [
      () => w.cboReviewer.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "10" }),
      () => w.cboReviewer.trpc.services.request.deny({ requestId: id, reason: "no" }),
      () => w.cboReviewer.trpc.services.request.askInfo({ requestId: id, note: "?" }),
    ]) {
      expect(await refusedWithoutWrites(attempt)).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Conflict of interest/) });
    }
    const view = await w.cboReviewer.trpc.services.request.get({ requestId: id });
    expect(view.viewer.conflictOfInterest).toBe(true);
    expect(view.can.approve).toBe(false);
    // A member who is neither requester nor reviewer does not even see it.
    expect((await refusedWithoutWrites(() => w.staff.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "10" }))).code).toBe("NOT_FOUND");
  });
});

describe("bad input", () => {
  it.each([
    ["-5", "The amount must be more than zero."],
    ["0", "The amount must be more than zero."],
    ["0.00", "The amount must be more than zero."],
    ["12.345", "Use at most two decimals (cents)."],
    ["ten dollars", "Enter an amount in dollars and cents, e.g. 125.50."],
    ["10000.01", "A request may ask for at most $10,000.00."],
  ])("refuses the amount %j with a field error and writes nothing", async (amount, message) => {
    const w = await servicesWorld(app);
    const r = await refusedWithoutWrites(() => makeRequest(w, { amount }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.amount).toEqual([message]);
  });

  it("refuses a needed-by date in the past, a non-date, and an empty justification", async () => {
    const w = await servicesWorld(app);
    expect((await refusedWithoutWrites(() => makeRequest(w, { neededBy: dateIn(-1) }))).fieldErrors?.neededBy).toEqual(["The needed-by date is in the past."]);
    expect((await refusedWithoutWrites(() => makeRequest(w, { neededBy: "2026-02-30" }))).fieldErrors?.neededBy).toEqual(["That date does not exist."]);
    expect((await refusedWithoutWrites(() => makeRequest(w, { justification: " " }))).fieldErrors?.justification).toEqual(["A justification is required."]);
    // Today is fine.
    expect(await makeRequest(w, { neededBy: dateIn(0) })).toBeTruthy();
  });

  it("refuses a request for another CBO's trainee, and requests from organizations that are not CBOs", async () => {
    const w = await servicesWorld(app);
    const r = await refusedWithoutWrites(() => makeRequest(w, { traineeId: w.otherTrainee.id }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { traineeId: ["Choose one of your organization's trainees."] } });
    expect((await refusedWithoutWrites(() => makeRequest(w, { by: w.employerMember }))).code).toBe("FORBIDDEN");
    // Once CBO B shares the trainee, CBO A may ask for them.
    await w.otherCbo.trpc.services.trainee.grant({ traineeId: w.otherTrainee.id, organizationId: w.cboA.id });
    expect(await makeRequest(w, { traineeId: w.otherTrainee.id })).toBeTruthy();
  });

  it("approval: at most the amount requested, from a fund of this partnership, within the fund's balance", async () => {
    const w = await servicesWorld(app, { fundCents: 10_000 });
    const other = await servicesWorld(app);
    const id = await makeRequest(w, { amount: "150.00" });
    expect((await refusedWithoutWrites(() => w.reviewer.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "150.01" }))).fieldErrors?.amount).toEqual([
      "Approve at most the amount requested ($150.00).",
    ]);
    expect((await refusedWithoutWrites(() => w.reviewer.trpc.services.request.approve({ requestId: id, fundId: other.fund.id, amount: "10" }))).fieldErrors?.fundId).toBeDefined();
    const r = await refusedWithoutWrites(() => w.reviewer.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "100.01" }));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED", fieldErrors: { amount: [`${w.fund.name} has only $100.00 available.`] } });
    await w.reviewer.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "100.00" });
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 10_000, committedCents: 10_000, spentCents: 0 });
  });

  it("a draft only is editable; fulfilment cannot be dated in the future", async () => {
    const w = await servicesWorld(app);
    const id = await makeRequest(w);
    const edit = await refusedWithoutWrites(() =>
      w.cboMember.trpc.services.request.update({ requestId: id, category: "HOUSING", amount: "5", neededBy: dateIn(3), justification: "x" }),
    );
    expect(edit.code).toBe("PRECONDITION_FAILED");
    await w.reviewer.trpc.services.request.approve({ requestId: id, fundId: w.fund.id, amount: "5" });
    expect((await refusedWithoutWrites(() => w.reviewer.trpc.services.request.fulfil({ requestId: id, fulfilledOn: dateIn(2), reference: "x" }))).fieldErrors?.fulfilledOn).toBeDefined();
  });

  it("the database refuses an over-committed fund and an approval above the request on its own (CHECK constraints)", async () => {
    const w = await servicesWorld(app, { fundCents: 1_000 });
    await expect(app.db.fund.update({ where: { id: w.fund.id }, data: { committedCents: 1_001 } })).rejects.toThrow();
    await expect(app.db.fund.update({ where: { id: w.fund.id }, data: { spentCents: -1 } })).rejects.toThrow();
    const id = await makeRequest(w, { amount: "5" });
    await expect(app.db.serviceRequest.update({ where: { id }, data: { approvedCents: 501 } })).rejects.toThrow();
    await expect(app.db.serviceRequest.update({ where: { id }, data: { status: "APPROVED" } })).rejects.toThrow();
    await expect(app.db.serviceRequest.update({ where: { id }, data: { status: "PAID" } })).rejects.toThrow();
    await expect(app.db.$executeRawUnsafe(`DELETE FROM "RequestEvent" WHERE "requestId" = $1`, id)).rejects.toThrow(/append-only/);
    await expect(app.db.$executeRawUnsafe(`UPDATE "RequestEvent" SET "note" = 'forged' WHERE "requestId" = $1`, id)).rejects.toThrow(/append-only/);
    // A request for a trainee its organization has no access to is refused by the database too.
    const row = await app.db.serviceRequest.findUniqueOrThrow({ where: { id } });
    await expect(
      app.db.serviceRequest.create({
        data: { ...row, id: undefined, organizationId: w.cboB.id, createdAt: undefined, updatedAt: undefined, status: "DRAFT", submittedAt: null },
      }),
    ).rejects.toThrow();
  });
});

describe("caps", () => {
  it("refuses an approval past a per-category yearly cap and past a per-trainee yearly cap", async () => {
    const w = await servicesWorld(app, { fundCents: 1_000_000 });
    // Caps are joint changes; the partnership's only co-chair (no management co-chair yet) applies them at once.
    await w.founder.trpc.services.fund.setCap({ fundId: w.fund.id, category: "TRANSPORTATION", perTrainee: false, cap: "300" });
    await w.founder.trpc.services.fund.setCap({ fundId: w.fund.id, category: "ALL", perTrainee: true, cap: "500" });
    const a = await makeRequest(w, { amount: "250", category: "TRANSPORTATION" });
    await w.reviewer.trpc.services.request.approve({ requestId: a, fundId: w.fund.id, amount: "250" });
    const b = await makeRequest(w, { amount: "100", category: "TRANSPORTATION" });
    const over = await refusedWithoutWrites(() => w.reviewer.trpc.services.request.approve({ requestId: b, fundId: w.fund.id, amount: "100" }));
    expect(over).toMatchObject({ code: "PRECONDITION_FAILED", fieldErrors: { amount: ["This would exceed the yearly cap for transportation ($300.00; $50.00 left)."] } });
    await w.reviewer.trpc.services.request.approve({ requestId: b, fundId: w.fund.id, amount: "50" });

    const c = await makeRequest(w, { amount: "250", category: "TOOLS_EQUIPMENT" });
    const perTrainee = await refusedWithoutWrites(() => w.reviewer.trpc.services.request.approve({ requestId: c, fundId: w.fund.id, amount: "250" }));
    expect(perTrainee.fieldErrors?.amount).toEqual(["This would exceed the yearly cap per trainee ($500.00; $200.00 left)."]);
    await w.reviewer.trpc.services.request.approve({ requestId: c, fundId: w.fund.id, amount: "200" });
    expect((await fundOf(app.db, w.fund.id)).committedCents).toBe(50_000);

    // Only co-chairs and staff set caps.
    expect((await refusal(w.reviewer.trpc.services.fund.setCap({ fundId: w.fund.id, category: "HOUSING", perTrainee: false, cap: "1" }))).code).toBe("FORBIDDEN");
  });
});

describe("funds, settings and reviewers are kept by co-chairs and staff", () => {
  it("creates a fund, shows its breakdown by category and month to every member, and refuses others", async () => {
    const w = await servicesWorld(app);
    // Staff prepare the fund; the partnership's only co-chair submits it, and with no management co-chair yet it applies.
    const prepared = await w.staff.trpc.services.fund.create({ partnershipId: w.partnershipId, name: "Employer contributions 2026", starting: "25,000.00" });
    expect(prepared).toMatchObject({ pending: true, status: "PREPARED" });
    const { id: fundId } = (await w.founder.trpc.joint.change.submit({ changeId: (prepared as { changeId: string }).changeId })) as unknown as { id: string };
    const r1 = await makeRequest(w, { amount: "120", category: "TRANSPORTATION" });
    const r2 = await makeRequest(w, { amount: "80", category: "TOOLS_EQUIPMENT" });
    await w.reviewer.trpc.services.request.approve({ requestId: r1, fundId, amount: "120" });
    await w.reviewer.trpc.services.request.approve({ requestId: r2, fundId, amount: "80" });
    await w.reviewer.trpc.services.request.fulfil({ requestId: r2, fulfilledOn: dateIn(0), reference: "PO-7" });
    const funds = await w.unionMember.trpc.services.fund.list({ partnershipId: w.partnershipId });
    const fund = funds.find((f) => f.id === fundId)!;
    expect(fund).toMatchObject({ startingCents: 2_500_000, committedCents: 12_000, spentCents: 8_000, availableCents: 2_480_000 });
    expect(fund.byCategory).toEqual([
      { category: "TRANSPORTATION", committedCents: 12_000, spentCents: 0, count: 1 },
      { category: "TOOLS_EQUIPMENT", committedCents: 0, spentCents: 8_000, count: 1 },
    ]);
    const month = new Date().toISOString().slice(0, 7);
    expect(fund.byMonth).toEqual([{ month, committedCents: 12_000, spentCents: 8_000 }]);

    expect((await refusal(w.cboMember.trpc.services.fund.create({ partnershipId: w.partnershipId, name: "Mine", starting: "1" }))).code).toBe("FORBIDDEN");
    expect((await refusal(w.staff.trpc.services.fund.create({ partnershipId: w.partnershipId, name: "Employer contributions 2026", starting: "1" }))).fieldErrors?.name).toBeDefined();
    expect((await refusal(w.reviewer.trpc.services.settings.set({ partnershipId: w.partnershipId, targetDays: 2 }))).code).toBe("FORBIDDEN");
  });

  it("designates and removes reviewers; a removed reviewer loses the queue at once", async () => {
    const w = await servicesWorld(app);
    const newcomer = await w.person("Nina Newreviewer", w.board.id);
    expect((await refusal(newcomer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" }))).code).toBe("NOT_FOUND");
    await w.founder.trpc.services.reviewer.add({ partnershipId: w.partnershipId, membershipId: newcomer.membershipId });
    expect((await refusal(w.founder.trpc.services.reviewer.add({ partnershipId: w.partnershipId, membershipId: newcomer.membershipId }))).code).toBe("CONFLICT");
    await makeRequest(w);
    expect(await newcomer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" })).toHaveLength(1);
    expect((await w.employerMember.trpc.services.overview({ partnershipId: w.partnershipId })).reviewers.map((r) => r.name)).toContain(newcomer.name);
    expect((await refusal(w.cboMember.trpc.services.reviewer.remove({ partnershipId: w.partnershipId, membershipId: newcomer.membershipId }))).code).toBe("FORBIDDEN");
    const prepared = await w.staff.trpc.services.reviewer.remove({ partnershipId: w.partnershipId, membershipId: newcomer.membershipId });
    await w.founder.trpc.joint.change.submit({ changeId: (prepared as { changeId: string }).changeId });
    expect((await refusal(newcomer.trpc.services.request.list({ partnershipId: w.partnershipId, view: "queue" }))).code).toBe("NOT_FOUND");
  });
});

describe("an organization with trainees on record", () => {
  it("cannot be removed from the partnership (PRECONDITION_FAILED), even with no one left in it", async () => {
    const w = await servicesWorld(app);
    const cbo = await createOrganization(app.db, { partnershipId: w.partnershipId, type: "CBO", side: "NEUTRAL" });
    await createTrainee(app.db, { partnershipId: w.partnershipId, organizationId: cbo.id, createdById: w.founder.user.id, name: "Lee Kept-Record" });
    const refused = await refusedWithoutWrites(() => w.founder.trpc.partnerships.organization.remove({ partnershipId: w.partnershipId, organizationId: cbo.id }));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: "This organization has trainees or supportive-service requests on record, so it stays." });
    expect(await app.db.organization.count({ where: { id: cbo.id } })).toBe(1);
  });
});
