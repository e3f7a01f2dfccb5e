// How the meeting room's buttons report back: through the shared action feedback, refetching the
// meeting when a refusal says the screen is out of date.
import { useActionFeedback } from "~/lib/action-feedback";
import { trpc } from "~/lib/trpc";

export function useMeetingRefresh(meetingId: string) {
  const utils = trpc.useUtils();
  return () => utils.meetings.meeting.get.invalidate({ meetingId });
}

/** Error state for one control (or a small group of controls) of the meeting room. */
export function useActionError(meetingId: string) {
  return useActionFeedback(useMeetingRefresh(meetingId));
}
