// "A joint change waits for you": to the other side's co-chairs when a co-chair proposes a change to
// the rules (or to the co-chairs when staff prepared one to submit).
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ title }: { title: string }) => `Waiting for you: ${title}`,
    heading: "A joint change waits for you",
    concur: ({ who, where }: { who: string; where: string }) => `${who} proposed a change to the rules of ${where}. It takes effect only if you, for your side, concur:`,
    submit: ({ who, where }: { who: string; where: string }) => `${who} prepared a change to the rules of ${where} for a co-chair to submit to the other side:`,
    action: "Concur or decline",
    actionSubmit: "Review and submit",
    summary: ({ title }: { title: string }) => `Waiting for you: ${title}`,
    why: ({ partnership }: { partnership: string }) => `You get this because you co-chair in ${partnership}.`,
  },
};

export const jointWaiting: NotificationTemplate<"joint.waiting"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const where = whereOf(ctx);
  return {
    subject: m.subject({ title: p.title }),
    heading: m.heading,
    blocks: [{ text: p.step === "concur" ? m.concur({ who: p.proposedByName, where }) : m.submit({ who: p.proposedByName, where }) }, { quote: p.title }],
    action: p.step === "concur" ? m.action : m.actionSubmit,
    summary: m.summary({ title: p.title }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
