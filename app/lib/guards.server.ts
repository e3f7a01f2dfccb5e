// Loader guards: requireUser() at the top of a loader; load() turns the tRPC caller's refusals into
// the HTTP answer a page should give (a forbidden read shows "not found", never data).
import { redirect, type AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { SECURITY_PATH, TWO_FACTOR_REQUIRED } from "../../server/domains/identity/identity.schema";

export function requireUser(context: AppLoadContext, request: Request) {
  if (!context.user) {
    const url = new URL(request.url);
    throw redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return context.user;
}

export async function load<T>(request: Request, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") {
        const url = new URL(request.url);
        throw redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname)}`);
      }
      if (error.code === "PRECONDITION_FAILED" && error.message === TWO_FACTOR_REQUIRED) {
        // The partnership requires two-factor sign-in of this person: set it up, then come back.
        const url = new URL(request.url);
        throw redirect(`${SECURITY_PATH}?required=1&redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
      }
      if (error.code === "NOT_FOUND" || error.code === "FORBIDDEN") {
        throw new Response("Not found", { status: 404 });
      }
      if (error.code === "BAD_REQUEST") throw new Response("Bad request", { status: 400 });
    }
    throw error;
  }
}
