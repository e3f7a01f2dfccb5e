// "Someone joined": to the inviter and the partnership's co-chairs when an invitation is accepted.
import { messagesFor } from "./i18n.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ member, partnership }: { member: string; partnership: string }) => `${member} joined ${partnership}`,
    heading: "A new member joined",
    body: ({ member, organization, partnership }: { member: string; organization: string; partnership: string }) =>
      `${member} (${organization}) accepted the invitation and joined ${partnership}.`,
    action: "See the partnership",
    summary: ({ member, organization }: { member: string; organization: string }) => `${member} (${organization}) joined`,
    why: ({ partnership }: { partnership: string }) => `You get this because you invited this person or co-chair ${partnership}.`,
  },
  es: {
    subject: ({ member, partnership }: { member: string; partnership: string }) => `${member} se unió a ${partnership}`,
    heading: "Se unió un nuevo miembro",
    body: ({ member, organization, partnership }: { member: string; organization: string; partnership: string }) =>
      `${member} (${organization}) aceptó la invitación y se unió a ${partnership}.`,
    action: "Ver la alianza",
    summary: ({ member, organization }: { member: string; organization: string }) => `${member} (${organization}) se unió`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque invitó a esta persona o es copresidente o copresidenta de ${partnership}.`,
  },
};

export const membershipJoined: NotificationTemplate<"membership.joined"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  return {
    subject: m.subject({ member: p.memberName, partnership: p.partnershipName }),
    heading: m.heading,
    blocks: [{ text: m.body({ member: p.memberName, organization: p.organizationName, partnership: p.partnershipName }) }],
    action: m.action,
    summary: m.summary({ member: p.memberName, organization: p.organizationName }),
    why: m.why({ partnership: p.partnershipName }),
  };
};
