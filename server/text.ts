// Shortening text the server writes for people to read (notification excerpts, rationales, reminders):
// cut only between user-perceived characters (grapheme clusters: an emoji with its skin tone, a flag, a
// family joined by ZWJ, a letter with its combining accents), and always show that it was cut. A cut
// inside a surrogate pair leaves a lone surrogate, which PostgreSQL refuses and JSON cannot carry.

/** What marks a shortened text. */
export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * `text` if it has at most `max` UTF-16 code units (the unit of `String.length` and of zod's `.max()`),
 * else its longest prefix of whole graphemes that leaves room for "…", followed by "…". The result never
 * exceeds `max` and never ends inside a character (a first grapheme longer than the room left, such as
 * hundreds of stacked combining marks, leaves only "…").
 */
export function truncateText(text: string, max: number): string {
  if (!Number.isInteger(max) || max < ELLIPSIS.length) throw new RangeError(`truncateText: max must be an integer ≥ ${ELLIPSIS.length}`);
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
