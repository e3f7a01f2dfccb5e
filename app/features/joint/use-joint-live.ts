// Keeps the joint-change lists and "waiting for you" fresh: the server announces every step of a joint
// change to the partnership's room and to the user rooms of the co-chairs who act on it.
import { useRealtimeEvent } from "~/features/realtime/realtime";
import { trpc } from "~/lib/trpc";

export function useJointLive() {
  const utils = trpc.useUtils();
  useRealtimeEvent("joint:changed", () => {
    void utils.joint.change.list.invalidate();
    void utils.joint.change.waiting.invalidate();
  });
}
