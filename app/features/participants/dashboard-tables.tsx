// The A&O dashboard's tables as a reader sees them, on the committee's page and on the public snapshot:
// each table with its counts per stage, rates and the median wage at placement, hidden cells marked, and
// the suppression rule and threshold printed under every table.
import type { Dashboard, DashboardRow, DashboardTable } from "../../../server/domains/participants/dashboard";

export function Hidden() {
  return (
    <span className="text-slate-500">
      <span aria-hidden>—</span>
      <span className="sr-only">hidden</span>
    </span>
  );
}

const cents = (c: number | null) => (c === null ? null : `$${(c / 100).toFixed(2)}`);

function Cells({ row, dashboard }: { row: DashboardRow; dashboard: Dashboard }) {
  return (
    <>
      {row.counts.map((n, i) => (
        <td key={dashboard.stages[i]!.key} className="px-2 py-1 text-right tabular-nums" data-hidden={n === null ? "true" : undefined}>
          {n === null ? <Hidden /> : n}
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
      <td className="px-2 py-1 text-right tabular-nums">{row.medianWageCents === null ? <Hidden /> : cents(row.medianWageCents)}</td>
    </>
  );
}

export function DashboardTableView({ table, dashboard }: { table: DashboardTable; dashboard: Dashboard }) {
  const id = `table-${table.key}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="card min-w-0">
      <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        {table.label}
      </h3>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={`${table.label}, scrollable`}>
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">
            {table.label}: applicants of {dashboard.year} by stage. {table.hiddenCells} counts hidden.
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Group
              </th>
              {dashboard.stages.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {s.label}
                </th>
              ))}
              {dashboard.rateLabels.map((r) => (
                <th key={r.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {r.label}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right font-medium">
                Median wage at placement
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {row.label}
                </th>
                <Cells row={row} dashboard={dashboard} />
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300 font-medium">
              <th scope="row" className="px-2 py-1 text-left">
                {table.all.label}
              </th>
              <Cells row={table.all} dashboard={dashboard} />
            </tr>
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <span className="font-medium">Suppression (threshold {dashboard.threshold}):</span> {dashboard.rule}
      </p>
    </section>
  );
}

export function TrendView({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section aria-labelledby="trend-heading" className="card min-w-0">
      <h3 id="trend-heading" className="text-base font-semibold text-slate-900">
        Trend: applicants by year
      </h3>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Trend, scrollable">
        <table className="w-full min-w-[32rem] text-sm">
          <caption className="sr-only">Applicants of each year by stage, small counts hidden</caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Applied in
              </th>
              {dashboard.stages.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.trend.map((t) => (
              <tr key={t.year} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {t.year}
                </th>
                {t.counts.map((n, i) => (
                  <td key={dashboard.stages[i]!.key} className="px-2 py-1 text-right tabular-nums">
                    {n === null ? <Hidden /> : n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        <span className="font-medium">Suppression (threshold {dashboard.threshold}):</span> {dashboard.rule}
      </p>
    </section>
  );
}

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const hidden = dashboard.tables.reduce((n, t) => n + t.hiddenCells, 0);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700" role="note">
        People who applied in {dashboard.year}, at each stage. <span className="font-medium">{hidden}</span> counts are hidden (shown as —) so that no small group,
        and no one in it, can be picked out. {dashboard.rule}
      </p>
      <TrendView dashboard={dashboard} />
      {dashboard.tables.map((t) => (
        <DashboardTableView key={t.key} table={t} dashboard={dashboard} />
      ))}
    </div>
  );
}
