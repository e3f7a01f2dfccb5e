// Sign-in attempts limited with rate-limiter-flexible (decisions 0008 and 0010), without locking anyone
// out: the count is per account *and* client address, so a flood of wrong passwords from one address
// never stops the owner signing in from another, plus a wider count per address against password
// spraying (many e-mails from one address). Within its limit, each earlier failure of the pair slows
// the next attempt down a little more (capped), rather than refusing it.
//
// A point is consumed atomically *before* the password is checked, so parallel guesses cannot all slip
// through, and the counts live in PostgreSQL, so every process sees the same ones. Keys are hashed: the
// table holds neither e-mail addresses nor client addresses, and a 254-character e-mail fits its key.
import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;

/** Attempts allowed in a window of `windowSeconds`. */
export type Limit = { attempts: number; windowSeconds: number };

export type SignInVerdict =
  /** Go ahead after waiting `delayMs` (the pair's earlier failures). */
  | { allowed: true; delayMs: number }
  /** Refused: `scope` says which limit, `retryAfterSeconds` when it may try again. */
  | { allowed: false; scope: "pair" | "address"; retryAfterSeconds: number };

/** The first delay after one failure of a pair; it doubles with each further failure. */
export const FIRST_DELAY_MS = 250;
/** The longest delay, however many failures. */
export const MAX_DELAY_MS = 2_000;

/** How long an attempt waits after `failures` earlier failures of the same account and address. */
export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - 1, 16));
}

/** `pool` null keeps the counts in this process (unit tests only). */
export function createSignInLimiter(options: { pool: pg.Pool | null; perPair: Limit; perAddress: Limit }) {
  const store = (keyPrefix: string, limit: Limit): RateLimiterAbstract => {
    const settings = { keyPrefix, points: limit.attempts, duration: limit.windowSeconds };
    return options.pool
      ? new RateLimiterPostgres({ ...settings, storeClient: options.pool, tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false })
      : new RateLimiterMemory(settings);
  };
  const pairs = store("sign-in-pair", options.perPair);
  const addresses = store("sign-in-address", options.perAddress);
  const pairKey = (email: string, ip: string) => digest(`${email}\n${ip}`);
  const addressKey = (ip: string) => digest(ip);

  /** Consumes one point: the points consumed so far in the window (this one included), or the refusal. */
  const consume = (limiter: RateLimiterAbstract, key: string) =>
    limiter.consume(key).then(
      (res) => ({ consumed: res.consumedPoints, refusedForMs: 0 }),
      (refusal: unknown) => {
        if (refusal instanceof RateLimiterRes) return { consumed: refusal.consumedPoints, refusedForMs: Math.max(1, refusal.msBeforeNext) };
        throw refusal;
      },
    );

  return {
    /**
     * Takes one attempt from the pair's and the address's counts (both, always: a refused attempt still
     * counts against the address). The caller waits `delayMs` without holding a database connection.
     */
    async attempt({ email, ip }: { email: string; ip: string }): Promise<SignInVerdict> {
      const [pair, address] = await Promise.all([consume(pairs, pairKey(email, ip)), consume(addresses, addressKey(ip))]);
      const refused = address.refusedForMs >= pair.refusedForMs ? { scope: "address" as const, ms: address.refusedForMs } : { scope: "pair" as const, ms: pair.refusedForMs };
      if (refused.ms > 0) return { allowed: false, scope: refused.scope, retryAfterSeconds: Math.ceil(refused.ms / 1000) };
      // Every earlier point of the pair in this window was a failure: a success deletes the pair's count.
      return { allowed: true, delayMs: failureDelayMs(pair.consumed - 1) };
    },
    /**
     * The right password: forgets the pair's failures and gives the address its point back (an office's
     * shared address is not used up by its people signing in).
     */
    async succeeded({ email, ip }: { email: string; ip: string }): Promise<void> {
      await Promise.all([pairs.delete(pairKey(email, ip)), addresses.reward(addressKey(ip), 1)]);
    },
  };
}

function digest(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Drops expired counters (the maintenance job). */
export async function removeExpiredLimits(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "rate_limits" WHERE "expire" < $1`, [Date.now()]);
}
