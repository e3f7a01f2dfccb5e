// Attachment upload and download over plain HTTP (tRPC carries JSON, not files). Mounted after the
// Origin check and the session middleware, so `res.locals.auth` holds the signed-in user; every call
// goes through the attachment use cases (attachments.ts) and their permission checks.
//   POST /api/services/requests/:requestId/attachments?name=<file name>   raw body = the file
//   GET  /api/services/attachments/:attachmentId                           the file, if you may see it
import express, { type Request, type Response, type Router } from "express";
import { HTTP_STATUS, isAppError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { addAttachment, getAttachmentFile } from "./attachments.js";

type Auth = { user: { id: string } | null };

type AttachmentDeps = Parameters<typeof addAttachment>[0] & Parameters<typeof getAttachmentFile>[0];

export function createAttachmentsRouter({ deps, logger, maxBytes }: { deps: AttachmentDeps; logger: Logger; maxBytes: number }): Router {
  const router = express.Router();
  const userIdOf = (res: Response) => (res.locals as { auth?: Auth }).auth?.user?.id ?? null;

  function fail(res: Response, status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) {
    res.status(status).json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });
  }

  function handle(error: unknown, req: Request, res: Response) {
    if (isAppError(error)) return fail(res, HTTP_STATUS[error.code], error.code, error.message, error.fieldErrors);
    logger.error({ err: error, method: req.method, url: req.originalUrl, userId: userIdOf(res) }, "attachment request failed");
    fail(res, 500, "INTERNAL", "Something went wrong.");
  }

  // One byte over the limit is enough to know the file is too large.
  const raw = express.raw({ type: () => true, limit: maxBytes + 1 });

  router.post("/requests/:requestId/attachments", (req, res) => {
    const userId = userIdOf(res);
    if (!userId) return fail(res, 401, "UNAUTHORIZED", "Please sign in.");
    raw(req, res, async (parseError?: unknown) => {
      if (parseError) {
        const type = (parseError as { type?: string }).type;
        if (type === "entity.too.large") {
          const message = `The file is too large (at most ${Math.round(maxBytes / (1024 * 1024))} MB).`;
          return fail(res, 400, "BAD_REQUEST", message, { file: [message] });
        }
        return fail(res, 400, "BAD_REQUEST", "The upload could not be read.");
      }
      const name = typeof req.query.name === "string" ? req.query.name : "";
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        const attachment = await addAttachment(deps, { userId, input: { requestId: String(req.params.requestId), fileName: name, bytes } });
        res.status(201).json({ attachment });
      } catch (error) {
        handle(error, req, res);
      }
    });
  });

  router.get("/attachments/:attachmentId", async (req, res) => {
    const userId = userIdOf(res);
    if (!userId) return fail(res, 404, "NOT_FOUND", "File was not found.");
    try {
      const file = await getAttachmentFile(deps, { userId, input: { attachmentId: String(req.params.attachmentId) } });
      res.setHeader("Content-Type", file.mimeType);
      res.setHeader("Content-Length", String(file.sizeBytes));
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
      res.setHeader("Content-Disposition", `attachment; filename="${asciiName(file.originalName)}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      res.end(file.bytes);
    } catch (error) {
      handle(error, req, res);
    }
  });

  return router;
}

/** A fallback file name for old clients: printable ASCII without quotes. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, "_");
