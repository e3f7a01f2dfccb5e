// Shared by the sign-in and sign-up actions: parse the form with the shared schema and answer with
// field errors (400) or the service's refusal, never a stack.
import { json } from "@remix-run/node";
import type { z } from "zod";
import { HTTP_STATUS, isAppError } from "../../server/errors";

export type AuthActionData = { formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData) {
  const values = Object.fromEntries([...form.entries()].filter(([k]) => k !== "password").map(([k, v]) => [k, String(v)]));
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return {
      ok: false as const,
      response: json<AuthActionData>(
        { formError: "Some fields need attention.", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]>, values },
        { status: 400 },
      ),
    };
  }
  return { ok: true as const, data: parsed.data as z.output<S>, values };
}

export function refusal(error: unknown, values: Record<string, string>) {
  if (!isAppError(error)) throw error;
  const headers: HeadersInit = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {};
  return json<AuthActionData>(
    { formError: error.message, fieldErrors: error.fieldErrors, values },
    { status: HTTP_STATUS[error.code], headers },
  );
}

/**
 * The pending second-factor sign-in's token, between the password step and the code step: an HttpOnly
 * cookie on /signin only, for CHALLENGE_TTL (10 minutes).
 */
export const CHALLENGE_COOKIE = "jointly_2fa";

export function challengeCookie(token: string, { secure, maxAgeSeconds = 600 }: { secure: boolean; maxAgeSeconds?: number }): string {
  return `${CHALLENGE_COOKIE}=${token}; Path=/signin; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

export function clearChallengeCookie({ secure }: { secure: boolean }): string {
  return challengeCookie("", { secure, maxAgeSeconds: 0 });
}

export function readChallengeCookie(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CHALLENGE_COOKIE) return rest.join("=") || null;
  }
  return null;
}
