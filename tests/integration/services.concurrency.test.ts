// A fund is never over-committed, even when many reviewers approve at the same moment: 20 approvals
// at once against a fund that affords only some (through the caller and real HTTP), caps under
// concurrency (two approvals of different requests that together break a cap: exactly one wins, round
// after round), two reviewers approving the same request at once, uploads racing for a request's last
// file slots, and a revocation racing the other CBO's submissions and uploads.
import { afterAll, describe, expect, it } from "vitest";
import { NO_TRAINEE_ACCESS } from "../../server/domains/services/services.policy.js";
import { dateIn, fundOf, makeRequest, PNG_BYTES, servicesWorld, startServicesApp, upload } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

async function settle(calls: Promise<unknown>[]) {
  const results = await Promise.allSettled(calls);
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    refused: results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as { code?: string }).code ?? String(r.reason)),
  };
}

// Each test builds its world through the real procedures and then races many real connections; on a
// loaded machine that takes longer than a plain test, so these get a minute.
describe("concurrent approvals", { timeout: 60_000 }, () => {
  it("20 approvals of $100 at once against a $750 fund: exactly 7 pass, the fund is full and never negative", async () => {
    const w = await servicesWorld(app, { fundCents: 75_000 });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await makeRequest(w, { amount: "100" }));
    const viaCaller = ids.slice(0, 12).map((requestId, i) => (i % 2 ? w.reviewer : w.reviewer2).trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" }));
    const viaHttp = ids.slice(12).map((requestId, i) =>
      (i % 2 ? w.reviewer : w.reviewer2).http.mutate("services.request.approve", { requestId, fundId: w.fund.id, amount: "100" }).then((r) => {
        if (r.status !== 200) throw Object.assign(new Error(r.error?.message), { code: r.error?.code });
        return r;
      }),
    );
    const { ok, refused } = await settle([...viaCaller, ...viaHttp]);
    expect(ok).toBe(7);
    expect(refused).toHaveLength(13);
    expect(new Set(refused)).toEqual(new Set(["PRECONDITION_FAILED"]));

    const fund = await fundOf(app.db, w.fund.id);
    expect(fund).toEqual({ startingCents: 75_000, committedCents: 70_000, spentCents: 0 });
    const approved = await app.db.serviceRequest.findMany({ where: { id: { in: ids }, status: "APPROVED" } });
    expect(approved).toHaveLength(7);
    expect(approved.reduce((n, r) => n + (r.approvedCents ?? 0), 0)).toBe(fund.committedCents);
    // The refused ones are untouched: still submitted, no approval event.
    expect(await app.db.serviceRequest.count({ where: { id: { in: ids }, status: "SUBMITTED", approvedCents: null, fundId: null } })).toBe(13);
    expect(await app.db.requestEvent.count({ where: { requestId: { in: ids }, kind: "APPROVED" } })).toBe(7);
  });

  it("approvals, fulfilments and cancellations racing each other keep committed + spent = the approved amounts", async () => {
    const w = await servicesWorld(app, { fundCents: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await makeRequest(w, { amount: "100" }));
    for (const requestId of ids.slice(0, 5)) await w.reviewer.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" });
    await settle([
      ...ids.slice(0, 2).map((requestId) => w.reviewer.trpc.services.request.fulfil({ requestId, fulfilledOn: dateIn(0), reference: "r" })),
      ...ids.slice(2, 4).map((requestId) => w.cboMember.trpc.services.request.cancel({ requestId, reason: "" })),
      ...ids.slice(5).map((requestId) => w.reviewer2.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" })),
      // The same request fulfilled twice and cancelled at once: one of these wins.
      w.reviewer.trpc.services.request.fulfil({ requestId: ids[4]!, fulfilledOn: dateIn(0), reference: "a" }),
      w.reviewer2.trpc.services.request.fulfil({ requestId: ids[4]!, fulfilledOn: dateIn(0), reference: "b" }),
      w.cboMember.trpc.services.request.cancel({ requestId: ids[4]!, reason: "" }),
    ]);
    const rows = await app.db.serviceRequest.findMany({ where: { id: { in: ids } } });
    const committed = rows.filter((r) => r.status === "APPROVED").reduce((n, r) => n + (r.approvedCents ?? 0), 0);
    const spent = rows.filter((r) => r.status === "FULFILLED").reduce((n, r) => n + (r.approvedCents ?? 0), 0);
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 100_000, committedCents: committed, spentCents: spent });
    const raced = rows.find((r) => r.id === ids[4])!;
    expect(["FULFILLED", "CANCELLED"]).toContain(raced.status);
    expect(rows.filter((r) => r.status === "CANCELLED")).toHaveLength(raced.status === "CANCELLED" ? 3 : 2);
    expect(await app.db.requestEvent.count({ where: { requestId: raced.id, kind: { in: ["FULFILLED", "CANCELLED"] } } })).toBe(1);
    expect(rows.filter((r) => r.status === "APPROVED")).toHaveLength(5);
  });

  it("two reviewers approving the same request at once: it is approved once and charged once", async () => {
    const w = await servicesWorld(app, { fundCents: 100_000 });
    const requestId = await makeRequest(w, { amount: "300" });
    const { ok, refused } = await settle([
      w.reviewer.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "300" }),
      w.reviewer2.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "200" }),
      w.reviewer.trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" }),
    ]);
    expect(ok).toBe(1);
    expect(refused.every((c) => c === "PRECONDITION_FAILED" || c === "CONFLICT")).toBe(true);
    const row = await app.db.serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect((await fundOf(app.db, w.fund.id)).committedCents).toBe(row.approvedCents);
    expect(await app.db.requestEvent.count({ where: { requestId, kind: "APPROVED" } })).toBe(1);
  });

  it("a per-trainee cap holds under concurrent approvals", async () => {
    const w = await servicesWorld(app, { fundCents: 1_000_000 });
    // Caps are joint changes; the partnership's only co-chair (no management co-chair yet) applies them at once.
    await w.founder.trpc.services.fund.setCap({ fundId: w.fund.id, category: "ALL", perTrainee: true, cap: "250" });
    await w.founder.trpc.services.fund.setCap({ fundId: w.fund.id, category: "HOUSING", perTrainee: false, cap: "400" });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await makeRequest(w, { amount: "100" }));
    // Another trainee's housing requests share the category cap.
    const second = await w.cboMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: "Second Trainee", program: "CNC operator" });
    const housing: string[] = [];
    for (let i = 0; i < 6; i++) housing.push(await makeRequest(w, { amount: "100", category: "HOUSING", traineeId: second.id }));
    const { ok } = await settle([
      ...ids.map((requestId, i) => (i % 2 ? w.reviewer : w.reviewer2).trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" })),
      ...housing.map((requestId, i) => (i % 2 ? w.reviewer : w.reviewer2).trpc.services.request.approve({ requestId, fundId: w.fund.id, amount: "100" })),
    ]);
    const forFirst = await app.db.serviceRequest.aggregate({ where: { traineeId: w.trainee.id, status: "APPROVED" }, _sum: { approvedCents: true } });
    const forHousing = await app.db.serviceRequest.aggregate({ where: { category: "HOUSING", status: "APPROVED", fundId: w.fund.id }, _sum: { approvedCents: true } });
    expect(forFirst._sum.approvedCents).toBe(20_000);
    // The second trainee is held by both caps: $250 per trainee (2 × $100) before $400 for housing.
    expect(forHousing._sum.approvedCents).toBe(20_000);
    expect(ok).toBe(4);
    expect((await fundOf(app.db, w.fund.id)).committedCents).toBe(40_000);
  });

  it("two approvals of different requests that together break a cap: exactly one wins, every round (per category and per trainee)", async () => {
    const w = await servicesWorld(app, { fundCents: 10_000 });
    const second = await w.cboMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: "Second Trainee", program: "CNC operator" });
    let funds = 0;
    /** A fresh fund with room for both: $150 a year for housing (all trainees together) and $150 a year per trainee. */
    // Made by the partnership's only co-chair: with no management co-chair yet, these joint changes apply at once.
    async function cappedFund() {
      const created = await w.founder.trpc.services.fund.create({ partnershipId: w.partnershipId, name: `Capped ${++funds}`, starting: "10000" });
      const id = (created as { id: string }).id;
      await w.founder.trpc.services.fund.setCap({ fundId: id, category: "HOUSING", perTrainee: false, cap: "150" });
      await w.founder.trpc.services.fund.setCap({ fundId: id, category: "ALL", perTrainee: true, cap: "150" });
      return id;
    }
    for (let round = 0; round < 10; round++) {
      const pairs = {
        // Two trainees, $100 of housing each: only the category cap binds.
        category: [await makeRequest(w, { amount: "100", category: "HOUSING" }), await makeRequest(w, { amount: "100", category: "HOUSING", traineeId: second.id })],
        // One trainee, $100 in each of two other categories: only the per-trainee cap binds.
        trainee: [await makeRequest(w, { amount: "100", category: "TRANSPORTATION" }), await makeRequest(w, { amount: "100", category: "TOOLS_EQUIPMENT" })],
      };
      for (const [cap, ids] of Object.entries(pairs)) {
        const fundId = await cappedFund();
        const { ok, refused } = await settle([
          w.reviewer.trpc.services.request.approve({ requestId: ids[0]!, fundId, amount: "100" }),
          w.reviewer2.trpc.services.request.approve({ requestId: ids[1]!, fundId, amount: "100" }),
        ]);
        expect({ round, cap, ok, refused }).toEqual({ round, cap, ok: 1, refused: ["PRECONDITION_FAILED"] });
        expect((await fundOf(app.db, fundId)).committedCents).toBe(10_000);
        expect(await app.db.serviceRequest.count({ where: { id: { in: ids }, status: "APPROVED", fundId } })).toBe(1);
      }
    }
  });

  it("25 uploads at once to a request that takes 20 files: exactly 20 are stored", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => upload(app, w.cboMember, requestId, `page-${i}.png`, PNG_BYTES)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body?.error?.message])).toEqual(Array.from({ length: 5 }, () => [412, "A request can have at most 20 files."]));
    expect(await app.db.attachment.count({ where: { requestId } })).toBe(20);
    expect(await app.db.attachmentContent.count({ where: { attachment: { requestId } } })).toBe(20);
    expect(await app.db.requestEvent.count({ where: { requestId, kind: "ATTACHMENT_ADDED" } })).toBe(20);
  });

  it("a revocation racing the other CBO's submissions and uploads: each lands before it or is refused with the clear message, none after", async () => {
    const w = await servicesWorld(app);
    const b = w.otherCbo;
    for (let round = 0; round < 5; round++) {
      await w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id });
      const drafts: string[] = [];
      for (let i = 0; i < 6; i++) drafts.push(await makeRequest(w, { by: b, traineeId: w.trainee.id, submit: false }));
      const submitted = await makeRequest(w, { by: b, traineeId: w.trainee.id });
      const racing = [
        ...drafts.map((requestId) => b.trpc.services.request.submit({ requestId })),
        ...Array.from({ length: 4 }, (_, i) =>
          upload(app, b, submitted, `quote-${i}.png`, PNG_BYTES).then((r) => {
            if (r.status !== 201) throw Object.assign(new Error(r.body?.error?.message), { code: r.body?.error?.code, status: r.status });
            return r;
          }),
        ),
      ];
      const [revoked, outcomes] = await Promise.all([
        w.cboMember.trpc.services.trainee.revoke({ traineeId: w.trainee.id, organizationId: w.cboB.id }),
        Promise.allSettled(racing),
      ]);
      expect(revoked).toEqual({ traineeId: w.trainee.id, organizationId: w.cboB.id });
      for (const outcome of outcomes) {
        if (outcome.status === "rejected") expect({ code: (outcome.reason as { code?: string }).code, message: (outcome.reason as Error).message }).toEqual({ code: "FORBIDDEN", message: NO_TRAINEE_ACCESS });
      }
      // The database agrees with the answers: what was refused left nothing.
      const ok = outcomes.slice(0, drafts.length).filter((o) => o.status === "fulfilled").length;
      expect(await app.db.serviceRequest.count({ where: { id: { in: drafts }, status: "SUBMITTED" } })).toBe(ok);
      const uploaded = outcomes.slice(drafts.length).filter((o) => o.status === "fulfilled").length;
      expect(await app.db.attachment.count({ where: { requestId: submitted } })).toBe(uploaded);
      // Once the revocation has answered, nothing more is accepted.
      const stillDraft = await app.db.serviceRequest.findFirst({ where: { id: { in: drafts }, status: "DRAFT" }, select: { id: true } });
      if (stillDraft) await expect(b.trpc.services.request.submit({ requestId: stillDraft.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: NO_TRAINEE_ACCESS });
      expect((await upload(app, b, submitted, "late.png", PNG_BYTES)).status).toBe(403);
    }
  });
});
