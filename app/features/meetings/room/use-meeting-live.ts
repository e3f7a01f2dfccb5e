// Keeps the meeting page live: joins the meeting's room (and, for labor and management members, their
// side's caucus room), refetches what the server says changed, and tracks who is viewing.
import { useState } from "react";
import { useRealtimeEvent, useRoom } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";
import { meetingRoom, type Viewer } from "../../../../server/realtime/realtime.events";

export function useMeetingLive(meetingId: string, side: "LABOR" | "MANAGEMENT" | "NEUTRAL") {
  const utils = trpc.useUtils();
  const [viewers, setViewers] = useState<Viewer[] | null>(null);
  // Whatever changed between the page's load and the join is read once more when the join is confirmed.
  useRoom({ kind: "meeting", id: meetingId }, () => void utils.meetings.meeting.get.invalidate({ meetingId }));
  // The side's caucus room stays joined for the whole visit, so a caucus called mid-visit is live at once.
  useRoom(side === "NEUTRAL" ? null : { kind: "caucus", id: meetingId });
  useRealtimeEvent("meeting:changed", (p) => {
    if (p.meetingId === meetingId) void utils.meetings.meeting.get.invalidate({ meetingId });
  });
  useRealtimeEvent("caucus:changed", (p) => {
    if (p.meetingId === meetingId) void utils.meetings.caucus.get.invalidate({ meetingId });
  });
  useRealtimeEvent("presence:changed", (p) => {
    if (p.room === meetingRoom(meetingId)) setViewers(p.viewers);
  });
  return { viewers };
}
