// Session lifecycle on top of Lucia: a new session on every sign-in, an idle timeout (Lucia's sliding
// expiry) and an absolute lifetime that Lucia v3 does not have on its own. Each session remembers the
// browser it was started in and, within LAST_USED_EVERY_MS, when it was last used ("your sessions").
import type { Session, User } from "lucia";
import type { Config } from "../config.js";
import type { Db } from "../db.js";
import { createLucia, hashSessionToken } from "./lucia.js";

/** "Last used" is written at most this often per session (one small UPDATE, not one per request). */
export const LAST_USED_EVERY_MS = 5 * 60_000;

export type SessionUser = User;
export type AuthSession = Session;
export type SessionService = ReturnType<typeof createSessionService>;

export function createSessionService({ db, config }: { db: Db; config: Config }) {
  const lucia = createLucia(db, config);
  const absoluteMs = config.SESSION_ABSOLUTE_DAYS * 24 * 60 * 60 * 1000;

  return {
    cookieName: lucia.sessionCookieName,

    async start(userId: string, { userAgent = "" }: { userAgent?: string | null } = {}) {
      const now = new Date();
      const session = await lucia.createSession(userId, { absoluteExpiresAt: new Date(now.getTime() + absoluteMs), lastUsedAt: now, userAgent: (userAgent ?? "").slice(0, 512) });
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
      if (Date.now() - session.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
        await db.session.updateMany({ where: { id: hashSessionToken(session.id) }, data: { lastUsedAt: new Date() } });
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

    /**
     * Ends the user's sessions, all of them or all but the one whose row id is `keep`, and returns the
     * row ids ended (for their sockets: realtime.endSession).
     */
    async endAllOf(userId: string, { keep }: { keep?: string } = {}): Promise<string[]> {
      const ended = await db.session.findMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) }, select: { id: true } });
      if (ended.length) await db.session.deleteMany({ where: { id: { in: ended.map((s) => s.id) } } });
      return ended.map((s) => s.id);
    },

    /** The Session row id of a cookie's token. */
    rowIdOf: (token: string) => hashSessionToken(token),
  };
}
