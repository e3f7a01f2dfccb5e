// "Your sign-off is requested": to the body's worker reviewers when a new version is put in review.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Sign-off requested: ${draft}, version ${version}`,
    heading: "Your sign-off is requested",
    body: ({ draft, version, where }: { draft: string; version: number; where: string }) =>
      `Version ${version} of the curriculum draft “${draft}” (${where}) is ready for your worker sign-off.`,
    action: "Review the draft",
    summary: ({ draft, version }: { draft: string; version: number }) => `Version ${version} of “${draft}” waits for your sign-off`,
    why: ({ partnership }: { partnership: string }) => `You get this because you are a worker reviewer for this body in ${partnership}.`,
  },
  es: {
    subject: ({ draft, version }: { draft: string; version: number }) => `Se pide su aprobación: ${draft}, versión ${version}`,
    heading: "Se pide su aprobación",
    body: ({ draft, version, where }: { draft: string; version: number; where: string }) =>
      `La versión ${version} del borrador del plan de estudios “${draft}” (${where}) está lista para la aprobación de los trabajadores.`,
    action: "Revisar el borrador",
    summary: ({ draft, version }: { draft: string; version: number }) => `La versión ${version} de “${draft}” espera su aprobación`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque es revisor o revisora de los trabajadores de este órgano en ${partnership}.`,
  },
};

export const draftReviewRequested: NotificationTemplate<"draft.reviewRequested"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ draft: p.draftTitle, version: p.version }),
    heading: m.heading,
    blocks: [{ text: m.body({ draft: p.draftTitle, version: p.version, where: whereOf(ctx) }) }],
    action: m.action,
    summary: m.summary({ draft: p.draftTitle, version: p.version }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
