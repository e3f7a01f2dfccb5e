// Comparing two versions side by side, module by module (matched by their stable key): added, removed
// and changed modules, with the changed words highlighted in each field.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import type { Part } from "../../../server/domains/drafts/drafts.rules";
import { useHoursText, type DraftView } from "./labels";

const STATUS_TONE = { added: "green", removed: "red", changed: "amber", unchanged: "slate" } as const;

function Parts({ parts }: { parts: Part[] }) {
  const { t } = useTranslation("drafts");
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            <span className="sr-only">{t("compare.srAdded")} </span>
            {p.value}
            <span className="sr-only">{t("compare.srEnd")}</span>
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            <span className="sr-only">{t("compare.srRemoved")} </span>
            {p.value}
            <span className="sr-only">{t("compare.srEnd")}</span>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

export function CompareView({ view }: { view: DraftView }) {
  const { t } = useTranslation("drafts");
  const hoursText = useHoursText();
  const numbers = view.versions.map((v) => v.number);
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? 0);
  const [to, setTo] = useState(numbers[0] ?? 0);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const query = trpc.drafts.version.compare.useQuery({ draftId: view.draft.id, from, to });
  const options = [...view.versions.map((v) => [v.number, t("draft.version", { number: v.number })] as const), [0, t("draft.workingCopy")] as const];
  const diff = query.data;
  return (
    <section className="card space-y-4" aria-labelledby="compare-heading">
      <h3 id="compare-heading" className="text-lg font-semibold text-slate-900">
        {t("compare.title")}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <VersionSelect label={t("compare.from")} options={options} value={from} onChange={setFrom} />
        <VersionSelect label={t("compare.to")} options={options} value={to} onChange={setTo} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t("compare.showUnchanged")}
        </label>
      </div>
      {query.isLoading ? <p className="text-sm text-slate-600">{t("compare.comparing")}</p> : null}
      {query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {t("compare.error")}
        </p>
      ) : null}
      {diff ? (
        <div className="space-y-4" aria-live="polite">
          <p className="text-sm text-slate-700" data-testid="compare-summary">
            {t("compare.summary", { ...diff.counts, from: hoursText(diff.fromHours), to: hoursText(diff.toHours) })}
          </p>
          {diff.details.some((d) => d.changed) ? (
            <div className="rounded-md bg-slate-50 p-3 text-sm">
              {diff.details
                .filter((d) => d.changed)
                .map((d) => (
                  <p key={d.field}>
                    <span className="font-semibold">{t(`compare.detail.${d.field}`)} </span>
                    <Parts parts={d.parts} />
                  </p>
                ))}
            </div>
          ) : null}
          {diff.modules
            .filter((m) => showUnchanged || m.status !== "unchanged")
            .map((m) => (
              <article key={m.key} className="rounded-md p-3 ring-1 ring-slate-200" data-testid="module-diff">
                <div className="flex flex-wrap items-center gap-2">
                  <h4 className="font-semibold text-slate-900">{m.title}</h4>
                  <Badge tone={STATUS_TONE[m.status]}>{t(`compare.status.${m.status}`)}</Badge>
                  {m.fromPosition !== null && m.toPosition !== null && m.fromPosition !== m.toPosition ? (
                    <span className="text-xs text-slate-500">
                      {t("compare.moved", { from: m.fromPosition + 1, to: m.toPosition + 1 })}
                    </span>
                  ) : null}
                </div>
                <dl className="mt-2 space-y-2 text-sm">
                  {m.fields
                    .filter((f) => f.changed || m.status === "unchanged")
                    .filter((f) => f.parts.length)
                    .map((f) => (
                      <div key={f.field}>
                        <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t(`compare.field.${f.field}`)}</dt>
                        <dd className="whitespace-pre-wrap break-words">
                          <Parts parts={f.parts} />
                        </dd>
                      </div>
                    ))}
                </dl>
              </article>
            ))}
        </div>
      ) : null}
    </section>
  );
}

/** One end of the comparison: a version number, or 0 for the working copy. */
function VersionSelect({ label, options, value, onChange }: { label: string; options: ReadonlyArray<readonly [number, string]>; value: number; onChange: (n: number) => void }) {
  return (
    <label className="text-sm">
      <span className="block font-medium text-slate-800">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map(([n, text]) => (
          <option key={n} value={n}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
