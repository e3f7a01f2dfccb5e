// How the meetings feature shows times, all in this one module so that the locale work can move it
// whole: a meeting's time in the meeting's own zone, with the zone's name, and the viewer's own time
// beside it when their clock differs. Through Temporal (temporal-polyfill, decision 0011), the same
// library that converts the times on the server.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { intlLocale } from "~/i18n/config";
import { useViewerZone } from "~/i18n/format";
import { Temporal } from "temporal-polyfill";
import { resolveLocalTime } from "../../../server/domains/meetings/meetings.rules";

/** The locale these helpers format in unless given one (MeetingTime passes the page's). */
const LOCALE = "en-US";

const FORMATS = {
  /** "Thu, Dec 3, 2026, 9:30 AM CST" */
  dateTime: { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  /** "9:30 AM CST" */
  time: { hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  /** "Dec 3, 2026" */
  date: { year: "numeric", month: "short", day: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type TimeFormat = keyof typeof FORMATS;

const zoned = (instant: Date, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);

/** Intl formatters by locale, format and zone, made once (Temporal's toLocaleString makes one per call). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(locale: string, format: TimeFormat, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${format}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Validates the zone as Temporal does (an unknown one throws a RangeError).
    Temporal.Now.instant().toZonedDateTimeISO(timeZone);
    formatter = new Intl.DateTimeFormat(locale, { ...FORMATS[format], timeZone });
    if (formatters.size < 2_000) formatters.set(key, formatter);
  }
  return formatter;
}

/** An instant as a clock in `timeZone` shows it (what ZonedDateTime.toLocaleString shows). */
export function formatInZone(instant: Date, timeZone: string, format: TimeFormat = "dateTime", locale: string = LOCALE): string {
  return formatterFor(locale, format, timeZone).format(instant);
}

/** When something that started at `start` ends: the time alone on the same day, else with the date. */
export function formatEndInZone(start: Date, end: Date, timeZone: string, locale: string = LOCALE): string {
  const sameDay = zoned(start, timeZone).toPlainDate().equals(zoned(end, timeZone).toPlainDate());
  return formatInZone(end, timeZone, sameDay ? "time" : "dateTime", locale);
}

/** "America/Los_Angeles" → "America/Los Angeles" */
export const zoneName = (timeZone: string) => timeZone.replace(/_/g, " ");

/** Whether two zones' clocks read the same at this instant (then the viewer's time adds nothing). */
export function isSameClock(instant: Date, a: string, b: string): boolean {
  return zoned(instant, a).offsetNanoseconds === zoned(instant, b).offsetNanoseconds;
}

/**
 * The viewer's time for a meeting's instant when their clock differs, else null: the time alone when it
 * falls on the same calendar day as in the meeting's zone, else with the date.
 */
export function viewerTimeText(instant: Date, meetingZone: string, viewerZone: string | null, locale: string = LOCALE): string | null {
  if (!viewerZone || isSameClock(instant, meetingZone, viewerZone)) return null;
  const sameDay = zoned(instant, meetingZone).toPlainDate().equals(zoned(instant, viewerZone).toPlainDate());
  return formatInZone(instant, viewerZone, sameDay ? "time" : "dateTime", locale);
}

/**
 * What the schedule form says under a typed start that a daylight-saving change makes special (null for
 * an ordinary one): a skipped time moves forward, a repeated time takes the first (meetings.rules.ts).
 */
export function localTimeNotice(local: string, timeZone: string, t: TFunction, locale: string = LOCALE): string | null {
  const resolved = resolveLocalTime(local, timeZone);
  if (!resolved || resolved.kind === "ORDINARY") return null;
  const wall = Temporal.PlainDateTime.from(local);
  const typed = wall.toPlainTime().toString({ smallestUnit: "minute" });
  const day = wall.toPlainDate().toLocaleString(locale, FORMATS.date);
  const values = { typed, day, zone: zoneName(timeZone), start: formatInZone(resolved.instant, timeZone, "time", locale) };
  return resolved.kind === "GAP" ? t("meetings:schedule.gap", values) : t("meetings:schedule.repeated", values);
}

/** The browser's time zone ("UTC" on the server, which never renders the viewer's time). */
export const viewerTimeZone = () => Temporal.Now.timeZoneId();

/** The viewer's zone: the profile's, else the browser's once the page runs there (null on the server). */
export function useViewerTimeZone(): string | null {
  return useViewerZone();
}

/** Due dates are calendar days stored at 00:00 UTC: shown as that day everywhere, never shifted. */
export function formatDueDate(day: Date, locale: string = LOCALE): string {
  return zoned(day, "UTC").toPlainDate().toLocaleString(locale, FORMATS.date);
}

/**
 * A time of the meeting in the meeting's zone ("Thu, Dec 3, 2026, 9:30 AM CST"), and with `withViewer`
 * the viewer's own after it when their clock differs ("· your time 4:30 PM GMT+1").
 */
export function MeetingTime({
  value,
  timeZone,
  format = "dateTime",
  withViewer = false,
}: {
  value: Date;
  timeZone: string;
  format?: TimeFormat;
  withViewer?: boolean;
}) {
  const viewerZone = useViewerTimeZone();
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const yours = withViewer ? viewerTimeText(value, timeZone, viewerZone, locale) : null;
  return (
    <>
      <time dateTime={value.toISOString()} suppressHydrationWarning>
        {formatInZone(value, timeZone, format, locale)}
      </time>
      {yours ? <span className="text-slate-500"> · {t("time.yourTime", { time: yours })}</span> : null}
    </>
  );
}
