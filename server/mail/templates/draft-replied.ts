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
