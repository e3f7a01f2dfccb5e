// Small pieces of the voting screens: a labelled checkbox, the cast-of-eligible bar, the per-side
// count table, the outcome badge and a deadline with the time left.
import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { Badge, Time } from "~/components/ui";
import { CHOICE_LABELS } from "../../../server/domains/voting/voting.schema";
import { CHOICES, type Counts, type Outcome } from "../../../server/domains/voting/voting.rules";
import { OUTCOME_LABELS, OUTCOME_TONES, SIDE_LABELS } from "./labels";

export function CheckboxField({ label, hint, ...props }: { label: string; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-indigo-700" aria-describedby={hint ? `${id}-hint` : undefined} {...props} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** "7 of 12 ballots cast" as a bar; screen readers get it as a labelled progressbar. */
export function CastBar({ cast, eligible, label = "Ballots cast", size = "md" }: { cast: number; eligible: number; label?: string; size?: "sm" | "md" }) {
  const share = eligible > 0 ? Math.min(100, Math.round((cast / eligible) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={eligible}
      aria-valuenow={cast}
      aria-valuetext={`${cast} of ${eligible}`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === "sm" ? "h-1.5" : "h-3"}`}
    >
      <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${share}%` }} />
    </div>
  );
}

type BySide = { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts };

/** Yes / no / abstain per side (and in total, for a result). */
export function TallyTable({ bySide, total, caption }: { bySide: BySide; total?: Counts; caption: string }) {
  const sum = (c: Counts) => c.YES + c.NO + c.ABSTAIN;
  const row = (label: string, c: Counts, strong = false) => (
    <tr key={label} className={strong ? "border-t-2 border-slate-300 font-semibold" : "border-t border-slate-100"}>
      <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-800">
        {label}
      </th>
      {CHOICES.map((choice) => (
        <td key={choice} className="px-2 py-1.5 text-right tabular-nums">
          {c[choice]}
        </td>
      ))}
      <td className="py-1.5 pl-2 text-right tabular-nums text-slate-600">{sum(c)}</td>
    </tr>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-1 pr-3 text-left font-medium">
              Side
            </th>
            {CHOICES.map((choice) => (
              <th key={choice} scope="col" className="px-2 py-1 text-right font-medium">
                {CHOICE_LABELS[choice]}
              </th>
            ))}
            <th scope="col" className="py-1 pl-2 text-right font-medium">
              Cast
            </th>
          </tr>
        </thead>
        <tbody>
          {row(SIDE_LABELS.LABOR, bySide.LABOR)}
          {row(SIDE_LABELS.MANAGEMENT, bySide.MANAGEMENT)}
          {row(SIDE_LABELS.NEUTRAL, bySide.NEUTRAL)}
          {total ? row("Total", total, true) : null}
        </tbody>
      </table>
    </div>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return <Badge tone={OUTCOME_TONES[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}

/** The browser's clock, ticking; null while rendering on the server (so nothing mismatches). */
export function useNow(intervalMs = 15_000) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function timeLeft(ms: number) {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

/** "Closes Mar 3, 5:00 PM (in 2 h 10 min)", or that the deadline passed. */
export function Deadline({ deadline, verb = "Closes" }: { deadline: Date; verb?: string }) {
  const now = useNow();
  const left = now === null ? null : deadline.getTime() - now;
  return (
    <span>
      {left !== null && left <= 0 ? "Deadline passed " : `${verb} `}
      <Time value={deadline} withTime />
      {left !== null && left > 0 ? <span className="text-slate-500"> (in {timeLeft(left)})</span> : null}
    </span>
  );
}

