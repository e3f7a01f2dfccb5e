// The languages mails are written in and how they show dates: every template keeps its sentences in a
// `messages` object keyed by locale (whole sentences with named values, never pieced together), so a
// language adds a key beside `en` and `es` (and its name to LANGUAGES in identity.schema.ts). A mail is
// in its recipient's language (User.locale), whatever the sender's (decision 0018).
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function resolveLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/** The messages of `locale`, or English where that language has none yet. */
export function messagesFor<M>(messages: { en: M } & Partial<Record<Locale, M>>, locale: Locale): M {
  return messages[locale] ?? messages.en;
}

// Intl.DateTimeFormat is costly to make (a vote's mails format hundreds of times): one per language
// and zone, kept for the process's life (a few languages times the zones people live in).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const calendarDateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "Tue, Dec 2, 3:00 PM EST" in the recipient's time zone (UTC when unknown). */
export function formatDateTime(iso: string, { locale, timeZone }: { locale: Locale; timeZone: string | null }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = timeZone ?? "UTC";
  const key = `${locale} ${zone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: zone, timeZoneName: "short" });
    dateTimeFormats.set(key, format);
  }
  return format.format(date);
}

/** A calendar date ("2026-12-09") as "December 9, 2026"; anything else as given. */
export function formatDate(value: string, { locale }: { locale: Locale }): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  let format = calendarDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" });
    calendarDateFormats.set(locale, format);
  }
  return format.format(date);
}

/** US conventions in both languages (the app's users are in the US): "es-US", "en-US". */
export function intlLocale(locale: Locale): string {
  return locale === "es" ? "es-US" : "en-US";
}

/** Integer cents as money in the recipient's language ("$1,234.50"). */
export function formatCents(cents: number, { locale }: { locale: Locale }): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "USD" }).format(cents / 100);
}
