import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";

describe("loadConfig", () => {
  it("works with an empty environment, with local defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      POSTGRES_DATA_DIR: "./data/postgres",
      MIGRATE_ON_START: true,
      seedDemo: "if-empty",
      LOG_LEVEL: "info",
      SESSION_IDLE_HOURS: 24 * 7,
      SESSION_ABSOLUTE_DAYS: 30,
      INVITATION_TTL_DAYS: 7,
      SIGN_IN_MAX_FAILURES: 5,
      SIGN_IN_MAX_PER_ADDRESS: 100,
      SIGN_IN_WINDOW_MINUTES: 15,
      PASSWORD_HASH_COST: 17,
      appOrigin: "http://localhost:3000",
      isProduction: false,
      secureCookies: false,
    });
    expect(config.allowedOrigins.sort()).toEqual(["http://127.0.0.1:3000", "http://localhost:3000"]);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("derives the origin from PORT when APP_ORIGIN is not set", () => {
    const config = loadConfig({ PORT: "4123" });
    expect(config.PORT).toBe(4123);
    expect(config.appOrigin).toBe("http://localhost:4123");
    expect(config.allowedOrigins.sort()).toEqual(["http://127.0.0.1:4123", "http://localhost:4123"]);
  });

  it("keeps only the origin of APP_ORIGIN and adds the extra origins", () => {
    const config = loadConfig({
      APP_ORIGIN: "https://jointly.example.org/some/path?x=1",
      EXTRA_ORIGINS: " https://www.jointly.example.org/ , http://intranet.example.org:8080/app,, ",
    });
    expect(config.appOrigin).toBe("https://jointly.example.org");
    expect(config.allowedOrigins.sort()).toEqual([
      "http://intranet.example.org:8080",
      "https://jointly.example.org",
      "https://www.jointly.example.org",
    ]);
  });

  it("allows 127.0.0.1 only beside a localhost origin", () => {
    expect(loadConfig({ APP_ORIGIN: "http://localhost:5000" }).allowedOrigins).toContain("http://127.0.0.1:5000");
    expect(loadConfig({ APP_ORIGIN: "https://jointly.example.org" }).allowedOrigins).toEqual(["https://jointly.example.org"]);
  });

  it("makes cookies Secure when the app is served over https, and only then", () => {
    expect(loadConfig({ APP_ORIGIN: "https://jointly.example.org" }).secureCookies).toBe(true);
    expect(loadConfig({ APP_ORIGIN: "http://jointly.example.org" }).secureCookies).toBe(false);
    // Production over plain http (behind nothing) still cannot use Secure cookies.
    expect(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "http://localhost:3000" }).secureCookies).toBe(false);
  });

  it("knows production", () => {
    expect(loadConfig({ NODE_ENV: "production" }).isProduction).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).isProduction).toBe(false);
  });

  it("uses the embedded PostgreSQL unless DATABASE_URL names a server, and seeds the demo only into the embedded one", () => {
    const url = "postgresql://jointly:secret@db.internal:5432/jointly";
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({ DATABASE_URL: url, seedDemo: "never" });
    expect(loadConfig({ DATABASE_URL: "" })).toMatchObject({ DATABASE_URL: undefined, seedDemo: "if-empty" });
    expect(loadConfig({ DATABASE_URL: url, SEED_DEMO: "if-empty" }).seedDemo).toBe("if-empty");
    expect(loadConfig({ MIGRATE_ON_START: "false" }).MIGRATE_ON_START).toBe(false);
  });

  it("has supportive-service defaults: $10,000 per request, 10 MB per attachment", () => {
    expect(loadConfig({})).toMatchObject({ MAX_REQUEST_CENTS: 1_000_000, MAX_ATTACHMENT_BYTES: 10 * 1024 * 1024 });
    expect(loadConfig({ MAX_REQUEST_CENTS: "250000", MAX_ATTACHMENT_BYTES: "1024" })).toMatchObject({
      MAX_REQUEST_CENTS: 250_000,
      MAX_ATTACHMENT_BYTES: 1024,
    });
  });

  it("coerces numbers from strings", () => {
    const config = loadConfig({ SESSION_IDLE_HOURS: "2", SIGN_IN_MAX_FAILURES: "3", PASSWORD_HASH_COST: "10" });
    expect(config).toMatchObject({ SESSION_IDLE_HOURS: 2, SIGN_IN_MAX_FAILURES: 3, PASSWORD_HASH_COST: 10 });
  });

  it.each([
    [{ PORT: "70000" }, /PORT/],
    [{ PORT: "not-a-port" }, /PORT/],
    [{ NODE_ENV: "staging" }, /NODE_ENV/],
    [{ APP_ORIGIN: "not a url" }, /APP_ORIGIN/],
    [{ PASSWORD_HASH_COST: "9" }, /PASSWORD_HASH_COST/],
    [{ PASSWORD_HASH_COST: "21" }, /PASSWORD_HASH_COST/],
    [{ SIGN_IN_MAX_FAILURES: "0" }, /SIGN_IN_MAX_FAILURES/],
    [{ SIGN_IN_MAX_PER_ADDRESS: "0" }, /SIGN_IN_MAX_PER_ADDRESS/],
    [{ SESSION_IDLE_HOURS: "-1" }, /SESSION_IDLE_HOURS/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
    [{ MAX_REQUEST_CENTS: "0" }, /MAX_REQUEST_CENTS/],
    [{ MAX_REQUEST_CENTS: "12.5" }, /MAX_REQUEST_CENTS/],
    [{ MAX_ATTACHMENT_BYTES: String(10 * 1024 * 1024 + 1) }, /MAX_ATTACHMENT_BYTES/],
    [{ DATABASE_URL: "file:./data/jointly.db" }, /DATABASE_URL/],
    [{ POSTGRES_DATA_DIR: "" }, /POSTGRES_DATA_DIR/],
    [{ DATABASE_POOL_SIZE: "1" }, /DATABASE_POOL_SIZE/],
    [{ MIGRATE_ON_START: "yes" }, /MIGRATE_ON_START/],
  ])("refuses an invalid setting %o, naming it", (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
    expect(() => loadConfig(env)).toThrow(/^Invalid configuration/);
  });
});
