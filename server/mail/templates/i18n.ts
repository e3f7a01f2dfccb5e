// The languages mails are written in and how they show dates. English only for now: every template
// keeps its sentences in a `messages` object keyed by locale (whole sentences with named values, never
// pieced together), so a translation adds a key beside `en` and nothing else.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function resolveLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/** The messages of `locale`, or English where that language has none yet. */
export function messagesFor<M>(messages: { en: M } & Partial<Record<Locale, M>>, locale: Locale): M {
  return messages[locale] ?? messages.en;
}

/** "Tue, Dec 2, 3:00 PM EST" in the recipient's time zone (UTC when unknown). */
export function formatDateTime(iso: string, { locale, timeZone }: { locale: Locale; timeZone: string | null }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: timeZone ?? "UTC",
    timeZoneName: "short",
  }).format(date);
}

/** A calendar date ("2026-12-09") as "December 9, 2026"; anything else as given. */
export function formatDate(value: string, { locale }: { locale: Locale }): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}
