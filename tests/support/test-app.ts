// The real server for integration tests: a private copy of the migrated PostgreSQL template, createAppServer without Remix
// on a free port (APP_ORIGIN matches it), and helpers to act as a signed-in user through the tRPC
// caller, through real HTTP requests to /api/trpc, and through real socket.io clients.
import { createHash } from "node:crypto";
import net from "node:net";
import { TRPCError } from "@trpc/server";
import { io as connectIo, type Socket } from "socket.io-client";
import superjson from "superjson";
import { ZodError } from "zod";
import { createAppServer, type AppServer } from "../../server/app.js";
import { loadConfig, type Config } from "../../server/config.js";
import { createDb, type Db } from "../../server/db.js";
import { AppError, type FieldErrors } from "../../server/errors.js";
import { createLogger } from "../../server/logger.js";
import type { ClientToServerEvents, ServerEventName, ServerEventPayload, ServerToClientEvents } from "../../server/realtime/realtime.events.js";
import { createCaller } from "../../server/trpc/router.js";
import { createTestDatabase, type TestDatabase } from "./test-db.js";

const HOST = "127.0.0.1";

/** The Session row's id for a session's cookie token: its SHA-256 in hex (the token itself is never stored). */
export const sessionRowId = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
export type SignedIn = Awaited<ReturnType<TestApp["signIn"]>>;

/**
 * Starts the app on a fresh copy of the template database (or on `database`, which the caller then
 * owns and removes). `env` overrides configuration values.
 */
export async function startTestApp(options: { database?: TestDatabase; env?: Record<string, string> } = {}) {
  const database = options.database ?? (await createTestDatabase());
  const { server, config, db, port } = await listenOnFreePort(database.url, options.env ?? {});
  const baseUrl = `http://${HOST}:${port}`;
  const sockets = new Set<TestSocket>();

  /** A real socket.io client; resolves once connected, rejects with the connect_error. */
  function connectSocket({ cookie, origin = config.appOrigin }: { cookie?: string; origin?: string } = {}): Promise<TestSocket> {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (origin) headers.origin = origin;
    const socket: TestSocket = connectIo(baseUrl, {
      transports: ["websocket"],
      extraHeaders: headers,
      forceNew: true,
      reconnection: false,
      timeout: 5_000,
    });
    sockets.add(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Starts a real session for a user (as sign-in does) and returns ways to act as them. */
  async function signIn(user: { id: string }) {
    const { session: started } = await server.sessions.start(user.id);
    const { session, user: sessionUser } = await server.sessions.validate(started.id);
    if (!session || !sessionUser) throw new Error("signIn: a session that was just started did not validate");
    const cookie = `${server.sessions.cookieName}=${session.id}`;
    return {
      user: sessionUser,
      session,
      cookie,
      trpc: createCaller({ user: sessionUser, session, services: server.services, deps: server.deps }),
      http: httpClient(baseUrl, { cookie, origin: config.appOrigin }),
      connect: (opts: { origin?: string } = {}) => connectSocket({ cookie, ...opts }),
    };
  }

  return {
    server,
    config,
    db,
    database,
    baseUrl,
    signIn,
    connectSocket,
    /** HTTP requests with no session (and our Origin unless told otherwise). */
    http: httpClient(baseUrl, { origin: config.appOrigin }),
    /** A tRPC caller with nobody signed in. */
    anonymous: createCaller({ user: null, session: null, services: server.services, deps: server.deps }),
    async close({ keepDatabase = Boolean(options.database) }: { keepDatabase?: boolean } = {}) {
      for (const socket of sockets) socket.close();
      await server.close();
      if (!keepDatabase) await database.remove();
    },
  };
}

async function listenOnFreePort(databaseUrl: string, env: Record<string, string>) {
  // The config needs the port (APP_ORIGIN, allowed origins) before the server exists, so reserve a
  // free port first; if another process takes it in between, try again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      PASSWORD_HASH_COST: "10",
      // A vote's mail goes at once, so tests need not wait for it (mail.vote-delay.test.ts sets a delay).
      VOTE_MAIL_DELAY_SECONDS: "0",
      LOG_LEVEL: "silent",
      PORT: String(port),
      HOST,
      APP_ORIGIN: `http://localhost:${port}`,
      ...env,
    });
    const db = createDb(databaseUrl, { poolSize: 5 });
    const server = await createAppServer({ config, logger: createLogger(config.LOG_LEVEL), db });
    try {
      await listen(server, port);
      return { server, config, db, port };
    } catch (error) {
      await server.close();
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 5) throw error;
    }
  }
}

