// "The agenda waits for your approval": to the co-chair(s) of the other side, when one co-chair approved
// the current agenda version of a meeting of their body.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ meeting }: { meeting: string }) => `Agenda waiting for your approval: ${meeting}`,
    heading: "An agenda waits for your approval",
    body: ({ by, meeting, where }: { by: string; meeting: string; where: string }) => `${by} approved the agenda of ${meeting} (${where}). It is published once you approve the same version.`,
    action: "Review the agenda",
    summary: ({ meeting }: { meeting: string }) => `The agenda of ${meeting} waits for your approval`,
    why: ({ partnership }: { partnership: string }) => `You get this because you co-chair this body in ${partnership}.`,
  },
  es: {
    subject: ({ meeting }: { meeting: string }) => `Orden del día pendiente de su aprobación: ${meeting}`,
    heading: "Un orden del día espera su aprobación",
    body: ({ by, meeting, where }: { by: string; meeting: string; where: string }) => `${by} aprobó el orden del día de ${meeting} (${where}). Se publica cuando usted apruebe la misma versión.`,
    action: "Revisar el orden del día",
    summary: ({ meeting }: { meeting: string }) => `El orden del día de ${meeting} espera su aprobación`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque es copresidente o copresidenta de este órgano en ${partnership}.`,
  },
};

export const agendaAwaitingApproval: NotificationTemplate<"agenda.awaitingApproval"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ meeting: p.meetingTitle }),
    heading: m.heading,
    blocks: [{ text: m.body({ by: p.byName, meeting: p.meetingTitle, where: whereOf(ctx) }) }],
    action: m.action,
    summary: m.summary({ meeting: p.meetingTitle }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
