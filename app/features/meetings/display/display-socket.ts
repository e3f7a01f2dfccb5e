// The display's own socket (the link's token in the handshake instead of a session): every change of
// the meeting refetches the view, and so does every reconnect (a server restart too); the vote on
// screen has its tallies in its motion's room, joined again after each reconnect.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { trpc } from "~/lib/trpc";
import type { ClientToServerEvents, ServerToClientEvents } from "../../../../server/realtime/realtime.events";

export type Connection = "connecting" | "live" | "reconnecting" | "revoked";
type DisplaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function useDisplaySocket(token: string, motionId: string | null): Connection {
  const utils = trpc.useUtils();
  const [socket, setSocket] = useState<DisplaySocket | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  useEffect(() => {
    const s: DisplaySocket = io({ transports: ["websocket"], auth: { displayToken: token } });
    const refresh = () => void utils.meetings.display.get.invalidate({ token });
    let connectedBefore = false;
    s.on("connect", () => {
      setConnection("live");
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    s.on("disconnect", (reason) => {
      setConnection("reconnecting");
      // The server ended it (the link was revoked): try once more; a refused handshake says so.
      if (reason === "io server disconnect") s.connect();
    });
    s.on("connect_error", () => setConnection(s.active ? "reconnecting" : "revoked"));
    s.on("meeting:changed", refresh);
    s.on("motion:changed", refresh);
    s.on("tally:updated", refresh);
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [token, utils]);
  useEffect(() => {
    if (!socket || !motionId) return;
    const join = () => socket.emit("room:join", { kind: "motion", id: motionId }, () => {});
    if (socket.connected) join();
    socket.on("connect", join);
    return () => {
      socket.off("connect", join);
    };
  }, [socket, motionId]);
  return connection;
}
