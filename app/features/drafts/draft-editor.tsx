// Editing the working copy: the draft's details and its modules (add, remove, reorder, rich text), then
// "Save draft" or "Save as version N and ask for sign-off". A save names the revision it started from;
// when someone else saved in between, the server refuses it and this form merges per module: modules
// only I changed keep my edits, modules only they changed take theirs, and clashes are listed.
import { createId } from "@paralleldrive/cuid2";
import { useState } from "react";
import { SelectField, TextArea, TextField } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { mergeModules, totalHours, type ModuleSnapshot } from "../../../server/domains/drafts/drafts.rules";
import { COMPETENCIES_MAX, FIELD_MAX, HOURS_MAX, PROGRAM_KINDS, TITLE_MAX, type ProgramKind } from "../../../server/domains/drafts/drafts.schema";
import { hoursText, type DraftView } from "./labels";
import { RichTextEditor } from "./rich-text-editor";

type Details = { title: string; occupation: string; programKind: ProgramKind };
type Conflict = { theirChanges: string[]; bothChanged: string[]; byName: string | null };

const newModule = (n: number): ModuleSnapshot => ({
  key: createId().slice(0, 16),
  title: `New module ${n}`,
  objectives: "",
  competencies: "",
  relatedHours: 0,
  ojlHours: 0,
  assessment: "",
  credential: "",
  testOut: false,
});

export function DraftEditor({ view, onDone }: { view: DraftView; onDone: () => void }) {
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
      } else setSaved(`Saved (revision ${result.revision}).`);
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
          Edit the working copy
        </h3>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Close the editor
        </button>
      </div>
      {!conflict && view.draft.revision > base.revision ? (
        <p role="status" className="rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200">
          {view.draft.updatedByName ?? "Someone"} saved the draft while you are editing. When you save, their changes and yours are merged
          module by module.
        </p>
      ) : null}
      {conflict ? (
        <div role="alert" className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-semibold">{conflict.byName ?? "Someone"} saved this draft while you were editing.</p>
          <p>Their changes are now in the form: {conflict.theirChanges.length ? conflict.theirChanges.join(", ") : "details only"}.</p>
          {conflict.bothChanged.length ? <p>You both changed: {conflict.bothChanged.join(", ")}. Your version of those is kept; check it before saving.</p> : null}
          <p>Nothing of yours was lost. Save again when ready.</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error.message}
          {Object.entries(error.fields).map(([k, v]) => (
            <span key={k} className="block">
              {k}: {v[0]}
            </span>
          ))}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Title" value={details.title} maxLength={TITLE_MAX} onChange={(e) => setDetails({ ...details, title: e.target.value })} error={fieldError("title")} />
        <TextField label="Occupation" value={details.occupation} maxLength={TITLE_MAX} onChange={(e) => setDetails({ ...details, occupation: e.target.value })} error={fieldError("occupation")} />
        <SelectField label="Kind of program" value={details.programKind} options={PROGRAM_KINDS} onChange={(e) => setDetails({ ...details, programKind: e.target.value as ProgramKind })} />
        <p className="self-end text-sm text-slate-700" aria-live="polite">
          Total: {hoursText(hours)}
        </p>
      </div>
      <ol className="space-y-4">
        {modules.map((m, index) => (
          <li key={m.key} className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
            <fieldset className="space-y-3">
              <legend className="text-sm font-semibold text-slate-900">Module {index + 1}</legend>
              <TextField label={`Module ${index + 1} title`} value={m.title} maxLength={TITLE_MAX} onChange={(e) => update(index, { title: e.target.value })} />
              <RichTextEditor key={`${m.key}-${generation}`} label={`Module ${index + 1} learning objectives and text`} value={m.objectives} onChange={(objectives) => update(index, { objectives })} />
              <TextArea label="Competencies (one per line)" value={m.competencies} maxLength={COMPETENCIES_MAX} onChange={(e) => update(index, { competencies: e.target.value })} />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField label="Related instruction hours" type="number" min={0} max={HOURS_MAX} value={m.relatedHours} onChange={(e) => update(index, { relatedHours: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
                <TextField label="On-the-job learning hours" type="number" min={0} max={HOURS_MAX} value={m.ojlHours} onChange={(e) => update(index, { ojlHours: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
                <TextField label="Assessment method" value={m.assessment} maxLength={FIELD_MAX} onChange={(e) => update(index, { assessment: e.target.value })} />
                <TextField label="Credential it leads to" value={m.credential} maxLength={TITLE_MAX} onChange={(e) => update(index, { credential: e.target.value })} />
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={m.testOut} onChange={(e) => update(index, { testOut: e.target.checked })} />
                A skilled worker may test out of this module (advanced standing)
              </label>
              <div className="flex flex-wrap gap-2">
                <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={index === 0} onClick={() => move(index, -1)}>
                  Move up<span className="sr-only"> module {index + 1}</span>
                </button>
                <button type="button" className="btn-secondary px-2 py-1 text-xs" disabled={index === modules.length - 1} onClick={() => move(index, 1)}>
                  Move down<span className="sr-only"> module {index + 1}</span>
                </button>
                <button type="button" className="btn-danger px-2 py-1 text-xs" onClick={() => setModules((ms) => ms.filter((_, i) => i !== index))}>
                  Remove module {index + 1}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="btn-secondary" onClick={() => setModules((ms) => [...ms, newModule(ms.length + 1)])}>
        Add a module
      </button>
      <div className="space-y-3 border-t border-slate-200 pt-4">
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className="btn-secondary" disabled={save.isPending} onClick={() => void submit(false)}>
            Save draft
          </button>
          {saved ? (
            <span role="status" className="text-sm text-green-800">
              {saved}
            </span>
          ) : null}
        </div>
        <TextArea
          label={`What changed in version ${nextNumber}`}
          value={summary}
          maxLength={FIELD_MAX}
          onChange={(e) => setSummary(e.target.value)}
          hint="Saving as a new version asks the worker sign-off group to review it; earlier sign-offs no longer count."
          error={fieldError("newVersion")}
        />
        <button type="button" className="btn-primary" disabled={save.isPending || !summary.trim()} onClick={() => void submit(true)}>
          {save.isPending ? "Saving…" : `Save as version ${nextNumber} and ask for sign-off`}
        </button>
      </div>
    </section>
  );
}
