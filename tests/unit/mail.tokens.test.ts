// Unsubscribe tokens (signed with the app secret), the generated app secret, and the digest's local hour.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { localTime } from "../../server/mail/digest-time.js";
import { appSecret } from "../../server/secrets.js";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../server/mail/unsubscribe-token.js";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

describe("unsubscribe tokens", () => {
  const token = signUnsubscribeToken(SECRET, { userId: "ckuser123", scope: "votes" });

  it("name the recipient and the group, and verify with the secret that signed them", () => {
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: "ckuser123", scope: "votes" });
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/); // fits a URL path segment as it is
  });

  it("refuse a tampered token: another user, a wider scope, a changed signature, another secret", () => {
    const [version, , scope, signature] = token.split(".");
    expect(verifyUnsubscribeToken(SECRET, `${version}.ckother456.${scope}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${version}.ckuser123.digest.${signature}`)).toBeNull();
    const flipped = signature!.slice(0, -1) + (signature!.endsWith("A") ? "B" : "A");
    expect(verifyUnsubscribeToken(SECRET, `${version}.ckuser123.${scope}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${SECRET}-rotated`, token)).toBeNull();
  });

  it("refuse garbage", () => {
    for (const junk of ["", "u1", "u1.a.votes", `${token}.extra`, "u2.ckuser123.votes.x", token.replace("votes", "everything")]) {
      expect(verifyUnsubscribeToken(SECRET, junk)).toBeNull();
    }
  });
});

describe("app secret", () => {
  it("uses APP_SECRET when set", () => {
    expect(appSecret({ APP_SECRET: SECRET, APP_SECRET_FILE: "/nonexistent/never-written" })).toBe(SECRET);
  });

  it("otherwise generates one into APP_SECRET_FILE (mode 0600) and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jointly-secret-"));
    try {
      const file = path.join(dir, "nested", "app-secret");
      const first = appSecret({ APP_SECRET: undefined, APP_SECRET_FILE: file });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, "utf8")).toBe(first);
      expect(fs.readdirSync(path.dirname(file))).toEqual(["app-secret"]); // no temporary file left behind
      // Another process (no cache) reads the same secret.
      expect(appSecret({ APP_SECRET: undefined, APP_SECRET_FILE: `${dir}/nested/../nested/app-secret` })).toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is required in production on a real origin, and optional on a loopback one", () => {
    expect(() => loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://jointly.example.org" })).toThrow(/APP_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://jointly.example.org", APP_SECRET: SECRET }).APP_SECRET).toBe(SECRET);
    expect(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "http://localhost:3000" }).APP_SECRET).toBeUndefined();
    expect(() => loadConfig({ APP_SECRET: "short" })).toThrow(/APP_SECRET/);
  });

  it("mail settings have defaults, and SMTP_URL must be an SMTP URL", () => {
    expect(loadConfig({})).toMatchObject({ MAIL_FROM: "Jointly <no-reply@localhost>", MAIL_DIGEST_HOUR: 7 });
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: "smtps://user:pass@mail.example.org:465" }).SMTP_URL).toBe("smtps://user:pass@mail.example.org:465");
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL/);
  });
});

describe("the digest's local time", () => {
  const at = new Date("2026-12-02T12:30:00Z");

  it("reads the hour and the calendar date in the person's time zone", () => {
    expect(localTime(at, null)).toEqual({ hour: 12, day: "2026-12-02" });
    expect(localTime(at, "America/Detroit")).toEqual({ hour: 7, day: "2026-12-02" });
    expect(localTime(at, "Pacific/Auckland")).toEqual({ hour: 1, day: "2026-12-03" });
    expect(localTime(new Date("2026-12-02T00:10:00Z"), "UTC")).toEqual({ hour: 0, day: "2026-12-02" });
  });

  it("falls back to UTC for a zone the runtime does not know", () => {
    expect(localTime(at, "Mars/Olympus_Mons")).toEqual({ hour: 12, day: "2026-12-02" });
  });
});
