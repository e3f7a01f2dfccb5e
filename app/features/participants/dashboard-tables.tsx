// The A&O dashboard's tables as a reader sees them, on the committee's page and on the public snapshot:
// each table with its counts per stage, rates and the median wage at placement, hidden cells marked, and
// the suppression rule and threshold printed under every table, in the reader's language (dashboard.words.rules.ts).
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import type { Dashboard, DashboardRow, DashboardTable } from "../../../server/domains/participants/dashboard";
import { dashboardWords } from "../../../server/domains/participants/dashboard.words.rules";

export function Hidden() {
  const { t } = useTranslation("participants");
  return (
    <span className="text-slate-500">
      <span aria-hidden>—</span>
      <span className="sr-only">{t("dashboard.hidden")}</span>
    </span>
  );
}

/** A table's title, a group's name and the rule, in the reader's language. */
export function useDashboardWords(dashboard: Pick<Dashboard, "year" | "threshold">) {
  const { t } = useTranslation("participants");
  return dashboardWords(t, dashboard);
}

function Cells({ row, dashboard }: { row: DashboardRow; dashboard: Dashboard }) {
  const f = useFormat();
  return (
    <>
      {row.counts.map((n, i) => (
        <td key={dashboard.stages[i]!.key} className="px-2 py-1 text-right tabular-nums" data-hidden={n === null ? "true" : undefined}>
          {n === null ? <Hidden /> : f.number(n)}
        </td>
      ))}
      {dashboard.rateLabels.map((r) => {
        const v = row.rates[r.key];
        return (
          <td key={r.key} className="px-2 py-1 text-right tabular-nums">
            {v === null || v === undefined ? <Hidden /> : `${v}%`}
          </td>
        );
      })}
      <td className="px-2 py-1 text-right tabular-nums">{row.medianWageCents === null ? <Hidden /> : f.cents(row.medianWageCents)}</td>
    </>
  );
}

export function DashboardTableView({ table, dashboard }: { table: DashboardTable; dashboard: Dashboard }) {
  const { t } = useTranslation("participants");
  const words = useDashboardWords(dashboard);
  const id = `table-${table.key}`;
  const title = words.table(table);
  return (
    <section aria-labelledby={`${id}-heading`} className="card min-w-0">
      <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("dashboard.scrollable", { title })}>
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">{t("dashboard.caption", { title, year: dashboard.year, count: table.hiddenCells })}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="px-2 py-1 text-left font-medium">
                {t("dashboard.group")}
              </th>
              {dashboard.stages.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {words.stage(s.key, s.label)}
                </th>
              ))}
              {dashboard.rateLabels.map((r) => (
                <th key={r.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {words.rate(r.key, r.label)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right font-medium">
                {t("dashboard.medianWage")}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {words.group(table, row)}
                </th>
                <Cells row={row} dashboard={dashboard} />
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300 font-medium">
              <th scope="row" className="px-2 py-1 text-left">
                {words.group(table, table.all)}
              </th>
              <Cells row={table.all} dashboard={dashboard} />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <span className="font-medium">{words.ruleLabel}</span> {words.rule}
      </p>
    </section>
  );
}

export function TrendView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("participants");
  const words = useDashboardWords(dashboard);
  const f = useFormat();
  return (
    <section aria-labelledby="trend-heading" className="card min-w-0">
      <h3 id="trend-heading" className="text-base font-semibold text-slate-900">
        {t("dashboard.trend")}
      </h3>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("dashboard.trendScrollable")}>
        <table className="w-full min-w-[32rem] text-sm">
          <caption className="sr-only">{t("dashboard.trendCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="px-2 py-1 text-left font-medium">
                {t("dashboard.appliedIn")}
              </th>
              {dashboard.stages.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {words.stage(s.key, s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.trend.map((row) => (
              <tr key={row.year} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {row.year}
                </th>
                {row.counts.map((n, i) => (
                  <td key={dashboard.stages[i]!.key} className="px-2 py-1 text-right tabular-nums">
                    {n === null ? <Hidden /> : f.number(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <span className="font-medium">{words.ruleLabel}</span> {words.rule}
      </p>
    </section>
  );
}

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("participants");
  const words = useDashboardWords(dashboard);
  const hidden = dashboard.tables.reduce((n, table) => n + table.hiddenCells, 0);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700" role="note">
        {t("dashboard.intro", { year: dashboard.year, count: hidden })} {words.rule}
      </p>
      <TrendView dashboard={dashboard} />
      {dashboard.tables.map((table) => (
        <DashboardTableView key={table.key} table={table} dashboard={dashboard} />
      ))}
    </div>
  );
}
