// The voting domain's background jobs (graphile-worker, server/jobs/jobs.ts), gathered in
// server/services.ts. Scheduled in the transaction that opens a vote, keyed per motion, cancelled in
// the one that closes it; each handler is idempotent (see deadlines.ts).
import type { AppDeps } from "../../deps.js";
import type { JobHandlers } from "../../jobs/jobs.js";
import { closeVoteAtDeadline, remindVoters } from "./deadlines.js";
import type { VoteLifecycleDeps } from "./vote-lifecycle.js";

/** `now` is the clock the handlers judge deadlines by (tests pass their own). */
export function votingJobHandlers(deps: VoteLifecycleDeps & Pick<AppDeps, "voting">, now: () => Date = () => new Date()) {
  return {
    "voting:deadline": async ({ motionId }) => void (await closeVoteAtDeadline(deps, { motionId, now: now() })),
    "voting:reminder": async ({ motionId }) => void (await remindVoters(deps, { motionId, now: now() })),
  } satisfies Pick<JobHandlers, "voting:deadline" | "voting:reminder">;
}
