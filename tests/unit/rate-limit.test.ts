// The sign-in limiter's rules, on its in-memory store (the PostgreSQL store is the same library class
// with another backend; tests/integration/identity.test.ts and the three-process test use that one).
import { describe, expect, it } from "vitest";
import { createSignInLimiter } from "../../server/auth/rate-limit.js";

const limiter = (maxAttempts = 3, windowSeconds = 900) => createSignInLimiter({ pool: null, maxAttempts, windowSeconds });

describe("createSignInLimiter", () => {
  it("lets a key make its attempts, then refuses the next with the seconds to wait", async () => {
    const l = limiter(3, 900);
    for (let i = 0; i < 3; i++) expect(await l.attempt(["email:a"])).toBe(0);
    const wait = await l.attempt(["email:a"]);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);
  });

  it("counts attempts made at the same moment: parallel guesses cannot all pass", async () => {
    const l = limiter(5);
    const waits = await Promise.all(Array.from({ length: 20 }, () => l.attempt(["email:a"])));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  it("answers the longest wait of the keys asked together", async () => {
    const l = limiter(1, 60);
    expect(await l.attempt(["email:a", "ip:1"])).toBe(0);
    expect(await l.attempt(["email:b", "ip:1"])).toBeGreaterThan(0);
    expect(await l.attempt(["email:c", "ip:2"])).toBe(0);
  });

  it("keeps keys apart", async () => {
    const l = limiter(1);
    await l.attempt(["email:a"]);
    expect(await l.attempt(["email:a"])).toBeGreaterThan(0);
    expect(await l.attempt(["email:b"])).toBe(0);
  });

  it("forgets a key on reset, and gives one attempt back on refund", async () => {
    const l = limiter(2);
    await l.attempt(["email:a", "ip:1"]);
    await l.attempt(["email:a", "ip:1"]);
    await l.reset(["email:a"]);
    await l.refund(["ip:1"]);
    expect(await l.attempt(["email:a"])).toBe(0);
    expect(await l.attempt(["ip:1"])).toBe(0);
    expect(await l.attempt(["ip:1"])).toBeGreaterThan(0);
  });

  it("lets a key try again once its window has passed", async () => {
    const l = limiter(1, 1);
    await l.attempt(["k"]);
    expect(await l.attempt(["k"])).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await l.attempt(["k"])).toBe(0);
  });
});
