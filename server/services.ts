// Gathers the domains' background job handlers (each domain is one function per use case, called by its
// router with `ctx.deps`).
import type { AppDeps } from "./deps.js";
import { meetingsJobHandlers } from "./domains/meetings/meetings.jobs.js";
import { votingJobHandlers } from "./domains/voting/voting.jobs.js";
import { jointJobHandlers } from "./domains/joint/joint.jobs.js";
import type { JobHandlers } from "./jobs/jobs.js";
import { mailJobHandlers } from "./mail/mail.jobs.js";

export type ServiceDeps = AppDeps;

export function createServices(deps: ServiceDeps) {
  return {
    /** The background jobs the domains run (see server/jobs/jobs.ts). */
    jobHandlers: {
      ...votingJobHandlers(deps),
      ...meetingsJobHandlers(deps),
      ...jointJobHandlers(deps),
      ...mailJobHandlers(deps),
    } satisfies Omit<JobHandlers, "outbox:sweep" | "maintenance:cleanup">,
  };
}

export type Services = ReturnType<typeof createServices>;
