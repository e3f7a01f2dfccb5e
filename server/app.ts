// Assembles the one HTTP server: Express with /healthz, tRPC at /api/trpc, socket.io, and Remix for
// every page. Tests build it without Remix (pass no build) and listen on port 0.
import { randomBytes } from "node:crypto";
import { createServer, type Server as HttpServer } from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { createAccess } from "./access/access.js";
import { createAccountLimits } from "./auth/account-limits.js";
import { createSignInLimiter, removeExpiredLimits } from "./auth/rate-limit.js";
import { createSessionService, type AuthSession, type SessionUser } from "./auth/sessions.js";
import type { Config } from "./config.js";
import type { AppDeps } from "./deps.js";
import { createPgPool, pingDb, type Db } from "./db.js";
import { limitBodies, rejectMalformedUrls, requireMatchingHost, requireOwnOrigin } from "./http/guards.js";
import { startJobRunner, type JobHandlers, type JobRunner } from "./jobs/jobs.js";
import { createOutbox } from "./unit-of-work/outbox.js";
import type { RemixLoadContext } from "./load-context.js";
import type { Logger } from "./logger.js";
import { createRealtime } from "./realtime/realtime.js";
import { createAttachmentsRouter } from "./domains/services/attachments.http.js";
import { createMeetingFilesRouter } from "./domains/meetings/documents.http.js";
import { createCurriculumPdfRouter } from "./domains/drafts/curriculum.pdf.js";
import { createPdfRenderer } from "./pdf/pdf.js";
import { createUnsubscribeRouter } from "./domains/preferences/unsubscribe.http.js";
import { devMailOnlyFromThisMachine } from "./mail/dev-mail.js";
import { createVotingRuntime } from "./domains/voting/voting.runtime.js";
import { removeSpentAccountLinks } from "./domains/identity/identity.api.js";
import { createServices } from "./services.js";
import type { TrpcContext } from "./trpc/context.js";
import { appRouter, createCaller } from "./trpc/router.js";

type Auth = { user: SessionUser | null; session: AuthSession | null };
type Locals = { auth: Auth; cspNonce: string };

/** The largest form or JSON body outside file uploads and tRPC (which has its own limit). */
const MAX_FORM_BYTES = 256 * 1024;
/** tRPC: the largest request body, and the most calls one batched request may carry. */
const MAX_TRPC_BODY_BYTES = 1024 * 1024;
const MAX_TRPC_BATCH = 20;

