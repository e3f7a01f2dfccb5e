// Lucia v3 sessions over our Prisma client. The official Prisma adapter only accepts Prisma ≤5, so
// this is the adapter interface written out (see docs/decisions/0003-sessions.md).
// Lucia's expiry slides while a session is used (the idle timeout); absoluteExpiresAt is our hard end.
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Config } from "../config.js";
import type { Db } from "../db.js";

export const SESSION_COOKIE_NAME = "jointly_session";

type SessionRow = { id: string; userId: string; expiresAt: Date; absoluteExpiresAt: Date };
type UserRow = { id: string; email: string; name: string };

function toDatabaseSession(row: SessionRow): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: { absoluteExpiresAt: row.absoluteExpiresAt } };
}

function toDatabaseUser(row: UserRow): DatabaseUser {
  return { id: row.id, attributes: { email: row.email, name: row.name } };
}

export function createPrismaSessionAdapter(db: Db): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const row = await db.session.findUnique({
        where: { id: sessionId },
        include: { user: { select: { id: true, email: true, name: true } } },
      });
      if (!row) return [null, null];
      return [toDatabaseSession(row), toDatabaseUser(row.user)];
    },
    async getUserSessions(userId) {
      const rows = await db.session.findMany({ where: { userId } });
      return rows.map(toDatabaseSession);
    },
    async setSession(session) {
      await db.session.create({
        data: {
          id: session.id,
          userId: session.userId,
          expiresAt: session.expiresAt,
          absoluteExpiresAt: session.attributes.absoluteExpiresAt,
        },
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      await db.session.deleteMany({ where: { id: sessionId } });
    },
    async deleteUserSessions(userId) {
      await db.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      const now = new Date();
      await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] } });
    },
  };
}

export function createLucia(db: Db, config: Config) {
  return new Lucia(createPrismaSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(config.SESSION_IDLE_HOURS, "h"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      attributes: { secure: config.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name }),
    getSessionAttributes: (attributes) => ({ absoluteExpiresAt: attributes.absoluteExpiresAt }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: { email: string; name: string };
    DatabaseSessionAttributes: { absoluteExpiresAt: Date };
  }
}
