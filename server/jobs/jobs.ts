// Background work in the database (graphile-worker, decision 0008): a job is a row written inside the
// transaction that makes it necessary, runs once across any number of processes, survives restarts and
// is retried with backoff when it fails. Every process runs a small worker pool.
import { AsyncLocalStorage } from "node:async_hooks";
import { Logger as WorkerLogger, run, runMigrations, type Runner, type Task, type TaskList } from "graphile-worker";
import type pg from "pg";
import type { Db, Tx } from "../db.js";
import type { Logger } from "../logger.js";
import type { DirectTemplateName, MailAddress } from "../mail/direct-mail.schema.js";
import type { Locale } from "../mail/templates/i18n.js";

/** The job whose handler is running in this async context (tests tell background work from the request they race). */
const runningJob = new AsyncLocalStorage<JobName>();
export const currentJob = (): JobName | undefined => runningJob.getStore();

/** Every job the app knows, with what its payload carries. */
export type JobPayloads = {
  /** Redo outbox rows that were committed but not dispatched (cron). */
  "outbox:sweep": Record<string, never>;
  /** Delete expired sessions and old dispatched outbox rows (cron). */
  "maintenance:cleanup": Record<string, never>;
  /** Close an electronic vote at its deadline (keyed `motion-deadline:<motionId>`). */
  "voting:deadline": { motionId: string };
  /** Remind the voters who have not voted, before the deadline (keyed `motion-reminder:<motionId>`). */
  "voting:reminder": { motionId: string };
  /** Bring everyone back from a caucus when its time is up (keyed `caucus-end:<meetingId>`). */
  "meetings:caucusEnd": { meetingId: string };
  /** Remind owners of open action items due within two days, once per item (cron, daily; backfilled a day). */
  "meetings:actionsDue": Record<string, never>;
  /** A joint change nobody answered lapses (keyed `joint-expire:<changeId>`, scheduled with the proposal). */
  "joint:expire": { changeId: string };
  /** Mail one notification to its recipient (scheduled by the outbox dispatcher, keyed by the notification's dedupe key). */
  "mail:notification": { notificationId: string };
  /**
   * Daily digests. Hourly from cron (no userId): schedules the digest of everyone whose local hour is
   * MAIL_DIGEST_HOUR. With a userId: sends that person's digest for their local `day` (keyed `digest:<userId>:<day>`).
   */
  "mail:digest": { userId?: string; day?: string };
  /** A direct mail asked for with `effects.mail` (keyed `mail:<outbox id>:<effect>`, also its delivery's key). */
  "mail:send": { deliveryKey: string; to: MailAddress; template: DirectTemplateName; data: unknown; locale: Locale };
};
export type JobName = keyof JobPayloads;
export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };

const CRONTAB = ["* * * * * outbox:sweep", "17 * * * * maintenance:cleanup", "0 * * * * mail:digest", "0 11 * * * meetings:actionsDue ?fill=1d"].join("\n");

/**
 * Adds a job inside `client`'s transaction (or on its own with the Db): it exists only if that
 * transaction commits. A `key` names the job so a later call replaces it (a new deadline) or
 * `cancelJob` removes it.
 */
export async function scheduleJob<N extends JobName>(
  client: Db | Tx,
  name: N,
  payload: JobPayloads[N],
  options: { runAt?: Date; key?: string; maxAttempts?: number } = {},
): Promise<void> {
  await client.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${name}::text,
    payload => ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.key ?? null}::text,
    max_attempts => ${options.maxAttempts ?? 10}::int
  )`;
}

/** Adds many jobs of one kind in one statement (inside `client`'s transaction), e.g. a mail per recipient. */
export async function scheduleJobs<N extends JobName>(
  client: Db | Tx,
  name: N,
  jobs: Array<{ payload: JobPayloads[N]; key?: string }>,
  options: { maxAttempts?: number; delaySeconds?: number } = {},
): Promise<void> {
  if (!jobs.length) return;
  await client.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${name}::text,
    payload => j.payload::json,
    run_at => now() + make_interval(secs => ${options.delaySeconds ?? 0}::int),
    job_key => j.key,
    max_attempts => ${options.maxAttempts ?? 10}::int
  ) FROM unnest(${jobs.map((j) => JSON.stringify(j.payload))}::text[], ${jobs.map((j) => j.key ?? null)}::text[]) AS j(payload, key)`;
}

/** Removes a keyed job that has not run yet (a vote closed early, a caucus ended by hand). */
export async function cancelJob(client: Db | Tx, key: string): Promise<void> {
  await client.$executeRaw`SELECT graphile_worker.remove_job(${key}::text)`;
}

/** Creates or upgrades the job queue's own tables (schema graphile_worker). Safe to run concurrently. */
export async function installJobQueue(pool: pg.Pool): Promise<void> {
  await runMigrations({ pgPool: pool, logger: workerLogger() });
}

export type JobRunner = { stop: () => Promise<void> };

export async function startJobRunner({
  pool,
  handlers,
  logger,
  concurrency = 2,
  pollInterval = 2_000,
}: {
  pool: pg.Pool;
  handlers: JobHandlers;
  logger: Logger;
  concurrency?: number;
  pollInterval?: number;
}): Promise<JobRunner> {
  const taskList: TaskList = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[JobName, (payload: never) => Promise<void>]>) {
    const task: Task = async (payload, helpers) => {
      try {
        await runningJob.run(name, () => handler((payload ?? {}) as never));
        logger.debug({ job: name, jobId: helpers.job.id, jobKey: helpers.job.key ?? null }, "job done");
      } catch (error) {
        logger.error({ err: error, job: name, jobId: helpers.job.id, attempt: helpers.job.attempts }, "job failed; it will be retried");
        throw error;
      }
    };
    taskList[name] = task;
  }
  const start = () =>
    run({
      pgPool: pool,
      taskList,
      crontab: CRONTAB,
      concurrency,
      pollInterval,
      noHandleSignals: true,
      logger: workerLogger(logger),
    });
  // graphile-worker stops its worker pool when it cannot record a job's completion (the database gone
  // or its pool exhausted for long): the runner's promise then rejects. Unwatched, that rejection ended
  // the whole process under load. Log it and start a new runner after a pause; a job whose completion
  // was lost runs again when its lock expires, and every handler is idempotent.
  let runner: Runner = await start();
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const supervise = (current: Runner) => {
    current.promise.catch((error: unknown) => {
      if (stopping) return;
      logger.error({ err: error }, "the job queue stopped; starting it again in a few seconds");
      restarting = (async () => {
        for (let attempt = 1; !stopping; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
          if (stopping) return;
          try {
            runner = await start();
            supervise(runner);
            logger.warn({ attempt }, "the job queue runs again");
            return;
          } catch (restartError) {
            logger.error({ err: restartError, attempt }, "the job queue could not start again; retrying");
          }
        }
      })();
    });
  };
  supervise(runner);
  return {
    async stop() {
      stopping = true;
      await restarting;
      await runner.stop().catch(() => {});
    },
  };
}

/** graphile-worker's own messages: warnings and errors go to our log, the rest is dropped. */
function workerLogger(logger?: Logger) {
  return new WorkerLogger((scope) => (level, message) => {
    if (!logger || (level !== "error" && level !== "warning")) return;
    logger[level === "error" ? "error" : "warn"]({ scope }, `job queue: ${message}`);
  });
}
