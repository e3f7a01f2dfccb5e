// CSV import of participants or of weekly hours: paste or choose a file, preview every row with its
// errors, then import — every row or none.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { FormError } from "~/components/field";
import { Badge, PageHeader, Section } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { requireUser } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { HOURS_COLUMNS, PARTICIPANT_COLUMNS } from "../../server/domains/participants/participants.rules";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "import.pageTitle", "participants") }];

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
  const { t } = useTranslation("participants");
  const translate = useServerMessage();
  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/participants`} className="link">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <Section title={t("import.file")} id="import-file">
        <form
          className="space-y-3"
          aria-label={t("import.previewForm")}
          onSubmit={(e) => {
            e.preventDefault();
            reset();
            previewCall.mutateAsync({ partnershipId, kind, csv }).then(setPreview, (err: unknown) => setError(toUiError(err).message));
          }}
        >
          <FormError message={error} />
          <fieldset>
            <legend className="text-sm font-medium">{t("import.holds")}</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {(["participants", "hours"] as const).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => (setKind(k), reset())} />
                  {k === "participants" ? t("import.kindParticipants") : t("import.kindHours")}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-xs text-slate-600">
            {kind === "participants" ? (
              <Trans t={t} i18nKey="import.columnsParticipants" values={{ columns: columns.join(", ") }} components={{ code: <code className="break-all" /> }} />
            ) : (
              <Trans t={t} i18nKey="import.columnsHours" values={{ columns: columns.join(", ") }} components={{ code: <code className="break-all" /> }} />
            )}
          </p>
          <div className="space-y-1">
            <label htmlFor="csv-file" className="block text-sm font-medium">
              {t("import.chooseFile")}
            </label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              className="text-sm"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void file.text().then((text) => (setCsv(text), reset()));
              }}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="csv-text" className="block text-sm font-medium">
              {t("import.paste")}
            </label>
            <textarea id="csv-text" className="input font-mono text-xs" rows={8} value={csv} onChange={(e) => (setCsv(e.currentTarget.value), reset())} />
          </div>
          <button type="submit" className="btn-secondary" disabled={!csv.trim() || previewCall.isPending}>
            {previewCall.isPending ? t("import.checking") : t("import.preview")}
          </button>
        </form>
      </Section>
      {preview ? (
        <Section title={t("import.previewTitle", { valid: preview.valid, invalid: preview.invalid })} id="import-preview">
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("import.scrollable")}>
            <table className="w-full min-w-[30rem] text-sm">
              <caption className="sr-only">{t("import.caption")}</caption>
              <thead>
                <tr className="border-b text-xs text-slate-600">
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("import.line")}
                  </th>
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("import.row")}
                  </th>
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("import.check")}
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
                        <Badge tone="green">{t("import.ready")}</Badge>
                      ) : (
                        <ul className="text-red-800">
                          {r.errors.map((e, i) => (
                            <li key={i}>
                              <span className="font-medium">{e.column}</span>: {translate(e.message)}
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
                  (r) => (setDone(t("import.imported", { count: r.imported })), setPreview(null)),
                  (err: unknown) => setError(toUiError(err).message),
                )
              }
            >
              {t("import.importAll", { count: preview.rows.length })}
            </button>
            {preview.invalid > 0 ? <p className="mt-2 text-sm text-slate-700">{t("import.correct")}</p> : null}
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
