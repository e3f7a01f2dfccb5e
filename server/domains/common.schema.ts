// zod pieces every domain's inputs share (isomorphic, like each domain's own *.schema.ts).
import { z } from "zod";

/** The keys of a label table, as the tuple z.enum wants. */
export const enumKeys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** A record's id as a client sends it. */
export const IdSchema = z.string().trim().min(1, "Required.").max(64);

export const TITLE_MAX = 200;

/** A required one-line name or title, with messages that name the field. */
export const titleField = (what: string, max = TITLE_MAX) =>
  z
    .string({ required_error: `${what} is required.` })
    .trim()
    .min(1, `${what} is required.`)
    .max(max, `${what} must be at most ${max} characters.`);

/** Optional free text up to `max` characters (empty when left out). */
export const optionalText = (max: number) => z.string().trim().max(max, `Must be at most ${max.toLocaleString("en-US")} characters.`).default("");

/** The largest value of a PostgreSQL `integer` column: the bound for counters such as revisions and version numbers. */
export const INT4_MAX = 2_147_483_647;

// Decimal digits only ("12", " 12 ", "-3", "1.5"): what a number input sends. Not "", "1e3", "0x10" or "Infinity".
const NUMERIC_TEXT = /^\s*-?\d{1,16}(\.\d{1,16})?\s*$/;

/**
 * A whole number in [min, max], from a number or, because HTML forms send text, a numeric string. Nothing
 * else is turned into a number: `z.coerce.number()` would take a Date (superjson sends real ones) as
 * 1.7 trillion, `true` as 1 and "" as 0. NaN, ±Infinity and out-of-range values are refused with the
 * field's message. `messages` words the refusals for the form.
 */
export function wholeNumber(
  bounds: { min: number; max: number },
  messages: { type?: string; whole?: string; min?: string; max?: string } = {},
) {
  if (!Number.isSafeInteger(bounds.min) || !Number.isSafeInteger(bounds.max) || bounds.min > bounds.max) {
    throw new RangeError("wholeNumber: bounds must be safe integers with min ≤ max");
  }
  const type = messages.type ?? "Enter a number.";
  return z.preprocess(
    (value) => (typeof value === "string" && NUMERIC_TEXT.test(value) ? Number(value) : value),
    z
      .number({ invalid_type_error: type, required_error: type })
      .int(messages.whole ?? "Use a whole number.")
      .min(bounds.min, messages.min ?? `Must be at least ${bounds.min.toLocaleString("en-US")}.`)
      .max(bounds.max, messages.max ?? `Must be at most ${bounds.max.toLocaleString("en-US")}.`),
  );
}
