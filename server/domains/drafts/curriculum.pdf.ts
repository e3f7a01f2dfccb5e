// The curriculum as a PDF (decision 0017): the version the committee adopted (or, before adoption,
// the current version, stamped as a draft) with its modules and hours and who signed off which
// version, in the downloader's language. Read through the same permission-checked reads as the printable page.
//   GET /api/drafts/:draftId/curriculum.pdf
import express, { type Response, type Router } from "express";
import type { AppDeps } from "../../deps.js";
import { HTTP_STATUS, isAppError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { readerLocale, serverWords } from "../../i18n.js";
import { escapeHtml as e, pdfDocument, sentenceHtml } from "../../pdf/html.js";
import type { PdfRenderer } from "../../pdf/pdf.js";
import { sendFile } from "../meetings/documents.http.js";
import { getDraft, getDraftVersion } from "./drafts.reads.js";
import { moduleHours, totalHours, type DraftSnapshot } from "./drafts.rules.js";

type PdfDeps = Pick<AppDeps, "db" | "access"> & { pdf: PdfRenderer };
type Adoption = NonNullable<Awaited<ReturnType<typeof getDraft>>["adoption"]>;

/**
 * Who adopted the version, in the reader's language: the body's vote, both co-chairs by name (the one
 * who proposed and the one who concurred), or the one name recorded. `<time></time>` is the date.
 */
function adoptionSentence(adoption: Adoption): { key: string; values: Record<string, string | number> } {
  if (adoption.motionId) return { key: "drafts:print.adoptedByVote", values: { number: adoption.versionNumber } };
  const [proposer, concurrer] = adoption.agreedBy;
  if (proposer && concurrer) return { key: "drafts:print.adoptedByCoChairs", values: { number: adoption.versionNumber, proposer, concurrer } };
  return { key: "drafts:print.adopted", values: { number: adoption.versionNumber, name: adoption.adoptedByName } };
}

export async function curriculumPdf(deps: PdfDeps, { userId, input }: { userId: string; input: { draftId: string } }) {
  const view = await getDraft(deps, { userId, input });
  // In the downloader's language (their profile's), as the meetings' PDFs and .ics.
  const words = serverWords(await readerLocale(deps.db, userId));
  const { t, intl, locale } = words;
  const date = (d: Date) => d.toLocaleDateString(intl, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const num = (n: number) => n.toLocaleString(intl);
  const { draft } = view;
  const number = view.adoption?.versionNumber ?? draft.currentVersion;
  const version = number ? await getDraftVersion(deps, { userId, input: { draftId: draft.id, number } }) : null;
  const snapshot: DraftSnapshot = version?.snapshot ?? { title: draft.title, occupation: draft.occupation, programKind: draft.programKind, modules: view.modules };
  const hours = totalHours(snapshot.modules);
  const partnership = await deps.db.partnership.findUniqueOrThrow({ where: { id: draft.partnershipId }, select: { name: true } });
  const status = t(`drafts:status.${draft.status}`).toLocaleUpperCase(intl);
  const adopted = view.adoption ? adoptionSentence(view.adoption) : null;
  const stamp =
    adopted && view.adoption
      ? t(adopted.key, adopted.values).replace("<time></time>", date(view.adoption.createdAt))
      : version
        ? t("drafts:print.notAdoptedVersion", { status, number: version.number })
        : t("drafts:print.notAdoptedCopy", { status });
  const signOffs = view.versions
    .map((v) => {
      const decisions = view.signOffs.filter((s) => s.versionNumber === v.number);
      return `<div class="keep"><h3>${sentenceHtml(t, "drafts:print.version", { number: v.number, summary: v.changeSummary, name: v.createdByName }, { time: date(v.createdAt) })}</h3><ul>${
        decisions
          .map(
            (s) =>
              `<li>${
                s.decision === "SIGNED_OFF"
                  ? sentenceHtml(t, "drafts:print.signedOff", { name: s.reviewerName }, { time: date(s.createdAt) })
                  : sentenceHtml(t, "drafts:print.changesRequested", { name: s.reviewerName, reason: s.reason }, { time: date(s.createdAt) })
              }</li>`,
          )
          .join("") || `<li>${e(t("drafts:print.noDecisions"))}</li>`
      }</ul></div>`;
    })
    .join("");
  const hoursText = t("drafts:hours", { total: num(hours.total), related: num(hours.related), ojl: num(hours.ojl) });
  const cols = ["drafts:print.module", "drafts:print.related", "drafts:print.ojl", "drafts:print.totalColumn"].map((k) => `<th scope="col">${e(t(k))}</th>`).join("");
  const body = `
  <header><p class="muted small">${e(partnership.name)} · ${e(draft.bodyName)}</p><h1>${e(snapshot.title)}</h1>
  <p>${e(t(`drafts:programKind.${snapshot.programKind}`))} · ${e(snapshot.occupation)}</p><p class="stamp">${e(stamp)}</p>
  <p>${e(t("drafts:print.total", { hours: hoursText, testOut: num(hours.testOutHours) }))}</p></header>
  <h2>${e(t("drafts:print.table"))}</h2>
  <table><thead><tr>${cols}</tr></thead><tbody>
  ${snapshot.modules.map((m, i) => { const h = moduleHours(m); return `<tr><td>${i + 1}. ${e(m.title)}${m.testOut ? ` ${e(t("drafts:print.testOut"))}` : ""}</td><td>${h.related}</td><td>${h.ojl}</td><td>${h.total}</td></tr>`; }).join("")}
  <tr><th scope="row">${e(t("drafts:print.totalColumn"))}</th><td>${hours.related}</td><td>${hours.ojl}</td><td>${hours.total}</td></tr></tbody></table>
  ${snapshot.modules
    .map(
      (m, i) => `<div><h2>${i + 1}. ${e(m.title)}</h2><div>${m.objectives /* sanitized on the server when saved (drafts.html.ts) */}</div>
      ${m.competencies.trim() ? `<p><strong>${e(t("drafts:print.competencies"))}</strong> ${e(m.competencies.split("\n").map((c) => c.trim()).filter(Boolean).join("; "))}</p>` : ""}
      <p><strong>${e(t("drafts:print.assessment"))}</strong> ${e(m.assessment || t("drafts:print.notSet"))} · <strong>${e(t("drafts:print.credential"))}</strong> ${e(m.credential || t("drafts:print.none"))}</p></div>`,
    )
    .join("")}
  <h2>${e(t("drafts:review.title"))}</h2>${signOffs || `<p>${e(t("drafts:print.noVersion"))}</p>`}`;
  const bytes = await deps.pdf.render(pdfDocument(snapshot.title, body, locale), {
    partnershipName: partnership.name,
    stamp,
    title: snapshot.title,
    pageOf: t("common:pdf.pageOf", { page: "{{page}}", total: "{{total}}" }),
  });
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
