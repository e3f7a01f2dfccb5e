// Refusals by the database's own rules. The drafts triggers (prisma/migrations/…_baseline: the
// jointly_draft_* functions) and CHECK constraints raise SQLSTATE 23514 (check_violation), the
// append-only triggers 23001 (restrict_violation), each with a message saying which rule (read from
// the Prisma error by postgresError). Use cases catch these for the rare write that passes their own
// checks and still breaks a rule, and say what it means to the user.
import { postgresError, type AppError } from "../../errors.js";

const REFUSAL_CODES = new Set(["23514", "23001"]);

/** The SQLSTATE and message of a check or trigger refusal by PostgreSQL, or null for any other error. */
export function databaseRefusal(error: unknown): { code: string; message: string } | null {
  const found = postgresError(error);
  return found && REFUSAL_CODES.has(found.code) ? found : null;
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
