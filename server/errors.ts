// The one error type services throw. Transports (tRPC, Remix, sockets) translate it once.
export const APP_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PRECONDITION_FAILED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Field-level messages, keyed by the input field's name. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** Seconds to wait before retrying (RATE_LIMITED). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);

/** HTTP status for each code, shared by every transport. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PRECONDITION_FAILED: 412,
};

/**
 * PostgreSQL's own error (SQLSTATE and message) inside a Prisma error, or null. Through the pg driver
 * adapter a model query rejects with a DriverAdapterError whose `cause` holds it; a raw query with a
 * PrismaClientKnownRequestError (P2010) that keeps the same object in `meta.driverAdapterError.cause`.
 */
export function postgresError(error: unknown): { code: string; message: string } | null {
  if (typeof error !== "object" || error === null) return null;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  for (const candidate of [cause, meta?.driverAdapterError?.cause]) {
    if (typeof candidate !== "object" || candidate === null) continue;
    const c = candidate as { originalCode?: unknown; originalMessage?: unknown; code?: unknown; message?: unknown };
    const code = String(c.originalCode ?? c.code ?? "");
    if (code) return { code, message: String(c.originalMessage ?? c.message ?? "") };
  }
  return null;
}

/** True when a Prisma error is a unique-constraint violation, for services to turn into CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  // P2002 from a model query; from a raw statement, P2010 carrying PostgreSQL's unique_violation.
  return (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") || postgresError(error)?.code === "23505";
}

/** AppError check that also works across bundles (the Remix build carries its own copy of this module). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && typeof (error as { code?: unknown }).code === "string";
}
