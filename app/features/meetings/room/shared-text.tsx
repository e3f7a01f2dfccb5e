// The editor for a text several people save (minutes of an item, a side's caucus notes). In a
// conflict the user's own text and the newer saved text stand side by side; nothing typed is lost.
import { InlineError } from "~/components/ui";
import { useId, type ReactNode } from "react";
import { remainingHint } from "../limits";
import type { useSharedDraft } from "./use-draft";

export function SharedTextEditor({
  label,
  draft,
  savedText,
  savedRevision,
  conflictTitle,
  onSave,
  saveLabel,
  rows = 4,
  maxLength,
}: {
  label: ReactNode;
  draft: ReturnType<typeof useSharedDraft>;
  savedText: string;
  savedRevision: number;
  conflictTitle: string;
  onSave: (overwrite: boolean) => void;
  saveLabel: ReactNode;
  rows?: number;
  maxLength: number;
}) {
  const id = useId();
  const remaining = remainingHint(draft.value.length, maxLength);
  const textarea = (
    <textarea
      id={id}
      rows={rows}
      className="input mt-1"
      value={draft.value}
      maxLength={maxLength}
      onChange={(e) => draft.onChange(e.currentTarget.value)}
      aria-describedby={`${id}-state ${id}-limit`}
    />
  );
  // Always in the page (empty until the text nears the limit), so screen readers announce changes.
  const limit = (
    <p id={`${id}-limit`} className="mt-1 text-xs text-amber-800" aria-live="polite">
      {remaining}
    </p>
  );
  return (
    <div>
      {draft.conflict ? (
        <div className="rounded-md bg-amber-50 p-3 ring-1 ring-amber-300">
          <p role="alert" className="text-sm font-semibold text-amber-900">
            {conflictTitle}. Your text is kept: compare, merge, then save.
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                Your text (not saved)
              </label>
              {textarea}
              {limit}
            </div>
            <div>
              <p className="text-sm font-medium text-slate-800">Newer saved text (revision {savedRevision})</p>
              <div
                className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-200"
                data-testid="newer-text"
              >
                {savedText || <em className="text-slate-500">(empty)</em>}
              </div>
            </div>
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="btn-primary" disabled={draft.pending} onClick={() => onSave(true)}>
              {draft.pending ? "Saving…" : "Save my text"}
            </button>
            <button type="button" className="btn-secondary" disabled={draft.pending} onClick={draft.discard}>
              Discard mine, keep the saved text
            </button>
          </div>
          <p id={`${id}-state`} className="sr-only">
            Unsaved changes; newer text was saved meanwhile.
          </p>
        </div>
      ) : (
        <>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          {textarea}
          {limit}
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" disabled={!draft.isDirty || draft.pending} onClick={() => onSave(false)}>
              {draft.pending ? "Saving…" : saveLabel}
            </button>
            <span id={`${id}-state`} className="text-xs text-slate-500">
              {draft.isDirty ? "Unsaved changes" : savedRevision ? `Saved (revision ${savedRevision})` : "Nothing saved yet"}
            </span>
          </div>
        </>
      )}
      <InlineError message={draft.conflict ? null : draft.error} />
    </div>
  );
}
