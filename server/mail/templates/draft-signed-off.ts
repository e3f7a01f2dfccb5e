// "The workers signed off": to the draft's editors when the sign-off rule is met.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Signed off: ${draft}, version ${version}`,
    heading: "The worker reviewers signed off",
    body: ({ draft, version }: { draft: string; version: number }) => `The worker reviewers signed off version ${version} of the curriculum draft “${draft}”.`,
    action: "See the draft",
    summary: ({ draft, version }: { draft: string; version: number }) => `Version ${version} of “${draft}” was signed off`,
    why: ({ partnership }: { partnership: string }) => `You get this because you work on this draft in ${partnership}.`,
  },
  es: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Aprobado: ${draft}, versión ${version}`,
    heading: "Los revisores de los trabajadores lo aprobaron",
    body: ({ draft, version }: { draft: string; version: number }) => `Los revisores de los trabajadores aprobaron la versión ${version} del borrador del plan de estudios “${draft}”.`,
    action: "Ver el borrador",
    summary: ({ draft, version }: { draft: string; version: number }) => `Se aprobó la versión ${version} de “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque trabaja en este borrador en ${partnership}.`,
  },
};

export const draftSignedOff: NotificationTemplate<"draft.signedOff"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ draft: p.draftTitle, version: p.version }),
    heading: m.heading,
    blocks: [{ text: m.body({ draft: p.draftTitle, version: p.version }) }],
    action: m.action,
    summary: m.summary({ draft: p.draftTitle, version: p.version }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
