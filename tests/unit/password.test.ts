import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../server/auth/password.js";

const COST = 10; // the lowest the config allows; real deployments use 17

describe("hashPassword / verifyPassword", () => {
  it("stores the scheme and its parameters with a salt and the derived key", async () => {
    const stored = await hashPassword("correct horse battery staple", COST);
    const [scheme, logN, r, p, salt, key] = stored.split("$");
    expect([scheme, logN, r, p]).toEqual(["scrypt", "10", "8", "1"]);
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(key!, "base64")).toHaveLength(64);
    expect(stored).not.toContain("correct horse");
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple", COST);
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const [a, b] = await Promise.all([hashPassword("same password", COST), hashPassword("same password", COST)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "same password")).toBe(true);
    expect(await verifyPassword(b, "same password")).toBe(true);
  });

  it("verifies with the cost stored in the hash, so the cost can be raised later", async () => {
    const stored = await hashPassword("older password", 11);
    expect(stored.split("$")[1]).toBe("11");
    expect(await verifyPassword(stored, "older password")).toBe(true);
  });

  it("treats canonically equivalent spellings as the same password (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9-password", COST); // é as one code point
    expect(await verifyPassword(stored, "cafe\u0301-password")).toBe(true); // e + combining accent
  });

  it("refuses malformed or tampered hashes", async () => {
    const stored = await hashPassword("a password", COST);
    expect(await verifyPassword("", "a password")).toBe(false);
    expect(await verifyPassword("bcrypt$10$8$1$c2FsdA==$aGFzaA==", "a password")).toBe(false);
    expect(await verifyPassword(stored.split("$").slice(0, 5).join("$"), "a password")).toBe(false);
    const parts = stored.split("$");
    const key = Buffer.from(parts[5]!, "base64");
    key[0] = key[0]! ^ 0xff;
    parts[5] = key.toString("base64");
    expect(await verifyPassword(parts.join("$"), "a password")).toBe(false);
    // A truncated key never matches (and does not throw on the length difference).
    parts[5] = key.subarray(0, 32).toString("base64");
    expect(await verifyPassword(parts.join("$"), "a password")).toBe(false);
  });
});
