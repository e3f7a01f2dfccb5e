// The root tRPC router: one line per domain.
import { identityRouter } from "../domains/identity/identity.router.js";
import { meetingsRouter } from "../domains/meetings/meetings.router.js";
import { votingRouter } from "../domains/voting/voting.router.js";
import { draftsRouter } from "../domains/drafts/drafts.router.js";
import { notificationsRouter } from "../domains/notifications/notifications.router.js";
import { partnershipsRouter } from "../domains/partnerships/partnerships.router.js";
import { servicesRouter } from "../domains/services/services.router.js";
import { participantsRouter } from "../domains/participants/participants.router.js";
import { preferencesRouter } from "../domains/preferences/preferences.router.js";
import { jointRouter } from "../domains/joint/joint.router.js";
import { homeRouter } from "../domains/home/home.router.js";
import { devMailRouter } from "../mail/dev-mail.router.js";
import { createCallerFactory, router } from "./trpc.js";

export const appRouter = router({
  identity: identityRouter,
  partnerships: partnershipsRouter,
  notifications: notificationsRouter,
  meetings: meetingsRouter,
  voting: votingRouter,
  drafts: draftsRouter,
  services: servicesRouter,
  participants: participantsRouter,
  preferences: preferencesRouter,
  joint: jointRouter,
  home: homeRouter,
  devMail: devMailRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
