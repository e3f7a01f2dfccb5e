// The sign-in limiter's rules, on its in-memory store (the PostgreSQL store is the same library class
// with another backend; tests/integration/identity*.test.ts and the three-process test use that one).
import { describe, expect, it } from "vitest";
import { createSignInLimiter, failureDelayMs, MAX_DELAY_MS, type SignInVerdict } from "../../server/auth/rate-limit.js";

const limiter = ({ pair = 3, address = 10, windowSeconds = 900 } = {}) =>
  createSignInLimiter({ pool: null, perPair: { attempts: pair, windowSeconds }, perAddress: { attempts: address, windowSeconds } });
const from = (ip: string, email = "owner@example.org") => ({ email, ip });
const allowed = (v: SignInVerdict) => v.allowed;

describe("failureDelayMs", () => {
  it("does not slow a first attempt, then grows with each failure up to a cap of about two seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 50, 10_000].map(failureDelayMs)).toEqual([0, 250, 500, 1_000, 2_000, 2_000, 2_000, 2_000]);
    expect(MAX_DELAY_MS).toBe(2_000);
  });
});

describe("createSignInLimiter", () => {
  it("lets a pair make its attempts, slowing each after a failure, then refuses with the seconds to wait", async () => {
    const l = limiter({ pair: 3 });
    expect(await l.attempt(from("1.1.1.1"))).toEqual({ allowed: true, delayMs: 0 });
    expect(await l.attempt(from("1.1.1.1"))).toEqual({ allowed: true, delayMs: 250 });
    expect(await l.attempt(from("1.1.1.1"))).toEqual({ allowed: true, delayMs: 500 });
    const refused = await l.attempt(from("1.1.1.1"));
    expect(refused).toMatchObject({ allowed: false, scope: "pair" });
    if (refused.allowed) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(890);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
  });

  it("never locks the account: the same e-mail from another address is neither refused nor slowed", async () => {
    const l = limiter({ pair: 3 });
    for (let i = 0; i < 10; i++) await l.attempt(from("6.6.6.6"));
    expect((await l.attempt(from("6.6.6.6"))).allowed).toBe(false);
    expect(await l.attempt(from("2.2.2.2"))).toEqual({ allowed: true, delayMs: 0 });
  });

  it("limits an address across e-mails (password spraying), whatever each pair's count", async () => {
    const l = limiter({ pair: 3, address: 10 });
    for (let i = 0; i < 10; i++) expect(await l.attempt(from("7.7.7.7", `guess-${i}@example.org`))).toEqual({ allowed: true, delayMs: 0 });
    expect(await l.attempt(from("7.7.7.7", "another@example.org"))).toMatchObject({ allowed: false, scope: "address" });
    expect((await l.attempt(from("8.8.8.8", "another@example.org"))).allowed).toBe(true);
  });

  it("counts attempts made at the same moment: parallel guesses cannot all pass", async () => {
    const l = limiter({ pair: 5, address: 100 });
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => l.attempt(from("1.1.1.1"))));
    expect(verdicts.filter(allowed)).toHaveLength(5);
    // Each of the five that pass waits according to how many went before it.
    expect(verdicts.filter(allowed).map((v) => (v.allowed ? v.delayMs : -1)).sort((a, b) => a - b)).toEqual([0, 250, 500, 1_000, 2_000]);
  });

  it("forgets a pair's failures on success and gives the address its point back", async () => {
    const l = limiter({ pair: 3, address: 4 });
    await l.attempt(from("1.1.1.1")); // a wrong password
    await l.attempt(from("1.1.1.1")); // another
    expect(await l.attempt(from("1.1.1.1"))).toEqual({ allowed: true, delayMs: 500 }); // the right one…
    await l.succeeded(from("1.1.1.1"));
    // …so the pair starts over, without delay, and the address has spent only the two failures.
    expect(await l.attempt(from("1.1.1.1"))).toEqual({ allowed: true, delayMs: 0 });
    expect(await l.attempt(from("1.1.1.1", "other@example.org"))).toEqual({ allowed: true, delayMs: 0 });
    expect(await l.attempt(from("1.1.1.1", "third@example.org"))).toMatchObject({ allowed: false, scope: "address" });
  });

  it("keeps e-mails apart, and handles the longest e-mail an account may have", async () => {
    const l = limiter({ pair: 1 });
    const longest = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(longest).toHaveLength(254);
    expect((await l.attempt(from("1.1.1.1", longest))).allowed).toBe(true);
    expect((await l.attempt(from("1.1.1.1", longest))).allowed).toBe(false);
    expect((await l.attempt(from("1.1.1.1", "b@example.org"))).allowed).toBe(true);
  });

  it("lets a pair try again once its window has passed", async () => {
    const l = limiter({ pair: 1, windowSeconds: 1 });
    await l.attempt(from("1.1.1.1"));
    expect((await l.attempt(from("1.1.1.1"))).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await l.attempt(from("1.1.1.1"))).allowed).toBe(true);
  });
});
