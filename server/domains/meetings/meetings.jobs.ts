// The background jobs of meetings, gathered with the other domains' in server/services.ts.
import type { AppDeps } from "../../deps.js";
import type { JobHandlers } from "../../jobs/jobs.js";
import { endCaucus } from "./live.js";

export function meetingsJobHandlers(deps: Pick<AppDeps, "db" | "outbox">) {
  return {
    /** A caucus's time is up (scheduled by callCaucus, removed by resuming early or adjourning). */
    "meetings:caucusEnd": (payload) => endCaucus(deps, payload),
  } satisfies Pick<JobHandlers, "meetings:caucusEnd">;
}
