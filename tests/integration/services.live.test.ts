// Live supportive services over real sockets: reviewers learn of a request when it is submitted (not
// while it is a draft), the submitter sees each status change and gets a notification, a removed
// reviewer hears nothing more, and drafts stay out of reviewers' reach.
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ServerEventPayload } from "../../server/realtime/realtime.events.js";
import { collectEvents, nextEvent, refusal } from "../support/test-app.js";
import { makeRequest, servicesWorld, startServicesApp } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("live", () => {
  it("the reviewers' queue hears of a request when it is submitted; the submitter sees every change and is notified", async () => {
    const w = await servicesWorld(app);
    const reviewerSocket = await w.reviewer.connect();
    const cboSocket = await w.cboMember.connect();
    const reviewerSeen: Array<ServerEventPayload<"serviceRequest:changed">> = collectEvents(reviewerSocket, "serviceRequest:changed");
    const cboSeen = collectEvents(cboSocket, "serviceRequest:changed");

    const draftId = await makeRequest(w, { submit: false });
    await pause(150);
    expect(reviewerSeen).toEqual([]);
    expect(cboSeen).toEqual([{ partnershipId: w.partnershipId, requestId: draftId, status: "DRAFT" }]);

    const arrived = nextEvent(reviewerSocket, "serviceRequest:changed");
    await w.cboMember.trpc.services.request.submit({ requestId: draftId });
    expect(await arrived).toEqual({ partnershipId: w.partnershipId, requestId: draftId, status: "SUBMITTED" });
    // The submitter hears of it too (its own event, which may land after the reviewer's): wait for it, so
    // the next event awaited below is the decision's.
    await vi.waitFor(() => expect(cboSeen.map((e) => e.status)).toEqual(["DRAFT", "SUBMITTED"]), { timeout: 3_000 });

    const decided = nextEvent(cboSocket, "serviceRequest:changed");
    const notified = nextEvent(cboSocket, "notification:created");
    await w.reviewer.trpc.services.request.approve({ requestId: draftId, fundId: w.fund.id, amount: "100" });
    expect(await decided).toEqual({ partnershipId: w.partnershipId, requestId: draftId, status: "APPROVED" });
    expect((await notified).unreadCount).toBeGreaterThan(0);
    const [note] = (await w.cboMember.trpc.notifications.list({ filter: "all", limit: 5 })).items;
    expect(note).toMatchObject({ kind: "serviceRequest.updated", payload: { requestId: draftId, category: "Transportation", statusLabel: "Approved" } });
  });

  it("a removed reviewer hears nothing more, and reviewers never see drafts", async () => {
    const w = await servicesWorld(app);
    const socket = await w.reviewer2.connect();
    const seen = collectEvents(socket, "serviceRequest:changed");
    await w.founder.trpc.services.reviewer.remove({ partnershipId: w.partnershipId, membershipId: w.reviewer2.membershipId });
    await makeRequest(w);
    await pause(150);
    expect(seen).toEqual([]);

    const draftId = await makeRequest(w, { submit: false });
    expect((await refusal(w.reviewer.trpc.services.request.get({ requestId: draftId }))).code).toBe("NOT_FOUND");
    const fresh = await w.cboMember.trpc.services.trainee.create({ partnershipId: w.partnershipId, name: "Drafted Only", program: "CNC" });
    await makeRequest(w, { submit: false, traineeId: fresh.id });
    expect((await refusal(w.reviewer.trpc.services.trainee.get({ traineeId: fresh.id }))).code).toBe("NOT_FOUND");
    expect(await app.db.traineeAccessLog.count({ where: { traineeId: fresh.id } })).toBe(0);
  });
});
