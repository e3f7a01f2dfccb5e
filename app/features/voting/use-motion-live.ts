// Keeps voting pages live. A motion page joins the motion's room: each "tally:updated" patches the
// cached motion's tally at once (roll call also refetches, for the who-voted-what list), and
// "motion:changed" refetches the motion. Lists refetch on the partnership room's "motions:changed".
// Tallies carry a version (the motion's tallyVersion) and may arrive out of order (several server
// processes, each throttling): a page keeps the tally with the highest version, so counts never step back.
import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { useRealtimeEvent, useRoom } from "~/features/realtime/realtime";
import { useActionFeedback } from "~/lib/action-feedback";
import { trpc } from "~/lib/trpc";

export function useMotionLive(motionId: string, ballotKind: "ROLL_CALL" | "SECRET") {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  // Events between the page's load and the room join are missed (a vote opened in that moment would
  // leave the ballot hidden): read once more when the join is confirmed.
  useRoom({ kind: "motion", id: motionId }, () => void utils.voting.motion.get.invalidate({ motionId }));
  useRealtimeEvent("tally:updated", (tally) => {
    if (tally.motionId !== motionId) return;
    // A read of the motion already on its way may have been answered before this ballot: landing after
    // the patch below, it would put the older tally back and keep it until the next ballot. Such a read
    // is restarted rather than joined (still at most one request at a time).
    const readInFlight = queryClient.isFetching({ queryKey: getQueryKey(trpc.voting.motion.get, { motionId }, "query") }) > 0;
    utils.voting.motion.get.setData({ motionId }, (old) => (old && tally.version > old.tally.version ? { ...old, tally } : old));
    // The roll-call list (names and choices) is not in the tally event: fetch it too.
    if (ballotKind === "ROLL_CALL" || readInFlight) void utils.voting.motion.get.invalidate({ motionId }, undefined, { cancelRefetch: readInFlight });
  });
  useRealtimeEvent("motion:changed", (p) => {
    if (p.motionId === motionId) void utils.voting.motion.get.invalidate({ motionId });
  });
}

/** Lists of motions refetch when one is moved, seconded, opened or closed in the partnership. */
export function useMotionListLive(partnershipId: string) {
  const utils = trpc.useUtils();
  useRealtimeEvent("motions:changed", (p) => {
    if (p.partnershipId === partnershipId) void utils.voting.motion.list.invalidate({ partnershipId });
  });
}

/** One open vote in a list: joins its room so the list's "cast of eligible" moves with each ballot. */
export function useListedTally(partnershipId: string, motionId: string) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  useRoom({ kind: "motion", id: motionId });
  useRealtimeEvent("tally:updated", (t) => {
    if (t.motionId !== motionId) return;
    // As on the motion page: a list read already on its way could land after this patch with older counts.
    const readInFlight = queryClient.isFetching({ queryKey: getQueryKey(trpc.voting.motion.list, { partnershipId }, "query") }) > 0;
    utils.voting.motion.list.setData({ partnershipId }, (old) =>
      old?.map((m) => (m.id === motionId && t.version > m.tallyVersion ? { ...m, cast: t.cast, eligible: t.eligible, tallyVersion: t.version } : m)),
    );
    if (readInFlight) void utils.voting.motion.list.invalidate({ partnershipId });
  });
}

/** Error state for one motion control: refetches the motion (and lists) when the screen is out of date. */
export function useMotionAction(motionId: string) {
  const utils = trpc.useUtils();
  return useActionFeedback(() => Promise.all([utils.voting.motion.get.invalidate({ motionId }), utils.voting.motion.list.invalidate()]));
}
