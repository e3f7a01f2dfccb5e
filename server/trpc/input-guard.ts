// Checks every procedure's raw input before its schema sees it: text that PostgreSQL cannot store or
// that the app would cut wrongly (a lone UTF-16 surrogate, a NUL character), and shapes no form ever
// sends (nesting deeper than MAX_DEPTH, arrays longer than MAX_ARRAY). A problem is a 400 with a
// message naming the field, never a 500 from the database later.
export const MAX_DEPTH = 12;
export const MAX_ARRAY = 2_000;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type InputProblem = { path: string; message: string };

export function findInputProblem(value: unknown, path: string[] = [], depth = 0): InputProblem | null {
  const where = path.join(".") || "input";
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { path: where, message: "Text may not contain a NUL character." };
    if (LONE_SURROGATE.test(value)) return { path: where, message: "Text contains a broken character (an unpaired surrogate)." };
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth >= MAX_DEPTH) return { path: where, message: "The input is nested too deeply." };
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY) return { path: where, message: `A list may have at most ${MAX_ARRAY} entries.` };
    for (let i = 0; i < value.length; i++) {
      const problem = findInputProblem(value[i], [...path, String(i)], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value instanceof Date) return null;
  for (const [key, child] of Object.entries(value)) {
    const keyProblem = findInputProblem(key, [...path, "(key)"], depth + 1);
    if (keyProblem) return keyProblem;
    const problem = findInputProblem(child, [...path, key], depth + 1);
    if (problem) return problem;
  }
  return null;
}
