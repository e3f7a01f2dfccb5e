// The local outbox: the mails the app would have sent, kept when no SMTP_URL is set on a loopback origin
// (config.devOutbox). Anywhere else nothing here exists (NOT_FOUND, so the page answers 404). It shows
// every mail, password-reset links included, to whoever asks: so only to this machine (app.ts refuses
// its procedures to any other client address, and the /dev/mail page does the same).
import type { NextFunction, Request, Response } from "express";
import type { AppDeps } from "../deps.js";
import { notFound } from "../errors.js";
import { isLoopbackClient } from "./dev-mail.rules.js";

function requireDevelopment(deps: Pick<AppDeps, "config">) {
  if (!deps.config.devOutbox) throw notFound("That page");
}

/** Express middleware for /api/trpc: the outbox's procedures answer 404 to any client but this machine. */
export function devMailOnlyFromThisMachine(req: Request, res: Response, next: NextFunction) {
  if (/(^|[/,])devMail\./.test(req.path) && !isLoopbackClient(req.ip)) {
    res.status(404).json({ error: { code: "NOT_FOUND", message: "That page was not found." } });
    return;
  }
  next();
}

/** The newest mails first, without their bodies. */
export async function listDevMails(deps: Pick<AppDeps, "db" | "config">) {
  requireDevelopment(deps);
  return deps.db.devMail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
  });
}

/** One mail, whole: HTML, text and headers. */
export async function getDevMail(deps: Pick<AppDeps, "db" | "config">, { input }: { input: { id: string } }) {
  requireDevelopment(deps);
  const mail = await deps.db.devMail.findUnique({ where: { id: input.id } });
  if (!mail) throw notFound("That mail");
  return { ...mail, headers: mail.headers as Record<string, string> };
}
