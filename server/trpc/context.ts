// The per-request context every procedure receives: who is asking, and what use cases need (`deps`;
// `services` holds the domains not yet split into one function per use case).
import type { AuthSession, SessionUser } from "../auth/sessions.js";
import type { AppDeps } from "../deps.js";
import type { Services } from "../services.js";

export type TrpcContext = {
  user: SessionUser | null;
  session: AuthSession | null;
  services: Services;
  deps: AppDeps;
  /** The client's address (Express's req.ip), for limits counted per client; absent in server-side callers of tests. */
  clientIp?: string;
};
