// The browser's one socket.io connection. Components subscribe to server events with
// useRealtimeEvent and to rooms with useRoom; after a reconnect every rejoined room's queries are
// refetched, so a client that was away catches up.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import type {
  ClientToServerEvents,
  RoomRef,
  ServerEventName,
  ServerEventPayload,
  ServerToClientEvents,
} from "../../../server/realtime/realtime.events";

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const SocketContext = createContext<AppSocket | null>(null);

export function RealtimeProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [socket, setSocket] = useState<AppSocket | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!enabled) return;
    // WebSocket only: its handshake always carries an Origin header, which the server checks.
    const s: AppSocket = io({ transports: ["websocket"], withCredentials: true });
    let connectedBefore = false;
    s.on("connect", () => {
      if (connectedBefore) void queryClient.invalidateQueries();
      connectedBefore = true;
    });
    let sessionEnded = false;
    s.on("session:ended", () => {
      sessionEnded = true;
      window.location.assign("/signin");
    });
    // The server drops a socket when the user's access changed: reconnect, and rooms are checked again.
    s.on("disconnect", (reason) => {
      if (reason === "io server disconnect" && !sessionEnded) s.connect();
    });
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [enabled, queryClient]);

  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/** Calls `handler` for every `event` the server sends this client, while the component is mounted. */
export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: (payload: ServerEventPayload<E>) => void) {
  const socket = useContext(SocketContext);
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
  const socket = useContext(SocketContext);
  const kind = ref?.kind;
  const id = ref?.id;
  const joined = useRef(onJoined);
  joined.current = onJoined;
  useEffect(() => {
    if (!socket || !kind || !id) return;
    const room = { kind, id } as RoomRef;
    const join = () =>
      socket.emit("room:join", room, (result) => {
        if (result.ok) joined.current?.();
      });
    if (socket.connected) join();
    socket.on("connect", join);
    return () => {
      socket.off("connect", join);
      if (socket.connected) socket.emit("room:leave", room, () => {});
    };
  }, [socket, kind, id]);
}

/** True while the socket is connected (for a small "live" indicator). */
export function useIsLive() {
  const socket = useContext(SocketContext);
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!socket) return;
    const update = () => setLive(socket.connected);
    update();
    socket.on("connect", update);
    socket.on("disconnect", update);
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", update);
    };
  }, [socket]);
  return live;
}
