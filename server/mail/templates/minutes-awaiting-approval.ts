// "The minutes wait for your approval": to the co-chair(s) of the other side, when one co-chair approved
// the current version of an adjourned meeting's minutes.
import { messagesFor } from "./i18n.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ meeting }: { meeting: string }) => `Minutes waiting for your approval: ${meeting}`,
    heading: "Minutes wait for your approval",
    body: ({ by, meeting, where }: { by: string; meeting: string; where: string }) => `${by} approved the minutes of ${meeting} (${where}). They are approved once you approve the same version.`,
    action: "Review the minutes",
    summary: ({ meeting }: { meeting: string }) => `The minutes of ${meeting} wait for your approval`,
    why: ({ partnership }: { partnership: string }) => `You get this because you co-chair this body in ${partnership}.`,
  },
  es: {
    subject: ({ meeting }: { meeting: string }) => `Acta pendiente de su aprobación: ${meeting}`,
    heading: "Un acta espera su aprobación",
    body: ({ by, meeting, where }: { by: string; meeting: string; where: string }) => `${by} aprobó el acta de ${meeting} (${where}). Queda aprobada cuando usted apruebe la misma versión.`,
    action: "Revisar el acta",
    summary: ({ meeting }: { meeting: string }) => `El acta de ${meeting} espera su aprobación`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque es copresidente o copresidenta de este órgano en ${partnership}.`,
  },
};

export const minutesAwaitingApproval: NotificationTemplate<"minutes.awaitingApproval"> = (p, ctx) => {
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
