// Express middleware that refuses malformed or oversized requests before any work is done, so bad
// input answers a clear 4xx and never costs the server memory or a 500.
import type { NextFunction, Request, Response } from "express";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).setHeader("Connection", "close");
  res.json({ error: { code, message } });
}

/** A path with a broken %-escape (`/p/%E0%A4%A`) is answered 400, not left to throw deeper down. */
export function rejectMalformedUrls(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
    next();
  } catch {
    refuse(res, 400, "BAD_REQUEST", "The address is not valid.");
  }
}

/**
 * Bodies above `maxBytes` are refused from their Content-Length, before a byte is read (413); a body
 * without a length (chunked) is refused with 411 on routes that read whole bodies. Routes under
 * `ownLimits` (file uploads, tRPC) enforce their own limits while reading.
 */
export function limitBodies({ maxBytes, ownLimits }: { maxBytes: number; ownLimits: string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || ownLimits.some((prefix) => req.path.startsWith(prefix))) return next();
    const length = req.get("content-length");
    if (length === undefined) {
      if (req.get("transfer-encoding")) return refuse(res, 411, "BAD_REQUEST", "Send the request with its length.");
      return next();
    }
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(res, 400, "BAD_REQUEST", "The request's length is not valid.");
    if (bytes > maxBytes) return refuse(res, 413, "PAYLOAD_TOO_LARGE", `The request is too large (at most ${Math.floor(maxBytes / 1024)} KB).`);
    next();
  };
}

/**
 * The one exemption from the Origin check: RFC 8058 one-click unsubscribe, which mail clients POST
 * themselves (no Origin of ours, no cookie). Only POST, only this exact path shape; the signed token in
 * the path is its whole permission (server/domains/preferences/unsubscribe.http.ts).
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9._-]{1,512}$/;

/** Nothing that changes state may come from another site: every non-GET must carry one of our origins. */
export function requireOwnOrigin({ config, logger }: { config: Pick<Config, "allowedOrigins">; logger: Logger }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.method === "POST" && ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next();
    const origin = req.get("origin") ?? originOf(req.get("referer"));
    if (origin && config.allowedOrigins.includes(origin)) return next();
    logger.warn({ method: req.method, url: req.originalUrl, origin }, "refused cross-origin request");
    res.status(403).json({ error: { code: "FORBIDDEN", message: "Cross-origin request refused." } });
  };
}

/**
 * For the pages (Remix): the Host must be a valid host (400 otherwise: Remix builds a URL from it), and
 * a form post's Host (or X-Forwarded-Host) must match its Origin — Remix refuses such a post itself,
 * but with a 500; here it is a 403 with a reason.
 */
export function requireMatchingHost(req: Request, res: Response, next: NextFunction) {
  const host = req.get("x-forwarded-host") ?? req.get("host") ?? "";
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}`);
  } catch {
    return refuse(res, 400, "BAD_REQUEST", "The request's host is not valid.");
  }
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  if (origin && originOf(origin) && new URL(origin).host !== parsed.host) {
    return refuse(res, 403, "FORBIDDEN", "The request's host does not match its origin.");
  }
  next();
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
