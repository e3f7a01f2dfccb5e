// The server's translator (decision 0018): the app's own i18next catalogs (app/i18n/config.ts, one
// instance per process), for what the server prints in a reader's language rather than sends as data:
// the record's PDFs and their print HTML. The reader's language is their profile's (User.locale), as
// for the meeting's .ics and mails. Keys are written with their namespace ("meetings:record.title") so
// the catalog test finds them in server files too.
import type { TFunction } from "i18next";
import { fixedT } from "../app/i18n/config.js";
import type { Db } from "./db.js";
import { intlLocale, resolveLocale, type Locale } from "./mail/templates/i18n.js";

export type ServerWords = { t: TFunction; locale: Locale; intl: string };

/** The translate function and `Intl` locale of `locale` (English for anything we do not ship). */
export function serverWords(locale: string | null | undefined): ServerWords {
  const resolved = resolveLocale(locale);
  return { t: fixedT(resolved, "common"), locale: resolved, intl: intlLocale(resolved) };
}

/** The reader's language, from their profile. */
export async function readerLocale(db: Db, userId: string): Promise<Locale> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return resolveLocale(user?.locale);
}
