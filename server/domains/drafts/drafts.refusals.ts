// Refusals by the database's own rules. The drafts triggers (prisma/migrations/…_baseline: the
// jointly_draft_* functions) and CHECK constraints raise SQLSTATE 23514 (check_violation), the
// append-only triggers 23001 (restrict_violation), each with a message saying which rule. Through the
// pg driver adapter a model query rejects with a DriverAdapterError whose `cause` holds the code and
// message; a raw query with a PrismaClientKnownRequestError (P2010) that keeps the same object in
// `meta.driverAdapterError.cause`. Use cases catch these for the rare write that passes their own
// checks and still breaks a rule, and say what it means to the user.
import type { AppError } from "../../errors.js";

const REFUSAL_CODES = new Set(["23514", "23001"]);

type DriverCause = { originalCode?: unknown; originalMessage?: unknown; code?: unknown; message?: unknown };

/** The SQLSTATE and message of a check or trigger refusal by PostgreSQL, or null for any other error. */
export function databaseRefusal(error: unknown): { code: string; message: string } | null {
  if (typeof error !== "object" || error === null) return null;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  for (const candidate of [cause, meta?.driverAdapterError?.cause]) {
    if (typeof candidate !== "object" || candidate === null) continue;
    const c = candidate as DriverCause;
    const code = String(c.originalCode ?? c.code ?? "");
    if (REFUSAL_CODES.has(code)) return { code, message: String(c.originalMessage ?? c.message ?? "") };
  }
  return null;
}

/**
 * Rethrows a database refusal whose message matches one of `cases` as the AppError the user should
 * see; any other error (including other refusals, which are bugs) is rethrown as it is.
 */
export function rethrowRefusal(error: unknown, cases: ReadonlyArray<readonly [RegExp, () => AppError]>): never {
  const refusal = databaseRefusal(error);
  if (refusal) for (const [pattern, toError] of cases) if (pattern.test(refusal.message)) throw toError();
  throw error;
}
