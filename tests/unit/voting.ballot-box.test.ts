// The sealing of secret ballots (decision 0010): keys derived per motion from the server's secret, boxes
// of one size that open only with their own key, and the shuffle that stores a batch's boxes in no one's
// arrival order.
import { describe, expect, it } from "vitest";
import { BOX_BYTES, deriveBallotKeys, encodeBallot, openBallot, PLAINTEXT_BYTES, sameKey, sealBallot, shuffled, type SealedChoice } from "../../server/domains/voting/ballot-box.js";
import { CHOICES } from "../../server/domains/voting/voting.rules.js";

const SECRET = "a-test-secret-of-at-least-32-characters";
const ALL: SealedChoice[] = (["LABOR", "MANAGEMENT", "NEUTRAL"] as const).flatMap((side) => CHOICES.map((choice) => ({ side, choice })));

describe("ballot keys", () => {
  it("are the same for the same secret and motion, in any process, and differ for another motion or secret", async () => {
    const keys = await deriveBallotKeys(SECRET, "motion-a");
    expect(sameKey((await deriveBallotKeys(SECRET, "motion-a")).publicKey, keys.publicKey)).toBe(true);
    expect(sameKey((await deriveBallotKeys(SECRET, "motion-b")).publicKey, keys.publicKey)).toBe(false);
    expect(sameKey((await deriveBallotKeys(`${SECRET}!`, "motion-a")).publicKey, keys.publicKey)).toBe(false);
    expect(keys.publicKey).toHaveLength(32);
    expect(keys.privateKey).toHaveLength(32);
  });
});

describe("sealed ballots", () => {
  const keys = deriveBallotKeys(SECRET, "motion-a");

  it("pad every side and choice to one plaintext size, so every box has one length", async () => {
    for (const ballot of ALL) {
      expect(await encodeBallot(ballot)).toHaveLength(PLAINTEXT_BYTES);
      expect(await sealBallot((await keys).publicKey, ballot)).toHaveLength(BOX_BYTES);
    }
    expect(BOX_BYTES).toBe(80);
  });

  it("open to what was sealed with the vote's own keys", async () => {
    for (const ballot of ALL) expect(await openBallot(await keys, await sealBallot((await keys).publicKey, ballot))).toEqual(ballot);
  });

  it("are unrelated for equal ballots (a fresh ephemeral key each time)", async () => {
    const a = await sealBallot((await keys).publicKey, { side: "LABOR", choice: "YES" });
    const b = await sealBallot((await keys).publicKey, { side: "LABOR", choice: "YES" });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it("do not open with another motion's keys, another secret's, or after a bit is flipped", async () => {
    const box = await sealBallot((await keys).publicKey, { side: "MANAGEMENT", choice: "NO" });
    await expect(openBallot(await deriveBallotKeys(SECRET, "motion-b"), box)).rejects.toThrow();
    await expect(openBallot(await deriveBallotKeys("another-secret-of-at-least-32-chars", "motion-a"), box)).rejects.toThrow();
    const flipped = Uint8Array.from(box);
    flipped[40]! ^= 1;
    await expect(openBallot(await keys, flipped)).rejects.toThrow();
    await expect(openBallot(await keys, box.slice(0, 79))).rejects.toThrow();
  });
});

describe("shuffled", () => {
  it("is a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(shuffled(items).sort((a, b) => a - b)).toEqual(items);
    expect(shuffled([])).toEqual([]);
  });

  it("gives every order of four ballots about equally often", () => {
    const runs = 24_000;
    const seen = new Map<string, number>();
    for (let i = 0; i < runs; i++) {
      const key = shuffled(["a", "b", "c", "d"]).join("");
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(24);
    // Each order's expected count is 1000 (σ ≈ 31): ±20% is more than six σ, yet catches a biased shuffle.
    for (const count of seen.values()) expect(Math.abs(count - runs / 24)).toBeLessThan(200);
  });
});
