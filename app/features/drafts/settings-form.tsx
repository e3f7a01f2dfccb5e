// A committee's draft settings: who edits its drafts (either co-chair, at once), who is in the worker
// sign-off group (labor-side members only: labor's co-chair sets it at once, management's proposes a
// change for labor to concur), and the adoption rule (all of them, or at least N: a joint change).
import { useState, type FormEvent } from "react";
import { SideBadge } from "~/components/ui";
import { FormError } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";

type Settings = RouterOutputs["drafts"]["settings"]["get"];

export function DraftSettingsForm({ settings }: { settings: Settings }) {
  const utils = trpc.useUtils();
  const mutation = trpc.drafts.settings.set.useMutation();
  const [editors, setEditors] = useState(new Set(settings.editorMembershipIds));
  const [reviewers, setReviewers] = useState(new Set(settings.reviewerMembershipIds));
  const [rule, setRule] = useState(settings.rule);
  const [minimum, setMinimum] = useState(String(settings.minimum));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const disabled = !settings.canManage;

  const toggle = (set: Set<string>, update: (s: Set<string>) => void, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    update(next);
    setSaved(null);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await mutation.mutateAsync({
        bodyId: settings.bodyId,
        editorMembershipIds: [...editors],
        reviewerMembershipIds: [...reviewers],
        rule,
        minimum: Number(minimum) || 1,
      });
      setError(null);
      const proposals = result.changeIds.length;
      setSaved(
        proposals
          ? `Saved what is yours to change. ${proposals === 1 ? "One change waits" : `${proposals} changes wait`} for the other side's co-chair (see Joint changes on the committee's page).`
          : "Saved. Drafts in review were checked against the new group.",
      );
      void utils.drafts.settings.get.invalidate({ bodyId: settings.bodyId });
    } catch (e) {
      const ui = toUiError(e);
      setError(Object.values(ui.fields)[0]?.[0] ?? ui.message);
    }
  }

  const editable = settings.people.filter((p) => p.role !== "OBSERVER");
  const labor = settings.people.filter((p) => p.side === "LABOR");
  return (
    <form onSubmit={onSubmit} className="space-y-6">
      <FormError message={error} />
      <p role="status" className={saved ? "rounded-md bg-green-50 p-3 text-sm text-green-800 ring-1 ring-green-200" : "sr-only"}>
        {saved ?? ""}
      </p>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-semibold text-slate-900">Editors</legend>
        <p className="text-xs text-slate-500">Editors write the committee's drafts and ask for review. The co-chairs always can.</p>
        {editable.map((p) => (
          <label key={p.membershipId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={editors.has(p.membershipId)} onChange={() => toggle(editors, setEditors, p.membershipId)} />
            {p.name} <SideBadge side={p.side} />
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-semibold text-slate-900">Worker sign-off group</legend>
        <p className="text-xs text-slate-500">
          Labor-side members of the committee who must sign off a version before it can be adopted. Labor chooses them
          {settings.viewerSide === "LABOR" ? "." : ": a change you make here is proposed to labor's co-chair."}
        </p>
        {labor.length === 0 ? <p className="text-sm text-slate-600">This committee has no labor-side members yet.</p> : null}
        {labor.map((p) => (
          <label key={p.membershipId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={reviewers.has(p.membershipId)} onChange={() => toggle(reviewers, setReviewers, p.membershipId)} />
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-semibold text-slate-900">Adoption rule</legend>
        <p className="text-xs text-slate-500">A joint change: the other side's co-chair concurs before it applies.</p>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="rule" checked={rule === "ALL"} onChange={() => setRule("ALL")} /> All members of the group sign off
        </label>
        <label className="flex flex-wrap items-center gap-2 text-sm">
          <input type="radio" name="rule" checked={rule === "AT_LEAST"} onChange={() => setRule("AT_LEAST")} /> At least
          <input
            type="number"
            min={1}
            max={Math.max(1, reviewers.size)}
            className="input w-20"
            aria-label="Minimum number of sign-offs"
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
            disabled={rule !== "AT_LEAST" || disabled}
          />
          of them sign off
        </label>
      </fieldset>
      {settings.canManage ? (
        <button type="submit" className="btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save settings"}
        </button>
      ) : (
        <p className="text-sm text-slate-600">Only the co-chairs change these settings.</p>
      )}
    </form>
  );
}
