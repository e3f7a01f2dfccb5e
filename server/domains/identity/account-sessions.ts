// "Your sessions": where the account is signed in (the device named from its browser, when it started
// and was last used, which one is this device), and signing out everywhere else, sockets included.
import { describeDevice } from "../../auth/user-agent.js";
import type { AppDeps } from "../../deps.js";
import { endSockets } from "./identity.shared.js";

export async function listSessions(deps: Pick<AppDeps, "db">, { userId, sessionRowId }: { userId: string; sessionRowId: string }) {
  const now = new Date();
  const rows = await deps.db.session.findMany({
    where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, createdAt: true, lastUsedAt: true, userAgent: true },
  });
  return rows
    .map((row) => ({
      // A short handle for the list (the row id is a hash, not a cookie, and is not shown).
      key: row.id.slice(0, 12),
      device: describeDevice(row.userAgent),
      signedInAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      isThisDevice: row.id === sessionRowId,
    }))
    .sort((a, b) => Number(b.isThisDevice) - Number(a.isThisDevice));
}

/** Ends every session of the account but this one, and their sockets on every process. */
export async function signOutOtherSessions(deps: Pick<AppDeps, "sessions" | "realtime">, { userId, sessionRowId }: { userId: string; sessionRowId: string }) {
  const ended = await deps.sessions.endAllOf(userId, { keep: sessionRowId });
  await endSockets(deps, ended);
  return { ended: ended.length };
}
