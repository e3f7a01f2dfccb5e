// The curriculum as a PDF (decision 0017): the version the committee adopted (or, before adoption,
// the current version, stamped as a draft) with its modules and hours and who signed off which
// version. Read through the same permission-checked reads as the printable page.
//   GET /api/drafts/:draftId/curriculum.pdf
import express, { type Response, type Router } from "express";
import type { AppDeps } from "../../deps.js";
import { HTTP_STATUS, isAppError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { escapeHtml as e, pdfDocument } from "../../pdf/html.js";
import type { PdfRenderer } from "../../pdf/pdf.js";
import { sendFile } from "../meetings/documents.http.js";
import { getDraft, getDraftVersion } from "./drafts.reads.js";
import { moduleHours, totalHours, type DraftSnapshot } from "./drafts.rules.js";
import { DRAFT_STATUSES, PROGRAM_KINDS } from "./drafts.schema.js";

type PdfDeps = Pick<AppDeps, "db" | "access"> & { pdf: PdfRenderer };

const date = (d: Date) => d.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const num = (n: number) => n.toLocaleString("en-US");

export async function curriculumPdf(deps: PdfDeps, { userId, input }: { userId: string; input: { draftId: string } }) {
  const view = await getDraft(deps, { userId, input });
  const { draft } = view;
  const number = view.adoption?.versionNumber ?? draft.currentVersion;
  const version = number ? await getDraftVersion(deps, { userId, input: { draftId: draft.id, number } }) : null;
  const snapshot: DraftSnapshot = version?.snapshot ?? { title: draft.title, occupation: draft.occupation, programKind: draft.programKind, modules: view.modules };
  const hours = totalHours(snapshot.modules);
  const partnership = await deps.db.partnership.findUniqueOrThrow({ where: { id: draft.partnershipId }, select: { name: true } });
  const stamp = view.adoption
    ? `Adopted on ${date(view.adoption.createdAt)} by ${view.adoption.adoptedByName} (version ${view.adoption.versionNumber})`
    : `DRAFT (${DRAFT_STATUSES[draft.status].toLowerCase()}): ${version ? `version ${version.number}` : "working copy"}, not adopted`;
  const signOffs = view.versions
    .map((v) => {
      const decisions = view.signOffs.filter((s) => s.versionNumber === v.number);
      return `<div class="keep"><h3>Version ${v.number} (${e(v.changeSummary)}), by ${e(v.createdByName)}, ${date(v.createdAt)}</h3><ul>${
        decisions.map((s) => `<li>${e(s.reviewerName)}: ${s.decision === "SIGNED_OFF" ? "signed off" : `requested changes: ${e(s.reason)}`}, ${date(s.createdAt)}</li>`).join("") || "<li>No decisions recorded.</li>"
      }</ul></div>`;
    })
    .join("");
  const body = `
  <header><p class="muted small">${e(partnership.name)} · ${e(draft.bodyName)}</p><h1>${e(snapshot.title)}</h1>
  <p>${e(PROGRAM_KINDS[snapshot.programKind])} · ${e(snapshot.occupation)}</p><p class="stamp">${e(stamp)}</p>
  <p>Total: ${num(hours.total)} h (${num(hours.related)} h related instruction, ${num(hours.ojl)} h on the job). A skilled worker may test out of ${num(hours.testOutHours)} h.</p></header>
  <h2>Modules and hours</h2>
  <table><thead><tr><th scope="col">Module</th><th scope="col">Related instruction</th><th scope="col">On the job</th><th scope="col">Total</th></tr></thead><tbody>
  ${snapshot.modules.map((m, i) => { const h = moduleHours(m); return `<tr><td>${i + 1}. ${e(m.title)}${m.testOut ? " (test-out allowed)" : ""}</td><td>${h.related}</td><td>${h.ojl}</td><td>${h.total}</td></tr>`; }).join("")}
  <tr><th scope="row">Total</th><td>${hours.related}</td><td>${hours.ojl}</td><td>${hours.total}</td></tr></tbody></table>
  ${snapshot.modules
    .map(
      (m, i) => `<div><h2>${i + 1}. ${e(m.title)}</h2><div>${m.objectives /* sanitized on the server when saved (drafts.html.ts) */}</div>
      ${m.competencies.trim() ? `<p><strong>Competencies:</strong> ${e(m.competencies.split("\n").map((c) => c.trim()).filter(Boolean).join("; "))}</p>` : ""}
      <p><strong>Assessment:</strong> ${e(m.assessment || "not set")} · <strong>Credential:</strong> ${e(m.credential || "none")}</p></div>`,
    )
    .join("")}
  <h2>Worker sign-off</h2>${signOffs || "<p>No version has been put to review.</p>"}`;
  const bytes = await deps.pdf.render(pdfDocument(snapshot.title, body), { partnershipName: partnership.name, stamp, title: snapshot.title });
  const slug = snapshot.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "curriculum";
  return { bytes, fileName: `curriculum-${slug}.pdf` };
}

export function createCurriculumPdfRouter({ deps, logger, pdf }: { deps: Pick<AppDeps, "db" | "access">; logger: Logger; pdf: PdfRenderer }): Router {
  const router = express.Router();
  const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });
  router.get("/:draftId/curriculum.pdf", async (req, res) => {
    const userId = (res.locals as { auth?: { user: { id: string } | null } }).auth?.user?.id;
    if (!userId) return fail(res, 404, "NOT_FOUND", "Draft was not found.");
    try {
      const file = await curriculumPdf({ ...deps, pdf }, { userId, input: { draftId: String(req.params.draftId) } });
      sendFile(res, Buffer.from(file.bytes), "application/pdf", file.fileName);
    } catch (error) {
      if (isAppError(error)) return fail(res, HTTP_STATUS[error.code], error.code, error.message);
      logger.error({ err: error, url: req.originalUrl, userId }, "curriculum PDF failed");
      fail(res, 500, "INTERNAL", "Something went wrong.");
    }
  });
  return router;
}
