// "A new request is in your queue": to the partnership's designated reviewers (but those of the
// requesting organization, who never review their own) when a request is submitted. Only the category:
// never the trainee, whose name and contact the reviewer sees on the request's page after signing in.
import { messagesFor } from "./i18n.js";
import { categoryIn } from "./services-labels.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ category }: { category: string }) => `New request to review (${category})`,
    heading: "A new request is in your review queue",
    body: ({ category }: { category: string }) => `A supportive-service request (${category}) was submitted and waits for a reviewer.`,
    action: "Open the request",
    summary: ({ category }: { category: string }) => `A new request (${category}) is in your review queue`,
    why: ({ partnership }: { partnership: string }) => `You get this because you review supportive-service requests in ${partnership}.`,
  },
  es: {
    subject: ({ category }: { category: string }) => `Nueva solicitud para revisar (${category})`,
    heading: "Hay una nueva solicitud en su lista de revisión",
    body: ({ category }: { category: string }) => `Se envió una solicitud de servicios de apoyo (${category}) y espera a un revisor o revisora.`,
    action: "Abrir la solicitud",
    summary: ({ category }: { category: string }) => `Hay una nueva solicitud (${category}) en su lista de revisión`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque revisa solicitudes de servicios de apoyo en ${partnership}.`,
  },
};

export const serviceRequestSubmitted: NotificationTemplate<"serviceRequest.submitted"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const category = categoryIn(ctx.locale, p.categoryCode, p.category);
  return {
    subject: m.subject({ category }),
    heading: m.heading,
    blocks: [{ text: m.body({ category }) }],
    action: m.action,
    summary: m.summary({ category }),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
