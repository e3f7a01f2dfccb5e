// Live participants: a record's change reaches the user rooms of those who may see it (ids only), counts
// and snapshots the partnership's room; the pages refetch through the permission layer.
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";

export function useParticipantsLive(partnershipId: string) {
  const utils = trpc.useUtils();
  useRealtimeEvent("participant:changed", (p) => {
    if (p.partnershipId !== partnershipId) return;
    void utils.participants.get.invalidate({ participantId: p.participantId });
    void utils.participants.mine.invalidate({ partnershipId });
    void utils.participants.overview.invalidate({ partnershipId });
  });
  useRealtimeEvent("participants:totalsChanged", (p) => {
    if (p.partnershipId === partnershipId) void utils.participants.overview.invalidate({ partnershipId });
  });
  useRealtimeEvent("aoSnapshot:changed", (p) => {
    if (p.partnershipId === partnershipId) void utils.participants.snapshot.list.invalidate({ partnershipId });
  });
}
