// The browser's one socket.io connection. Components subscribe to server events with
// useRealtimeEvent and to rooms with useRoom. The provider keeps the set of rooms the page wants; after
// a reconnect it joins them all again and only once every join is confirmed refetches every query, so
// nothing published between the refetch and the join can be missed. useConnection says whether the
// page is live, still connecting, or reconnecting after a drop (what the banner and presence show).
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type {
  ClientToServerEvents,
  RoomRef,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
} from "../../../server/realtime/realtime.events";

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** "connecting": never connected yet; "live": connected and rooms rejoined; "reconnecting": was live, dropped. */
export type ConnectionStatus = "connecting" | "live" | "reconnecting";

type RoomEntry = { ref: RoomRef; listeners: Set<{ current: (() => void) | undefined }> };

type Realtime = {
  socket: AppSocket;
  status: ConnectionStatus;
  /** Wants a room while mounted; `onJoined` runs after each confirmed join (first join and every rejoin). */
  want(ref: RoomRef, onJoined: { current: (() => void) | undefined }): () => void;
};

const RealtimeContext = createContext<Realtime | null>(null);

const roomKey = (ref: RoomRef) => `${ref.kind}:${ref.id}`;
/** A join the server never answers must not hold the catch-up back for ever. */
const JOIN_TIMEOUT_MS = 10_000;

export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [realtime, setRealtime] = useState<Omit<Realtime, "status"> | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    // WebSocket only: its handshake always carries an Origin header, which the server checks.
    const s: AppSocket = io({ transports: ["websocket"], withCredentials: true });
    const rooms = new Map<string, RoomEntry>();
    let connectedBefore = false;

    const join = (entry: RoomEntry, notify = true) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, JOIN_TIMEOUT_MS);
        s.emit("room:join", entry.ref, (result) => {
          clearTimeout(timer);
          if (result.ok && notify) for (const l of entry.listeners) l.current?.();
          resolve();
        });
      });

    s.on("connect", () => {
      const isReconnect = connectedBefore;
      connectedBefore = true;
      // Rejoin first; refetch once every room is joined again (events from then on reach us). On a
      // reconnect that refetch is every query, so the rooms' own catch-up is not needed as well.
      void Promise.all([...rooms.values()].map((entry) => join(entry, !isReconnect))).then(() => {
        if (!s.connected) return;
        setStatus("live");
        if (isReconnect) void queryClient.invalidateQueries();
      });
    });
    let sessionEnded = false;
    s.on("session:ended", () => {
      sessionEnded = true;
      window.location.assign("/signin");
    });
    s.on("disconnect", (reason) => {
      setStatus(connectedBefore ? "reconnecting" : "connecting");
      // The server drops a socket when the user's access changed: reconnect, and rooms are checked again.
      if (reason === "io server disconnect" && !sessionEnded) s.connect();
    });

    const want: Realtime["want"] = (ref, onJoined) => {
      const key = roomKey(ref);
      let entry = rooms.get(key);
      if (!entry) {
        entry = { ref, listeners: new Set() };
        rooms.set(key, entry);
        entry.listeners.add(onJoined);
        if (s.connected) void join(entry);
      } else {
        entry.listeners.add(onJoined);
        // Already joined for another component: this one still learns that it is in the room.
        if (s.connected) onJoined.current?.();
      }
      const held = entry;
      return () => {
        held.listeners.delete(onJoined);
        if (held.listeners.size > 0 || rooms.get(key) !== held) return;
        rooms.delete(key);
        if (s.connected) s.emit("room:leave", ref, () => {});
      };
    };
    setRealtime({ socket: s, want });
    return () => {
      s.disconnect();
      setRealtime(null);
      setStatus("connecting");
    };
  }, [enabled, queryClient]);

  const value = useMemo(() => (realtime ? { ...realtime, status } : null), [realtime, status]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** Calls `handler` for every `event` the server sends this client, while the component is mounted. */
export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayload<E>) => void) {
  const socket = useContext(RealtimeContext)?.socket ?? null;
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: ServerEventPayload<E>) => latest.current(payload);
    const s = socket as unknown as { on: (e: string, l: typeof listener) => void; off: (e: string, l: typeof listener) => void };
    s.on(event, listener);
    return () => s.off(event, listener);
  }, [socket, event]);
}

/**
 * Joins a room while mounted (and again after every reconnect). `onJoined` runs each time the server
 * confirms the join: events sent between the page's load and the join were missed, so refetch there.
 */
export function useRoom(ref: RoomRef | null, onJoined?: () => void) {
  const realtime = useContext(RealtimeContext);
  const want = realtime?.want;
  const kind = ref?.kind;
  const id = ref?.id;
  const joined = useRef(onJoined);
  joined.current = onJoined;
  useEffect(() => {
    if (!want || !kind || !id) return;
    return want({ kind, id } as RoomRef, joined);
  }, [want, kind, id]);
}

/** Where the connection stands (see ConnectionStatus); "connecting" while realtime is off. */
export function useConnection(): ConnectionStatus {
  return useContext(RealtimeContext)?.status ?? "connecting";
}

/** True while the socket is connected and its rooms are joined (for a small "live" indicator). */
export function useIsLive() {
  return useConnection() === "live";
}
