import { describe, expect, it } from "vitest";
import { createFailureLimiter } from "../../server/auth/rate-limit.js";

const MINUTE = 60_000;

function limiterWithClock(maxFailures = 3, windowMs = 15 * MINUTE) {
  const clock = { now: 1_000_000 };
  const limiter = createFailureLimiter({ maxFailures, windowMs, now: () => clock.now });
  return { limiter, clock };
}

describe("createFailureLimiter", () => {
  it("lets a key try while it has fewer failures than the maximum", () => {
    const { limiter } = limiterWithClock(3);
    expect(limiter.retryAfterSeconds("email:a")).toBe(0);
    limiter.recordFailure("email:a");
    limiter.recordFailure("email:a");
    expect(limiter.retryAfterSeconds("email:a")).toBe(0);
  });

  it("refuses a key at the maximum until the window has passed since the oldest counted failure", () => {
    const { limiter, clock } = limiterWithClock(3, 15 * MINUTE);
    limiter.recordFailure("email:a");
    clock.now += 1 * MINUTE;
    limiter.recordFailure("email:a");
    clock.now += 1 * MINUTE;
    limiter.recordFailure("email:a");
    // Oldest failure was 2 minutes ago: 13 minutes left.
    expect(limiter.retryAfterSeconds("email:a")).toBe(13 * 60);
    clock.now += 13 * MINUTE - 1_000;
    expect(limiter.retryAfterSeconds("email:a")).toBe(1);
    clock.now += 1_000;
    // The oldest failure has left the window; two remain, below the maximum.
    expect(limiter.retryAfterSeconds("email:a")).toBe(0);
  });

  it("rounds a wait up to whole seconds and never answers less than one second", () => {
    const { limiter, clock } = limiterWithClock(1, 10_000);
    limiter.recordFailure("k");
    clock.now += 9_999;
    expect(limiter.retryAfterSeconds("k")).toBe(1);
    clock.now -= 8_500;
    expect(limiter.retryAfterSeconds("k")).toBe(9);
  });

  it("counts only the most recent failures once there are more than the maximum", () => {
    const { limiter, clock } = limiterWithClock(2, 10 * MINUTE);
    limiter.recordFailure("k"); // t = 0
    clock.now += 4 * MINUTE;
    limiter.recordFailure("k"); // t = 4
    clock.now += 4 * MINUTE;
    limiter.recordFailure("k"); // t = 8
    // The wait runs from the 2nd-newest failure (t = 4): until t = 14, 6 minutes from now.
    expect(limiter.retryAfterSeconds("k")).toBe(6 * 60);
  });

  it("keeps keys apart", () => {
    const { limiter } = limiterWithClock(2);
    limiter.recordFailure("email:a");
    limiter.recordFailure("email:a");
    expect(limiter.retryAfterSeconds("email:a")).toBeGreaterThan(0);
    expect(limiter.retryAfterSeconds("email:b")).toBe(0);
    expect(limiter.retryAfterSeconds("ip:1.2.3.4")).toBe(0);
  });

  it("forgets a key's failures on reset", () => {
    const { limiter } = limiterWithClock(2);
    limiter.recordFailure("email:a");
    limiter.recordFailure("email:a");
    limiter.reset("email:a");
    expect(limiter.retryAfterSeconds("email:a")).toBe(0);
    limiter.recordFailure("email:a");
    expect(limiter.retryAfterSeconds("email:a")).toBe(0);
  });

  it("drops failures older than the window", () => {
    const { limiter, clock } = limiterWithClock(2, 5 * MINUTE);
    limiter.recordFailure("k");
    clock.now += 6 * MINUTE;
    limiter.recordFailure("k");
    expect(limiter.retryAfterSeconds("k")).toBe(0);
    limiter.recordFailure("k");
    expect(limiter.retryAfterSeconds("k")).toBe(5 * 60);
  });
});
