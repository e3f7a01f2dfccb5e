// Small pieces of the supportive-services pages: status, money, the service-level clock.
import { Badge } from "~/components/ui";
import { formatCents, REQUEST_STATUSES, type RequestStatus, type SlaClock } from "../../../server/domains/services/services.rules";
import { STATUS_TONES } from "./labels";

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{REQUEST_STATUSES[status]}</Badge>;
}

export function Money({ cents, className = "" }: { cents: number; className?: string }) {
  return <span className={`tabular-nums ${className}`}>{formatCents(cents)}</span>;
}

/** Age since submission and the time left (or overdue) against the partnership's target. */
export function Clock({ clock }: { clock: SlaClock | null }) {
  if (!clock) return null;
  const age = clock.ageDays === 0 ? "today" : clock.ageDays === 1 ? "1 day ago" : `${clock.ageDays} days ago`;
  if (clock.overdue) {
    const late = Math.max(1, -clock.daysLeft);
    return (
      <span className="inline-flex items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
        <span aria-hidden>●</span> Overdue by {late} {late === 1 ? "day" : "days"} · submitted {age}
      </span>
    );
  }
  return (
    <span className="text-xs text-slate-600">
      Submitted {age} · decision due in {clock.daysLeft} {clock.daysLeft === 1 ? "day" : "days"}
    </span>
  );
}

/** A bar of spent / committed / available for a fund. */
export function FundBar({ startingCents, committedCents, spentCents, label }: { startingCents: number; committedCents: number; spentCents: number; label: string }) {
  const pct = (n: number) => (startingCents > 0 ? Math.min(100, (n / startingCents) * 100) : 0);
  return (
    <div
      role="img"
      aria-label={`${label}: ${formatCents(spentCents)} spent, ${formatCents(committedCents)} committed, ${formatCents(startingCents - committedCents - spentCents)} available of ${formatCents(startingCents)}`}
      className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
    >
      <span className="h-full bg-indigo-700" style={{ width: `${pct(spentCents)}%` }} />
      <span className="h-full bg-amber-400" style={{ width: `${pct(committedCents)}%` }} />
    </div>
  );
}
