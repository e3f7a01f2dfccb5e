// When a person's daily digest is due: the local hour and calendar date of an instant in their time
// zone (UTC when they have none, or an unknown one).
export function localTime(now: Date, timeZone: string | null): { hour: number; day: string } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone ?? "UTC").formatToParts(now);
  } catch {
    parts = formatter("UTC").formatToParts(now);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { hour: Number(part("hour")) % 24, day: `${part("year")}-${part("month")}-${part("day")}` };
}

/** One formatter per zone: the digest check reads every waiting person's local time each minute. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let made = formatters.get(timeZone);
  if (!made) {
    made = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, made);
  }
  return made;
}
