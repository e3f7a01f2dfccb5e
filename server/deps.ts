// Everything a use case may need, built once per process in app.ts and handed to procedures as
// `ctx.deps`. A use case takes `(deps, { userId, input })` and names the slice it uses in its own type
// (e.g. `Pick<AppDeps, "db" | "access" | "outbox">`), so a test can call it with just that.
import type { Access } from "./access/access.js";
import type { AccountLimits } from "./auth/account-limits.js";
import type { SignInLimiter } from "./auth/rate-limit.js";
import type { SessionService } from "./auth/sessions.js";
import type { Config } from "./config.js";
import type { Db } from "./db.js";
import type { VotingRuntime } from "./domains/voting/voting.runtime.js";
import type { Logger } from "./logger.js";
import type { Realtime } from "./realtime/realtime.js";
import type { Outbox } from "./unit-of-work/outbox.js";

export type AppDeps = {
  db: Db;
  config: Config;
  logger: Logger;
  access: Access;
  /** Carries out a unit of work's effects after commit (use `inTransaction`, not this directly). */
  outbox: Outbox;
  /** Only for what is not a committed change's effect (socket rooms, presence); events go through the outbox. */
  realtime: Realtime;
  sessions: SessionService;
  limiter: SignInLimiter;
  /** Sign-up, password-reset and second-factor limits (server/auth/account-limits.ts). */
  accountLimits: AccountLimits;
  /** Voting's per-process optimizations: the ballots' group commit and the live-tally throttle. */
  voting: VotingRuntime;
};
