// Keeps a draft page live: joins the draft's room (presence: who is reading), refetches what the server
// says changed, and remembers the last change made by someone else (for a polite notice). A reconnect
// refetches everything (the realtime provider invalidates all queries).
import { useEffect, useState } from "react";
import { useIsLive, useRealtimeEvent, useRoom } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";
import type { DraftPart } from "../../../server/domains/drafts/drafts.events";
import { draftRoom, type Viewer } from "../../../server/realtime/realtime.events";

export function useDraftLive(draftId: string, userId: string) {
  const utils = trpc.useUtils();
  const [viewers, setViewers] = useState<Viewer[] | null>(null);
  const [lastOtherChange, setLastOtherChange] = useState<{ parts: DraftPart[]; version?: number; at: number } | null>(null);
  useRoom({ kind: "draft", id: draftId });
  useRealtimeEvent("draft:changed", (p) => {
    if (p.draftId !== draftId) return;
    if (p.parts.some((x) => x !== "comments")) void utils.drafts.draft.get.invalidate({ draftId });
    if (p.parts.includes("comments") || p.parts.includes("versions")) void utils.drafts.comment.list.invalidate({ draftId });
    if (p.parts.includes("versions")) void utils.drafts.version.invalidate();
    if (p.by !== userId) setLastOtherChange({ parts: p.parts, version: p.version, at: Date.now() });
  });
  useRealtimeEvent("presence:changed", (p) => {
    if (p.room === draftRoom(draftId)) setViewers(p.viewers);
  });
  // Changes between the page's load and the room join would be missed: read once more when live.
  const live = useIsLive();
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(() => {
      void utils.drafts.draft.get.invalidate({ draftId });
      void utils.drafts.comment.list.invalidate({ draftId });
    }, 600);
    return () => clearTimeout(timer);
  }, [live, draftId, utils]);
  return { viewers, lastOtherChange };
}

/** Lists of drafts refetch when one is created or changes status in the partnership. */
export function useDraftListLive(partnershipId: string) {
  const utils = trpc.useUtils();
  useRealtimeEvent("drafts:changed", (p) => {
    if (p.partnershipId === partnershipId) void utils.drafts.draft.list.invalidate({ partnershipId });
  });
}
