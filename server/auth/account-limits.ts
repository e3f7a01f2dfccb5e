// Limits on the account's other doors (decision 0014), on the same PostgreSQL store as sign-in's, so
// every process counts together: sign-up and password-reset requests per e-mail address and per client
// address (against using Jointly to flood someone's mailbox, and against enumeration by volume), and
// second-factor codes per account and client address plus per account (a six-digit code must not be
// guessable: 10 tries in 15 minutes per account leave about one chance in 30,000 a day). A refusal is
// RATE_LIMITED with Retry-After. Keys are SHA-256 digests, like sign-in's.
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "../errors.js";

export type AccountLimits = ReturnType<typeof createAccountLimits>;

const HOUR = 60 * 60;
/** Each limit: attempts in a window of seconds. Exported for the tests. */
export const ACCOUNT_LIMITS = {
  signUpPerEmail: { attempts: 5, windowSeconds: HOUR },
  signUpPerAddress: { attempts: 30, windowSeconds: HOUR },
  resetPerEmail: { attempts: 5, windowSeconds: HOUR },
  resetPerAddress: { attempts: 30, windowSeconds: HOUR },
  /** Mails of a new confirmation link, per account. */
  verifyPerUser: { attempts: 5, windowSeconds: HOUR },
  /** Second-factor codes (and passwords re-entered in settings) per account and client address. */
  codePerPair: { attempts: 5, windowSeconds: 15 * 60 },
  /** … and per account, from anywhere. */
  codePerUser: { attempts: 10, windowSeconds: 15 * 60 },
} as const;
type LimitName = keyof typeof ACCOUNT_LIMITS;

/** `pool` null keeps the counts in this process (unit tests only). */
export function createAccountLimits({ pool }: { pool: pg.Pool | null }) {
  const limiters = Object.fromEntries(
    (Object.keys(ACCOUNT_LIMITS) as LimitName[]).map((name) => {
      const { attempts, windowSeconds } = ACCOUNT_LIMITS[name];
      const settings = { keyPrefix: `account-${name}`, points: attempts, duration: windowSeconds };
      const limiter: RateLimiterAbstract = pool
        ? new RateLimiterPostgres({ ...settings, storeClient: pool, tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false })
        : new RateLimiterMemory(settings);
      return [name, limiter];
    }),
  ) as Record<LimitName, RateLimiterAbstract>;

  return {
    /**
     * Takes one point from every named count (all of them, even when one refuses), then refuses if any
     * is spent, with the longest wait. `message` is what the person reads.
     */
    async consume(counts: Array<[LimitName, string]>, message: string): Promise<void> {
      const results = await Promise.all(
        counts.map(([name, key]) =>
          limiters[name].consume(digest(key)).then(
            () => 0,
            (refusal: unknown) => {
              if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
              throw refusal;
            },
          ),
        ),
      );
      const waitMs = Math.max(0, ...results);
      if (waitMs > 0) {
        const retryAfterSeconds = Math.ceil(waitMs / 1000);
        const minutes = Math.ceil(retryAfterSeconds / 60);
        throw new AppError("RATE_LIMITED", `${message} Try again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`, { retryAfterSeconds });
      }
    },
    /** Forgets a count (a right code clears the pair's failures). */
    async forget(name: LimitName, key: string): Promise<void> {
      await limiters[name].delete(digest(key));
    },
  };
}

function digest(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}
