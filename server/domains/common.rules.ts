// Pure checks every domain shares: the result shape of a parser and the calendar date a form or a
// CSV cell carries.

/** A translate function: i18next's `t`, or anything called the same way (pure rules say their words through it). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What a parser answers: the value, or the message to show beside the field or the CSV row. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "2026-12-01" → that calendar date at 00:00 UTC, or an error for text that is not a date that exists. */
export function parseCalendarDate(input: string): Parsed<Date> {
  const text = input.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, message: "Enter a date (YYYY-MM-DD)." };
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== text) return { ok: false, message: "That date does not exist." };
  return { ok: true, value: date };
}

/**
 * A CSV cell, quoted when needed; null is an empty cell. Text a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a carriage return: OWASP's list) gets a leading apostrophe, so a name
 * like "=HYPERLINK(…)" typed into the app is shown, never run, by whoever opens the download.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text: a line each, the last one ended too. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
