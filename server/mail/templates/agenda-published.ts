// "The agenda is published": to everyone seated on the meeting's body, once both co-chairs approved it.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ meeting }: { meeting: string }) => `Agenda published: ${meeting}`,
    heading: "The agenda is published",
    body: ({ meeting, where }: { meeting: string; where: string }) => `Both co-chairs approved the agenda of ${meeting} (${where}).`,
    action: "See the agenda",
    summary: ({ meeting }: { meeting: string }) => `The agenda of ${meeting} was published`,
    why: ({ partnership }: { partnership: string }) => `You get this because you have a seat on this body in ${partnership}.`,
  },
  es: {
    subject: ({ meeting }: { meeting: string }) => `Orden del día publicado: ${meeting}`,
    heading: "El orden del día está publicado",
    body: ({ meeting, where }: { meeting: string; where: string }) => `Ambos copresidentes aprobaron el orden del día de ${meeting} (${where}).`,
    action: "Ver el orden del día",
    summary: ({ meeting }: { meeting: string }) => `Se publicó el orden del día de ${meeting}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque tiene un puesto en este órgano en ${partnership}.`,
  },
};

export const agendaPublished: NotificationTemplate<"agenda.published"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ meeting: p.meetingTitle }),
    heading: m.heading,
    blocks: [{ text: m.body({ meeting: p.meetingTitle, where: whereOf(ctx) }) }],
    action: m.action,
    summary: m.summary({ meeting: p.meetingTitle }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
