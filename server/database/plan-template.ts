// One plan for every value of a query's ids (decision 0026). A query text names its rows by id (a
// cuid, or a session's 64 hex digits), so the same question asked for another member, motion or
// session was a new text, compiled anew (1–8 ms each), and with 1,000 voters the plans no longer fit
// the cache. templateOf puts a placeholder in place of each distinct id; the plan compiled from that
// text, with the placeholders swapped back for the ids (fillTemplate), serves every query of that
// shape. Whether a plan may be used that way is checked, not assumed (checkTemplate, run once per
// shape by plan-cache.ts): every placeholder must come back whole as a plan value, never inside SQL or
// a longer string, and the filled plan must equal, exactly, the plan compiled from the real text.

/** An id where the query text holds a value: quoted, or quoted inside a raw query's escaped parameters. */
const ID_VALUE = /(\\?")(c[a-z0-9]{24}|[0-9a-f]{64})\1/g;
const PLACEHOLDER = /^__jointly_id_(\d+)__$/;
const PLACEHOLDER_PART = "__jointly_id_";

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
    return `${quote}${PLACEHOLDER_PART}${n}__${quote}`;
  });
  return { text: templated, ids };
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
      const placeholder = PLACEHOLDER.exec(node);
      if (placeholder) seen.add(Number(placeholder[1]));
      else if (node.includes(PLACEHOLDER_PART)) sound = false;
      return placeholder !== null;
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
      const placeholder = PLACEHOLDER.exec(node);
      return placeholder ? ids[Number(placeholder[1])] : node;
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
