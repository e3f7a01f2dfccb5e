// "Someone replied to your comment": to the author of the comment answered and of the thread it is in.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ by, draft }: { by: string; draft: string }) => `${by} replied to you on ${draft}`,
    heading: "A reply to your comment",
    body: ({ by, draft }: { by: string; draft: string }) => `${by} replied to your comment on the curriculum draft “${draft}”:`,
    action: "Read the reply",
    summary: ({ by, draft }: { by: string; draft: string }) => `${by} replied to your comment on “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `You get this because someone answered your comment in ${partnership}.`,
  },
  es: {
    subject: ({ by, draft }: { by: string; draft: string }) => `${by} le respondió en ${draft}`,
    heading: "Una respuesta a su comentario",
    body: ({ by, draft }: { by: string; draft: string }) => `${by} respondió a su comentario sobre el borrador del plan de estudios “${draft}”:`,
    action: "Leer la respuesta",
    summary: ({ by, draft }: { by: string; draft: string }) => `${by} respondió a su comentario sobre “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque alguien respondió a su comentario en ${partnership}.`,
  },
};

export const draftReplied: NotificationTemplate<"draft.replied"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ by: p.byName, draft: p.draftTitle }),
    heading: m.heading,
    blocks: [{ text: m.body({ by: p.byName, draft: p.draftTitle }) }, { quote: p.excerpt }],
    action: m.action,
    summary: m.summary({ by: p.byName, draft: p.draftTitle }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
