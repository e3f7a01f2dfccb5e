// The ballots' group commit: jobs that arrive together share a batch, each gets its own answer, and a
// batch that fails as a whole is retried job by job so only the bad job fails.
import { describe, expect, it } from "vitest";
import { createBatchQueue, MAX_BATCH, type JobResult } from "../../server/domains/voting/batch-queue.js";

const double = (jobs: number[]): Promise<Array<JobResult<number>>> => Promise.resolve(jobs.map((j) => ({ ok: true as const, value: j * 2 })));

describe("batch queue", () => {
  it("runs jobs pushed together as one batch and answers each in order", async () => {
    const batches: number[][] = [];
    const queue = createBatchQueue(async (jobs: number[]) => {
      batches.push(jobs);
      return double(jobs);
    });
    expect(await Promise.all([1, 2, 3].map((j) => queue.push(j)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("takes at most MAX_BATCH jobs at a time, and what arrives meanwhile goes in the next batch", async () => {
    const sizes: number[] = [];
    const queue = createBatchQueue(async (jobs: number[]) => {
      sizes.push(jobs.length);
      return double(jobs);
    });
    const jobs = Array.from({ length: MAX_BATCH + 5 }, (_, i) => i);
    await Promise.all(jobs.map((j) => queue.push(j)));
    expect(sizes).toEqual([MAX_BATCH, 5]);
    await queue.push(7);
    expect(sizes).toEqual([MAX_BATCH, 5, 1]);
  });

  it("rejects only the job its batch said was refused", async () => {
    const queue = createBatchQueue(async (jobs: number[]) =>
      jobs.map((j): JobResult<number> => (j < 0 ? { ok: false, error: new Error(`refused ${j}`) } : { ok: true, value: j })),
    );
    const results = await Promise.allSettled([1, -1, 2].map((j) => queue.push(j)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error("refused -1"));
  });

  it("retries each job alone when a whole batch fails, so one bad job fails only itself", async () => {
    const batches: number[][] = [];
    const queue = createBatchQueue(async (jobs: number[]) => {
      batches.push(jobs);
      if (jobs.includes(13)) throw new Error("the transaction failed");
      return double(jobs);
    });
    const results = await Promise.allSettled([1, 13, 2].map((j) => queue.push(j)));
    expect(results).toEqual([
      { status: "fulfilled", value: 2 },
      { status: "rejected", reason: new Error("the transaction failed") },
      { status: "fulfilled", value: 4 },
    ]);
    expect(batches).toEqual([[1, 13, 2], [1], [13], [2]]);
  });
});
