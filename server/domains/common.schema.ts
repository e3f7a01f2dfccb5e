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
