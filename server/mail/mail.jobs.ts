// The mail jobs (registered in server/services.ts): a notification's mail, the hourly digest fan-out and
// one person's digest, and direct mails. The transport is chosen once per process from the config.
import type { AppDeps } from "../deps.js";
import { scheduleJobs, type JobHandlers } from "../jobs/jobs.js";
import { createMailer } from "./mailer.js";
import { createMailTransport, type MailTransport } from "./transport.js";

export function mailJobHandlers(
  deps: Pick<AppDeps, "db" | "config" | "logger">,
  options: { now?: () => Date; transport?: MailTransport } = {},
): Pick<JobHandlers, "mail:notification" | "mail:digest" | "mail:send"> {
  const transport = options.transport ?? createMailTransport(deps);
  const mailer = createMailer({ ...deps, transport, now: options.now });
  return {
    "mail:notification": ({ notificationId }) => mailer.sendNotification(notificationId),
    "mail:digest": async ({ userId, day }) => {
      if (userId && day) return mailer.sendDigest(userId, day);
      const due = await mailer.dueDigests();
      await scheduleJobs(deps.db, "mail:digest", due.map(({ userId, day }) => ({ payload: { userId, day }, key: `digest:${userId}:${day}` })));
    },
    "mail:send": (payload) => mailer.sendDirect(payload),
  };
}
