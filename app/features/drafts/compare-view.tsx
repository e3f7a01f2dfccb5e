// Comparing two versions side by side, module by module (matched by their stable key): added, removed
// and changed modules, with the changed words highlighted in each field.
import { useState } from "react";
import { Badge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import type { Part } from "../../../server/domains/drafts/drafts.rules";
import { hoursText, type DraftView } from "./labels";

const STATUS = { added: ["Added", "green"], removed: ["Removed", "red"], changed: ["Changed", "amber"], unchanged: ["Unchanged", "slate"] } as const;

function Parts({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            <span className="sr-only">[added: </span>
            {p.value}
            <span className="sr-only">]</span>
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            <span className="sr-only">[removed: </span>
            {p.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

export function CompareView({ view }: { view: DraftView }) {
  const numbers = view.versions.map((v) => v.number);
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? 0);
  const [to, setTo] = useState(numbers[0] ?? 0);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const query = trpc.drafts.version.compare.useQuery({ draftId: view.draft.id, from, to });
  const options = [...view.versions.map((v) => [v.number, `Version ${v.number}`] as const), [0, "Working copy"] as const];
  const diff = query.data;
  return (
    <section className="card space-y-4" aria-labelledby="compare-heading">
      <h3 id="compare-heading" className="text-lg font-semibold text-slate-900">
        Compare versions
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <VersionSelect label="From" options={options} value={from} onChange={setFrom} />
        <VersionSelect label="To" options={options} value={to} onChange={setTo} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> Show unchanged modules
        </label>
      </div>
      {query.isLoading ? <p className="text-sm text-slate-600">Comparing…</p> : null}
      {query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          Could not compare these versions.
        </p>
      ) : null}
      {diff ? (
        <div className="space-y-4" aria-live="polite">
          <p className="text-sm text-slate-700" data-testid="compare-summary">
            {diff.counts.added} added, {diff.counts.removed} removed, {diff.counts.changed} changed, {diff.counts.unchanged} unchanged. Hours: {hoursText(diff.fromHours)} → {hoursText(diff.toHours)}.
          </p>
          {diff.details.some((d) => d.changed) ? (
            <div className="rounded-md bg-slate-50 p-3 text-sm">
              {diff.details
                .filter((d) => d.changed)
                .map((d) => (
                  <p key={d.field}>
                    <span className="font-semibold">{d.field === "programKind" ? "Program kind" : d.field[0]!.toUpperCase() + d.field.slice(1)}: </span>
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
                  <Badge tone={STATUS[m.status][1]}>{STATUS[m.status][0]}</Badge>
                  {m.fromPosition !== null && m.toPosition !== null && m.fromPosition !== m.toPosition ? (
                    <span className="text-xs text-slate-500">
                      moved from position {m.fromPosition + 1} to {m.toPosition + 1}
                    </span>
                  ) : null}
                </div>
                <dl className="mt-2 space-y-2 text-sm">
                  {m.fields
                    .filter((f) => f.changed || m.status === "unchanged")
                    .filter((f) => f.parts.length)
                    .map((f) => (
                      <div key={f.field}>
                        <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{f.label}</dt>
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
