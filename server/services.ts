// Builds the domain services that are still closures over their dependencies (one line each), and
// gathers the domains' background job handlers. Domains split into one function per use case are
// called by their routers with `ctx.deps` and need no line here.
import type { AppDeps } from "./deps.js";
import { meetingsJobHandlers } from "./domains/meetings/meetings.jobs.js";
import { createNotificationsService } from "./domains/notifications/notifications.service.js";
import { votingJobHandlers } from "./domains/voting/voting.jobs.js";
import type { JobHandlers } from "./jobs/jobs.js";

export type ServiceDeps = AppDeps;

export function createServices(deps: ServiceDeps) {
  const notifications = createNotificationsService(deps);
  return {
    /** Transitional: `notify` for the domains not yet on `effects.notify` (see notifications.service.ts). */
    notifications,
    /**
     * Interim: server/fixtures/seed.ts still passes `services.voting` to seedDemoVotes, which now takes
     * the voting use cases' deps. Remove once seed.ts passes the AppDeps itself.
     */
    voting: deps,
    /** The background jobs the domains run (see server/jobs/jobs.ts). */
    jobHandlers: {
      ...votingJobHandlers(deps),
      ...meetingsJobHandlers(deps),
    } satisfies Omit<JobHandlers, "outbox:sweep" | "maintenance:cleanup">,
  };
}

export type Services = ReturnType<typeof createServices>;
