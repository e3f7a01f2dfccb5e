// A text that several people may save (an item's minutes, a side's caucus notes). While the user
// types, their draft is kept locally and never replaced by a live update; a save names the revision
// the user started from, and a refused save (CONFLICT) keeps their text next to the newer one.
import { useState } from "react";
import { toUiError } from "~/lib/errors";

type Server = { text: string; revision: number };

export function useSharedDraft(server: Server) {
  const [local, setLocal] = useState<{ text: string; base: number } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const isDirty = local !== null && local.text !== server.text;
  /** Someone saved since the user started editing: their text is not what the user is changing. */
  const isBehind = local !== null && server.revision > local.base;

  return {
    value: local ? local.text : server.text,
    isDirty,
    isBehind,
    conflict: conflict || (isDirty && isBehind),
    error,
    pending,
    onChange(text: string) {
      setLocal((cur) => ({ text, base: cur?.base ?? server.revision }));
      setError(null);
    },
    /** Drops the user's draft: shows the saved text again. */
    discard() {
      setLocal(null);
      setConflict(false);
      setError(null);
    },
    /**
     * Saves the draft from its base revision (or, with `overwrite`, from the newest revision on screen:
     * the user has seen the newer text and chooses theirs).
     */
    async save(send: (text: string, baseRevision: number) => Promise<unknown>, refresh: () => Promise<unknown>, overwrite = false) {
      if (!local) return;
      const sent = { text: local.text, base: overwrite ? server.revision : local.base };
      setPending(true);
      setError(null);
      try {
        await send(sent.text, sent.base);
        setConflict(false);
        await refresh();
        // Keep anything typed while the save was on its way.
        setLocal((cur) => (cur && cur.text !== sent.text ? { text: cur.text, base: sent.base + 1 } : null));
      } catch (e) {
        const ui = toUiError(e);
        if (ui.code === "CONFLICT") {
          setConflict(true);
          await refresh();
        }
        setError(ui.message);
      } finally {
        setPending(false);
      }
    },
  };
}
