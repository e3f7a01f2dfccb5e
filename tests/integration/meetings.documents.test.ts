// Documents on agenda items (issue 14, item 4) over the real HTTP routes: co-chairs and the item's
// presenter attach files (checked by content, size and name, stored in the database) and links; every
// version is kept; only people seated on the body see or download them, and refusals write nothing.
import { afterAll, describe, expect, it } from "vitest";
import { itemInput, liveMeeting, meetingWorld, type Person } from "../support/meetings-helpers.js";
import { PDF_BYTES, PNG_BYTES } from "../support/services-helpers.js";
import { refusal, startTestApp, type TestApp } from "../support/test-app.js";

const LIMIT = 64 * 1024;
const app = await startTestApp({ env: { MAX_ATTACHMENT_BYTES: String(LIMIT) } });
afterAll(() => app.close());

type Answer = { status: number; body: { document?: { id: string; version: number }; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } | null };

async function post(app: TestApp, who: { cookie: string } | null, path: string, bytes: Uint8Array): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream", origin: app.config.appOrigin };
  if (who) headers.cookie = who.cookie;
  const res = await fetch(`${app.baseUrl}/api/meetings${path}`, { method: "POST", headers, body: Buffer.from(bytes) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Answer["body"] };
}
const attach = (who: { cookie: string } | null, itemId: string, name: string, bytes: Uint8Array, title = "") =>
  post(app, who, `/items/${itemId}/documents?name=${encodeURIComponent(name)}&title=${encodeURIComponent(title)}`, bytes);
const revise = (who: { cookie: string } | null, documentId: string, name: string, bytes: Uint8Array) =>
  post(app, who, `/documents/${documentId}/versions?name=${encodeURIComponent(name)}`, bytes);
