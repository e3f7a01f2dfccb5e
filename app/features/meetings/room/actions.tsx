// How the room's buttons report back: a refused change shows its message next to the control, and a
// CONFLICT (someone changed the meeting meanwhile) also refetches so the latest state is on screen.
import { useState } from "react";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";

const REFETCH_ON = new Set(["CONFLICT", "PRECONDITION_FAILED", "NOT_FOUND"]);

export function useMeetingRefresh(meetingId: string) {
  const utils = trpc.useUtils();
  return () => utils.meetings.meeting.get.invalidate({ meetingId });
}

/** Error state for one control (or a small group of controls). */
export function useActionError(meetingId: string) {
  const refresh = useMeetingRefresh(meetingId);
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    set: setError,
    /** Pass as a mutation's onError. */
    onError: (e: unknown) => {
      const ui = toUiError(e);
      setError(ui.message);
      if (REFETCH_ON.has(ui.code)) void refresh();
    },
    /** Pass as a mutation's onSuccess: the socket event will refetch too, but not if it is offline. */
    onSuccess: () => {
      setError(null);
      void refresh();
    },
  };
}

/** A refusal shown right by the control that caused it. */
export function InlineError({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {message}
    </p>
  );
}
