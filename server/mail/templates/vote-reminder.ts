// "You have not voted yet": to the voters on the roll who have not cast a ballot, before the deadline.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ motion }: { motion: string }) => `Reminder: vote on ${motion}`,
    heading: "You have not voted yet",
    intro: ({ where }: { where: string }) => `The vote in ${where} on this motion is still open and your ballot is missing:`,
    closes: ({ deadline }: { deadline: string }) => `Voting closes ${deadline}.`,
    action: "Cast your ballot",
    summary: ({ motion }: { motion: string }) => `You have not voted on “${motion}” yet`,
    why: ({ partnership }: { partnership: string }) => `You get this because you are on the roll of this vote in ${partnership} and have not voted.`,
  },
  es: {
    subject: ({ motion }: { motion: string }) => `Recordatorio: vote sobre ${motion}`,
    heading: "Todavía no ha votado",
    intro: ({ where }: { where: string }) => `La votación de ${where} sobre esta moción sigue abierta y falta su voto:`,
    closes: ({ deadline }: { deadline: string }) => `La votación se cierra el ${deadline}.`,
    action: "Emitir su voto",
    summary: ({ motion }: { motion: string }) => `Todavía no ha votado sobre “${motion}”`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque está en la lista de votantes de esta votación en ${partnership} y no ha votado.`,
  },
};

export const voteReminder: NotificationTemplate<"vote.reminder"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ motion: p.motionText }),
    heading: m.heading,
    blocks: [{ text: m.intro({ where: whereOf(ctx) }) }, { quote: p.motionText }, { text: m.closes({ deadline: ctx.formatDateTime(p.deadline) }) }],
    action: m.action,
    summary: m.summary({ motion: p.motionText }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
