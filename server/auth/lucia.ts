// Lucia v3 sessions over our Prisma client. The official Prisma adapter only accepts Prisma ≤5, so
// this is the adapter interface written out (see docs/decisions/0003-sessions.md).
// Lucia's expiry slides while a session is used (the idle timeout); absoluteExpiresAt is our hard end.
// The session id Lucia makes is the cookie's secret token; the Session row's id is its SHA-256 (hex), as
// Lucia's own guide now recommends, so someone who reads the table (a backup, a leaked dump) holds no
// cookie that works. The adapter hashes on every read, write and delete by id.
import { createHash } from "node:crypto";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Config } from "../config.js";
import type { Db } from "../db.js";

export const SESSION_COOKIE_NAME = "jointly_session";

type SessionRow = { id: string; userId: string; expiresAt: Date; absoluteExpiresAt: Date; lastUsedAt: Date; userAgent: string };
type UserRow = { id: string; email: string; name: string; emailVerifiedAt: Date | null; locale: string; mailSettings: { timeZone: string | null } | null };

/** The Session row id for a cookie's token. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `id` is what Lucia will hand back to the adapter for this session (see getSessionAndUser). */
function toDatabaseSession(row: SessionRow, id: string): DatabaseSession {
  return { id, userId: row.userId, expiresAt: row.expiresAt, attributes: { absoluteExpiresAt: row.absoluteExpiresAt, lastUsedAt: row.lastUsedAt, userAgent: row.userAgent } };
}

function toDatabaseUser(row: UserRow): DatabaseUser {
  return {
    id: row.id,
    attributes: { email: row.email, name: row.name, emailVerifiedAt: row.emailVerifiedAt, locale: row.locale, timeZone: row.mailSettings?.timeZone ?? null },
  };
}

export function createPrismaSessionAdapter(db: Db): Adapter {
  return {
    async getSessionAndUser(token) {
      // Every signed-in request starts here, each session with its own id: written in SQL, it needs no
      // query plan (Prisma keeps plans per exact query text, and with thousands of sessions most of
      // these would miss and be compiled again, decision 0024).
      const [row] = await db.$queryRaw<Array<Omit<SessionRow, "id"> & Omit<UserRow, "id" | "mailSettings"> & { timeZone: string | null }>>`
        SELECT s."userId", s."expiresAt", s."absoluteExpiresAt", s."lastUsedAt", s."userAgent",
               u."email", u."name", u."emailVerifiedAt", u."locale", ms."timeZone"
          FROM "Session" s
          JOIN "User" u ON u."id" = s."userId"
          LEFT JOIN "MailSettings" ms ON ms."userId" = s."userId"
         WHERE s."id" = ${hashSessionToken(token)}`;
      if (!row) return [null, null];
      const { timeZone, ...rest } = row;
      // The session keeps the token as its id: Lucia passes it back to updateSessionExpiration and
      // deleteSession (which hash it), and the app uses it for sign-out and the session's socket room.
      return [toDatabaseSession({ ...rest, id: token }, token), toDatabaseUser({ ...rest, id: row.userId, mailSettings: { timeZone } })];
    },
    async getUserSessions(userId) {
      // The tokens are not stored, so these sessions carry the row ids (hashes): good for listing and
      // counting, not for deleteSession or validateSession. (Lucia's invalidateUserSessions deletes by
      // user and does not use them; the app calls neither.)
      const rows = await db.session.findMany({ where: { userId } });
      return rows.map((row) => toDatabaseSession(row, row.id));
    },
    async setSession(session) {
      await db.session.create({
        data: {
          id: hashSessionToken(session.id),
          userId: session.userId,
          expiresAt: session.expiresAt,
          absoluteExpiresAt: session.attributes.absoluteExpiresAt,
          lastUsedAt: session.attributes.lastUsedAt,
          userAgent: session.attributes.userAgent.slice(0, 512),
        },
      });
    },
    async updateSessionExpiration(token, expiresAt) {
      await db.session.updateMany({ where: { id: hashSessionToken(token) }, data: { expiresAt } });
    },
    async deleteSession(token) {
      await db.session.deleteMany({ where: { id: hashSessionToken(token) } });
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
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      isEmailVerified: attributes.emailVerifiedAt !== null,
      // The language pages and mails are in, and the profile's time zone (null: the browser's).
      locale: attributes.locale,
      timeZone: attributes.timeZone,
    }),
    getSessionAttributes: (attributes) => ({ absoluteExpiresAt: attributes.absoluteExpiresAt, lastUsedAt: attributes.lastUsedAt, userAgent: attributes.userAgent }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: { email: string; name: string; emailVerifiedAt: Date | null; locale: string; timeZone: string | null };
    DatabaseSessionAttributes: { absoluteExpiresAt: Date; lastUsedAt: Date; userAgent: string };
  }
}
