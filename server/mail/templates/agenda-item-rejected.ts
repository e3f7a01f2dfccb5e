// "Your agenda item was not accepted": to the member who proposed it, with the co-chairs' reason.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ item }: { item: string }) => `Agenda item not accepted: ${item}`,
    heading: "Your agenda item was not accepted",
    body: ({ item, meeting }: { item: string; meeting: string }) => `The co-chairs did not accept your item “${item}” for ${meeting}. Their reason:`,
    action: "See the meeting",
    summary: ({ item, meeting }: { item: string; meeting: string }) => `Your agenda item “${item}” for ${meeting} was not accepted`,
    why: ({ partnership }: { partnership: string }) => `You get this because you proposed this agenda item in ${partnership}.`,
  },
  es: {
    subject: ({ item }: { item: string }) => `Punto del orden del día no aceptado: ${item}`,
    heading: "Su punto del orden del día no fue aceptado",
    body: ({ item, meeting }: { item: string; meeting: string }) => `Los copresidentes no aceptaron su punto “${item}” para ${meeting}. Su motivo:`,
    action: "Ver la reunión",
    summary: ({ item, meeting }: { item: string; meeting: string }) => `Su punto “${item}” para ${meeting} no fue aceptado`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque propuso este punto del orden del día en ${partnership}.`,
  },
};

export const agendaItemRejected: NotificationTemplate<"agenda.itemRejected"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ item: p.itemTitle }),
    heading: m.heading,
    blocks: [{ text: m.body({ item: p.itemTitle, meeting: p.meetingTitle }) }, { quote: p.reason }],
    action: m.action,
    summary: m.summary({ item: p.itemTitle, meeting: p.meetingTitle }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
