// Small pieces of the voting screens: a labelled checkbox, the cast-of-eligible bar, the per-side
// count table, the outcome badge and a deadline with the time left.
import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, Time } from "~/components/ui";
import { useFormat } from "~/i18n/format";
import { CHOICES, type Counts, type Outcome } from "../../../server/domains/voting/voting.rules";
import { OUTCOME_TONES } from "./labels";

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
export function CastBar({ cast, eligible, label, size = "md" }: { cast: number; eligible: number; label?: string; size?: "sm" | "md" }) {
  const { t } = useTranslation("voting");
  const f = useFormat();
  const share = eligible > 0 ? Math.min(100, Math.round((cast / eligible) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label ?? t("parts.ballotsCast")}
      aria-valuemin={0}
      aria-valuemax={eligible}
      aria-valuenow={cast}
      aria-valuetext={t("parts.castOf", { cast: f.number(cast), eligible: f.number(eligible) })}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === "sm" ? "h-1.5" : "h-3"}`}
    >
      <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-300" style={{ width: `${share}%` }} />
    </div>
  );
}

type BySide = { LABOR: Counts; MANAGEMENT: Counts; NEUTRAL: Counts };

/** Yes / no / abstain per side (and in total, for a result); on a phone each side is one labelled line. */
export function TallyTable({ bySide, total, caption }: { bySide: BySide; total?: Counts; caption: string }) {
  const { t } = useTranslation("voting");
  const sum = (c: Counts) => c.YES + c.NO + c.ABSTAIN;
  const row = (label: string, c: Counts, strong = false) => (
    <tr role="row" key={label} className={strong ? "border-t-2 border-slate-300 font-semibold" : "border-t border-slate-100"}>
      <th role="rowheader" scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-800">
        {label}
      </th>
      {CHOICES.map((choice) => (
        <td role="cell" key={choice} className="px-2 py-1.5 text-right tabular-nums" data-label={t(`choice.${choice}`)}>
          {c[choice]}
        </td>
      ))}
      <td role="cell" className="py-1.5 pl-2 text-right tabular-nums text-slate-600" data-label={t("parts.cast")}>
        {sum(c)}
      </td>
    </tr>
  );
  return (
    <div className="overflow-x-auto">
      <table role="table" className="table-stack table-stack-inline w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row" className="text-xs uppercase tracking-wide text-slate-500">
            <th role="columnheader" scope="col" className="py-1 pr-3 text-left font-medium">
              {t("parts.side")}
            </th>
            {CHOICES.map((choice) => (
              <th role="columnheader" key={choice} scope="col" className="px-2 py-1 text-right font-medium">
                {t(`choice.${choice}`)}
              </th>
            ))}
            <th role="columnheader" scope="col" className="py-1 pl-2 text-right font-medium">
              {t("parts.cast")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {row(t("common:enums.side.LABOR"), bySide.LABOR)}
          {row(t("common:enums.side.MANAGEMENT"), bySide.MANAGEMENT)}
          {row(t("common:enums.side.NEUTRAL"), bySide.NEUTRAL)}
          {total ? row(t("parts.total"), total, true) : null}
        </tbody>
      </table>
    </div>
  );
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation("voting");
  return <Badge tone={OUTCOME_TONES[outcome]}>{t(`outcome.${outcome}`)}</Badge>;
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

/** "2 h 10 min", "3 days": the time left, in the page's language. */
export function useTimeLeft(): (ms: number) => string {
  const { t } = useTranslation("voting");
  return (ms: number) => {
    const minutes = Math.max(0, Math.round(ms / 60_000));
    if (minutes < 1) return t("parts.left.lessThanMinute");
    if (minutes < 60) return t("parts.left.minutes", { minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t("parts.left.hours", { hours, minutes: minutes % 60 });
    return t("parts.left.days", { count: Math.round(hours / 24) });
  };
}

/** "Closes Mar 3, 5:00 PM (in 2 h 10 min)", or that the deadline passed. */
export function Deadline({ deadline }: { deadline: Date }) {
  const { t } = useTranslation("voting");
  const timeLeft = useTimeLeft();
  const now = useNow();
  const left = now === null ? null : deadline.getTime() - now;
  const when = { time: <Time value={deadline} withZone /> };
  return (
    <span>
      {left !== null && left <= 0 ? (
        <Trans t={t} i18nKey="parts.deadlinePassed" components={when} />
      ) : (
        <Trans t={t} i18nKey="parts.closes" components={when} />
      )}
      {left !== null && left > 0 ? <span className="text-slate-500"> {t("parts.inTime", { left: timeLeft(left) })}</span> : null}
    </span>
  );
}
