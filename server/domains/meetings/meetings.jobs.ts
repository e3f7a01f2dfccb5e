// The background jobs of meetings, gathered with the other domains' in server/services.ts.
import type { AppDeps } from "../../deps.js";
import type { JobHandlers } from "../../jobs/jobs.js";
import { endCaucus } from "./live.js";
import { remindActionsDueSoon } from "./reminders.js";

export function meetingsJobHandlers(deps: Pick<AppDeps, "db" | "outbox">) {
  return {
    /** A caucus's time is up (scheduled by callCaucus, removed by resuming early or adjourning). */
    "meetings:caucusEnd": (payload) => endCaucus(deps, payload),
    /** Daily (cron): owners of open action items due within two days are reminded, once per item. */
    "meetings:actionsDue": async () => void (await remindActionsDueSoon(deps)),
  } satisfies Pick<JobHandlers, "meetings:caucusEnd" | "meetings:actionsDue">;
}
