// A small in-process limiter for failed sign-ins, keyed by email and by IP. Enough for one process;
// a shared store (Redis/PostgreSQL) replaces it when the app scales out.
export type FailureLimiter = ReturnType<typeof createFailureLimiter>;

export function createFailureLimiter(options: { maxFailures: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const cutoff = now() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  }

  return {
    /** Seconds until `key` may try again, or 0 when it may try now. */
    retryAfterSeconds(key: string): number {
      const times = recent(key);
      if (times.length < options.maxFailures) return 0;
      const oldest = times[times.length - options.maxFailures]!;
      return Math.max(1, Math.ceil((oldest + options.windowMs - now()) / 1000));
    },
    recordFailure(key: string): void {
      failures.set(key, [...recent(key), now()]);
    },
    reset(key: string): void {
      failures.delete(key);
    },
  };
}
