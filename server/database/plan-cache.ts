// Query plans remembered per query shape (decisions 0024 and 0026). Prisma 6.19's client compiles
// every query with its wasm query compiler on the event loop, anew each time (about 1–8 ms a query on
// the 2-core machine, a quarter of a tRPC read's CPU); Prisma 7.4 adds a cache of its own. Until then
// this wraps the compiler's `compile` and `compileBatch`. The same JSON query text (model, action,
// arguments, values and selection, exactly) always compiles to the same plan, because a plan holds
// what varies per execution (`now()`, generated ids) as generator calls evaluated when it runs. A
// shape is that text with its ids taken out (plan-template.ts): one plan serves the same question for
// every member, motion or session, once checked against the plan of the real text. A shape whose
// plan fails that check keeps one plan per exact text, as before.
// Plans are frozen: an interpreter that tried to change one would throw (strict mode), not share a
// change with the next request. Bounded: at most MAX_ENTRIES plans, least recently used first out, and
// no query text over MAX_KEY_CHARS (uploads, long texts) is kept.
import * as compilerRuntime from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { checkTemplate, fillTemplate, templateOf, type PlanTemplate } from "./plan-template.js";

const MAX_ENTRIES = 2_000;
const MAX_KEY_CHARS = 16 * 1024;

type Compiler = { compile(query: string): unknown; compileBatch(batch: string): unknown };
type CompilerClass = { prototype: Compiler & { __jointlyPlanCache?: true } };

export type PlanCacheStats = { hits: number; misses: number; entries: number };
const stats = { hits: 0, misses: 0 };
/** One cache per compiler (per client and data model), dropped with it. */
const caches = new WeakMap<object, Map<string, Entry>>();

/** Hits, misses and plans kept, over every client of this process (for benchmarks and tests). */
export function planCacheStats(): PlanCacheStats {
  return { ...stats, entries: entriesCount };
}
let entriesCount = 0;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A query shape's plan: one plan (no ids), a template for every value of its ids, or one plan per exact text. */
type Entry = { kind: "plan"; plan: unknown } | { kind: "template"; template: PlanTemplate } | { kind: "byText" } | { kind: "seenOnce"; plan: unknown; text: string };

function recall(cache: Map<string, Entry>, key: string): Entry | undefined {
  const entry = cache.get(key);
  if (entry !== undefined) {
    // Most recently used last: delete and set again.
    cache.delete(key);
    cache.set(key, entry);
  }
  return entry;
}

function remember(cache: Map<string, Entry>, key: string, entry: Entry): void {
  // A shape seen once becomes its template under the same key: that is no new entry.
  if (!cache.has(key)) entriesCount++;
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) {
    cache.delete(cache.keys().next().value!);
    entriesCount--;
  }
}

function cached(compiler: object, kind: "q" | "b", text: string, compile: (text: string) => unknown): unknown {
  const { text: shapeText, ids } = templateOf(text);
  if (shapeText.length > MAX_KEY_CHARS) return compile(text);
  let cache = caches.get(compiler);
  if (!cache) caches.set(compiler, (cache = new Map()));
  const shapeKey = kind + shapeText;
  const exactKey = `=${kind}${text}`;
  const shape = recall(cache, shapeKey);
  if (shape?.kind === "template") {
    stats.hits++;
    return fillTemplate(shape.template, ids);
  }
  if (shape?.kind === "plan") {
    stats.hits++;
    return shape.plan;
  }
  if (shape?.kind === "seenOnce" && shape.text === text) {
    stats.hits++;
    return shape.plan;
  }
  const exact = shape?.kind === "byText" ? recall(cache, exactKey) : undefined;
  if (exact?.kind === "plan") {
    stats.hits++;
    return exact.plan;
  }
  stats.misses++;
  const plan = deepFreeze(compile(text));
  if (ids.length === 0) remember(cache, shapeKey, { kind: "plan", plan });
  else if (shape?.kind === "byText") remember(cache, exactKey, { kind: "plan", plan });
  else if (shape === undefined) {
    // A shape's template costs a second compile: paid when the shape comes back, not for a one-off.
    remember(cache, shapeKey, { kind: "seenOnce", plan, text });
  } else {
    const template = templateFor(() => compile(shapeText), ids, plan);
    remember(cache, shapeKey, template ? { kind: "template", template } : { kind: "byText" });
    if (!template) remember(cache, exactKey, { kind: "plan", plan });
  }
  return plan;
}

/** The shape's plan template, or null when the compiler refuses the placeholders or its plan differs. */
function templateFor(compileShape: () => unknown, ids: string[], plan: unknown): PlanTemplate | null {
  try {
    return checkTemplate(deepFreeze(compileShape()), ids, plan);
  } catch {
    return null;
  }
}

/** Wraps the PostgreSQL query compiler's class once per process (createDb calls it). */
export function installPlanCache(): void {
  const QueryCompiler = (compilerRuntime as unknown as { QueryCompiler: CompilerClass }).QueryCompiler;
  const proto = QueryCompiler.prototype;
  if (proto.__jointlyPlanCache) return;
  const compile = proto.compile;
  const compileBatch = proto.compileBatch;
  proto.compile = function (this: Compiler, query: string) {
    return cached(this, "q", query, (text) => compile.call(this, text));
  };
  proto.compileBatch = function (this: Compiler, batch: string) {
    return cached(this, "b", batch, (text) => compileBatch.call(this, text));
  };
  proto.__jointlyPlanCache = true;
}
