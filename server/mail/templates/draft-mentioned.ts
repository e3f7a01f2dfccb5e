// "You were mentioned": to the people a draft comment mentions.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ by, draft }: { by: string; draft: string }) => `${by} mentioned you on ${draft}`,
    heading: "You were mentioned in a comment",
    body: ({ by, draft }: { by: string; draft: string }) => `${by} mentioned you in a comment on the curriculum draft “${draft}”:`,
    action: "Read the comment",
    summary: ({ by, draft }: { by: string; draft: string }) => `${by} mentioned you on “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `You get this because a comment mentions you in ${partnership}.`,
  },
  es: {
    subject: ({ by, draft }: { by: string; draft: string }) => `${by} lo mencionó en ${draft}`,
    heading: "Lo mencionaron en un comentario",
    body: ({ by, draft }: { by: string; draft: string }) => `${by} lo mencionó en un comentario sobre el borrador del plan de estudios “${draft}”:`,
    action: "Leer el comentario",
    summary: ({ by, draft }: { by: string; draft: string }) => `${by} lo mencionó en “${draft}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque un comentario lo menciona en ${partnership}.`,
  },
};

export const draftMentioned: NotificationTemplate<"draft.mentioned"> = (p, ctx) => {
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
