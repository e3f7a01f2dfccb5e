// socket.io on the app's HTTP server. The handshake is authenticated with the session cookie and
// checked against the allowed origins; rooms are joined only through the permission layer, and
// publish() is the only way anything is emitted (services call it after their transaction commits).
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import type pg from "pg";
import { Server } from "socket.io";
import { z } from "zod";
import type { Access, DisplayFacts } from "../access/access.js";
import { hashSessionToken } from "../auth/lucia.js";
import type { SessionService } from "../auth/sessions.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import {
  displayLinkRoom,
  displayMirrorOf,
  isPresenceRoom,
  meetingDisplayRoom,
  sessionRoom,
  userRoom,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerEventPayload,
  type ServerToClientEvents,
  type Viewer,
} from "./realtime.events.js";

const RoomRefSchema = z.object({ kind: z.enum(["partnership", "meeting", "caucus", "motion", "draft"]), id: z.string().min(1).max(64) });

/** A person's socket (a session), or a room display's (a display link: one meeting, read-only). */
type SocketData = { userId: string; sessionId: string; name: string; display?: undefined } | { display: DisplayFacts; userId?: undefined; sessionId?: undefined; name?: undefined };
const DisplayAuthSchema = z.object({ displayToken: z.string().min(1).max(128) });

/**
 * Socket changes every process must make to its own sockets, asked of the others with an ack, so the
 * caller knows they are done before it publishes the event that follows (NOTIFYs on different
 * connections may otherwise arrive in either order).
 */
type ClusterEvents = {
  "cluster:endSession": (sessionId: string, ack: (done: true) => void) => void;
  "cluster:leaveRoom": (userId: string, room: string, ack: (done: true) => void) => void;
  "cluster:recheckRooms": (userId: string, ack: (done: true) => void) => void;
};
/** How long a process waits for the others' acks (and for fetchSockets answers). */
const CLUSTER_ACK_MS = 2_000;
export type Realtime = ReturnType<typeof createRealtime>;

