// Editing the working copy: the draft's details and its modules (add, remove, reorder, rich text), then
// "Save draft" or "Save as version N and ask for sign-off". A save names the revision it started from;
// when someone else saved in between, the server refuses it and this form merges per module: modules
// only I changed keep my edits, modules only they changed take theirs, and clashes are listed.
import { createId } from "@paralleldrive/cuid2";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { SelectField, TextArea, TextField } from "~/components/field";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { mergeModules, totalHours, type ModuleSnapshot } from "../../../server/domains/drafts/drafts.rules";
import { COMPETENCIES_MAX, FIELD_MAX, HOURS_MAX, PROGRAM_KINDS, TITLE_MAX, type ProgramKind } from "../../../server/domains/drafts/drafts.schema";
import { useHoursText, type DraftView } from "./labels";
import { RichTextEditor } from "./rich-text-editor";

type Details = { title: string; occupation: string; programKind: ProgramKind };
type Conflict = { theirChanges: string[]; bothChanged: string[]; byName: string | null };

const newModule = (title: string): ModuleSnapshot => ({
  key: createId().slice(0, 16),
  title,
  objectives: "",
  competencies: "",
  relatedHours: 0,
  ojlHours: 0,
  assessment: "",
  credential: "",
  testOut: false,
});

