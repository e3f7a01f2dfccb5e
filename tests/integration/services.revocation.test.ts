// Privacy follows the owner's decision. CBO A shares a trainee with CBO B, B makes requests for them,
// A revokes: from then on B keeps its requests' amounts, status and history but gets the trainee's
// name, e-mail, phone and id nowhere (request page, lists, search, trainee record, export, summary,
// notifications, socket payloads, files), and can no longer submit, answer, edit or attach for them —
// only withdraw. A's access log records the revocation; A and the reviewers still see the trainee.
import { afterAll, describe, expect, it } from "vitest";
import { NO_TRAINEE_ACCESS } from "../../server/domains/services/services.policy.js";
import { joinRoom, refusal, type TestSocket } from "../support/test-app.js";
import { dateIn, download, fundOf, makeRequest, PDF_BYTES, servicesWorld, snapshotServices, startServicesApp, upload, type Person, type ServicesWorld } from "../support/services-helpers.js";

const env = await startServicesApp();
const app = env.app;
afterAll(() => env.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The trainee's identifying strings: none may appear in what CBO B receives after the revocation. */
const identityOf = (w: ServicesWorld) => [w.trainee.name, w.trainee.name.split(" ")[1]!, w.trainee.email, w.trainee.phone, w.trainee.id];
function expectNoIdentity(w: ServicesWorld, value: unknown) {
  const text = JSON.stringify(value) ?? "";
  for (const secret of identityOf(w)) expect(text, `leaked ${secret}`).not.toContain(secret);
}
function expectIdentity(w: ServicesWorld, value: unknown) {
  const text = JSON.stringify(value) ?? "";
  expect(text).toContain(w.trainee.name);
}

function recordAll(socket: TestSocket) {
  const seen: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

async function liveSocket(w: ServicesWorld, who: Person) {
  const socket = await who.connect();
  expect(await joinRoom(socket, { kind: "partnership", id: w.partnershipId })).toEqual({ ok: true, data: undefined });
  return recordAll(socket);
}

/** CBO A shares its trainee with CBO B, and B brings requests for them to several points of their life. */
async function sharedWorld() {
  const w = await servicesWorld(app, { fundCents: 100_000 });
  const b = w.otherCbo;
  const bColleague = await w.person("Bea Colleague", w.cboB.id);
  await w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id });
  const opts = { by: b, traineeId: w.trainee.id };
  const submitted = await makeRequest(w, { ...opts, amount: "120" });
  const draft = await makeRequest(w, { ...opts, amount: "80", submit: false });
  const asked = await makeRequest(w, { ...opts, amount: "60" });
  await w.reviewer.trpc.services.request.askInfo({ requestId: asked, note: "Which bus route?" });
  const approved = await makeRequest(w, { ...opts, amount: "200" });
  await w.reviewer.trpc.services.request.approve({ requestId: approved, fundId: w.fund.id, amount: "200" });
  const { body } = await upload(app, b, submitted, "bus-pass-quote.pdf", PDF_BYTES);
  const attachmentId = body!.attachment!.id;
  return { w, b, bColleague, submitted, draft, asked, approved, attachmentId, all: [submitted, draft, asked, approved] };
}

describe("before the revocation", () => {
  it("the CBO granted access sees the trainee on its requests, in its lists and search, and may act for them", async () => {
    const { w, b, submitted, draft, asked, attachmentId } = await sharedWorld();
    const s = b.trpc.services;
    const view = await s.request.get({ requestId: submitted });
    expect(view.trainee).toMatchObject({ name: w.trainee.name, email: w.trainee.email, phone: w.trainee.phone });
    expect(view.request.traineeId).toBe(w.trainee.id);
    expect(view.viewer.traineeVia).toBe("GRANTED");
    expect(view.can).toMatchObject({ attach: true, openFiles: true, cancel: true });
    expect((await s.request.get({ requestId: draft })).can).toMatchObject({ submit: true, edit: true });
    expect((await s.request.get({ requestId: asked })).can).toMatchObject({ answer: true });
    const mine = await s.request.list({ partnershipId: w.partnershipId, view: "mine" });
    expect(mine.find((r) => r.id === submitted)?.traineeName).toBe(w.trainee.name);
    // Search ignores case.
    expect((await s.trainee.list({ partnershipId: w.partnershipId, search: w.trainee.name.toLowerCase() })).map((t) => t.id)).toEqual([w.trainee.id]);
    expect((await s.trainee.get({ traineeId: w.trainee.id })).via).toBe("GRANTED");
    expect((await download(app, b, attachmentId)).status).toBe(200);
  });
});

