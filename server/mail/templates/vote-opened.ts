// "A vote is open for you": to every voter on the roll fixed when the vote opened.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ motion }: { motion: string }) => `Vote open: ${motion}`,
    heading: "A vote is open for you",
    intro: ({ where }: { where: string }) => `${where} opened a vote on this motion:`,
    closes: ({ deadline }: { deadline: string }) => `Voting closes ${deadline}.`,
    noDeadline: "The vote stays open until a co-chair closes it.",
    action: "Cast your ballot",
    summary: ({ motion }: { motion: string }) => `A vote is open: “${motion}”`,
    why: ({ partnership }: { partnership: string }) => `You get this because you are on the roll of this vote in ${partnership}.`,
  },
  es: {
    subject: ({ motion }: { motion: string }) => `Votación abierta: ${motion}`,
    heading: "Hay una votación abierta para usted",
    intro: ({ where }: { where: string }) => `${where} abrió una votación sobre esta moción:`,
    closes: ({ deadline }: { deadline: string }) => `La votación se cierra el ${deadline}.`,
    noDeadline: "La votación sigue abierta hasta que un copresidente o una copresidenta la cierre.",
    action: "Emitir su voto",
    summary: ({ motion }: { motion: string }) => `Hay una votación abierta: “${motion}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque está en la lista de votantes de esta votación en ${partnership}.`,
  },
};

export const voteOpened: NotificationTemplate<"vote.opened"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ motion: p.motionText }),
    heading: m.heading,
    blocks: [{ text: m.intro({ where: whereOf(ctx) }) }, { quote: p.motionText }, { text: p.deadline ? m.closes({ deadline: ctx.formatDateTime(p.deadline) }) : m.noDeadline }],
    action: m.action,
    summary: m.summary({ motion: p.motionText }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