function listen(server: AppServer, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.httpServer.once("error", reject);
    server.httpServer.listen(port, HOST, () => {
      server.httpServer.off("error", reject);
      resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// ─── HTTP ─────────────────────────────────────────────────────────────────────

export type TrpcHttpError = {
  code: string;
  message: string;
  httpStatus?: number;
  fieldErrors?: FieldErrors | null;
  stack?: string;
};
export type TrpcHttpResult = { status: number; data: unknown; error: TrpcHttpError | null; headers: Headers; raw: unknown };

type RequestOptions = { cookie?: string | null; origin?: string | null };

/** Real requests to /api/trpc in tRPC's wire format (superjson: `{ json: input }`). */
export function httpClient(baseUrl: string, defaults: RequestOptions) {
  function headersFor(options: RequestOptions, extra: Record<string, string> = {}) {
    const merged = { ...defaults, ...options };
    const headers: Record<string, string> = { ...extra };
    if (merged.cookie) headers.cookie = merged.cookie;
    if (merged.origin) headers.origin = merged.origin;
    return headers;
  }

  return {
    /** GET /api/trpc/<path>?input=… */
    async query(path: string, input?: unknown, options: RequestOptions = {}) {
      const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      const res = await fetch(`${baseUrl}/api/trpc/${path}${search}`, { headers: headersFor(options) });
      return parse(res);
    },
    /** POST /api/trpc/<path> with the input as superjson; `body` sends raw text instead. */
    async mutate(path: string, input?: unknown, options: RequestOptions & { body?: string } = {}) {
      const body = options.body ?? (input === undefined ? undefined : JSON.stringify(superjson.serialize(input)));
      const res = await fetch(`${baseUrl}/api/trpc/${path}`, {
        method: "POST",
        headers: headersFor(options, { "content-type": "application/json" }),
        body,
      });
      return parse(res);
    },
  };
}

async function parse(res: Response): Promise<TrpcHttpResult> {
  const text = await res.text();
  let raw: unknown = text;
  try {
    raw = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as {
    result?: { data?: Parameters<typeof superjson.deserialize>[0] };
    error?: Parameters<typeof superjson.deserialize>[0] | { code: string; message: string };
  };
  let error: TrpcHttpError | null = null;
  if (body.error) {
    if ("json" in body.error) {
      // A tRPC error: { message, code (JSON-RPC number), data: { code, httpStatus, fieldErrors, … } }
      const shape = superjson.deserialize<{ message: string; data: { code: string; httpStatus: number; fieldErrors: FieldErrors | null; stack?: string } }>(body.error);
      error = { message: shape.message, ...shape.data };
    } else {
      error = body.error as TrpcHttpError;
    }
  }
  const data = body.result?.data !== undefined ? superjson.deserialize(body.result.data) : undefined;
  return { status: res.status, data, error, headers: res.headers, raw };
}

// ─── sockets ──────────────────────────────────────────────────────────────────

/** The next `event` on a socket, or a rejection after `timeoutMs`. */
export function nextEvent<E extends ServerEventName>(socket: TestSocket, event: E, timeoutMs = 3_000): Promise<ServerEventPayload<E>> {
  return new Promise((resolve, reject) => {
    const listener = (payload: ServerEventPayload<E>) => {
      clearTimeout(timer);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      (socket.off as (event: string, fn: unknown) => void)(event, listener);
      reject(new Error(`No "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    (socket.once as (event: string, fn: unknown) => void)(event, listener);
  });
}

/** Every `event` the socket receives from now on, collected in order. */
export function collectEvents<E extends ServerEventName>(socket: TestSocket, event: E): ServerEventPayload<E>[] {
  const seen: ServerEventPayload<E>[] = [];
  (socket.on as (event: string, fn: unknown) => void)(event, (payload: ServerEventPayload<E>) => seen.push(payload));
  return seen;
}

/** The socket's disconnect reason, or a rejection after `timeoutMs`. */
export function nextDisconnect(socket: TestSocket, timeoutMs = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Socket still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export function joinRoom(socket: TestSocket, ref: Parameters<ClientToServerEvents["room:join"]>[0]) {
  return socket.timeout(3_000).emitWithAck("room:join", ref);
}

// ─── refusals and row counts ─────────────────────────────────────────────────

export type Refusal = { code: TRPCError["code"]; message: string; fieldErrors: FieldErrors | undefined; cause: unknown };

/** Awaits a call that must be refused and describes the refusal (fails the test if it succeeded). */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError ? (cause.flatten().fieldErrors as FieldErrors) : cause instanceof AppError ? cause.fieldErrors : undefined;
      return { code: error.code, message: error.message, fieldErrors, cause };
    }
    if (error instanceof AppError) {
      return { code: APP_TO_TRPC[error.code], message: error.message, fieldErrors: error.fieldErrors, cause: error };
    }
    throw error;
  }
  throw new Error(`Expected a refusal, but the call succeeded with ${JSON.stringify(result)}`);
}

const APP_TO_TRPC: Record<AppError["code"], TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
};

/** Row counts of every table a refused change could touch: compare before and after. */
export async function countRows(db: Db) {
  const [users, sessions, partnerships, organizations, memberships, bodies, bodySeats, invitations, notifications, auditEvents] =
    await Promise.all([
      db.user.count(),
      db.session.count(),
      db.partnership.count(),
      db.organization.count(),
      db.membership.count(),
      db.body.count(),
      db.bodySeat.count(),
      db.invitation.count(),
      db.notification.count(),
      db.auditEvent.count(),
    ]);
  return { users, sessions, partnerships, organizations, memberships, bodies, bodySeats, invitations, notifications, auditEvents };
}

/**
 * Every row of the domain tables (not sessions, which slide on use), ordered by id: equal before and
 * after a refused call means the refusal wrote nothing, neither an insert nor an update.
 */
export async function snapshotData(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [users, partnerships, organizations, memberships, bodies, bodySeats, invitations, notifications, auditEvents] = await Promise.all([
    db.user.findMany(byId),
    db.partnership.findMany(byId),
    db.organization.findMany(byId),
    db.membership.findMany(byId),
    db.body.findMany(byId),
    db.bodySeat.findMany(byId),
    db.invitation.findMany(byId),
    db.notification.findMany(byId),
    db.auditEvent.findMany(byId),
  ]);
  return { users, partnerships, organizations, memberships, bodies, bodySeats, invitations, notifications, auditEvents };
}

export type { Config, Db };
