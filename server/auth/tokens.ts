// Single-use links mailed to people (password reset, address confirmation, a pending second-factor
// sign-in): a random token goes in the link or cookie, and only its SHA-256 is stored, so a copy of the
// database holds no link that works. 32 random bytes: nothing to guess, so a fast hash is enough.
import { createHash, randomBytes } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Whether a string can be one of our tokens at all (so a malformed one is refused before any query). */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
