// Group commit for ballots: ballots that arrive together (within one turn of the event loop, or while a
// batch's transaction runs) go in one transaction. A burst of N ballots costs a few transactions
// instead of N; a lone ballot waits one event-loop turn, no timer.

export type JobResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** At most this many jobs share a transaction, so one batch never holds the database for long. */
export const MAX_BATCH = 100;

/**
 * `run` handles a batch and answers one result per job, in order. If it throws instead (the whole
 * transaction failed), each job of that batch is retried alone, so one bad job fails only itself.
 */
export function createBatchQueue<J, R>(run: (jobs: J[]) => Promise<Array<JobResult<R>>>) {
  type Waiting = { job: J; resolve: (value: R) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let draining = false;

  async function settle(batch: Waiting[]) {
    let results: Array<JobResult<R>>;
    try {
      results = await run(batch.map((w) => w.job));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await settle([w]);
      return;
    }
    batch.forEach((w, i) => {
      const result = results[i]!;
      if (result.ok) w.resolve(result.value);
      else w.reject(result.error);
    });
  }

  async function drain() {
    try {
      while (waiting.length) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(MAX_BATCH);
        await settle(batch);
      }
    } finally {
      draining = false;
    }
  }

  return {
    push(job: J): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        if (draining) return;
        draining = true;
        // One turn of the event loop first: requests already received get to join this batch. (A
        // transaction on the embedded database never yields, so without this no batch would form.)
        setImmediate(() => void drain());
      });
    },
  };
}
