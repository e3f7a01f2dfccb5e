// "An action item is yours": to the member it was assigned to in a meeting's minutes.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ text }: { text: string }) => `Action item for you: ${text}`,
    heading: "An action item is assigned to you",
    body: ({ meeting, due }: { meeting: string; due: string }) => `From the meeting ${meeting}, due ${due}:`,
    action: "See the meeting",
    summary: ({ text, due }: { text: string; due: string }) => `Action item for you, due ${due}: ${text}`,
    why: ({ partnership }: { partnership: string }) => `You get this because the action item was assigned to you in ${partnership}.`,
  },
  es: {
    subject: ({ text }: { text: string }) => `Tarea asignada a usted: ${text}`,
    heading: "Se le asignó una tarea",
    body: ({ meeting, due }: { meeting: string; due: string }) => `De la reunión ${meeting}, con fecha límite el ${due}:`,
    action: "Ver la reunión",
    summary: ({ text, due }: { text: string; due: string }) => `Tarea asignada a usted, con fecha límite el ${due}: ${text}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque se le asignó esta tarea en ${partnership}.`,
  },
};

export const actionAssigned: NotificationTemplate<"action.assigned"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const due = ctx.formatDate(p.dueDate);
  return {
    subject: m.subject({ text: p.text }),
    heading: m.heading,
    blocks: [{ text: m.body({ meeting: p.meetingTitle, due }) }, { quote: p.text }],
    action: m.action,
    summary: m.summary({ text: p.text, due }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
