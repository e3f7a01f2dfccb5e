// Sign-in attempts limited per e-mail and per address with rate-limiter-flexible (decision 0008): a
// point is consumed atomically *before* the password is checked, so parallel guesses cannot all slip
// through, and the count lives in PostgreSQL, so every process sees the same one. A successful sign-in
// gives its points back.
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** `pool` null keeps the counts in this process (unit tests only). */
export function createSignInLimiter(options: { pool: pg.Pool | null; maxAttempts: number; windowSeconds: number }) {
  const settings = { keyPrefix: "sign-in", points: options.maxAttempts, duration: options.windowSeconds };
  const limiter: RateLimiterAbstract = options.pool
    ? new RateLimiterPostgres({ ...settings, storeClient: options.pool, tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false })
    : new RateLimiterMemory(settings);

  return {
    /**
     * Takes one attempt from every key. Resolves 0 when the attempt may go ahead, or the seconds until
     * the most limited key may try again.
     */
    async attempt(keys: string[]): Promise<number> {
      const waits = await Promise.all(
        keys.map((key) =>
          limiter.consume(key).then(
            () => 0,
            (refusal: unknown) => {
              if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
              throw refusal;
            },
          ),
        ),
      );
      return Math.max(0, ...waits);
    },
    /** Gives back the attempt a successful sign-in took (an office's shared address is not used up). */
    async refund(keys: string[]): Promise<void> {
      await Promise.all(keys.map((key) => limiter.reward(key, 1)));
    },
    /** Forgets a key's earlier attempts (the right password for that e-mail was given). */
    async reset(keys: string[]): Promise<void> {
      await Promise.all(keys.map((key) => limiter.delete(key)));
    },
  };
}

/** Drops expired counters (the maintenance job). */
export async function removeExpiredLimits(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "rate_limits" WHERE "expire" < $1`, [Date.now()]);
}
