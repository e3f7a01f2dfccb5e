// "The minutes are approved": to everyone seated on the meeting's body.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ meeting }: { meeting: string }) => `Minutes approved: ${meeting}`,
    heading: "The minutes are approved",
    body: ({ meeting, where }: { meeting: string; where: string }) => `The minutes of ${meeting} (${where}) were approved.`,
    action: "Read the minutes",
    summary: ({ meeting }: { meeting: string }) => `The minutes of ${meeting} were approved`,
    why: ({ partnership }: { partnership: string }) => `You get this because you have a seat on this body in ${partnership}.`,
  },
  es: {
    subject: ({ meeting }: { meeting: string }) => `Acta aprobada: ${meeting}`,
    heading: "El acta está aprobada",
    body: ({ meeting, where }: { meeting: string; where: string }) => `Se aprobó el acta de ${meeting} (${where}).`,
    action: "Leer el acta",
    summary: ({ meeting }: { meeting: string }) => `Se aprobó el acta de ${meeting}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque tiene un puesto en este órgano en ${partnership}.`,
  },
};

export const minutesApproved: NotificationTemplate<"minutes.approved"> = (p, ctx) => {
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
