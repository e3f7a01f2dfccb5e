// Builds every domain service once, with its dependencies. Adding a domain adds a line here.
import type { Access } from "./access/access.js";
import type { SignInLimiter } from "./auth/rate-limit.js";
import type { SessionService } from "./auth/sessions.js";
import type { Config } from "./config.js";
import type { Db } from "./db.js";
import { createIdentityService } from "./domains/identity/identity.service.js";
import { createCaucusService } from "./domains/meetings/caucus.service.js";
import { createMeetingsService } from "./domains/meetings/meetings.service.js";
import { createNotificationsService } from "./domains/notifications/notifications.service.js";
import { createPartnershipsService } from "./domains/partnerships/partnerships.service.js";
import { createServicesService } from "./domains/services/services.service.js";
import { createVotingService } from "./domains/voting/voting.service.js";
import { createDraftsService } from "./domains/drafts/drafts.service.js";
import type { Logger } from "./logger.js";
import type { Realtime } from "./realtime/realtime.js";
import type { Outbox } from "./unit-of-work/outbox.js";
import type { JobHandlers } from "./jobs/jobs.js";

export type ServiceDeps = {
  db: Db;
  config: Config;
  logger: Logger;
  access: Access;
  sessions: SessionService;
  limiter: SignInLimiter;
  realtime: Realtime;
  outbox: Outbox;
};

export function createServices(deps: ServiceDeps) {
  const notifications = createNotificationsService(deps);
  const voting = createVotingService({ ...deps, notifications });
  return {
    identity: createIdentityService(deps),
    notifications,
    partnerships: createPartnershipsService({ ...deps, notifications }),
    meetings: createMeetingsService({ ...deps, notifications }),
    caucus: createCaucusService(deps),
    voting,
    drafts: createDraftsService({ ...deps, notifications, voting }),
    services: createServicesService({ ...deps, notifications }),
    /** The background jobs the domains run (see server/jobs/jobs.ts). */
    jobHandlers: {} satisfies Omit<JobHandlers, "outbox:sweep" | "maintenance:cleanup">,
  };
}

export type Services = ReturnType<typeof createServices>;
