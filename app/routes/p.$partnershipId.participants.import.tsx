// CSV import of participants or of weekly hours: paste or choose a file, preview every row with its
// errors, then import — every row or none.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError } from "~/components/field";
import { Badge, PageHeader, Section } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { requireUser } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { HOURS_COLUMNS, PARTICIPANT_COLUMNS } from "../../server/domains/participants/participants.rules";

export const meta: MetaFunction = () => [{ title: "Import participants · Jointly" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

type Preview = RouterOutputs["participants"]["import"]["preview"];

export default function ImportPage() {
  const { partnershipId = "" } = useParams();
  const [kind, setKind] = useState<"participants" | "hours">("participants");
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const previewCall = trpc.participants.import.preview.useMutation();
  const run = trpc.participants.import.run.useMutation();
  const columns = kind === "participants" ? PARTICIPANT_COLUMNS : HOURS_COLUMNS;
  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/participants`} className="link">
          ← Participants
        </Link>
      </p>
      <PageHeader title="Import from a spreadsheet" description="Save the sheet as CSV with the columns below. Nothing is written until every row is right." />
      <Section title="File" id="import-file">
        <form
          className="space-y-3"
          aria-label="Preview an import"
          onSubmit={(e) => {
            e.preventDefault();
            reset();
            previewCall.mutateAsync({ partnershipId, kind, csv }).then(setPreview, (err: unknown) => setError(toUiError(err).message));
          }}
        >
          <FormError message={error} />
          <fieldset>
            <legend className="text-sm font-medium">What the file holds</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {(["participants", "hours"] as const).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => (setKind(k), reset())} />
                  {k === "participants" ? "Participants and their applications" : "Weekly hours"}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-xs text-slate-600">
            Columns: <code className="break-all">{columns.join(", ")}</code>
            {kind === "participants" ? ". Race and ethnicity: categories separated by ; (e.g. Asian;White). Dates: YYYY-MM-DD." : ". week_of: the Monday of the week; kind: OJL or RI."}
          </p>
          <div className="space-y-1">
            <label htmlFor="csv-file" className="block text-sm font-medium">
              Choose a CSV file
            </label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              className="text-sm"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void file.text().then((t) => (setCsv(t), reset()));
              }}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="csv-text" className="block text-sm font-medium">
              Or paste it
            </label>
            <textarea id="csv-text" className="input font-mono text-xs" rows={8} value={csv} onChange={(e) => (setCsv(e.currentTarget.value), reset())} />
          </div>
          <button type="submit" className="btn-secondary" disabled={!csv.trim() || previewCall.isPending}>
            {previewCall.isPending ? "Checking…" : "Preview"}
          </button>
        </form>
      </Section>
      {preview ? (
        <Section title={`Preview: ${preview.valid} ready, ${preview.invalid} with errors`} id="import-preview">
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Preview, scrollable">
            <table className="w-full min-w-[30rem] text-sm">
              <caption className="sr-only">Each row of the file and what is wrong with it</caption>
              <thead>
                <tr className="border-b text-xs text-slate-600">
                  <th scope="col" className="py-1 text-left font-medium">
                    Line
                  </th>
                  <th scope="col" className="py-1 text-left font-medium">
                    Row
                  </th>
                  <th scope="col" className="py-1 text-left font-medium">
                    Check
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className="border-b border-slate-100 align-top">
                    <td className="py-1 tabular-nums">{r.line}</td>
                    <td className="py-1">{r.summary}</td>
                    <td className="py-1">
                      {r.ok ? (
                        <Badge tone="green">Ready</Badge>
                      ) : (
                        <ul className="text-red-800">
                          {r.errors.map((e, i) => (
                            <li key={i}>
                              <span className="font-medium">{e.column}</span>: {e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3">
            <button
              type="button"
              className="btn-primary"
              disabled={preview.invalid > 0 || run.isPending}
              onClick={() =>
                run.mutateAsync({ partnershipId, kind, csv }).then(
                  (r) => (setDone(`Imported ${r.imported} rows.`), setPreview(null)),
                  (err: unknown) => setError(toUiError(err).message),
                )
              }
            >
              Import all {preview.rows.length} rows
            </button>
            {preview.invalid > 0 ? <p className="mt-2 text-sm text-slate-700">Correct the rows with errors and preview again: nothing is imported while any row is wrong.</p> : null}
          </div>
        </Section>
      ) : null}
      {done ? (
        <p role="status" className="mt-4 text-sm font-medium text-green-800">
          {done}
        </p>
      ) : null}
    </div>
  );
}
