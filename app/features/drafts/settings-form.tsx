// A committee's draft settings: who edits its drafts (either co-chair, at once), who is in the worker
// sign-off group (labor-side members only: labor's co-chair sets it at once, management's proposes a
// change for labor to concur), and the adoption rule (all of them, or at least N: a joint change).
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SideBadge } from "~/components/ui";
import { FormError } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";

type Settings = RouterOutputs["drafts"]["settings"]["get"];

export function DraftSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation("drafts");
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
      setSaved(proposals ? t("settings.savedWaiting", { count: proposals }) : t("settings.saved"));
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
        <legend className="text-sm font-semibold text-slate-900">{t("settings.editors")}</legend>
        <p className="text-xs text-slate-500">{t("settings.editorsHint")}</p>
        {editable.map((p) => (
          <label key={p.membershipId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={editors.has(p.membershipId)} onChange={() => toggle(editors, setEditors, p.membershipId)} />
            {p.name} <SideBadge side={p.side} />
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-semibold text-slate-900">{t("settings.group")}</legend>
        <p className="text-xs text-slate-500">{settings.viewerSide === "LABOR" ? t("settings.groupHintLabor") : t("settings.groupHintOther")}</p>
        {labor.length === 0 ? <p className="text-sm text-slate-600">{t("settings.noLabor")}</p> : null}
        {labor.map((p) => (
          <label key={p.membershipId} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={reviewers.has(p.membershipId)} onChange={() => toggle(reviewers, setReviewers, p.membershipId)} />
            {p.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="text-sm font-semibold text-slate-900">{t("settings.rule")}</legend>
        <p className="text-xs text-slate-500">{t("settings.ruleHint")}</p>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="rule" checked={rule === "ALL"} onChange={() => setRule("ALL")} /> {t("settings.ruleAll")}
        </label>
        <label className="flex flex-wrap items-center gap-2 text-sm">
          <input type="radio" name="rule" checked={rule === "AT_LEAST"} onChange={() => setRule("AT_LEAST")} /> {t("settings.ruleAtLeastBefore")}
          <input
            type="number"
            min={1}
            max={Math.max(1, reviewers.size)}
            className="input w-20"
            aria-label={t("settings.minimum")}
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
            disabled={rule !== "AT_LEAST" || disabled}
          />
          {t("settings.ruleAtLeastAfter")}
        </label>
      </fieldset>
      {settings.canManage ? (
        <button type="submit" className="btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("common:actions.saving") : t("settings.save")}
        </button>
      ) : (
        <p className="text-sm text-slate-600">{t("settings.onlyCoChairs")}</p>
      )}
    </form>
  );
}
