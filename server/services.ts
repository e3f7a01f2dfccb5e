// Builds the domain services that are still closures over their dependencies (one line each), and
// gathers the domains' background job handlers. Domains split into one function per use case are
// called by their routers with `ctx.deps` and need no line here.
import type { AppDeps } from "./deps.js";
import { createIdentityService } from "./domains/identity/identity.service.js";
import { meetingsJobHandlers } from "./domains/meetings/meetings.jobs.js";
import { createNotificationsService } from "./domains/notifications/notifications.service.js";
import { createPartnershipsService } from "./domains/partnerships/partnerships.service.js";
import { createVotingService } from "./domains/voting/voting.service.js";
import type { JobHandlers } from "./jobs/jobs.js";

export type ServiceDeps = AppDeps;

export function createServices(deps: ServiceDeps) {
  const notifications = createNotificationsService(deps);
  const voting = createVotingService({ ...deps, notifications });
  return {
    identity: createIdentityService(deps),
    notifications,
    partnerships: createPartnershipsService({ ...deps, notifications }),
    voting,
    /** The background jobs the domains run (see server/jobs/jobs.ts). */
    jobHandlers: {
      // Interim, until voting schedules its own jobs: the old sweep of every due vote.
      "voting:deadline": async () => void (await voting.runDueWork()),
      "voting:reminder": async () => void (await voting.runDueWork()),
      ...meetingsJobHandlers(deps),
    } satisfies Omit<JobHandlers, "outbox:sweep" | "maintenance:cleanup">,
  };
}

export type Services = ReturnType<typeof createServices>;