describe("after the revocation", () => {
  it("the other CBO keeps amounts and status, and sees the trainee nowhere: request page, lists, search, record, export, summary, notifications, sockets, files", async () => {
    const { w, b, bColleague, submitted, draft, asked, approved, attachmentId, all } = await sharedWorld();
    const seenByB = await liveSocket(w, b);
    const seenByColleague = await liveSocket(w, bColleague);
    const before = new Date(Date.now() - 1000);

    await w.cboColleague.trpc.services.trainee.revoke({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    // A reviewer goes on with a request B made: B's member is told, without the trainee.
    await w.reviewer.trpc.services.request.approve({ requestId: submitted, fundId: w.fund.id, amount: "100" });
    await pause(200);

    const s = b.trpc.services;
    for (const requestId of all) {
      const view = await s.request.get({ requestId });
      expect(view.trainee).toBeNull();
      expect(view.request.traineeId).toBeNull();
      expect(view.viewer.traineeVia).toBeNull();
      expect(view.can).toMatchObject({ submit: false, answer: false, edit: false, attach: false, openFiles: false });
      expectNoIdentity(w, view);
      // What B asked for stays B's: amounts, status, history.
      expect(view.request.requestedCents).toBeGreaterThan(0);
      expect(view.events.length).toBeGreaterThan(0);
      // The colleague who did not make the request gets the same.
      expectNoIdentity(w, await bColleague.trpc.services.request.get({ requestId }));
    }
    expect((await s.request.get({ requestId: submitted })).request).toMatchObject({ status: "APPROVED", requestedCents: 12_000, approvedCents: 10_000 });
    expect((await s.request.get({ requestId: draft })).can.cancel).toBe(true);
    expect((await s.request.get({ requestId: approved })).request.status).toBe("APPROVED");

    const mine = await s.request.list({ partnershipId: w.partnershipId, view: "mine" });
    expect(mine.map((r) => r.id).sort()).toEqual([...all].sort());
    expect(mine.every((r) => r.traineeName === null)).toBe(true);
    expectNoIdentity(w, mine);
    for (const search of ["", w.trainee.name, w.trainee.name.toLowerCase(), "traineeperson", w.trainee.email]) {
      const found = await s.trainee.list({ partnershipId: w.partnershipId, search });
      expect(found.map((t) => t.id)).not.toContain(w.trainee.id);
      expectNoIdentity(w, found);
    }
    expect((await refusal(s.trainee.get({ traineeId: w.trainee.id }))).code).toBe("NOT_FOUND");
    expect((await b.http.query("services.trainee.get", { traineeId: w.trainee.id })).status).toBe(404);
    expectNoIdentity(w, await s.export({ partnershipId: w.partnershipId }));
    expectNoIdentity(w, await s.summary({ partnershipId: w.partnershipId }));
    expectNoIdentity(w, await s.overview({ partnershipId: w.partnershipId }));
    expectNoIdentity(w, await s.fund.list({ partnershipId: w.partnershipId }));
    const notes = await b.trpc.notifications.list({ filter: "all", limit: 100 });
    expect(notes.items.some((n) => n.kind === "serviceRequest.updated" && (n.payload as { requestId: string }).requestId === submitted)).toBe(true);
    expectNoIdentity(w, notes);

    // Files are the trainee's papers.
    const file = await download(app, b, attachmentId);
    expect(file.status).toBe(403);
    expect(new TextDecoder().decode(file.bytes)).not.toContain("%PDF");

    // Sockets: B heard of each request (its page refetches and drops the trainee), ids and status only.
    for (const seen of [seenByB, seenByColleague]) {
      const changed = seen.filter((e) => e.event === "serviceRequest:changed").map((e) => (e.payload as { requestId: string }).requestId);
      for (const requestId of all) expect(changed).toContain(requestId);
      expectNoIdentity(w, seen);
    }

    // The owner's access log records who revoked which organization, and when.
    const record = await w.cboMember.trpc.services.trainee.get({ traineeId: w.trainee.id });
    expect(record.grants).toEqual([]);
    const revoked = record.accessLog.find((l) => l.reason === `Stopped sharing the record with ${w.cboB.name}`);
    expect(revoked).toMatchObject({ reader: w.cboColleague.name, times: 1 });
    expect(revoked!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(record.accessLog.some((l) => l.reason === `Shared the record with ${w.cboB.name}` && l.reader === w.cboMember.name)).toBe(true);
    expect(await app.db.auditEvent.count({ where: { action: "trainee.accessRevoked", subjectId: w.trainee.id, actorId: w.cboColleague.user.id } })).toBe(1);

    // The owner and the reviewers still see the trainee on B's requests.
    expectIdentity(w, await w.cboMember.trpc.services.request.get({ requestId: submitted }));
    expect((await w.cboMember.trpc.services.request.list({ partnershipId: w.partnershipId, view: "mine" })).find((r) => r.id === submitted)?.traineeName).toBe(w.trainee.name);
    expectIdentity(w, await w.reviewer2.trpc.services.request.get({ requestId: asked }));
  });

  it("the other CBO cannot submit, answer, edit, attach or request for the trainee (clear 403s, nothing written), but can withdraw", async () => {
    const { w, b, submitted, draft, asked, approved } = await sharedWorld();
    await w.cboMember.trpc.services.trainee.revoke({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    const s = b.trpc.services.request;

    async function refusedWithoutWrites(call: () => Promise<unknown>) {
      const before = await snapshotServices(app.db);
      const r = await refusal(call());
      expect(await snapshotServices(app.db)).toEqual(before);
      return r;
    }
    expect(await refusedWithoutWrites(() => s.submit({ requestId: draft }))).toMatchObject({ code: "FORBIDDEN", message: NO_TRAINEE_ACCESS });
    expect(await refusedWithoutWrites(() => s.answer({ requestId: asked, note: "Route 9" }))).toMatchObject({ code: "FORBIDDEN", message: NO_TRAINEE_ACCESS });
    expect(await refusedWithoutWrites(() => s.update({ requestId: draft, category: "HOUSING", amount: "5", neededBy: dateIn(3), justification: "x" }))).toMatchObject({
      code: "FORBIDDEN",
      message: NO_TRAINEE_ACCESS,
    });
    expect(await refusedWithoutWrites(() => makeRequest(w, { by: b, traineeId: w.trainee.id }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { traineeId: ["Choose one of your organization's trainees."] },
    });
    const before = await snapshotServices(app.db);
    const late = await upload(app, b, submitted, "receipt.pdf", PDF_BYTES);
    expect(late.status).toBe(403);
    expect(late.body?.error?.message).toBe(NO_TRAINEE_ACCESS);
    expect(await snapshotServices(app.db)).toEqual(before);

    // Withdrawing stays possible, and releases an approved request's money.
    await s.cancel({ requestId: draft, reason: "" });
    await s.cancel({ requestId: approved, reason: "Trainee moved away." });
    expect(await fundOf(app.db, w.fund.id)).toEqual({ startingCents: 100_000, committedCents: 0, spentCents: 0 });
    // Reviewers still decide what was sent to them.
    await w.reviewer.trpc.services.request.deny({ requestId: asked, reason: "No answer from the requesting organization." });

    // Shared again, B may act for the trainee again.
    await w.cboMember.trpc.services.trainee.grant({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    expect((await upload(app, b, submitted, "receipt.pdf", PDF_BYTES)).status).toBe(201);
    expect((await s.get({ requestId: submitted })).trainee?.name).toBe(w.trainee.name);
  });

  it("the database itself refuses a submission, an answer or a file for a trainee the organization has no access to", async () => {
    const { w, draft, asked, submitted } = await sharedWorld();
    await w.cboMember.trpc.services.trainee.revoke({ traineeId: w.trainee.id, organizationId: w.cboB.id });
    await expect(app.db.serviceRequest.update({ where: { id: draft }, data: { status: "SUBMITTED", submittedAt: new Date() } })).rejects.toThrow(/no access to the trainee/);
    await expect(app.db.serviceRequest.update({ where: { id: asked }, data: { status: "UNDER_REVIEW" } })).rejects.toThrow(/no access to the trainee/);
    await expect(
      app.db.attachment.create({ data: { requestId: submitted, originalName: "x.pdf", mimeType: "application/pdf", sizeBytes: 5, uploadedById: w.otherCbo.user.id } }),
    ).rejects.toThrow(/no access to the trainee/);
    // Other moves are not the trainee's business: a reviewer's decision, a withdrawal.
    await app.db.serviceRequest.update({ where: { id: draft }, data: { status: "CANCELLED" } });
  });
});