export function DraftEditor({ view, onDone }: { view: DraftView; onDone: () => void }) {
  const { t } = useTranslation("drafts");
  const translate = useServerMessage();
  const hoursText = useHoursText();
  const utils = trpc.useUtils();
  const save = trpc.drafts.draft.save.useMutation();
  // What this editing session started from (for the per-module merge after a conflict).
  const [base, setBase] = useState({ revision: view.draft.revision, modules: view.modules, details: view.draft as Details });
  const [details, setDetails] = useState<Details>({ title: view.draft.title, occupation: view.draft.occupation, programKind: view.draft.programKind });
  const [modules, setModules] = useState<ModuleSnapshot[]>(view.modules);
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Bumped whenever the modules are replaced from outside (after a save or a merge), so each rich-text
  // editor starts again from the new text instead of keeping what it showed.
  const [generation, setGeneration] = useState(0);
  const hours = totalHours(modules);
  const nextNumber = view.draft.currentVersion + 1;

  const update = (index: number, patch: Partial<ModuleSnapshot>) => {
    setModules((ms) => ms.map((m, i) => (i === index ? { ...m, ...patch } : m)));
    setSaved(null);
  };
  const move = (index: number, by: -1 | 1) =>
    setModules((ms) => {
      const next = [...ms];
      const [m] = next.splice(index, 1);
      next.splice(index + by, 0, m!);
      return next;
    });

  async function submit(asVersion: boolean) {
    setSaved(null);
    try {
      const result = await save.mutateAsync({
        draftId: view.draft.id,
        baseRevision: base.revision,
        ...details,
        modules,
        newVersion: asVersion ? { changeSummary: summary } : null,
      });
      setError(null);
      setConflict(null);
      const fresh = await utils.drafts.draft.get.fetch({ draftId: view.draft.id });
      utils.drafts.draft.get.setData({ draftId: view.draft.id }, fresh);
      setBase({ revision: fresh.draft.revision, modules: fresh.modules, details: fresh.draft });
      setModules(fresh.modules);
      setGeneration((g) => g + 1);
      if (asVersion) {
        setSummary("");
        onDone();
      } else setSaved(t("editor.saved", { revision: result.revision }));
    } catch (e) {
      const ui = toUiError(e);
      if (ui.code === "CONFLICT") {
        // Someone else saved first: merge per module and let the editor look before saving again.
        const theirs = await utils.drafts.draft.get.fetch({ draftId: view.draft.id });
        const merged = mergeModules(base.modules, modules, theirs.modules);
        setModules(merged.merged);
        setGeneration((g) => g + 1);
        setBase({ revision: theirs.draft.revision, modules: theirs.modules, details: theirs.draft });
        setConflict({ theirChanges: merged.theirChanges, bothChanged: merged.bothChanged, byName: theirs.draft.updatedByName });
        setError(null);
        return;
      }
      setError({ message: ui.message, fields: ui.fields });
    }
  }

  const fieldError = (name: string) => error?.fields[name]?.[0];
  return (
    <section className="card space-y-5" aria-labelledby="editor-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="editor-heading" className="text-lg font-semibold text-slate-900">
          {t("editor.title")}
        </h3>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("editor.close")}
        </button>
      </div>
      {!conflict && view.draft.revision > base.revision ? (
        <p role="status" className="rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200">
          {t("editor.savedMeanwhile", { name: view.draft.updatedByName ?? t("editor.someone") })}
        </p>
      ) : null}
      {conflict ? (
        <div role="alert" className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">{t("editor.conflict.title", { name: conflict.byName ?? t("editor.someone") })}</p>
          <p>{conflict.theirChanges.length ? t("editor.conflict.theirs", { modules: conflict.theirChanges.join(", ") }) : t("editor.conflict.theirsDetails")}</p>
          {conflict.bothChanged.length ? <p>{t("editor.conflict.both", { modules: conflict.bothChanged.join(", ") })}</p> : null}
          <p>{t("editor.conflict.nothingLost")}</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {translate(error.message)}
          {Object.entries(error.fields).map(([k, v]) => (
            <span key={k} className="block">
              {k}: {translate(v[0] ?? "")}
            </span>
          ))}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("new.titleField")} value={details.title} maxLength={TITLE_MAX} onChange={(e) => setDetails({ ...details, title: e.target.value })} error={fieldError("title")} />
        <TextField label={t("editor.occupation")} value={details.occupation} maxLength={TITLE_MAX} onChange={(e) => setDetails({ ...details, occupation: e.target.value })} error={fieldError("occupation")} />
        <SelectField
          label={t("new.programKind")}
          value={details.programKind}
          options={(Object.keys(PROGRAM_KINDS) as ProgramKind[]).map((k): [string, string] => [k, t(`programKind.${k}`)])} onChange={(e) => setDetails({ ...details, programKind: e.target.value as ProgramKind })} />
        <p className="self-end text-sm text-slate-700" aria-live="polite">
          {t("editor.total", { hours: hoursText(hours) })}
        </p>
      </div>
      <ol className="space-y-4">
        {modules.map((m, index) => (
          <li key={m.key} className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold text-slate-900">{t("editor.module", { number: index + 1 })}</legend>
              <TextField label={t("editor.moduleTitle", { number: index + 1 })} value={m.title} maxLength={TITLE_MAX} onChange={(e) => update(index, { title: e.target.value })} />
              <RichTextEditor
                key={`${m.key}-${generation}`}
                label={t("editor.moduleText", { number: index + 1 })}
                value={m.objectives}
                onChange={(objectives) => update(index, { objectives })}
              />
              <TextArea label={t("editor.competencies")} value={m.competencies} maxLength={COMPETENCIES_MAX} onChange={(e) => update(index, { competencies: e.target.value })} />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField label={t("editor.relatedHours")} type="number" min={0} max={HOURS_MAX} value={m.relatedHours} onChange={(e) => update(index, { relatedHours: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
                <TextField label={t("editor.ojlHours")} type="number" min={0} max={HOURS_MAX} value={m.ojlHours} onChange={(e) => update(index, { ojlHours: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
                <TextField label={t("editor.assessment")} value={m.assessment} maxLength={FIELD_MAX} onChange={(e) => update(index, { assessment: e.target.value })} />
                <TextField label={t("editor.credential")} value={m.credential} maxLength={TITLE_MAX} onChange={(e) => update(index, { credential: e.target.value })} />
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={m.testOut} onChange={(e) => update(index, { testOut: e.target.checked })} />
                {t("editor.testOut")}
              </label>
              <div className="flex flex-wrap gap-2">
                <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={index === 0} onClick={() => move(index, -1)}>
                  <Trans t={t} i18nKey="editor.moveUp" values={{ number: index + 1 }} components={{ sr: <span className="sr-only" /> }} />
                </button>
                <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={index === modules.length - 1} onClick={() => move(index, 1)}>
                  <Trans t={t} i18nKey="editor.moveDown" values={{ number: index + 1 }} components={{ sr: <span className="sr-only" /> }} />
                </button>
                <button type="button" className="btn-danger px-2 py-1 text-xs" onClick={() => setModules((ms) => ms.filter((_, i) => i !== index))}>
                  {t("editor.remove", { number: index + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="btn-secondary" onClick={() => setModules((ms) => [...ms, newModule(t("editor.newModule", { number: ms.length + 1 }))])}>
        {t("editor.add")}
      </button>
      <div className="space-y-3 border-t border-slate-200 pt-4">
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-secondary" disabled={save.isPending} onClick={() => void submit(false)}>
            {t("editor.save")}
          </button>
          {saved ? (
            <span role="status" className="text-sm text-green-800">
              {saved}
            </span>
          ) : null}
        </div>
        <TextArea
          label={t("editor.summary", { number: nextNumber })}
          value={summary}
          maxLength={FIELD_MAX}
          onChange={(e) => setSummary(e.target.value)}
          hint={t("editor.summaryHint")}
          error={fieldError("newVersion")}
        />
        <button type="button" className="btn-primary" disabled={save.isPending || !summary.trim()} onClick={() => void submit(true)}>
          {save.isPending ? t("common:actions.saving") : t("editor.saveVersion", { number: nextNumber })}
        </button>
      </div>
    </section>
  );
}
