// Unsubscribe links that need no sign-in: the token names the recipient and what to turn off, signed
// with the server's secret (HMAC-SHA256), so nobody can forge one for someone else or widen its scope.
// It does not expire: a link in an old mail must still work (RFC 8058 asks for that).
import { createHmac, timingSafeEqual } from "node:crypto";
import { UNSUBSCRIBE_SCOPES, type UnsubscribeScope } from "../domains/preferences/preferences.schema.js";

const VERSION = "u1";

export type UnsubscribeClaim = { userId: string; scope: UnsubscribeScope };

export function signUnsubscribeToken(secret: string, { userId, scope }: UnsubscribeClaim): string {
  return `${VERSION}.${userId}.${scope}.${mac(secret, userId, scope)}`;
}

/** The claim of a token this server signed, or null for anything else (tampered, truncated, foreign). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [version, userId, scope, signature] = parts as [string, string, string, string];
  if (version !== VERSION || !/^[a-z0-9]{1,64}$/i.test(userId) || !(UNSUBSCRIBE_SCOPES as readonly string[]).includes(scope)) return null;
  const expected = Buffer.from(mac(secret, userId, scope));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}

function mac(secret: string, userId: string, scope: string) {
  return createHmac("sha256", secret).update(`jointly:unsubscribe:${VERSION}:${userId}:${scope}`).digest("base64url");
}
