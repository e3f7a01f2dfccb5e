// "A request waits for your side's approval": above a fund's threshold a reviewer of each side approves
// (decision 0013); when one side's reviewer has, the other side's reviewers (but those of the requesting
// organization, who never review their own) hear of it. The category and the amount only: never the
// trainee, whose name the reviewer sees on the request's page after signing in.
import { formatCents, messagesFor } from "./i18n.js";
import { categoryIn } from "./services-labels.js";
import { type NotificationTemplate } from "./notification-template.js";

type Words = { by: string; amount: string; category: string };

export const messages = {
  en: {
    subject: ({ category }: { category: string }) => `A request waits for your side's approval (${category})`,
    heading: "A request waits for your side's approval",
    body: ({ by, amount, category }: Words) =>
      `${by} approved ${amount} for a supportive-service request (${category}). Its fund needs a reviewer of each side at this amount: the request is approved, and the fund charged, once a reviewer of your side approves the same amount. Your side may also approve another amount, for the other side to agree to.`,
    action: "Open the request",
    summary: ({ category }: { category: string }) => `A request (${category}) waits for your side's approval`,
    why: ({ partnership }: { partnership: string }) => `You get this because you review supportive-service requests in ${partnership}.`,
  },
  es: {
    subject: ({ category }: { category: string }) => `Una solicitud espera la aprobación de su parte (${category})`,
    heading: "Una solicitud espera la aprobación de su parte",
    body: ({ by, amount, category }: Words) =>
      `${by} aprobó ${amount} para una solicitud de servicios de apoyo (${category}). Con este monto, su fondo necesita un revisor o revisora de cada parte: la solicitud queda aprobada, y se carga al fondo, cuando alguien de su parte apruebe el mismo monto. Su parte también puede aprobar otro monto, para que la otra parte lo acepte.`,
    action: "Abrir la solicitud",
    summary: ({ category }: { category: string }) => `Una solicitud (${category}) espera la aprobación de su parte`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque revisa solicitudes de servicios de apoyo en ${partnership}.`,
  },
};

export const serviceRequestAwaitingSide: NotificationTemplate<"serviceRequest.awaitingSide"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const category = categoryIn(ctx.locale, p.categoryCode, p.category);
  return {
    subject: m.subject({ category }),
    heading: m.heading,
    blocks: [{ text: m.body({ by: p.byName, amount: formatCents(p.amountCents, { locale: ctx.locale }), category }) }],
    action: m.action,
    summary: m.summary({ category }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
