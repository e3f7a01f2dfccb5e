// The record's real PDFs (issue 14, item 3), printed by the server's Chromium and read back with a PDF
// text extractor: the minutes (attendance with the chairs present, the motion, per-side counts, page
// numbers, the partnership and the stamp), the agenda packet (the attached PDF's pages inside it, other
// files listed) and an adopted curriculum; each only for people seated on the body.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it, vi } from "vitest";
import { draftInReview, draftWorld } from "../support/drafts-helpers.js";
import { liveMeeting, meetingWorld } from "../support/meetings-helpers.js";
import { startTestApp } from "../support/test-app.js";

// Many calls per test on a shared 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const app = await startTestApp({ env: { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } });
afterAll(() => app.close());

async function getPdf(who: { cookie: string } | null, path: string) {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: who ? { cookie: who.cookie } : {} });
  return { status: res.status, type: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** The PDF's pages and its text, whitespace collapsed (and a name wrapped after its hyphen in a narrow cell joined again). */
async function readPdf(bytes: Uint8Array) {
  const { totalPages, text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, " ").replace(/- /g, "-") };
}

/** A two-page PDF whose pages say which they are. */
async function twoPagePdf(label: string) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of ["one", "two"]) doc.addPage().drawText(`${label} page ${n}`, { x: 72, y: 700, size: 14, font });
  return doc.save();
}

async function upload(who: { cookie: string }, itemId: string, name: string, bytes: Uint8Array) {
  const res = await fetch(`${app.baseUrl}/api/meetings/items/${itemId}/documents?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { cookie: who.cookie, origin: app.config.appOrigin, "content-type": "application/octet-stream" },
    body: Buffer.from(bytes),
  });
  expect(res.status).toBe(201);
}

describe("the minutes PDF", () => {
  it("holds the attendance with the chairs present, the motion and its per-side counts, page numbers and the stamp", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    for (const p of [world.managementChair, world.laborMember, world.managementMember]) await p.trpc.meetings.attendance.checkIn({ meetingId: meeting.id });
    await world.laborChair.trpc.meetings.attendance.mark({ meetingId: meeting.id, membershipId: world.observer.membershipId, status: "EXCUSED" });
    const { id: motionId } = await world.laborMember.trpc.voting.motion.move({
      bodyId: world.committee.id,
      meetingId: meeting.id,
      agendaItemId: null,
      approvesMinutesOfMeetingId: null,
      text: "That the committee fund twelve pre-apprenticeship seats.",
      rationale: "",
      ballotKind: "ROLL_CALL",
      rule: "DUAL_MAJORITY",
      requireQuorum: true,
    });
    await world.managementMember.trpc.voting.motion.second({ motionId });
    await world.laborChair.trpc.voting.motion.open({ motionId, deadline: null });
    await world.laborChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await world.laborMember.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await world.managementChair.trpc.voting.ballot.cast({ motionId, choice: "YES" });
    await world.managementMember.trpc.voting.ballot.cast({ motionId, choice: "ABSTAIN" });
    await world.laborChair.trpc.voting.motion.close({ motionId });

    const pdf = await getPdf(world.observer, `/api/meetings/${meeting.id}/minutes.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    const { text, pages } = await readPdf(pdf.bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(world.partnership.name);
    expect(text).toContain("DRAFT: not yet approved");
    expect(text).toContain(`Page 1 of ${pages}`);
    // Attendance: both chairs present (the one who started the meeting without checking in).
    expect(text).toContain(`${world.laborChair.name} ${world.union.name} Labor Co-chair present`);
    expect(text).toContain(`${world.managementChair.name} ${world.employer.name} Management Co-chair present`);
    expect(text).toContain(`${world.observer.name} ${world.union.name} Labor Observer excused`);
    expect(text).toContain(`${world.staff.name} ${world.college.name} Neutral Staff absent (not recorded)`);
    // The motion, who moved and seconded it, its result and the counts per side.
    expect(text).toContain("That the committee fund twelve pre-apprenticeship seats.");
    expect(text).toContain(`Moved by ${world.laborMember.name} (Labor); seconded by ${world.managementMember.name} (Management).`);
    expect(text).toContain("Result: Passed");
    expect(text).toContain("Side Yes No Abstain Labor 2 0 0 Management 1 0 1 Total 3 0 1");
    expect(text).toContain(`${world.managementMember.name} Management Abstain`);

    // The same PDF for a reader whose profile is in Spanish: the catalog's words, the people's own untouched.
    await app.db.user.update({ where: { id: world.observer.user.id }, data: { locale: "es" } });
    const es = await readPdf((await getPdf(world.observer, `/api/meetings/${meeting.id}/minutes.pdf`)).bytes);
    expect(es.text).toContain(`Página 1 de ${es.pages}`);
    expect(es.text).toContain("BORRADOR: acta aún no aprobada");
    expect(es.text).toContain("Asistencia");
    expect(es.text).toContain(`${world.laborChair.name} ${world.union.name} Sindical Copresidente(a) presente`);
    expect(es.text).toContain("That the committee fund twelve pre-apprenticeship seats.");
    expect(es.text).toContain("Resultado: Aprobada");
    expect(es.text).toContain("Parte Sí No Abstención");
    expect(es.text).not.toContain("Attendance");
    expect(es.text).not.toContain("Result: Passed");
  });

  it("is refused to anyone not seated on the body, and to no one signed in", async () => {
    const world = await meetingWorld(app);
    const { meeting } = await liveMeeting(app, world);
    for (const who of [world.outsider, world.stranger, null]) {
      const pdf = await getPdf(who, `/api/meetings/${meeting.id}/minutes.pdf`);
      expect(pdf.status).toBe(404);
      expect(pdf.type).toContain("application/json");
    }
  });
});

