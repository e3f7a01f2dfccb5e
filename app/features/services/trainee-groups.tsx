// Trainees by each self-reported question on the services page, small groups hidden by the server (the
// partnership's threshold). The server says each table and group by its key; the reader sees them and
// the suppression rule in their language, in the same words as the A&O dashboard.
import { useTranslation } from "react-i18next";
import { useDashboardWords } from "~/features/participants/dashboard-tables";
import { useFormat } from "~/i18n/format";
import type { RouterOutputs } from "~/lib/trpc";

type Demographics = RouterOutputs["services"]["summary"]["demographics"];

export function TraineeGroups({ demographics }: { demographics: Demographics }) {
  const { t } = useTranslation("services");
  const f = useFormat();
  // Only the groups' names and the rule are borrowed: no quarter table here, so the year is not used.
  const words = useDashboardWords({ year: 0, threshold: demographics.threshold });
  const count = (n: number | null) => (n === null ? <abbr title={t("index.hidden")}>—</abbr> : f.number(n));
  return (
    <>
      <p className="mb-2 text-xs text-slate-600">{words.rule}</p>
      {demographics.tables.map((table) => {
        const name = words.table(table);
        return (
          <details key={table.key} className="border-t border-slate-100 py-2 text-sm">
            <summary className="cursor-pointer font-medium">{name}</summary>
            <table className="mt-1 w-full text-sm">
              <caption className="sr-only">{t("index.groupsCaption", { group: name.toLocaleLowerCase(f.locale) })}</caption>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                      {words.group(table, r)}
                    </th>
                    <td className="text-right tabular-nums">{count(r.count)}</td>
                  </tr>
                ))}
                <tr className="border-t border-slate-200">
                  <th scope="row" className="py-0.5 pr-2 text-left">
                    {t("index.allTrainees")}
                  </th>
                  <td className="text-right tabular-nums">{count(table.total)}</td>
                </tr>
              </tbody>
            </table>
          </details>
        );
      })}
    </>
  );
}
