// The partnership the current page is in: the layout route's loader data, kept fresh by tRPC and by
// the partnership room's live events.
import { useParams } from "@remix-run/react";
import { useRouteData } from "~/lib/data";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { useRealtimeEvent, useRoom } from "~/features/realtime/realtime";
import type { loader } from "~/routes/p.$partnershipId";

export type PartnershipHome = RouterOutputs["partnerships"]["partnership"]["get"];
export type Person = RouterOutputs["partnerships"]["people"]["list"][number];

export function usePartnership(): PartnershipHome {
  const { partnershipId = "" } = useParams();
  const initial = useRouteData<typeof loader>("routes/p.$partnershipId");
  const { data } = trpc.partnerships.partnership.get.useQuery({ partnershipId }, { initialData: initial });
  return (data ?? initial)!;
}

/**
 * The partnership's people, kept fresh by the same events as the partnership. `initial` is a page
 * loader's copy (the People page renders them on the server); without it they load after the page.
 */
export function usePeople({ initial, enabled = true }: { initial?: Person[]; enabled?: boolean } = {}) {
  const { partnershipId = "" } = useParams();
  return trpc.partnerships.people.list.useQuery({ partnershipId }, { initialData: initial, enabled: enabled && Boolean(partnershipId) });
}

/** Joins the partnership's room and refetches what its events say changed. Used once, by the layout. */
export function usePartnershipLiveUpdates(partnershipId: string) {
  const utils = trpc.useUtils();
  useRoom({ kind: "partnership", id: partnershipId });
  const refresh = (p: { partnershipId: string }) => {
    if (p.partnershipId !== partnershipId) return;
    void utils.partnerships.partnership.get.invalidate({ partnershipId });
    void utils.partnerships.people.list.invalidate({ partnershipId });
    void utils.partnerships.committee.get.invalidate();
    void utils.partnerships.invitation.list.invalidate({ partnershipId });
  };
  useRealtimeEvent("membership:joined", refresh);
  useRealtimeEvent("membership:removed", refresh);
  useRealtimeEvent("partnership:changed", refresh);
  useRealtimeEvent("meetings:changed", (p) => {
    if (p.partnershipId === partnershipId) void utils.meetings.meeting.list.invalidate({ partnershipId });
  });
}
