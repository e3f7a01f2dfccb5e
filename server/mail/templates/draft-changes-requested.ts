// "Changes requested": to the draft's editors when a worker reviewer asks for changes.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Changes requested: ${draft}, version ${version}`,
    heading: "A reviewer requested changes",
    body: ({ by, draft, version }: { by: string; draft: string; version: number }) => `${by} requested changes to version ${version} of the curriculum draft “${draft}”.`,
    action: "See the review",
    summary: ({ by, draft, version }: { by: string; draft: string; version: number }) => `${by} requested changes to version ${version} of “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `You get this because you work on this draft in ${partnership}.`,
  },
  es: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Se pidieron cambios: ${draft}, versión ${version}`,
    heading: "Un revisor pidió cambios",
    body: ({ by, draft, version }: { by: string; draft: string; version: number }) => `${by} pidió cambios en la versión ${version} del borrador del plan de estudios “${draft}”.`,
    action: "Ver la revisión",
    summary: ({ by, draft, version }: { by: string; draft: string; version: number }) => `${by} pidió cambios en la versión ${version} de “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque trabaja en este borrador en ${partnership}.`,
  },
};

export const draftChangesRequested: NotificationTemplate<"draft.changesRequested"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ draft: p.draftTitle, version: p.version }),
    heading: m.heading,
    blocks: [{ text: m.body({ by: p.byName, draft: p.draftTitle, version: p.version }) }],
    action: m.action,
    summary: m.summary({ by: p.byName, draft: p.draftTitle, version: p.version }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