describe("the agenda packet PDF", () => {
  it("contains the attached PDF's pages after the agenda, numbered through, and lists what it cannot embed", async () => {
    const world = await meetingWorld(app);
    const { meeting, items } = await liveMeeting(app, world);
    await upload(world.laborChair, items[0]!.id, "Intake budget.pdf", await twoPagePdf("Intake budget"));
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("[Content_Types].xml word/document.xml")]);
    await upload(world.managementChair, items[1]!.id, "Standards.docx", docx);

    const pdf = await getPdf(world.observer, `/api/meetings/${meeting.id}/packet.pdf`);
    expect(pdf.status).toBe(200);
    const { pages, text } = await readPdf(pdf.bytes);
    const own = (await PDFDocument.load(pdf.bytes)).getPageCount();
    expect(own).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain("Intake budget page one");
    expect(text).toContain("Intake budget page two");
    expect(text.indexOf("Agenda packet")).toBeLessThan(text.indexOf("Intake budget page one"));
    expect(text).toContain("Documents not included in this PDF");
    expect(text).toContain("Standards.docx");
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("DRAFT agenda");

    expect((await getPdf(world.outsider, `/api/meetings/${meeting.id}/packet.pdf`)).status).toBe(404);
  });
});

describe("the curriculum PDF", () => {
  it("prints the adopted version with its stamp, modules and sign-offs", async () => {
    const world = await draftWorld(app);
    const view = await draftInReview(world);
    for (const r of world.reviewers) await r.trpc.drafts.signOff.decide({ draftId: view.draft.id, versionNumber: 1, decision: "SIGNED_OFF" });
    // Adoption is a joint change: one co-chair proposes, the other side's concurs.
    const proposed = await world.managementChair.trpc.drafts.draft.adopt({ draftId: view.draft.id, versionNumber: 1 });
    expect(proposed).toMatchObject({ pending: true });
    await world.laborChair.trpc.joint.change.concur({ changeId: proposed.pending ? proposed.changeId : "" });

    const pdf = await getPdf(world.observer, `/api/drafts/${view.draft.id}/curriculum.pdf`);
    expect(pdf.status).toBe(200);
    const { text } = await readPdf(pdf.bytes);
    expect(text).toContain("Industrial Manufacturing Technician");
    // Both co-chairs by name: the one who proposed and the one who concurred.
    expect(text).toContain(`Adopted: version 1, agreed by both co-chairs (${world.managementChair.name} proposed, ${world.laborChair.name} concurred) on `);
    expect(text).toContain(`${world.reviewer1.name}: signed off`);
    expect(text).toContain(world.partnership.name);
    expect((await getPdf(world.stranger, `/api/drafts/${view.draft.id}/curriculum.pdf`)).status).toBe(404);

    // In Spanish for a reader whose profile says so.
    await app.db.user.update({ where: { id: world.observer.user.id }, data: { locale: "es" } });
    const es = await readPdf((await getPdf(world.observer, `/api/drafts/${view.draft.id}/curriculum.pdf`)).bytes);
    expect(es.text).toContain(`Adoptado: versión 1, acordada por ambos copresidentes (${world.managementChair.name} la propuso, ${world.laborChair.name} estuvo de acuerdo) el `);
    expect(es.text).toContain("Módulos y horas");
    expect(es.text).toContain(`${world.reviewer1.name}: `);
    expect(es.text).not.toContain("signed off");
  });
});
