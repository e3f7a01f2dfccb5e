// tRPC setup: context type, error translation (AppError → tRPC codes, zod field errors to the client),
// and the two procedure kinds: publicProcedure and protectedProcedure (a signed-in user).
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors.js";
import type { TrpcContext } from "./context.js";
import { findInputProblem } from "./input-guard.js";

const isProduction = process.env.NODE_ENV === "production";

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
};

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  isDev: !isProduction,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodFields = cause instanceof ZodError ? (cause.flatten().fieldErrors as Record<string, string[]>) : undefined;
    const fieldErrors = zodFields ?? (cause instanceof AppError ? cause.fieldErrors : undefined);
    let message = shape.message;
    if (cause instanceof ZodError) message = "Some fields need attention.";
    else if (error.code === "INTERNAL_SERVER_ERROR") message = "Something went wrong on our side. Please try again.";
    return { ...shape, message, data: { ...shape.data, fieldErrors: fieldErrors ?? null, stack: isProduction ? undefined : shape.data.stack } };
  },
});

/** Services throw AppError; this turns it into the matching tRPC error once, for every procedure. */
const translateAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Malformed text and absurd shapes are refused before any schema or query sees them (input-guard.ts). */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) throw new AppError("BAD_REQUEST", problem.message, { fieldErrors: { [problem.path]: [problem.message] } });
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(translateAppErrors).use(guardInput);
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});
