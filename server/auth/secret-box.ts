// Secrets the server must read back (a TOTP secret) are sealed with AES-256-GCM under a key derived from
// the app secret (HKDF, one context per purpose, as the sealed ballots do: decision 0010). The record
// it belongs to (a user id) is bound in as associated data, so a sealed value copied onto another row
// does not open. Values that are only compared (recovery codes) are an HMAC under a key of their own.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.from("jointly", "utf8"), Buffer.from(`jointly:${purpose}:${VERSION}`, "utf8"), 32));
}

export function seal(secret: string, purpose: string, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plaintext, or an error if the value was changed, belongs to another record or another key. */
export function open(secret: string, purpose: string, sealed: string, boundTo: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !body) throw new Error("not a sealed value of this version");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(secret, purpose), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A keyed digest for values only ever compared (recovery codes): a stolen table cannot be brute-forced without the secret. */
export function keyedDigest(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", keyFor(secret, purpose)).update(value, "utf8").digest("hex");
}
