// Typed configuration, parsed once at boot from process.env. Every value has a default that works
// for local use, so no .env file is needed to start.
import { z } from "zod";

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** The origin browsers use to reach the app; state-changing requests must come from it. */
    APP_ORIGIN: z.string().url().optional(),
    /** Extra allowed origins, comma-separated (e.g. a second host name). */
    EXTRA_ORIGINS: z.string().default(""),
    /** A PostgreSQL connection string. Unset: Jointly starts its own embedded PostgreSQL (below). */
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// connection string"),
    /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
    POSTGRES_DATA_DIR: z.string().min(1).default("./data/postgres"),
    /** Apply pending migrations at start (several processes may: PostgreSQL's advisory lock serializes them). */
    MIGRATE_ON_START: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
    /** Seed the demo partnership into an empty database: by default only on the embedded database. */
    SEED_DEMO: z.enum(["if-empty", "never"]).optional(),
    /** Connections each process keeps to the database for requests. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Session ends after this long without use. */
    SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 7),
    /** Session ends this long after sign-in, however active. */
    SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
    INVITATION_TTL_DAYS: z.coerce.number().positive().default(7),
    /** Sign-in attempts per account and client address in the window (each failure slows the next down). */
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    /** Sign-in attempts per client address in the window, whatever the account (password spraying). */
    SIGN_IN_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(100),
    SIGN_IN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
    /** scrypt cost (log2 N). 17 is OWASP's recommendation; tests may lower it for speed. */
    PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
    /** The largest amount one supportive-service request may ask for, in cents ($10,000 by default). */
    MAX_REQUEST_CENTS: z.coerce.number().int().positive().default(1_000_000),
    /** The largest attachment accepted, in bytes (10 MB by default). */
    MAX_ATTACHMENT_BYTES: z.coerce.number().int().positive().max(10 * 1024 * 1024).default(10 * 1024 * 1024),
    /** The Chromium that prints PDFs (minutes, agenda packets, curricula); Debian's by default (decision 0017). */
    CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
    /** Where mail goes (smtp:// or smtps://, credentials in the URL). Unset: kept at /dev/mail on a loopback origin. */
    SMTP_URL: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL"),
    /** The From of every mail. */
    MAIL_FROM: z.string().min(3).default("Jointly <no-reply@localhost>"),
    /**
     * How long after a vote opens its "vote open" mail waits. Who votes in that time (a vote in a
     * meeting is mostly cast in the room) gets no mail, and the mails stay out of the moment when
     * everyone votes at once. 0 sends them at once.
     */
    VOTE_MAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
    /** The local hour (0–23, in each person's time zone) at which daily digests go out. */
    MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
    /** Signs unsubscribe links (at least 32 characters). Unset: generated once into APP_SECRET_FILE. */
    APP_SECRET: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
    APP_SECRET_FILE: z.string().min(1).default("./data/app-secret"),
  })
  .superRefine((env, ctx) => {
    // A deployment must not sign links with a secret that lives in a file beside the app: in production
    // APP_SECRET is required, except on a loopback origin (npm start, the e2e run, the server-process
    // tests), where the generated file is as good as anything.
    if (env.NODE_ENV === "production" && !env.APP_SECRET && !isLoopbackOrigin(env.APP_ORIGIN ?? "http://localhost")) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["APP_SECRET"], message: "is required in production (at least 32 random characters)" });
    }
  })
  .transform((env) => {
    const appOrigin = new URL(env.APP_ORIGIN ?? `http://localhost:${env.PORT || 3000}`).origin;
    const allowedOrigins = new Set([appOrigin, ...splitList(env.EXTRA_ORIGINS).map((o) => new URL(o).origin)]);
    const local = new URL(appOrigin);
    if (local.hostname === "localhost") allowedOrigins.add(`${local.protocol}//127.0.0.1${local.port ? `:${local.port}` : ""}`);
    return {
      ...env,
      appOrigin,
      allowedOrigins: [...allowedOrigins],
      isProduction: env.NODE_ENV === "production",
      seedDemo: env.SEED_DEMO ?? (env.DATABASE_URL ? "never" : "if-empty"),
      /** Cookies are Secure whenever the app is served over https. */
      secureCookies: local.protocol === "https:",
      /**
       * No SMTP_URL on a loopback origin (development, npm start, the e2e run): mails are kept in the
       * local outbox that /dev/mail shows. Never on a public origin, where /dev/mail would show anyone
       * the mailed links (password resets included): the same rule as APP_SECRET's.
       */
      devOutbox: !env.SMTP_URL && isLoopbackOrigin(appOrigin),
    };
  });

export type Config = z.infer<typeof ConfigSchema>;

function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
