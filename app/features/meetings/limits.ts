// How the meetings forms state a text limit (the limits themselves are meetings.schema.ts's constants,
// which the fields' maxLength and the schemas share).

/** "Up to 10,000 characters." */
export const limitHint = (max: number) => `Up to ${max.toLocaleString("en-US")} characters.`;

/** A live count for an editor whose text is in state: shown from 90% of the limit on. */
export function remainingHint(length: number, max: number): string | null {
  if (length < max * 0.9) return null;
  const left = max - length;
  return left <= 0 ? `Limit reached: ${max.toLocaleString("en-US")} characters.` : `${left.toLocaleString("en-US")} characters left.`;
}
