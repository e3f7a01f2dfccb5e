// The development outbox: the mails the app would have sent, when no SMTP_URL is set outside production.
// Nothing here exists in production (NOT_FOUND, so the page answers 404).
import type { AppDeps } from "../deps.js";
import { notFound } from "../errors.js";

function requireDevelopment(deps: Pick<AppDeps, "config">) {
  if (deps.config.isProduction) throw notFound("That page");
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
