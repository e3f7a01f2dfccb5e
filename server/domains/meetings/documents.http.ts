// Agenda documents over plain HTTP (tRPC carries JSON, not files), mounted like the service-request
// attachments: after the Origin check and the session middleware; every call goes through the use
// cases in documents.ts and their permission checks. The record's PDFs are served here too.
//   POST /api/meetings/items/:itemId/documents?name=<file name>&title=<title>   raw body = the file
//   POST /api/meetings/documents/:documentId/versions?name=<file name>          raw body = the new version
//   GET  /api/meetings/documents/:documentId/versions/:number                   the file, if you may see it
//   GET  /api/meetings/:meetingId/minutes.pdf | /api/meetings/:meetingId/packet.pdf
import express, { type Request, type Response, type Router } from "express";
import { HTTP_STATUS, isAppError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { PdfRenderer } from "../../pdf/pdf.js";
import { addDocumentFile, addDocumentVersion, getDocumentFile } from "./documents.js";
import { meetingPacketPdf, minutesPdf } from "./record.pdf.js";

type Auth = { user: { id: string } | null };
type DocumentDeps = Parameters<typeof addDocumentFile>[0];

export function createMeetingFilesRouter({ deps, logger, maxBytes, pdf }: { deps: DocumentDeps; logger: Logger; maxBytes: number; pdf: PdfRenderer }): Router {
  const router = express.Router();
  const userIdOf = (res: Response) => (res.locals as { auth?: Auth }).auth?.user?.id ?? null;
  const fail = (res: Response, status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) =>
    res.status(status).json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
  function handle(error: unknown, req: Request, res: Response) {
    if (isAppError(error)) return fail(res, HTTP_STATUS[error.code], error.code, error.message, error.fieldErrors);
    logger.error({ err: error, method: req.method, url: req.originalUrl, userId: userIdOf(res) }, "meeting file request failed");
    fail(res, 500, "INTERNAL", "Something went wrong.");
  }
  // One byte over the limit is enough to know the file is too large.
  const raw = express.raw({ type: () => true, limit: maxBytes + 1 });
  const text = (value: unknown) => (typeof value === "string" ? value : "");

  function upload(run: (userId: string, req: Request, bytes: Buffer) => Promise<unknown>) {
    return (req: Request, res: Response) => {
      const userId = userIdOf(res);
      if (!userId) return fail(res, 401, "UNAUTHORIZED", "Please sign in.");
      raw(req, res, async (parseError?: unknown) => {
        if (parseError) {
          if ((parseError as { type?: string }).type === "entity.too.large") {
            const message = `The file is too large (at most ${Math.round(maxBytes / (1024 * 1024))} MB).`;
            return fail(res, 400, "BAD_REQUEST", message, { file: [message] });
          }
          return fail(res, 400, "BAD_REQUEST", "The upload could not be read.");
        }
        try {
          res.status(201).json({ document: await run(userId, req, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)) });
        } catch (error) {
          handle(error, req, res);
        }
      });
    };
  }

  router.post(
    "/items/:itemId/documents",
    upload((userId, req, bytes) => addDocumentFile(deps, { userId, input: { itemId: String(req.params.itemId), fileName: text(req.query.name), title: text(req.query.title), bytes } })),
  );
  router.post(
    "/documents/:documentId/versions",
    upload((userId, req, bytes) => addDocumentVersion(deps, { userId, input: { documentId: String(req.params.documentId), fileName: text(req.query.name), bytes } })),
  );

  router.get("/documents/:documentId/versions/:number", async (req, res) => {
    const userId = userIdOf(res);
    const number = Number(req.params.number);
    if (!userId || !Number.isSafeInteger(number) || number < 1) return fail(res, 404, "NOT_FOUND", "File was not found.");
    try {
      const file = await getDocumentFile(deps, { userId, input: { documentId: String(req.params.documentId), number } });
      sendFile(res, file.bytes, file.mimeType, file.originalName);
    } catch (error) {
      handle(error, req, res);
    }
  });

  for (const [path, make] of [
    ["/:meetingId/minutes.pdf", minutesPdf],
    ["/:meetingId/packet.pdf", meetingPacketPdf],
  ] as const) {
    router.get(path, async (req, res) => {
      const userId = userIdOf(res);
      if (!userId) return fail(res, 404, "NOT_FOUND", "Meeting was not found.");
      try {
        const file = await make({ ...deps, pdf }, { userId, input: { meetingId: String(req.params.meetingId) } });
        sendFile(res, Buffer.from(file.bytes), "application/pdf", file.fileName);
      } catch (error) {
        handle(error, req, res);
      }
    });
  }
  return router;
}

/** A download: never rendered by the browser as a page of ours. */
export function sendFile(res: Response, bytes: Buffer, mimeType: string, name: string) {
  res.setHeader("Content-Type", mimeType);
  res.setHeader("Content-Length", String(bytes.length));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cache-Control", "private, no-store");
  res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  res.setHeader("Content-Disposition", `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.end(bytes);
}

/** A fallback file name for old clients: printable ASCII without quotes. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, "_");