export async function createAppServer({
  config,
  logger,
  db,
  remixBuild,
  runJobs = true,
}: {
  config: Config;
  logger: Logger;
  db: Db;
  remixBuild?: ServerBuild;
  /** Run this process's share of the background jobs (the seed script does not). */
  runJobs?: boolean;
}) {
  if (!config.DATABASE_URL) throw new Error("createAppServer needs config.DATABASE_URL (server/index.ts resolves the embedded one)");
  const app = express();
  const httpServer: HttpServer = createServer(app);
  const pool = createPgPool(config.DATABASE_URL);
  const sessions = createSessionService({ db, config });
  const access = createAccess(db);
  const limiter = createSignInLimiter({
    pool,
    perPair: { attempts: config.SIGN_IN_MAX_FAILURES, windowSeconds: config.SIGN_IN_WINDOW_MINUTES * 60 },
    perAddress: { attempts: config.SIGN_IN_MAX_PER_ADDRESS, windowSeconds: config.SIGN_IN_WINDOW_MINUTES * 60 },
  });
  const accountLimits = createAccountLimits({ pool });
  const realtime = createRealtime(httpServer, { config, logger, sessions, access, pool });
  const outbox = createOutbox({ db, realtime, logger, mailDelays: { "vote.opened": config.VOTE_MAIL_DELAY_SECONDS } });
  const voting = createVotingRuntime({ db, outbox, realtime });
  const deps: AppDeps = { db, config, logger, access, sessions, limiter, accountLimits, realtime, outbox, voting };
  const services = createServices(deps);
  const pdf = createPdfRenderer({ chromiumPath: config.CHROMIUM_PATH, logger });
  const jobHandlers: JobHandlers = {
    "outbox:sweep": async () => void (await outbox.sweep()),
    "maintenance:cleanup": async () => {
      await sessions.removeExpired();
      await outbox.prune();
      await removeExpiredLimits(pool);
      await removeSpentAccountLinks(db);
    },
    ...services.jobHandlers,
  };
  // The job queue gets a pool of its own: its LISTEN connection and its workers never wait behind the
  // socket.io adapter or the limiters (sharing four connections, a load made it time out and stop).
  const jobsPool = runJobs ? createPgPool(config.DATABASE_URL, { poolSize: 4, applicationName: "jointly-jobs" }) : null;
  const jobs: JobRunner | null = jobsPool ? await startJobRunner({ pool: jobsPool, handlers: jobHandlers, logger }) : null;

  // While shutting down, every answer closes its connection, so keep-alive clients do not hold the
  // server open until their idle timeout (idle ones are closed below, in close()).
  let closing = false;
  app.use((_req, res, next) => {
    if (closing) res.setHeader("Connection", "close");
    next();
  });
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "connect-src": ["'self'", ...config.allowedOrigins.map((o) => o.replace(/^http/, "ws"))],
          "upgrade-insecure-requests": config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  // Not a tRPC mutation's answer: a few hundred bytes that tRPC writes without a Content-Length, so
  // compression's size threshold cannot see them, and a gzip stream per answer cost about 0.6 ms of
  // CPU each (5% of a ballot's, `npm run bench:votes`) to save a couple of hundred bytes.
  // Brotli's default window (4 MiB) is allocated and cleared for every response. A 256 KiB window
  // compresses our pages the same (a rare longer one a little less) and halves that set-up (~0.2 ms).
  app.use(
    compression({
      filter: (req, res) => !(req.method === "POST" && (req as Request).originalUrl.startsWith("/api/trpc/")) && compression.filter(req, res),
      brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } },
    }),
  );

  app.get("/healthz", async (_req, res) => {
    try {
      await pingDb(db);
      res.json({ ok: true });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ ok: false });
    }
  });

  app.use(rejectMalformedUrls);
  // Static files need no session: served before it is read.
  if (remixBuild) {
    const publicDir = path.resolve("public");
    app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
    // The other public files (favicon…) by name: a static handler for every path would look on disk for
    // each page and API call first.
    const publicFiles = new Set(fs.readdirSync(publicDir, { withFileTypes: true }).flatMap((e) => (e.isFile() ? [`/${e.name}`] : [])));
    const servePublic = express.static(publicDir, { maxAge: "1h" });
    app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));
  }
  app.use(limitBodies({ maxBytes: MAX_FORM_BYTES, ownLimits: ["/api/services/", "/api/meetings/", "/api/trpc"] }));
  app.use(requireOwnOrigin({ config, logger }));

  // Who is asking: the session cookie, validated once per request.
  app.use(async (req, res, next) => {
    try {
      const { session, user, cookie } = await sessions.validate(sessions.readSessionId(req.headers.cookie));
      if (cookie) res.append("Set-Cookie", cookie);
      (res.locals as Locals).auth = { user, session };
      if (user) res.setHeader("Cache-Control", "private, no-store");
      next();
    } catch (error) {
      next(error);
    }
  });

  // A GET changes nothing, so its loaders and queries may share what they learn of the asker: their
  // member facts are read once per partnership for the whole request (a partnership page asks in each
  // of its three or four loaders). Anything else sees every change, including its own.
  const depsFor = (req: Request): AppDeps => (req.method === "GET" ? { ...deps, access: createAccess(db, { rememberMembers: true }) } : deps);
  const contextFor = (req: Request, res: Response): TrpcContext => ({ ...(res.locals as Locals).auth, services, deps: depsFor(req), clientIp: req.ip ?? "unknown" });

  // One-click unsubscribe (RFC 8058): POSTed by mail clients, so exempt from the Origin check (guards.ts).
  app.use(createUnsubscribeRouter({ deps }));

  // Supportive-service attachments (raw file bodies), behind the Origin check and the session above.
  app.use("/api/services", createAttachmentsRouter({ deps, logger, maxBytes: config.MAX_ATTACHMENT_BYTES }));
  // Agenda documents (raw file bodies) and the meeting's PDFs; the adopted curriculum's PDF.
  app.use("/api/meetings", createMeetingFilesRouter({ deps, logger, maxBytes: config.MAX_ATTACHMENT_BYTES, pdf }));
  app.use("/api/drafts", createCurriculumPdfRouter({ deps, logger, pdf }));

  // The local outbox shows every mail (reset links too): only to this machine.
  app.use("/api/trpc", devMailOnlyFromThisMachine);
  app.use(
    "/api/trpc",
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_TRPC_BODY_BYTES,
      maxBatchSize: MAX_TRPC_BATCH,
      createContext: ({ req, res }) => contextFor(req, res),
      onError({ error, path: procedure, ctx }) {
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, procedure, userId: ctx?.user?.id }, "procedure failed");
      },
    }),
  );

  if (remixBuild) {
    app.use(requireMatchingHost);
    app.all(
      "*",
      createRequestHandler({
        build: remixBuild,
        mode: config.NODE_ENV === "production" ? "production" : "development",
        getLoadContext: (req, res): RemixLoadContext => {
          const ctx = contextFor(req, res);
          return {
            ...ctx,
            trpc: createCaller(ctx),
            clientIp: req.ip ?? "unknown",
            cspNonce: (res.locals as Locals).cspNonce,
          };
        },
      }),
    );
  }

  // Last resort: log with context, answer without stack, SQL or model names.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, method: req.method, url: req.originalUrl }, "request failed");
    if (!res.headersSent) res.status(500).json({ error: { code: "INTERNAL", message: "Something went wrong." } });
  });

  async function listen(port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(port, host, () => {
        httpServer.off("error", reject);
        resolve();
      });
    });
    const address = httpServer.address();
    return typeof address === "object" && address ? address.port : port;
  }

  /** Stop accepting, close sockets (socket.io closes the HTTP server too), stop the jobs, then the database. */
  async function close() {
    closing = true;
    const closeIdle = setInterval(() => httpServer.closeIdleConnections(), 100);
    httpServer.closeIdleConnections();
    await realtime.close();
    clearInterval(closeIdle);
    await jobs?.stop();
    await jobsPool?.end();
    await pdf.close();
    await pool.end();
    await db.$disconnect();
  }

  return { app, httpServer, deps, services, realtime, sessions, access, outbox, jobHandlers, pdf, listen, close };
}


export type AppServer = Awaited<ReturnType<typeof createAppServer>>;
