// Keeps "what needs me" (the home page's list and the partnership tabs' counts) fresh: any event that
// may add or remove an item for this person refetches it (through the permission layer), a burst of
// events once. Events to the person's own room (notifications, joint changes, requests) arrive
// anywhere; the partnership-wide ones (meetings, motions, drafts) where the partnership's room is joined.
import { useEffect, useRef } from "react";
import { useIsLive, useRealtimeEvent, useRoom } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";

const BURST_MS = 250;

export function useWaitingLive() {
  const utils = trpc.useUtils();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void utils.home.waiting.invalidate();
    }, BURST_MS);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useRealtimeEvent("notification:created", refresh);
  useRealtimeEvent("joint:changed", refresh);
  useRealtimeEvent("serviceRequest:changed", refresh);
  useRealtimeEvent("meetings:changed", refresh);
  useRealtimeEvent("motions:changed", refresh);
  useRealtimeEvent("drafts:changed", refresh);
  useRealtimeEvent("partnership:changed", refresh);
  useRealtimeEvent("membership:removed", refresh);
  // Whatever happened between the page's load and the socket's connection: fetch once connected.
  const live = useIsLive();
  useEffect(() => {
    if (live) void utils.home.waiting.invalidate();
  }, [live, utils]);
}

/** Joins a partnership's room while mounted, so its partnership-wide events reach the home page. */
export function PartnershipRoom({ id }: { id: string }) {
  useRoom({ kind: "partnership", id });
  return null;
}
