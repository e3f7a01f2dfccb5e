// Small pieces of the supportive-services pages: status, money, the service-level clock.
import { useTranslation } from "react-i18next";
import { Badge, Money } from "~/components/ui";
import { useFormat } from "~/i18n/format";
import type { RequestStatus, SlaClock } from "../../../server/domains/services/services.rules";
import { STATUS_TONES } from "./labels";

export { Money };

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation("services");
  return <Badge tone={STATUS_TONES[status]}>{t(`status.${status}`)}</Badge>;
}

/** Age since submission and the time left (or overdue) against the partnership's target. */
export function Clock({ clock }: { clock: SlaClock | null }) {
  const { t } = useTranslation("services");
  if (!clock) return null;
  const age = clock.ageDays === 0 ? t("clock.today") : t("clock.daysAgo", { count: clock.ageDays });
  if (clock.overdue) {
    const late = Math.max(1, -clock.daysLeft);
    return (
      <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
        <span aria-hidden>●</span> {t("clock.overdue", { count: late, age })}
      </span>
    );
  }
  return <span className="text-xs text-slate-600">{t("clock.due", { count: clock.daysLeft, age })}</span>;
}

/** A bar of spent / committed / available for a fund. */
export function FundBar({ startingCents, committedCents, spentCents, label }: { startingCents: number; committedCents: number; spentCents: number; label: string }) {
  const { t } = useTranslation("services");
  const f = useFormat();
  const pct = (n: number) => (startingCents > 0 ? Math.min(100, (n / startingCents) * 100) : 0);
  return (
    <div
      role="img"
      aria-label={t("fundBar", {
        label,
        spent: f.cents(spentCents),
        committed: f.cents(committedCents),
        available: f.cents(startingCents - committedCents - spentCents),
        starting: f.cents(startingCents),
      })}
      className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
    >
      <span className="h-full bg-indigo-700" style={{ width: `${pct(spentCents)}%` }} />
      <span className="h-full bg-amber-400" style={{ width: `${pct(committedCents)}%` }} />
    </div>
  );
}
