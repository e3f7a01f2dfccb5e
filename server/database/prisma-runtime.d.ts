// The query compiler's JavaScript glue, which @prisma/client ships without types (plan-cache.ts).
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: unknown;
}
