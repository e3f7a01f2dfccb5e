// "Your request changed": to the member who made a supportive-service request, when a reviewer moves it
// (needs information, approved, denied, …). Only the category and the status: never the trainee, whose
// name and contact stay with the owning organization and the reviewers (the payload carries none).
import { messagesFor } from "./i18n.js";
import { categoryIn, statusIn } from "./services-labels.js";
import { type NotificationTemplate } from "./notification-template.js";

export const messages = {
  en: {
    subject: ({ category, status }: { category: string; status: string }) => `Your request (${category}): ${status}`,
    heading: "Your supportive-service request changed",
    body: ({ category, status }: { category: string; status: string }) => `Your supportive-service request (${category}) is now: ${status}.`,
    action: "Open the request",
    summary: ({ category, status }: { category: string; status: string }) => `Your request (${category}) is now: ${status}`,
    why: ({ partnership }: { partnership: string }) => `You get this because you made this request in ${partnership}.`,
  },
  es: {
    subject: ({ category, status }: { category: string; status: string }) => `Su solicitud (${category}): ${status}`,
    heading: "Su solicitud de servicios de apoyo cambió",
    body: ({ category, status }: { category: string; status: string }) => `El estado de su solicitud de servicios de apoyo (${category}) ahora es: ${status}.`,
    action: "Abrir la solicitud",
    summary: ({ category, status }: { category: string; status: string }) => `Estado de su solicitud (${category}): ${status}`,
    why: ({ partnership }: { partnership: string }) => `Recibe este correo porque hizo esta solicitud en ${partnership}.`,
  },
};

export const serviceRequestUpdated: NotificationTemplate<"serviceRequest.updated"> = (p, ctx) => {
  const m = messagesFor(messages, ctx.locale);
  const values = { category: categoryIn(ctx.locale, p.categoryCode, p.category), status: statusIn(ctx.locale, p.status, p.statusLabel) };
  return {
    subject: m.subject(values),
    heading: m.heading,
    blocks: [{ text: m.body(values) }],
    action: m.action,
    summary: m.summary(values),
    why: m.why({ partnership: ctx.partnershipName }),
  };
};
