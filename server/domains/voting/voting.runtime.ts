// Per-process state of the voting domain that is only an optimization, built once in app.ts and
// handed to use cases as `deps.voting`: the ballots' group commit (ballots arriving together share a
// transaction) and the live-tally throttle. Neither holds anything another process needs: the truth
// is the database (row locks, tallyVersion), and losing this state loses nothing.
import type { AppDeps } from "../../deps.js";
import { recordBallots, type BallotJob, type CastReceipt } from "./ballots.js";
import { createBatchQueue } from "./batch-queue.js";
import { createTallyPublisher } from "./tally-publisher.js";

export type VotingRuntime = ReturnType<typeof createVotingRuntime>;

export function createVotingRuntime(deps: Pick<AppDeps, "db" | "outbox" | "realtime">) {
  const tallies = createTallyPublisher(deps.realtime);
  const ballots = createBatchQueue<BallotJob, CastReceipt>((batch) => recordBallots({ db: deps.db, outbox: deps.outbox, tallies }, batch));
  return { ballots, tallies };
}
