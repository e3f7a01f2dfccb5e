// How a control reports back after a mutation: a refusal shows its message by the control, and a
// refusal that means the screen is out of date (someone changed the thing meanwhile) also refetches it.
import { useState } from "react";
import { toUiError } from "~/lib/errors";

const STALE_ON = new Set(["CONFLICT", "PRECONDITION_FAILED", "NOT_FOUND", "FORBIDDEN"]);

/** `refresh` refetches what the control shows; it also runs on success, for when the socket is away. */
export function useActionFeedback(refresh: () => unknown) {
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    set: setError,
    /** Pass as a mutation's onError. */
    onError: (e: unknown) => {
      const ui = toUiError(e);
      setError(ui.message);
      if (STALE_ON.has(ui.code)) void refresh();
    },
    /** Pass as a mutation's onSuccess. */
    onSuccess: () => {
      setError(null);
      void refresh();
    },
  };
}
