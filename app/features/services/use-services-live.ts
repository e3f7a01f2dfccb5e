// Live supportive services: request events arrive only in the user rooms of people allowed to see the
// request (ids and status only), totals in the partnership room; both make the pages refetch through
// the permission layer.
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";

export function useServicesLive(partnershipId: string) {
  const utils = trpc.useUtils();
  useRealtimeEvent("serviceRequest:changed", (p) => {
    if (p.partnershipId !== partnershipId) return;
    void utils.services.request.list.invalidate();
    void utils.services.request.get.invalidate({ requestId: p.requestId });
  });
  useRealtimeEvent("services:totalsChanged", (p) => {
    if (p.partnershipId !== partnershipId) return;
    void utils.services.summary.invalidate({ partnershipId });
    void utils.services.fund.list.invalidate({ partnershipId });
    void utils.services.overview.invalidate({ partnershipId });
  });
}
