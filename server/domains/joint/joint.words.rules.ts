// A joint change in words, as codes and values rather than sentences (decision 0018): the server says
// which sentence (a key of the `joint` catalog under `change.`, or "ns:key" for a term another catalog
// already has: a side, an organization type, a category) and its values; the page and the mail say it
// in the reader's language. Values that are vocabulary are Words too, never English; money, dates and
// lists of names are formatted by Intl in the reader's locale. Isomorphic: no I/O.

import { z } from "zod";
import type { Translate } from "../common.rules.js";

export type WordValue = string | number | Words | { cents: number } | { date: string } | { names: string[] };
export type Words = { key: string; values?: Record<string, WordValue> };
/** A change's title and its state before and after, one Words per line. */
export type Described = { title: Words; before: Words[]; after: Words[] };

/** A Words as stored in a notification's payload (older payloads carry the English sentence instead). */
export const WordsSchema: z.ZodType<Words> = z.lazy(() =>
  z.object({
    key: z.string().max(200),
    values: z
      .record(z.union([z.string(), z.number(), WordsSchema, z.object({ cents: z.number() }), z.object({ date: z.string() }), z.object({ names: z.array(z.string()) })]))
      .optional(),
  }),
);

export const words = (key: string, values?: Record<string, WordValue>): Words => (values ? { key, values } : { key });

/** The catalog key a Words is said with: "ns:key" as it is, anything else under the joint catalog's `change.`. */
export const keyOf = (w: Words) => (w.key.includes(":") ? w.key : `joint:change.${w.key}`);

const isWords = (v: WordValue): v is Words => typeof v === "object" && "key" in v;

/** Says `w` with `t` (any namespace; keys are sent fully qualified) and formats values for `intlLocale` ("es-US"). */
export function sayWords(t: Translate, w: Words, intlLocale: string): string {
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(w.values ?? {})) {
    if (typeof v !== "object") values[name] = v;
    else if (isWords(v)) values[name] = sayWords(t, v, intlLocale);
    else if ("cents" in v) values[name] = new Intl.NumberFormat(intlLocale, { style: "currency", currency: "USD" }).format(v.cents / 100);
    else if ("date" in v) values[name] = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${v.date.slice(0, 10)}T00:00:00Z`));
    else values[name] = new Intl.ListFormat(intlLocale, { type: "conjunction" }).format(v.names);
  }
  return t(keyOf(w), { ...values, interpolation: { escapeValue: false } });
}

/** Every catalog key a Words uses, its values' included (the catalog test checks each exists). */
export function keysOf(w: Words): string[] {
  return [keyOf(w), ...Object.values(w.values ?? {}).flatMap((v) => (typeof v === "object" && isWords(v) ? keysOf(v) : []))];
}
