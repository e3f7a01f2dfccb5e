// One plan for every value of a query's ids (decision 0026). A query text names its rows by id (a
// cuid or cuid2, or a session's 64 hex digits), so the same question asked for another member, motion or
// session was a new text, compiled anew (1–8 ms each), and with 1,000 voters the plans no longer fit
// the cache. templateOf puts a placeholder in place of each distinct id (and instant: raw queries
// pass "now"); the plan compiled from that text, with the placeholders swapped back for the values
// (fillTemplate), serves every query of that shape. Whether a plan may be used that way is checked,
// not assumed (checkTemplate, run once per shape by plan-cache.ts): every placeholder must come back
// whole as a plan value, never inside SQL or a longer string, and the filled plan must equal, exactly,
// the plan compiled from the real text.

/**
 * An id or an instant (ISO 8601, UTC) where the query text holds a value: quoted, or quoted inside a raw
 * query's escaped parameters. An instant in a raw query is most often "now", new at every call.
 */
const ID_VALUE = /(\\?")([a-z][a-z0-9]{23,24}|[0-9a-f]{64}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?Z)\1/g;
/** An id's placeholder is a word; an instant's must still read as an instant (the compiler parses it): year 1. */
const PLACEHOLDER = /^(?:__jointly_id_(\d+)__|0001-01-01T00:00:00\.(\d{3})Z)$/;
const PLACEHOLDER_PARTS = ["__jointly_id_", "0001-01-01T00:00:00."];
const MAX_VALUES = 1000;

function placeholder(n: number, value: string): string {
  return value.endsWith("Z") ? `0001-01-01T00:00:00.${String(n).padStart(3, "0")}Z` : `__jointly_id_${n}__`;
}

function placeholderNumber(text: string): number | null {
  const match = PLACEHOLDER.exec(text);
  return match ? Number(match[1] ?? match[2]) : null;
}

export type QueryTemplate = { text: string; ids: string[] };

/** The query text with each distinct id replaced by a numbered placeholder (the same id, the same number). */
export function templateOf(text: string): QueryTemplate {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const templated = text.replace(ID_VALUE, (_match, quote: string, id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = ids.length;
      numbers.set(id, n);
      ids.push(id);
    }
    return `${quote}${placeholder(n, id)}${quote}`;
  });
  // Past a thousand values a text is kept as it is (the instants' placeholders have three digits).
  return ids.length > MAX_VALUES ? { text, ids: [] } : { text: templated, ids };
}

/** A plan compiled from a template, with what fillTemplate needs: the objects that hold a placeholder. */
export type PlanTemplate = { plan: unknown; holders: WeakSet<object> };

/**
 * The template's plan if it may serve every value (see the file's comment), else null. `real` is the plan
 * compiled from the query's own text, with `ids` its values.
 */
export function checkTemplate(plan: unknown, ids: string[], real: unknown): PlanTemplate | null {
  const holders = new WeakSet<object>();
  const seen = new Set<number>();
  let sound = true;
  const visit = (node: unknown): boolean => {
    if (typeof node === "string") {
      const n = placeholderNumber(node);
      if (n !== null) seen.add(n);
      else if (PLACEHOLDER_PARTS.some((part) => node.includes(part))) sound = false;
      return n !== null;
    }
    if (!node || typeof node !== "object") return false;
    let holds = false;
    for (const child of Object.values(node)) if (visit(child)) holds = true;
    if (holds) holders.add(node);
    return holds;
  };
  visit(plan);
  if (!sound || seen.size !== ids.length) return null;
  const template = { plan, holders };
  return sameJson(fillTemplate(template, ids), real) ? template : null;
}

/** The template's plan for these ids: objects on the way to a placeholder copied, the rest shared. */
export function fillTemplate(template: PlanTemplate, ids: string[]): unknown {
  const fill = (node: unknown): unknown => {
    if (typeof node === "string") {
      const n = placeholderNumber(node);
      return n === null ? node : ids[n];
    }
    if (!node || typeof node !== "object" || !template.holders.has(node)) return node;
    if (Array.isArray(node)) return Object.freeze(node.map(fill));
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) copy[key] = fill(child);
    return Object.freeze(copy);
  };
  return fill(template.plan);
}

function sameJson(a: unknown, b: unknown): boolean {
  const text = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  return text(a) === text(b);
}