export function createRealtime(
  httpServer: HttpServer,
  deps: { config: Config; logger: Logger; sessions: SessionService; access: Access; pool: pg.Pool | null },
) {
  const { config, logger, sessions, access, pool } = deps;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, ClusterEvents, SocketData>(httpServer, {
    serveClient: false,
    // WebSocket only: a handshake always carries Origin, and behind a load balancer no sticky sessions
    // are needed (a long-polling client would have to reach the same process every time).
    transports: ["websocket"],
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, typeof origin === "string" && config.allowedOrigins.includes(origin));
    },
  });

  // Several processes: every emit and room operation reaches the sockets of all of them through
  // PostgreSQL's LISTEN/NOTIFY (larger messages through the socket_io_attachments table).
  if (pool) {
    io.adapter(
      createAdapter(pool, {
        tableName: "socket_io_attachments",
        heartbeatInterval: 5_000,
        heartbeatTimeout: 15_000,
        errorHandler: (error) => logger.warn({ err: error }, "socket.io adapter error"),
      }),
    );
  }

  io.use(async (socket, next) => {
    try {
      // A room display presents its link's token instead of a session cookie.
      const displayAuth = DisplayAuthSchema.safeParse(socket.handshake.auth);
      if (displayAuth.success) {
        const display = await access.requireDisplay(displayAuth.data.displayToken).catch((error: unknown) => {
          if (error instanceof AppError) return null;
          throw error;
        });
        if (!display) return next(new Error("UNAUTHORIZED"));
        socket.data = { display };
        return next();
      }
      const sessionId = sessions.readSessionId(socket.request.headers.cookie);
      const { session, user } = await sessions.validate(sessionId);
      if (!session || !user) return next(new Error("UNAUTHORIZED"));
      socket.data = { userId: user.id, sessionId: session.id, name: user.name };
      next();
    } catch (error) {
      logger.error({ err: error }, "socket handshake failed");
      next(new Error("INTERNAL"));
    }
  });

  io.on("connection", (socket) => {
    if (socket.data.display) return connectDisplay(socket as unknown as DisplaySocket, socket.data.display);
    const { userId, sessionId } = socket.data as { userId: string; sessionId: string };
    // The session's room is named by its row id (the token's hash): no cookie's token travels through
    // the adapter's channel, and a session can be ended by its row id (sign out everywhere else).
    void socket.join([userRoom(userId), sessionRoom(hashSessionToken(sessionId))]);

    socket.on("room:join", async (raw, ack) => {
      if (typeof ack !== "function") return;
      const parsed = RoomRefSchema.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: { code: "BAD_REQUEST", message: "Unknown room." } });
      try {
        const room = await access.roomFor(userId, parsed.data);
        await socket.join(room);
        ack({ ok: true, data: undefined });
        if (isPresenceRoom(room)) await announcePresence(room);
      } catch (error) {
        if (error instanceof AppError) return ack({ ok: false, error: { code: error.code, message: error.message } });
        logger.error({ err: error, userId, socketId: socket.id }, "room:join failed");
        ack({ ok: false, error: { code: "INTERNAL", message: "Something went wrong." } });
      }
    });

    socket.on("room:leave", async (raw, ack) => {
      const parsed = RoomRefSchema.safeParse(raw);
      if (parsed.success) {
        // A caucus ref names the meeting, not the side: leave whichever side's caucus room the socket is in,
        // and only that (the meeting's own room stays joined).
        const { kind, id } = parsed.data;
        const rooms = [...socket.rooms].filter((r) =>
          kind === "caucus" ? r.startsWith(`meeting:${id}:caucus:`) : r === `${kind}:${id}`,
        );
        for (const room of rooms) await socket.leave(room);
        for (const room of rooms.filter(isPresenceRoom)) await announcePresence(room);
      }
      if (typeof ack === "function") ack({ ok: true, data: undefined });
    });

    socket.on("disconnecting", () => {
      const rooms = [...socket.rooms].filter(isPresenceRoom);
      // After the socket has left its rooms.
      setImmediate(() => rooms.forEach((room) => void announcePresence(room)));
    });
  });

  type DisplaySocket = {
    join: (rooms: string | string[]) => Promise<void> | void;
    on: (event: string, listener: (...args: unknown[]) => void) => void;
  };
  /** A room display: its meeting's mirror room and its link's room at once; motions of that meeting on request. */
  function connectDisplay(socket: DisplaySocket, display: DisplayFacts) {
    void socket.join([meetingDisplayRoom(display.meetingId), displayLinkRoom(display.linkId)]);
    socket.on("room:join", async (raw, ack) => {
      if (typeof ack !== "function") return;
      const reply = ack as (result: { ok: boolean; data?: undefined; error?: { code: string; message: string } }) => void;
      const parsed = RoomRefSchema.safeParse(raw);
      if (!parsed.success) return reply({ ok: false, error: { code: "BAD_REQUEST", message: "Unknown room." } });
      // The meeting's own room is already joined (as its mirror, without presence).
      if (parsed.data.kind === "meeting" && parsed.data.id === display.meetingId) return reply({ ok: true, data: undefined });
      try {
        await socket.join(await access.displayRoomFor(display, parsed.data));
        reply({ ok: true, data: undefined });
      } catch (error) {
        if (error instanceof AppError) return reply({ ok: false, error: { code: error.code, message: error.message } });
        logger.error({ err: error, display: display.linkId }, "display room:join failed");
        reply({ ok: false, error: { code: "INTERNAL", message: "Something went wrong." } });
      }
    });
  }

  // This process's own sockets, in order: the event is written before the connection closes.
  const endSessionHere = (sessionId: string) => {
    io.local.to(sessionRoom(sessionId)).emit("session:ended", {});
    io.local.in(sessionRoom(sessionId)).disconnectSockets(true);
  };
  const leaveRoomHere = (userId: string, room: string) => io.local.in(userRoom(userId)).socketsLeave(room);
  const recheckHere = (userId: string) => io.local.in(userRoom(userId)).disconnectSockets(true);
  if (pool) {
    io.on("cluster:endSession", (sessionId, ack) => (endSessionHere(sessionId), ack(true)));
    io.on("cluster:leaveRoom", (userId, room, ack) => (leaveRoomHere(userId, room), ack(true)));
    io.on("cluster:recheckRooms", (userId, ack) => (recheckHere(userId), ack(true)));
  }

  /** Does `here` in this process and asks every other process to do the same, waiting for their acks. */
  async function everywhere<E extends keyof ClusterEvents>(event: E, here: () => void, ...args: Parameters<ClusterEvents[E]> extends [...infer A, unknown] ? A : never) {
    here();
    if (!pool) return;
    try {
      const acks = (io.serverSideEmitWithAck as (event: string, ...args: unknown[]) => Promise<unknown[]>)(event, ...args);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no ack from every process within ${CLUSTER_ACK_MS} ms`)), CLUSTER_ACK_MS);
      });
      await Promise.race([acks, late]).finally(() => clearTimeout(timer));
    } catch (error) {
      // A process that did not answer in time is gone or stuck; its clients reconnect and rejoin through the permission layer.
      logger.warn({ err: error, event }, "not every process confirmed a socket change");
    }
  }

  /** Tells a room who is in it, from the sockets actually joined (works across processes with an adapter). */
  async function announcePresence(room: string) {
    const sockets = await io.in(room).fetchSockets();
    const viewers = new Map<string, Viewer>();
    for (const s of sockets) if (s.data.userId) viewers.set(s.data.userId, { userId: s.data.userId, name: s.data.name });
    io.to(room).emit("presence:changed", { room, viewers: [...viewers.values()].sort((a, b) => a.name.localeCompare(b.name)) });
  }

  return {
    io,
    publish<E extends ServerEventName>(room: string, event: E, payload: ServerEventPayload<E>) {
      // socket.io's typed emit cannot follow a generic event name; the signature above keeps callers typed.
      // The meeting's room is mirrored to its room displays (a socket in both gets it once).
      const mirror = displayMirrorOf(room);
      (io.to(mirror ? [room, mirror] : room).emit as (event: string, payload: unknown) => boolean)(event, payload);
    },
    /** How many of this process's sockets are in a room (a cost estimate for whoever publishes to it often). */
    localViewers: (room: string) => io.of("/").adapter.rooms.get(room)?.size ?? 0,
    /** Ends every socket opened with this session (its Session row id), in every process. */
    endSession: (sessionId: string) => everywhere("cluster:endSession", () => endSessionHere(sessionId), sessionId),
    /** Takes a user's sockets out of a room they may no longer read, in every process, before returning. */
    removeUserFromRoom: (userId: string, room: string) => everywhere("cluster:leaveRoom", () => leaveRoomHere(userId, room), userId, room),
    /**
     * After a user loses access (removed from a partnership or a body), drops their sockets; the
     * browser reconnects at once and rejoins only the rooms it may still read.
     */
    recheckUserRooms: (userId: string) => everywhere("cluster:recheckRooms", () => recheckHere(userId), userId),
    /** Ends the sockets of a revoked display link, in every process (they cannot come back: the link is refused). */
    endDisplay: (linkId: string) => io.in(displayLinkRoom(linkId)).disconnectSockets(true),
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
