// Receipts and quotes over the real HTTP route: stored in the database (any process serves them),
// checked by content (PDF/JPEG/PNG), size and name; refused uploads leave no bytes and no row; downloads
// only for those who may see the request.
import { afterAll, describe, expect, it } from "vitest";
import { download, makeRequest, PDF_BYTES, PNG_BYTES, servicesWorld, snapshotServices, startServicesApp, upload } from "../support/services-helpers.js";

const LIMIT = 64 * 1024;
const env = await startServicesApp({ MAX_ATTACHMENT_BYTES: String(LIMIT) });
const app = env.app;
afterAll(() => env.close());

const filesStored = () => app.db.attachmentContent.count();

describe("uploading", () => {
  it("stores a PDF's bytes in the database and lists it on the request", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const res = await upload(app, w.cboMember, requestId, "Childcare quote (Nov).pdf", PDF_BYTES);
    expect(res.status).toBe(201);
    const row = await app.db.attachment.findUniqueOrThrow({ where: { id: res.body!.attachment!.id } });
    expect(row).toMatchObject({ originalName: "Childcare quote (Nov).pdf", mimeType: "application/pdf", sizeBytes: PDF_BYTES.length });
    const stored = await app.db.attachmentContent.findUniqueOrThrow({ where: { attachmentId: row.id } });
    expect(Buffer.from(stored.bytes)).toEqual(Buffer.from(PDF_BYTES));
    const view = await w.cboMember.trpc.services.request.get({ requestId });
    expect(view.attachments.map((a) => a.originalName)).toEqual(["Childcare quote (Nov).pdf"]);
    expect(view.events.at(-1)).toMatchObject({ kind: "ATTACHMENT_ADDED", note: "Childcare quote (Nov).pdf" });

    const got = await download(app, w.cboColleague, row.id);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toContain("attachment;");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(got.bytes)).toEqual(Buffer.from(PDF_BYTES));
  });

  it.each([
    ["../../etc/passwd.pdf", PDF_BYTES, /path or special characters/],
    ["receipt\\..\\x.pdf", PDF_BYTES, /path or special characters/],
    [".hidden.pdf", PDF_BYTES, /path or special characters/],
    ["", PDF_BYTES, /needs a name/],
    ["page.html", new TextEncoder().encode("<html><script>alert(1)</script></html>"), /Only PDF, JPEG or PNG/],
    ["fake.pdf", new TextEncoder().encode("MZ\x90\x00 this is an executable"), /Only PDF, JPEG or PNG/],
    ["empty.pdf", new Uint8Array(), /empty/],
    ["huge.pdf", new Uint8Array(LIMIT + 10).fill(0x25), /too large/],
  ])("refuses %j with a clear message, leaving no file and no row", async (name, bytes, message) => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const files = await filesStored();
    const before = await snapshotServices(app.db);
    const res = await upload(app, w.cboMember, requestId, name, bytes);
    expect(res.status).toBe(400);
    expect(res.body?.error?.code).toBe("BAD_REQUEST");
    expect(res.body?.error?.message).toMatch(message);
    expect(res.body?.error?.fieldErrors?.file?.[0]).toMatch(message);
    expect(await filesStored()).toEqual(files);
    expect(await snapshotServices(app.db)).toEqual(before);
  });

  it("accepts exactly the size limit, and PNG/JPEG images", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const atLimit = new Uint8Array(LIMIT).fill(0x20);
    atLimit.set(PDF_BYTES.slice(0, 5));
    expect((await upload(app, w.cboMember, requestId, "limit.pdf", atLimit)).status).toBe(201);
    expect((await upload(app, w.cboMember, requestId, "photo.png", PNG_BYTES)).status).toBe(201);
    expect((await upload(app, w.cboMember, requestId, "photo.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).status).toBe(201);
  });

  it("refuses uploads from others, without a session, from another origin, and after the decision", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const files = await filesStored();
    expect((await upload(app, w.reviewer, requestId, "x.pdf", PDF_BYTES)).status).toBe(403);
    expect((await upload(app, w.otherCbo, requestId, "x.pdf", PDF_BYTES)).status).toBe(404);
    expect((await upload(app, w.employerMember, requestId, "x.pdf", PDF_BYTES)).status).toBe(404);
    expect((await upload(app, null, requestId, "x.pdf", PDF_BYTES)).status).toBe(401);
    expect((await upload(app, w.cboMember, requestId, "x.pdf", PDF_BYTES, { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(app, w.cboMember, requestId, "x.pdf", PDF_BYTES, { origin: null })).status).toBe(403);
    await w.reviewer.trpc.services.request.deny({ requestId, reason: "Not eligible" });
    const late = await upload(app, w.cboMember, requestId, "x.pdf", PDF_BYTES);
    expect(late.status).toBe(412);
    expect(await filesStored()).toEqual(files);
    expect(await app.db.attachment.count({ where: { requestId } })).toBe(0);
  });
});

describe("limits per request", () => {
  it("keeps at most 20 files on a request", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    for (let i = 0; i < 20; i++) expect((await upload(app, w.cboMember, requestId, `page-${i}.png`, PNG_BYTES)).status).toBe(201);
    const files = await filesStored();
    const extra = await upload(app, w.cboMember, requestId, "page-21.png", PNG_BYTES);
    expect(extra).toMatchObject({ status: 412, body: { error: { message: "A request can have at most 20 files." } } });
    expect(await filesStored()).toEqual(files);
    expect(await app.db.attachment.count({ where: { requestId } })).toBe(20);
  });
});

describe("downloading", () => {
  it("serves the file only to those who may see the request; everyone else gets 404", async () => {
    const w = await servicesWorld(app);
    const requestId = await makeRequest(w);
    const { body } = await upload(app, w.cboMember, requestId, "receipt.png", PNG_BYTES);
    const id = body!.attachment!.id;
    expect((await download(app, w.reviewer, id)).status).toBe(200);
    for (const who of [...w.outsiders, w.staff]) expect((await download(app, who, id)).status).toBe(404);
    expect((await download(app, null, id)).status).toBe(404);
    expect((await download(app, w.cboMember, "nope")).status).toBe(404);
  });
});
