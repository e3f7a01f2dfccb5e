// The daily digest: one mail listing the notifications a person gets as a digest, each with its page.
import { messagesFor, type Locale } from "./i18n.js";
import { renderLayout, type ListItem, type RenderedMail } from "./layout.js";

export const messages = {
  en: {
    subject: { one: "Your Jointly digest: 1 update", other: ({ count }: { count: number }) => `Your Jointly digest: ${count} updates` },
    heading: "Since your last digest",
    intro: { one: "One thing happened in your partnerships:", other: ({ count }: { count: number }) => `${count} things happened in your partnerships:` },
    action: "Open Jointly",
    why: "You get this digest once a day for the kinds of e-mail set to “Daily digest” in your settings.",
    unsubscribe: "Turn off every kind of e-mail this digest carries",
  },
  es: {
    subject: { one: "Su resumen de Jointly: 1 novedad", other: ({ count }: { count: number }) => `Su resumen de Jointly: ${count} novedades` },
    heading: "Desde su último resumen",
    intro: { one: "Pasó una cosa en sus alianzas:", other: ({ count }: { count: number }) => `Pasaron ${count} cosas en sus alianzas:` },
    action: "Abrir Jointly",
    why: "Recibe este resumen una vez al día con los tipos de correo configurados como “Resumen diario” en su configuración.",
    unsubscribe: "Desactivar todos los tipos de correo que incluye este resumen",
  },
};

export function renderDigestMail(input: { locale: Locale; items: ListItem[]; urls: { home: string; settings: string; unsubscribe: string } }): RenderedMail {
  const m = messagesFor(messages, input.locale);
  const count = input.items.length;
  const plural = new Intl.PluralRules(input.locale).select(count) === "one" ? "one" : "other";
  const subject = plural === "one" ? m.subject.one : m.subject.other({ count });
  const intro = plural === "one" ? m.intro.one : m.intro.other({ count });
  return renderLayout({
    locale: input.locale,
    subject,
    context: null,
    heading: m.heading,
    blocks: [{ text: intro }],
    items: input.items,
    action: { label: m.action, url: input.urls.home },
    footer: { why: m.why, settingsUrl: input.urls.settings, unsubscribe: { label: m.unsubscribe, url: input.urls.unsubscribe } },
  });
}
