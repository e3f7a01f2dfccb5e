// The editor for a text several people save (minutes of an item, a side's caucus notes). In a
// conflict the user's own text and the newer saved text stand side by side; nothing typed is lost.
import { useTranslation } from "react-i18next";
import { InlineError } from "~/components/ui";
import { useId, type ReactNode } from "react";
import { useLimitHints } from "../limits";
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
  const { t } = useTranslation("meetings");
  const { remainingHint } = useLimitHints();
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
            {t("shared.conflict", { title: conflictTitle })}
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={id} className="block text-sm font-medium text-slate-800">
                {t("shared.yours")}
              </label>
              {textarea}
              {limit}
            </div>
            <div>
              <p className="text-sm font-medium text-slate-800">{t("shared.newer", { revision: savedRevision })}</p>
              <div
                className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-200"
                data-testid="newer-text"
              >
                {savedText || <em className="text-slate-500">{t("shared.empty")}</em>}
              </div>
            </div>
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="btn-primary" disabled={draft.pending} onClick={() => onSave(true)}>
              {draft.pending ? t("common:actions.saving") : t("shared.saveMine")}
            </button>
            <button type="button" className="btn-secondary" disabled={draft.pending} onClick={draft.discard}>
              {t("shared.discard")}
            </button>
          </div>
          <p id={`${id}-state`} className="sr-only">
            {t("shared.conflictState")}
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
              {draft.pending ? t("common:actions.saving") : saveLabel}
            </button>
            <span id={`${id}-state`} className="text-xs text-slate-500">
              {draft.isDirty ? t("shared.unsaved") : savedRevision ? t("shared.saved", { revision: savedRevision }) : t("shared.nothingSaved")}
            </span>
          </div>
        </>
      )}
      <InlineError message={draft.conflict ? null : draft.error} />
    </div>
  );
}
