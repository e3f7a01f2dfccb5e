// Server-side PDFs (decision 0017): headless Chromium prints an HTML document we build on the server
// (never a page fetched over the network: every request of the page is refused), with the
// partnership's name, a draft/approved stamp and "page N of M" in each page's header and footer.
// pdf-lib then appends other PDFs (an agenda packet's attached documents). One browser per process,
// started on the first PDF and closed with the server; each PDF gets its own throwaway context.
import type { Browser } from "playwright-core";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { Logger } from "../logger.js";
import { escapeHtml } from "./html.js";

export { escapeHtml, pdfDocument } from "./html.js";

export type PdfFrame = {
  /** The partnership's name, top left of every page. */
  partnershipName: string;
  /** "DRAFT: …" or "Approved on … by …", top right of every page. */
  stamp: string;
  /** The document's title, bottom left of every page. */
  title: string;
  /** "Page {{page}} of {{total}}" in the reader's language (the placeholders stay as they are). */
  pageOf?: string;
};

export type PdfRenderer = {
  /**
   * A PDF of the HTML document (US Letter), with the frame on every page. `numberPages: false` leaves
   * the page numbers to `appendPdfs`, which numbers the whole packet.
   */
  render(html: string, frame: PdfFrame, options?: { numberPages?: boolean }): Promise<Uint8Array>;
  close(): Promise<void>;
};

/** How many PDFs one process prints at once (each holds a browser page's memory). */
const MAX_PARALLEL = 2;

export function createPdfRenderer({ chromiumPath, logger }: { chromiumPath: string; logger: Pick<Logger, "warn" | "error"> }): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let running = 0;
  const waiting: Array<() => void> = [];

  async function launch(): Promise<Browser> {
    // Loaded only when a PDF is first asked for, so a process that never prints never loads it.
    const { chromium } = await import("playwright-core");
    const started = await chromium.launch({ executablePath: chromiumPath, args: ["--disable-dev-shm-usage"] });
    started.on("disconnected", () => {
      browser = null;
    });
    return started;
  }

  async function slot(): Promise<() => void> {
    if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  }

  return {
    async render(html, frame, { numberPages = true } = {}) {
      const release = await slot();
      try {
        browser ??= launch().catch((error: unknown) => {
          browser = null;
          throw error;
        });
        const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          // Everything the PDF shows is in the HTML (images as data: URLs); nothing is fetched.
          await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
          await page.setContent(html, { waitUntil: "load" });
          const pdf = await page.pdf({
            format: "Letter",
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: headerTemplate(frame),
            footerTemplate: footerTemplate(frame, numberPages),
            margin: { top: "0.9in", bottom: "0.8in", left: "0.75in", right: "0.75in" },
          });
          return new Uint8Array(pdf);
        } finally {
          await context.close();
        }
      } finally {
        release();
      }
    },
    async close() {
      const open = browser;
      browser = null;
      if (open) await (await open.catch(() => null))?.close().catch((error: unknown) => logger.warn({ err: error }, "closing the PDF browser failed"));
    },
  };
}

/**
 * Appends every page of `others` to `first` (a PDF that cannot be read, e.g. encrypted, is skipped and
 * named in `skipped`), then numbers every page "Page N of M" and puts the frame's name and stamp on the
 * appended pages, which came without them.
 */
export async function appendPdfs(
  first: Uint8Array,
  others: Array<{ name: string; bytes: Uint8Array }>,
  frame: Pick<PdfFrame, "partnershipName" | "stamp" | "pageOf"> & { attached?: string },
): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const out = await PDFDocument.load(first);
  const ownPages = out.getPageCount();
  const skipped: string[] = [];
  const sources: string[] = [];
  for (const other of others) {
    try {
      const source = await PDFDocument.load(other.bytes);
      for (const page of await out.copyPages(source, source.getPageIndices())) {
        out.addPage(page);
        sources.push(other.name);
      }
    } catch {
      skipped.push(other.name);
    }
  }
  const font = await out.embedFont(StandardFonts.Helvetica);
  const grey = rgb(0.2, 0.25, 0.33);
  const total = out.getPageCount();
  out.getPages().forEach((page, index) => {
    const { width, height } = page.getSize();
    const footer = winAnsi(pageOfText(frame.pageOf, String(index + 1), String(total)));
    page.drawText(footer, { x: width - 54 - font.widthOfTextAtSize(footer, 8), y: 24, size: 8, font, color: grey });
    if (index >= ownPages) {
      page.drawText(winAnsi(`${frame.partnershipName} · ${frame.stamp}`), { x: 54, y: height - 24, size: 8, font, color: grey });
      page.drawText(winAnsi((frame.attached ?? "Attached: {{name}}").replace("{{name}}", sources[index - ownPages] ?? "")), { x: 54, y: 24, size: 8, font, color: grey, maxWidth: width - 200 });
    }
  });
  return { bytes: await out.save(), skipped };
}

/** The standard PDF fonts encode WinAnsi only: anything else becomes "?". */
const winAnsi = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u00b7]/g, "?");

/** Whether pdf-lib can read a PDF (so the packet can embed it rather than list it). */
export async function canEmbedPdf(bytes: Uint8Array): Promise<boolean> {
  try {
    await PDFDocument.load(bytes);
    return true;
  } catch {
    return false;
  }
}

// Chromium's header and footer templates: their own tiny documents; pageNumber and totalPages are filled in per page.
const FRAME_STYLE = "font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8pt; color: #334155; width: 100%; padding: 0 0.75in; display: flex; justify-content: space-between; gap: 12px;";
const headerTemplate = (frame: PdfFrame) =>
  `<div style="${FRAME_STYLE}"><span>${escapeHtml(frame.partnershipName)}</span><strong>${escapeHtml(frame.stamp)}</strong></div>`;
const footerTemplate = (frame: PdfFrame, numberPages: boolean) =>
  `<div style="${FRAME_STYLE}"><span>${escapeHtml(frame.title)}</span>${numberPages ? `<span>${pageOfText(escapeHtml(frame.pageOf ?? PAGE_OF), '<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</span>` : ""}</div>`;

const PAGE_OF = "Page {{page}} of {{total}}";
/** "Page 3 of 12" from the reader's sentence (English when none is given). */
const pageOfText = (sentence: string | undefined, page: string, total: string) => (sentence ?? PAGE_OF).replace("{{page}}", page).replace("{{total}}", total);
