// "A joint change waits for you": to the other side's co-chairs when a co-chair proposes a change to
// the rules (or to the co-chairs when staff prepared one to submit). The change's title is said from its
// codes in the recipient's language (joint-words.ts).
import { messagesFor } from "./i18n.js";
import { jointWordsIn } from "./joint-words.js";
import { whereOf, type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ title }: { title: string }) => `Waiting for you: ${title}`,
    heading: "A joint change waits for you",
    concur: ({ who, where }: { who: string; where: string }) => `${who} proposed a change to the rules of ${where}. It takes effect only if you, for your side, concur:`,
    submit: ({ who, where }: { who: string; where: string }) => `${who} prepared a change to the rules of ${where} for a co-chair to submit to the other side:`,
    action: "Concur or decline",
    actionSubmit: "Review and submit",
    summary: ({ title }: { title: string }) => `Waiting for you: ${title}`,
    why: ({ partnership }: { partnership: string }) => `You get this because you co-chair in ${partnership}.`,
  },
  es: {
    subject: ({ title }: { title: string }) => `Pendiente de su respuesta: ${title}`,
    heading: "Un cambio conjunto espera su respuesta",
    concur: ({ who, where }: { who: string; where: string }) =>
      `${who} propuso un cambio en las reglas de ${where}. Solo entra en vigor si usted, por su parte, da su conformidad:`,
    submit: ({ who, where }: { who: string; where: string }) => `${who} preparó un cambio en las reglas de ${where} para que un copresidente o una copresidenta lo envíe a la otra parte:`,
    action: "Aceptar o rechazar",
    actionSubmit: "Revisar y enviar",
    summary: ({ title }: { title: string }) => `Pendiente de su respuesta: ${title}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque es copresidente o copresidenta en ${partnership}.`,
  },
};

export const jointWaiting: NotificationTemplate<"joint.waiting"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const where = whereOf(ctx);
  const title = jointWordsIn(ctx.locale, p.title);
  return {
    subject: m.subject({ title }),
    heading: m.heading,
    blocks: [{ text: p.step === "concur" ? m.concur({ who: p.proposedByName, where }) : m.submit({ who: p.proposedByName, where }) }, { quote: title }],
    action: p.step === "concur" ? m.action : m.actionSubmit,
    summary: m.summary({ title }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
