// The per-request context every procedure receives: who is asking, and the services to ask.
import type { AuthSession, SessionUser } from "../auth/sessions.js";
import type { Services } from "../services.js";

export type TrpcContext = {
  user: SessionUser | null;
  session: AuthSession | null;
  services: Services;
};
