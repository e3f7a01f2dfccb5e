// What every Remix loader and action receives: the signed-in user, a tRPC caller bound to them
// (so a rule lives in one place), the use cases' dependencies for the few actions that must set
// cookies, and the request's CSP nonce.
import type { AuthSession, SessionUser } from "./auth/sessions.js";
import type { AppDeps } from "./deps.js";
import type { Services } from "./services.js";
import type { createCaller } from "./trpc/router.js";

export type RemixLoadContext = {
  user: SessionUser | null;
  session: AuthSession | null;
  trpc: ReturnType<typeof createCaller>;
  services: Services;
  /** For the actions that call use cases directly (sign-in, sign-up, sign-out: they set cookies). */
  deps: AppDeps;
  clientIp: string;
  cspNonce: string;
};
