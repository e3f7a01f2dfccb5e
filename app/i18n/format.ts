// Dates, times, numbers and money in the viewer's language, through Intl. Times are shown in the
// profile's time zone when the person set one, else in the browser's (the server renders UTC then,
// and the browser renders again on hydration: suppressHydrationWarning on the <time>).
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRouteData } from "~/lib/data";
import type { loader as rootLoader } from "~/root";
import { intlLocale } from "./config";

/** The profile's time zone, else the browser's once hydrated (null while rendering on the server). */
export function useViewerZone(): string | null {
  const profileZone = useRouteData<typeof rootLoader>("root")?.me?.timeZone ?? null;
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return profileZone ?? browserZone;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600_000],
  ["month", 30 * 24 * 3600_000],
  ["week", 7 * 24 * 3600_000],
  ["day", 24 * 3600_000],
  ["hour", 3600_000],
  ["minute", 60_000],
];

export type Formatters = ReturnType<typeof createFormatters>;

/**
 * The formatters of a language and zone, made once per process (Intl objects are immutable and cost
 * far more to create than to use: a page made a set per component that formats).
 */
const made = new Map<string, ReturnType<typeof createFormatters>>();
export function makeFormatters(language: string, timeZone: string | null) {
  const key = `${language}|${timeZone ?? ""}`;
  let formatters = made.get(key);
  if (!formatters) {
    // Bounded: the languages times the zones people chose (a few hundred IANA names at most).
    if (made.size >= 2_000) made.clear();
    made.set(key, (formatters = createFormatters(language, timeZone)));
  }
  return formatters;
}

function createFormatters(language: string, timeZone: string | null) {
  const locale = intlLocale(language);
  const zone = timeZone ?? "UTC";
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: zone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  const byZone = new Map<string, Intl.DateTimeFormat>();
  const dateTimeZone = (tz: string) => {
    let format = byZone.get(tz);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: tz, timeZoneName: "short" });
      if (byZone.size < 1_000) byZone.set(tz, format);
    }
    return format;
  };
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  return {
    locale,
    date: (value: Date) => date.format(value),
    dateTime: (value: Date) => dateTime.format(value),
    /** With the zone's short name ("Dec 3, 2026, 9:30 AM CST"), in `tz` or the viewer's zone. */
    dateTimeWithZone: (value: Date, tz: string = zone) => dateTimeZone(tz).format(value),
    /** A calendar date stored at 00:00 UTC (a due date): that day everywhere. */
    calendarDate: (value: Date) => calendarDate.format(value),
    number: (value: number) => number.format(value),
    /** Integer cents as dollars ("$1,234.50", "1234,50 US$" is never used: US conventions). */
    cents: (cents: number) => money.format(cents / 100),
    /** "in 3 days", "hace 2 horas": the largest whole unit. */
    relative: (value: Date, now: Date = new Date()) => {
      const diff = value.getTime() - now.getTime();
      for (const [unit, ms] of RELATIVE_UNITS) {
        if (Math.abs(diff) >= ms || unit === "minute") return relative.format(Math.round(diff / ms), unit);
      }
      return relative.format(0, "minute");
    },
  };
}

/** The formatters for the page's language and the viewer's zone. */
/** Today's calendar date (YYYY-MM-DD) in the viewer's zone: the default of a form's date field. */
export function useToday(): string {
  const zone = useViewerZone();
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone ?? "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const zone = useViewerZone();
  return useMemo(() => makeFormatters(i18n.language, zone), [i18n.language, zone]);
}
