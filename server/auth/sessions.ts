// Session lifecycle on top of Lucia: a new session on every sign-in, an idle timeout (Lucia's sliding
// expiry) and an absolute lifetime that Lucia v3 does not have on its own.
import type { Session, User } from "lucia";
import type { Config } from "../config.js";
import type { Db } from "../db.js";
import { createLucia } from "./lucia.js";

export type SessionUser = User;
export type AuthSession = Session;
export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService({ db, config }: { db: Db; config: Config }) {
  const lucia = createLucia(db, config);
  const absoluteMs = config.SESSION_ABSOLUTE_DAYS * 24 * 60 * 60 * 1000;

  return {
    cookieName: lucia.sessionCookieName,

    async start(userId: string) {
      const session = await lucia.createSession(userId, { absoluteExpiresAt: new Date(Date.now() + absoluteMs) });
      return { session, cookie: lucia.createSessionCookie(session.id).serialize() };
    },

    /** The session and user for a session id, or nulls; `cookie` is set when the browser's cookie must change. */
    async validate(sessionId: string | null | undefined) {
      if (!sessionId) return { session: null, user: null, cookie: null };
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session) return { session: null, user: null, cookie: lucia.createBlankSessionCookie().serialize() };
      if (session.absoluteExpiresAt.getTime() <= Date.now()) {
        await lucia.invalidateSession(session.id);
        return { session: null, user: null, cookie: lucia.createBlankSessionCookie().serialize() };
      }
      return { session, user, cookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null };
    },

    async end(sessionId: string) {
      await lucia.invalidateSession(sessionId);
      return { cookie: lucia.createBlankSessionCookie().serialize() };
    },

    /** The session id from a Cookie header; a malformed header (a stray "%") counts as no session. */
    readSessionId(cookieHeader: string | null | undefined): string | null {
      try {
        return lucia.readSessionCookie(cookieHeader ?? "");
      } catch {
        return null;
      }
    },

    removeExpired: () => lucia.deleteExpiredSessions(),
  };
}
