// The socket.io contract shared by server and browser (types and pure helpers only, no I/O).
// Client commands are `entity:verb`; server facts are `entity:verbed`.
import type { MeetingEvents } from "../domains/meetings/meetings.events.js";
import type { NotificationEvents } from "../domains/notifications/notifications.events.js";
import type { PartnershipEvents } from "../domains/partnerships/partnerships.events.js";
import type { VotingEvents } from "../domains/voting/voting.events.js";
import type { DraftEvents } from "../domains/drafts/drafts.events.js";
import type { ServicesEvents } from "../domains/services/services.events.js";
import type { ParticipantsEvents } from "../domains/participants/participants.events.js";
import type { JointEvents } from "../domains/joint/joint.events.js";

/**
 * A room a client may ask to join; joining is a permission check, like a read. For a caucus the
 * server picks the room of the asker's own side: a client cannot name the other side's room.
 */
export type RoomRef = { kind: "partnership" | "meeting" | "caucus" | "motion" | "draft"; id: string };

export const partnershipRoom = (id: string) => `partnership:${id}`;
export const meetingRoom = (id: string) => `meeting:${id}`;
export const caucusRoom = (meetingId: string, side: "LABOR" | "MANAGEMENT") => `meeting:${meetingId}:caucus:${side}`;
export const motionRoom = (id: string) => `motion:${id}`;
export const draftRoom = (id: string) => `draft:${id}`;
export const userRoom = (id: string) => `user:${id}`;
/** A room display's sockets for one link (revoking the link ends them). */
export const displayLinkRoom = (linkId: string) => `display:${linkId}`;
/** Every room display of a meeting: gets what the meeting's room gets, and nothing of its presence. */
export const meetingDisplayRoom = (meetingId: string) => `display-meeting:${meetingId}`;
/** The display rooms that mirror `room` (only the meeting's own room, never a caucus room). */
export const displayMirrorOf = (room: string): string | null => {
  const match = /^meeting:([^:]+)$/.exec(room);
  return match ? meetingDisplayRoom(match[1]!) : null;
};
export const sessionRoom = (id: string) => `session:${id}`;

/** Rooms whose viewers are announced to each other (who is in the meeting right now). */
export const isPresenceRoom = (room: string) => /^(meeting|draft):[^:]+$/.test(room);

export type Viewer = { userId: string; name: string };

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export interface ClientToServerEvents {
  "room:join": (ref: RoomRef, ack: (result: Ack) => void) => void;
  "room:leave": (ref: RoomRef, ack: (result: Ack) => void) => void;
}

export type ServerToClientEvents = PartnershipEvents &
  NotificationEvents &
  MeetingEvents &
  VotingEvents &
  DraftEvents &
  ServicesEvents &
  ParticipantsEvents &
  JointEvents & {
    /** The session behind this socket ended (sign-out); the client should reload. */
    "session:ended": (payload: Record<string, never>) => void;
    /** Who is viewing a presence room now. */
    "presence:changed": (payload: { room: string; viewers: Viewer[] }) => void;
  };

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];
