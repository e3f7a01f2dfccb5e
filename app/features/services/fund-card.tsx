// One fund on the funds page: its figures, what it committed and spent by category and by month, its
// caps and its review threshold, with the co-chairs' forms to change them (each a joint change).
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, Section, Time } from "~/components/ui";
import { useFormat } from "~/i18n/format";
import type { RouterOutputs } from "~/lib/trpc";
import { CapForm, CloseFund, ReviewPolicyForm } from "./fund-forms";
import { FundBar, Money } from "./parts";

type Fund = RouterOutputs["services"]["fund"]["list"][number];

export function FundCard({ fund, canManage }: { fund: Fund; canManage: boolean }) {
  const { t } = useTranslation("services");
  const f = useFormat();
  const month = new Intl.DateTimeFormat(f.locale, { month: "short", year: "numeric", timeZone: "UTC" });
  return (
    <Section
      title={fund.name}
      titleIsName
      id={`fund-${fund.id}`}
      actions={fund.closedAt ? <Badge tone="slate">{t("funds.closed")}</Badge> : canManage ? <CloseFund fundId={fund.id} name={fund.name} /> : null}
    >
      {fund.closedAt ? (
        <p className="mb-3 text-sm text-slate-700">
          <Trans t={t} i18nKey="funds.closedBody" components={{ time: <Time value={fund.closedAt} /> }} />
        </p>
      ) : null}
      <dl className="mb-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label={t("funds.starting")} cents={fund.startingCents} />
        <Figure label={t("funds.committed")} cents={fund.committedCents} />
        <Figure label={t("funds.spent")} cents={fund.spentCents} />
        <Figure label={t("funds.available")} cents={fund.availableCents} strong testId="fund-card-available" />
      </dl>
      <FundBar label={fund.name} startingCents={fund.startingCents} committedCents={fund.committedCents} spentCents={fund.spentCents} />
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.byCategory")}</h3>
          <Breakdown
            empty={t("funds.nothingApproved")}
            firstColumn={t("funds.category")}
            rows={fund.byCategory.map((c) => ({ key: c.category, label: t(`category.${c.category}`), committedCents: c.committedCents, spentCents: c.spentCents }))}
          />
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.byMonth")}</h3>
          <Breakdown
            empty={t("funds.nothingYet")}
            firstColumn={t("funds.month")}
            rows={fund.byMonth.map((m) => ({ key: m.month, label: <time dateTime={m.month}>{month.format(new Date(`${m.month}-01T00:00:00Z`))}</time>, committedCents: m.committedCents, spentCents: m.spentCents }))}
          />
        </div>
      </div>
      <div className="mt-4">
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.caps")}</h3>
        {fund.caps.length === 0 ? (
          <p className="text-sm text-slate-600">{t("funds.noCaps")}</p>
        ) : (
          <ul className="text-sm">
            {fund.caps.map((c) => (
              <li key={`${c.category}-${c.perTrainee}`}>
                {c.perTrainee
                  ? t("funds.capPerTrainee", { category: c.category === "ALL" ? t("funds.allCategories") : t(`category.${c.category}`), amount: f.cents(c.capCents) })
                  : t("funds.capTotal", { category: c.category === "ALL" ? t("funds.allCategories") : t(`category.${c.category}`), amount: f.cents(c.capCents) })}
              </li>
            ))}
          </ul>
        )}
        {canManage && !fund.closedAt ? <CapForm fundId={fund.id} /> : null}
      </div>
      <div className="mt-4" data-testid="review-policy">
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.policy.title")}</h3>
        <p className="text-sm">
          {fund.bothSidesAboveCents === null ? t("funds.policy.one") : t("funds.policy.both", { threshold: f.cents(fund.bothSidesAboveCents) })}
        </p>
        {canManage && !fund.closedAt ? <ReviewPolicyForm fundId={fund.id} current={fund.bothSidesAboveCents} /> : null}
      </div>
    </Section>
  );
}

function Figure({ label, cents, strong = false, testId }: { label: string; cents: number; strong?: boolean; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={strong ? "text-lg font-semibold" : "text-base"} data-testid={testId}>
        <Money cents={cents} />
      </dd>
    </div>
  );
}

/** Committed and spent per row (a category or a month), or a line saying there is nothing yet. */
function Breakdown({ rows, firstColumn, empty }: { rows: Array<{ key: string; label: ReactNode; committedCents: number; spentCents: number }>; firstColumn: string; empty: string }) {
  const { t } = useTranslation("services");
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 font-medium">{firstColumn}</th>
          <th scope="col" className="py-1 text-right font-medium">{t("funds.committed")}</th>
          <th scope="col" className="py-1 text-right font-medium">{t("funds.spent")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="py-1 text-left font-normal">{r.label}</th>
            <td className="py-1 text-right"><Money cents={r.committedCents} /></td>
            <td className="py-1 text-right"><Money cents={r.spentCents} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
