// Where a rendered mail goes: SMTP through nodemailer when SMTP_URL is set; without it on a loopback
// origin (config.devOutbox: development, npm start, the e2e run), the DevMail table that /dev/mail shows;
// without it on a public origin, nowhere: the send fails, so the delivery stays FAILED and its job
// retries (a warning says so at start), and no mail is dropped silently.
import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import type { Db } from "../db.js";
import type { Logger } from "../logger.js";

export type OutgoingMail = {
  to: { email: string; name?: string };
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** "<…@host>": the same for every attempt at one delivery, so a duplicate can be recognized downstream. */
  messageId: string;
  deliveryId: string;
};

export type MailTransport = {
  kind: "smtp" | "dev" | "none";
  send: (mail: OutgoingMail) => Promise<{ messageId: string }>;
};

/** A refusal that a retry cannot change (an SMTP 5xx answer, no transport at all in production is not one). */
export class PermanentMailError extends Error {}

export function createMailTransport({ config, db, logger }: { config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "devOutbox">; db: Db; logger: Logger }): MailTransport {
  if (config.SMTP_URL) {
    const transporter = nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    return {
      kind: "smtp",
      async send(mail) {
        try {
          const info = await transporter.sendMail({
            from: config.MAIL_FROM,
            to: mail.to.name ? { name: mail.to.name, address: mail.to.email } : mail.to.email,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            headers: mail.headers,
            messageId: mail.messageId,
          });
          return { messageId: info.messageId || mail.messageId };
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          if (typeof code === "number" && code >= 500 && code < 600) throw new PermanentMailError(`SMTP refused the mail: ${(error as Error).message}`);
          throw error;
        }
      },
    };
  }
  if (config.devOutbox) {
    return {
      kind: "dev",
      async send(mail) {
        await db.devMail.create({
          data: {
            deliveryId: mail.deliveryId,
            toAddress: mail.to.name ? `${mail.to.name} <${mail.to.email}>` : mail.to.email,
            fromAddress: config.MAIL_FROM,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            headers: { ...mail.headers, "Message-ID": mail.messageId },
          },
        });
        return { messageId: mail.messageId };
      },
    };
  }
  logger.warn("SMTP_URL is not set and the origin is not loopback: no mail can be sent. Mails are kept as failed deliveries and retried; set SMTP_URL and restart to send them.");
  return {
    kind: "none",
    async send() {
      throw new Error("SMTP_URL is not set");
    },
  };
}
