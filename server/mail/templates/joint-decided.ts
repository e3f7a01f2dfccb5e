// "What became of your proposal": to the co-chair who proposed a joint change (and staff who prepared it).
// The change's title is said from its codes in the recipient's language (joint-words.ts).
import { messagesFor } from "./i18n.js";
import { jointWordsIn } from "./joint-words.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

type Who = { who: string; where: string };

export const messages = {
  en: {
    subject: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    outcomes: { APPLIED: "Agreed and applied", DECLINED: "Declined", STALE: "Not applied", EXPIRED: "Expired" },
    body: {
      APPLIED: ({ who, where }: Who) => `${who} concurred for the other side, and the change now applies in ${where}:`,
      DECLINED: ({ who, where }: Who) => `${who} declined, for the other side, your proposed change in ${where}:`,
      STALE: ({ where }: Who) => `Your proposed change in ${where} was not applied, because what it changes had changed meanwhile:`,
      EXPIRED: ({ where }: Who) => `Nobody answered your proposed change in ${where} in time, so it expired:`,
    },
    action: "See the proposal",
    summary: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    why: ({ partnership }: { partnership: string }) => `You get this because you proposed this change in ${partnership}.`,
  },
  es: {
    subject: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    outcomes: { APPLIED: "Acordado y aplicado", DECLINED: "Rechazado", STALE: "No aplicado", EXPIRED: "Vencido" },
    body: {
      APPLIED: ({ who, where }: Who) => `${who} dio su conformidad por la otra parte, y el cambio ya se aplica en ${where}:`,
      DECLINED: ({ who, where }: Who) => `${who} rechazó, por la otra parte, el cambio que usted propuso en ${where}:`,
      STALE: ({ where }: Who) => `El cambio que usted propuso en ${where} no se aplicó, porque lo que cambiaba había cambiado mientras tanto:`,
      EXPIRED: ({ where }: Who) => `Nadie respondió a tiempo al cambio que usted propuso en ${where}, así que venció:`,
    },
    action: "Ver la propuesta",
    summary: ({ title, outcome }: { title: string; outcome: string }) => `${outcome}: ${title}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque propuso este cambio en ${partnership}.`,
  },
};

export const jointDecided: NotificationTemplate<"joint.decided"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const outcome = m.outcomes[p.outcome];
  const title = jointWordsIn(ctx.locale, p.title);
  return {
    subject: m.subject({ title, outcome }),
    heading: outcome,
    blocks: [{ text: m.body[p.outcome]({ who: p.byName ?? "", where: whereOf(ctx) }) }, { quote: title }],
    action: m.action,
    summary: m.summary({ title, outcome }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
