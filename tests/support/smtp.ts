// A real SMTP server (smtp-server, in this process, on a free port) that keeps what arrives, parsed
// with mailparser, and helpers to wait for mails and read their links.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eventually, settle } from "./voting-helpers.js";

export type Arrival = { to: string; mail: ParsedMail };

export async function startSmtpServer() {
  const arrivals: Arrival[] = [];
  let refuseNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      if (refuseNext > 0) {
        refuseNext--;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          for (const to of recipients) arrivals.push({ to, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  const matching = (filter: (a: Arrival) => boolean) => arrivals.filter(filter);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    /** Mails to `address` (any case). */
    to: (address: string) => matching((a) => a.to === address.toLowerCase()),
    /** Mails whose text mentions `marker`. */
    about: (marker: string) => matching((a) => Boolean(a.mail.text?.includes(marker))),
    /**
     * Waits until `count` mails pass `filter`, then a little longer so that a duplicate or a stray mail
     * would show, and returns them.
     */
    async wait(filter: (a: Arrival) => boolean, count: number, { timeoutMs = 15_000, what = `${count} mail(s)` } = {}) {
      await eventually(async () => matching(filter).length >= count, { timeoutMs, what });
      await settle(1_500);
      return matching(filter);
    },
    /** The next `n` mails are refused with a temporary error (451), as a busy mail server does. */
    refuse(n: number) {
      refuseNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** The first link to `origin` + a path starting with `prefix` in a mail's text part. */
export function linkIn(mail: ParsedMail, origin: string, prefix: string): string {
  const escaped = `${origin}${prefix}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = mail.text?.match(new RegExp(`${escaped}[^\\s)>"]*`));
  if (!found) throw new Error(`No ${prefix}… link in the mail "${mail.subject}":\n${mail.text}`);
  return found[0];
}

/** The token at the end of a mailed link (…/reset-password/<token>). */
export const tokenOf = (link: string) => link.split("/").pop()!;
