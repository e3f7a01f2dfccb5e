// The one layout every mail shares: the partnership it is about, a heading, paragraphs and quotes, one
// button to the right page (its address also written out), a list for digests, and the footer that says
// why the person gets it, where to change that and how to stop it. Builds the HTML and the plain-text
// part from the same blocks; all text is escaped in the HTML.
import { escapeHtml, safeUrl, subjectLine } from "./html.js";
import { messagesFor, type Locale } from "./i18n.js";

export type RenderedMail = { subject: string; html: string; text: string };

export type Block = { text: string } | { quote: string };
export type ListItem = { context: string | null; text: string; url: string };

export type MailBody = {
  locale: Locale;
  subject: string;
  /** Shown above the heading: the partnership (and body) the mail is about. */
  context: string | null;
  heading: string;
  blocks: Block[];
  action?: { label: string; url: string };
  items?: ListItem[];
  footer: { why: string; settingsUrl?: string; unsubscribe?: { label: string; url: string } };
};

const messages = {
  en: {
    linkFallback: "If the button does not work, open this address:",
    settings: "Choose which e-mails you get",
    openItem: "Open",
  },
  es: {
    linkFallback: "Si el botón no funciona, abra esta dirección:",
    settings: "Elija qué correos recibe",
    openItem: "Abrir",
  },
};

const COLORS = { text: "#0f172a", muted: "#475569", faint: "#64748b", line: "#e2e8f0", button: "#4338ca", quote: "#f1f5f9" };

export function renderLayout(body: MailBody): RenderedMail {
  const m = messagesFor(messages, body.locale);
  const e = escapeHtml;
  const html: string[] = [];
  const text: string[] = [];

  if (body.context) {
    html.push(`<p style="margin:0 0 8px;font-size:13px;color:${COLORS.faint};text-transform:uppercase;letter-spacing:.04em">${e(body.context)}</p>`);
    text.push(body.context, "");
  }
  html.push(`<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:${COLORS.text}">${e(body.heading)}</h1>`);
  text.push(body.heading, "=".repeat(Math.min(body.heading.length, 60)), "");

  for (const block of body.blocks) {
    if ("quote" in block) {
      html.push(
        `<blockquote style="margin:0 0 16px;padding:12px 16px;background:${COLORS.quote};border-left:4px solid ${COLORS.line};color:${COLORS.text};white-space:pre-wrap">${e(block.quote)}</blockquote>`,
      );
      text.push(...block.quote.split("\n").map((line) => `> ${line}`), "");
    } else {
      html.push(`<p style="margin:0 0 16px;color:${COLORS.text}">${e(block.text)}</p>`);
      text.push(block.text, "");
    }
  }

  if (body.items?.length) {
    html.push(`<ul style="margin:0 0 16px;padding:0;list-style:none">`);
    for (const item of body.items) {
      const context = item.context ? `<span style="display:block;font-size:12px;color:${COLORS.faint}">${e(item.context)}</span>` : "";
      html.push(
        `<li style="margin:0;padding:12px 0;border-top:1px solid ${COLORS.line}">${context}<span style="color:${COLORS.text}">${e(item.text)}</span> <a href="${e(safeUrl(item.url))}" style="color:${COLORS.button}">${e(m.openItem)}</a></li>`,
      );
      text.push(`- ${item.context ? `[${item.context}] ` : ""}${item.text}`, `  ${safeUrl(item.url)}`);
    }
    html.push(`</ul>`);
    text.push("");
  }

  if (body.action) {
    const url = safeUrl(body.action.url);
    html.push(
      `<p style="margin:24px 0"><a href="${e(url)}" style="display:inline-block;padding:10px 18px;background:${COLORS.button};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${e(body.action.label)}</a></p>`,
      `<p style="margin:0 0 16px;font-size:13px;color:${COLORS.muted}">${e(m.linkFallback)}<br><a href="${e(url)}" style="color:${COLORS.button};word-break:break-all">${e(url)}</a></p>`,
    );
    text.push(`${body.action.label}: ${url}`, "");
  }

  const footer: string[] = [`<p style="margin:0 0 8px">${e(body.footer.why)}</p>`];
  text.push("--", body.footer.why);
  if (body.footer.settingsUrl) {
    footer.push(`<p style="margin:0 0 8px"><a href="${e(safeUrl(body.footer.settingsUrl))}" style="color:${COLORS.muted}">${e(m.settings)}</a></p>`);
    text.push(`${m.settings}: ${safeUrl(body.footer.settingsUrl)}`);
  }
  if (body.footer.unsubscribe) {
    footer.push(`<p style="margin:0"><a href="${e(safeUrl(body.footer.unsubscribe.url))}" style="color:${COLORS.muted}">${e(body.footer.unsubscribe.label)}</a></p>`);
    text.push(`${body.footer.unsubscribe.label}: ${safeUrl(body.footer.unsubscribe.url)}`);
  }

  const subject = subjectLine(body.subject);
  const document = [
    `<!doctype html>`,
    `<html lang="${e(body.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f8fafc;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5">`,
    `<div style="max-width:560px;margin:0 auto;padding:24px 16px">`,
    `<p style="margin:0 0 16px;font-weight:700;font-size:16px;color:${COLORS.text}">Jointly</p>`,
    `<div style="background:#ffffff;border:1px solid ${COLORS.line};border-radius:8px;padding:24px">`,
    ...html,
    `</div>`,
    `<div style="padding:16px 4px;font-size:12px;color:${COLORS.faint}">`,
    ...footer,
    `</div></div></body></html>`,
  ].join("\n");
  return { subject, html: document, text: `${text.join("\n").trim()}\n` };
}
