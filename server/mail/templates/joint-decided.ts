// "What became of your proposal": to the co-chair who proposed a joint change (and staff who prepared it).
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    outcomes: { APPLIED: "Agreed and applied", DECLINED: "Declined", STALE: "Not applied", EXPIRED: "Expired" },
    body: {
      APPLIED: ({ who, where }: { who: string; where: string }) => `${who} concurred for the other side, and the change now applies in ${where}:`,
      DECLINED: ({ who, where }: { who: string; where: string }) => `${who} declined, for the other side, your proposed change in ${where}:`,
      STALE: ({ where }: { who: string; where: string }) => `Your proposed change in ${where} was not applied, because what it changes had changed meanwhile:`,
      EXPIRED: ({ where }: { who: string; where: string }) => `Nobody answered your proposed change in ${where} in time, so it expired:`,
    },
    action: "See the proposal",
    summary: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    why: ({ partnership }: { partnership: string }) => `You get this because you proposed this change in ${partnership}.`,
  },
};

export const jointDecided: NotificationTemplate<"joint.decided"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const outcome = m.outcomes[p.outcome];
  return {
    subject: m.subject({ title: p.title, outcome }),
    heading: outcome,
    blocks: [{ text: m.body[p.outcome]({ who: p.byName ?? "", where: whereOf(ctx) }) }, { quote: p.title }],
    action: m.action,
    summary: m.summary({ title: p.title, outcome }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
