// Query plans remembered per query text (decision 0024). Prisma 6.19's client compiles every query
// with its wasm query compiler on the event loop, anew each time (about 1–8 ms a query on the 2-core
// machine, a quarter of a tRPC read's CPU); Prisma 7.4 adds a cache of its own. Until then this wraps
// the compiler's `compile` and `compileBatch`: the same JSON query text (model, action, arguments,
// values and selection, exactly) always compiles to the same plan, because a plan holds what varies
// per execution (`now()`, generated ids) as generator calls evaluated when it runs. So an exact repeat
// (the same session read, the same member's facts, the same partnership page) reuses the plan.
// Plans are frozen: an interpreter that tried to change one would throw (strict mode), not share a
// change with the next request. Bounded: at most MAX_ENTRIES plans, least recently used first out, and
// no query text over MAX_KEY_CHARS (uploads, long texts) is kept.
import * as compilerRuntime from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";

const MAX_ENTRIES = 2_000;
const MAX_KEY_CHARS = 16 * 1024;

type Compiler = { compile(query: string): unknown; compileBatch(batch: string): unknown };
type CompilerClass = { prototype: Compiler & { __jointlyPlanCache?: true } };

export type PlanCacheStats = { hits: number; misses: number; entries: number };
const stats = { hits: 0, misses: 0 };
/** One cache per compiler (per client and data model), dropped with it. */
const caches = new WeakMap<object, Map<string, unknown>>();

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

function cached(compiler: object, kind: "q" | "b", text: string, compile: () => unknown): unknown {
  if (text.length > MAX_KEY_CHARS) return compile();
  let cache = caches.get(compiler);
  if (!cache) caches.set(compiler, (cache = new Map()));
  const key = kind + text;
  const plan = cache.get(key);
  if (plan !== undefined) {
    stats.hits++;
    // Most recently used last: delete and set again.
    cache.delete(key);
    cache.set(key, plan);
    return plan;
  }
  stats.misses++;
  const compiled = deepFreeze(compile());
  cache.set(key, compiled);
  entriesCount++;
  if (cache.size > MAX_ENTRIES) {
    cache.delete(cache.keys().next().value!);
    entriesCount--;
  }
  return compiled;
}

/** Wraps the PostgreSQL query compiler's class once per process (createDb calls it). */
export function installPlanCache(): void {
  const QueryCompiler = (compilerRuntime as unknown as { QueryCompiler: CompilerClass }).QueryCompiler;
  const proto = QueryCompiler.prototype;
  if (proto.__jointlyPlanCache) return;
  const compile = proto.compile;
  const compileBatch = proto.compileBatch;
  proto.compile = function (this: Compiler, query: string) {
    return cached(this, "q", query, () => compile.call(this, query));
  };
  proto.compileBatch = function (this: Compiler, batch: string) {
    return cached(this, "b", batch, () => compileBatch.call(this, batch));
  };
  proto.__jointlyPlanCache = true;
}
