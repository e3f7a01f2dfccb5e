// "Your action item is due soon": to an open action item's owner, once, when it is due within two days.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ text }: { text: string }) => `Due soon: ${text}`,
    heading: "An action item of yours is due soon",
    body: ({ meeting, due }: { meeting: string; due: string }) => `From the meeting ${meeting}, due ${due}:`,
    action: "See the meeting",
    summary: ({ text, due }: { text: string; due: string }) => `Your action item is due ${due}: ${text}`,
    why: ({ partnership }: { partnership: string }) => `You get this because this action item is assigned to you in ${partnership} and is still open.`,
  },
  es: {
    subject: ({ text }: { text: string }) => `Vence pronto: ${text}`,
    heading: "Una de sus tareas vence pronto",
    body: ({ meeting, due }: { meeting: string; due: string }) => `De la reunión ${meeting}, con fecha límite el ${due}:`,
    action: "Ver la reunión",
    summary: ({ text, due }: { text: string; due: string }) => `Su tarea vence el ${due}: ${text}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque esta tarea está asignada a usted en ${partnership} y sigue abierta.`,
  },
};

export const actionDueSoon: NotificationTemplate<"action.dueSoon"> = (p, ctx) => {
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