async function download(who: { cookie: string } | null, documentId: string, number: number) {
  const res = await fetch(`${app.baseUrl}/api/meetings/documents/${documentId}/versions/${number}`, { headers: who ? { cookie: who.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const documentRows = async () => ({
  documents: await app.db.agendaDocument.findMany({ orderBy: { id: "asc" } }),
  versions: await app.db.agendaDocumentVersion.findMany({ orderBy: { id: "asc" } }),
  contents: await app.db.agendaDocumentContent.count(),
});
/** A Word file as far as the content check looks: a ZIP with the OOXML parts named. */
const DOCX_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("....[Content_Types].xml....word/document.xml....word/_rels/document.xml.rels")]);

describe("attaching files", () => {
  it("lets a co-chair attach a PDF, keeps every version, and serves it to anyone seated on the body", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;

    const first = await attach(world.laborChair, itemId, "Budget 2027.pdf", PDF_BYTES, "Training budget");
    expect(first.status).toBe(201);
    const documentId = first.body!.document!.id;
    expect(first.body!.document!.version).toBe(1);
    const second = await revise(world.managementChair, documentId, "Budget 2027 v2.pdf", PNG_BYTES);
    expect(second.body!.document).toEqual({ id: documentId, version: 2 });

    // The observer sees both versions, newest first, and downloads each.
    const list = await world.observer.trpc.meetings.document.list({ meetingId: meeting.id });
    const onItem = list.find((i) => i.itemId === itemId)!;
    expect(onItem.canAttach).toBe(false);
    expect(onItem.documents).toHaveLength(1);
    expect(onItem.documents[0]).toMatchObject({ title: "Training budget", kind: "FILE", currentVersion: 2 });
    expect(onItem.documents[0]!.versions.map((v) => [v.number, v.originalName, v.mimeType])).toEqual([
      [2, "Budget 2027 v2.pdf", "image/png"],
      [1, "Budget 2027.pdf", "application/pdf"],
    ]);
    const v1 = await download(world.observer, documentId, 1);
    expect(v1.status).toBe(200);
    expect(v1.headers.get("content-type")).toBe("application/pdf");
    expect(v1.headers.get("content-disposition")).toContain("attachment;");
    expect(v1.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(v1.bytes)).toEqual(Buffer.from(PDF_BYTES));
    expect(Buffer.from((await download(world.staff, documentId, 2)).bytes)).toEqual(Buffer.from(PNG_BYTES));
    expect((await download(world.staff, documentId, 3)).status).toBe(404);
  });

  it("takes office documents by their content and refuses other files, names and sizes without storing anything", async () => {
    const world = await meetingWorld(app);
    const { items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;
    const docx = await attach(world.laborChair, itemId, "Standards.docx", DOCX_BYTES);
    expect(docx.status).toBe(201);
    expect(await app.db.agendaDocumentVersion.findFirstOrThrow({ where: { documentId: docx.body!.document!.id } })).toMatchObject({
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });

    const before = await documentRows();
    for (const [name, bytes, message] of [
      ["setup.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), /Only PDF, Word/],
      ["notes.docx", new TextEncoder().encode("just text, renamed"), /Only PDF, Word/],
      ["../../etc/passwd.pdf", PDF_BYTES, /path or special characters/],
      ["empty.pdf", new Uint8Array(0), /empty/],
      ["huge.pdf", new Uint8Array(LIMIT + 10).fill(0x25), /too large/],
    ] as const) {
      const answer = await attach(world.laborChair, itemId, name, bytes);
      expect(answer.status, name).toBe(400);
      expect(answer.body!.error!.fieldErrors!.file![0]).toMatch(message);
    }
    expect(await documentRows()).toEqual(before);
  });
});

describe("who may attach and see", () => {
  it("lets the item's presenter attach, refuses other members (403) and everyone off the body (404), writing nothing", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world, { items: 0 });
    const { id: itemId } = await world.laborMember.trpc.meetings.agenda.propose(itemInput(meeting.id, { title: "Tool allowance policy" }));

    const byPresenter = await attach(world.laborMember, itemId, "Allowance.pdf", PDF_BYTES);
    expect(byPresenter.status).toBe(201);
    const documentId = byPresenter.body!.document!.id;
    const presenterView = await world.laborMember.trpc.meetings.document.list({ meetingId: meeting.id });
    expect(presenterView.find((i) => i.itemId === itemId)!.canAttach).toBe(true);

    const before = await documentRows();
    const refusals: Array<[Person | { cookie: string } | null, number, string]> = [
      [world.managementMember, 403, "FORBIDDEN"],
      [world.observer, 403, "FORBIDDEN"],
      [world.staff, 403, "FORBIDDEN"],
      [world.outsider, 404, "NOT_FOUND"],
      [world.stranger, 404, "NOT_FOUND"],
      [null, 401, "UNAUTHORIZED"],
    ];
    for (const [who, status, code] of refusals) {
      const answer = await attach(who, itemId, "Mine.pdf", PDF_BYTES);
      expect([answer.status, answer.body?.error?.code]).toEqual([status, code]);
      const again = await revise(who, documentId, "Mine.pdf", PDF_BYTES);
      expect([again.status, again.body?.error?.code]).toEqual([status, code]);
    }
    // A link through tRPC: the same refusals.
    expect((await refusal(world.managementMember.trpc.meetings.document.addLink({ itemId, title: "Mine", url: "https://example.org/" }))).code).toBe("FORBIDDEN");
    expect((await refusal(world.outsider.trpc.meetings.document.addLink({ itemId, title: "Mine", url: "https://example.org/" }))).code).toBe("NOT_FOUND");
    // A cross-site upload never reaches the use case.
    const crossSite = await fetch(`${app.baseUrl}/api/meetings/items/${itemId}/documents?name=x.pdf`, {
      method: "POST",
      headers: { cookie: world.laborChair.cookie, origin: "https://evil.example", "content-type": "application/octet-stream" },
      body: Buffer.from(PDF_BYTES),
    });
    expect(crossSite.status).toBe(403);
    expect(await documentRows()).toEqual(before);

    // Seeing: the body's seats only; the answer for others reveals nothing.
    for (const who of [world.outsider, world.stranger]) {
      expect((await download(who, documentId, 1)).status).toBe(404);
      expect((await refusal(who.trpc.meetings.document.list({ meetingId: meeting.id }))).code).toBe("NOT_FOUND");
    }
    expect((await download(null, documentId, 1)).status).toBe(404);
    expect((await download(world.observer, documentId, 1)).status).toBe(200);
  });

  it("keeps links with their versions, refuses non-web addresses, and closes documents once the minutes are approved", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    const itemId = items[0]!.id;
    expect((await refusal(world.laborChair.trpc.meetings.document.addLink({ itemId, title: "Bad", url: "javascript:alert(1)" }))).code).toBe("BAD_REQUEST");
    const { id } = await world.laborChair.trpc.meetings.document.addLink({ itemId, title: "State standards", url: "https://example.org/v1" });
    expect(await world.managementChair.trpc.meetings.document.reviseLink({ documentId: id, url: "https://example.org/v2" })).toEqual({ id, version: 2 });
    const list = await world.observer.trpc.meetings.document.list({ meetingId: meeting.id });
    expect(list.find((i) => i.itemId === itemId)!.documents[0]!.versions.map((v) => v.url)).toEqual(["https://example.org/v2", "https://example.org/v1"]);
    // A link has no file to download, and no file version.
    expect((await download(world.observer, id, 1)).status).toBe(404);
    expect((await revise(world.laborChair, id, "x.pdf", PDF_BYTES)).status).toBe(400);
    // Versions are never rewritten (a database rule).
    await expect(app.db.agendaDocumentVersion.updateMany({ where: { documentId: id }, data: { url: "https://evil.example/" } })).rejects.toThrow(/append-only/);

    await world.laborChair.trpc.meetings.meeting.adjourn({ meetingId: meeting.id });
    const { minutes } = await world.laborChair.trpc.meetings.meeting.get({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: minutes.version });
    await world.managementChair.trpc.meetings.minutes.approve({ meetingId: meeting.id, version: minutes.version });
    expect((await refusal(world.laborChair.trpc.meetings.document.reviseLink({ documentId: id, url: "https://example.org/v3" }))).code).toBe("PRECONDITION_FAILED");
    expect((await attach(world.laborChair, itemId, "Late.pdf", PDF_BYTES)).status).toBe(412);
  });
});
