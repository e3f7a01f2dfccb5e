// The socket.io contract shared by server and browser (types and pure helpers only, no I/O).
// Client commands are `entity:verb`; server facts are `entity:verbed`.
import type { PartnershipEvents } from "../domains/partnerships/partnerships.events.js";
import type { NotificationEvents } from "../domains/notifications/notifications.events.js";

/** A room a client may ask to join; joining is a permission check, like a read. */
export type RoomRef = { kind: "partnership"; id: string };

export const partnershipRoom = (id: string) => `partnership:${id}`;
export const userRoom = (id: string) => `user:${id}`;
export const sessionRoom = (id: string) => `session:${id}`;
export const roomName = (ref: RoomRef) => partnershipRoom(ref.id);

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ClientToServerEvents {
  "room:join": (ref: RoomRef, ack: (result: Ack) => void) => void;
  "room:leave": (ref: RoomRef, ack: (result: Ack) => void) => void;
}

export type ServerToClientEvents = PartnershipEvents &
  NotificationEvents & {
    /** The session behind this socket ended (sign-out); the client should reload. */
    "session:ended": (payload: Record<string, never>) => void;
  };

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
