// Small presentational pieces used across pages.
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { useServerMessage } from "~/i18n/server-messages";
import type { Side } from "../../server/domains/partnerships/partnerships.schema";

const SIDE_STYLE: Record<Side, string> = {
  LABOR: "bg-labor-50 text-labor-800 ring-labor-600/30",
  MANAGEMENT: "bg-management-50 text-management-800 ring-management-600/30",
  NEUTRAL: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

export function SideBadge({ side }: { side: Side }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${SIDE_STYLE[side]}`}>
      {t(`enums.side.${side}`)}
    </span>
  );
}

export function Badge({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "amber" | "green" | "red" | "indigo" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    amber: "bg-amber-100 text-amber-800",
    green: "bg-green-100 text-green-800",
    red: "bg-red-100 text-red-800",
    indigo: "bg-indigo-100 text-indigo-800",
  };
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center">
      <p className="text-sm font-semibold text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

/** A card with a heading. `titleIsName`: the title is someone's own words (a fund's or a committee's name), not a message, so translators and the pseudo-locale check leave it alone. */
export function Section({ title, titleIsName = false, actions, children, id }: { title: string; titleIsName?: boolean; actions?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900" translate={titleIsName ? "no" : undefined}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A moment in the viewer's language and time zone (decision 0018: the profile's zone, else the
 * browser's; the server renders UTC until then). `dateOnly` values (due dates) are calendar dates stored
 * at 00:00 UTC and shown as that date everywhere. `withZone` names the zone ("9:30 AM CST") where the
 * time could be read in another one.
 */
export function Time({
  value,
  withTime = false,
  dateOnly = false,
  withZone = false,
  timeZone,
}: {
  value: Date;
  withTime?: boolean;
  dateOnly?: boolean;
  withZone?: boolean;
  /** Show the moment in this zone (with its name), e.g. a meeting's own time zone. */
  timeZone?: string;
}) {
  const f = useFormat();
  const text = timeZone
    ? f.dateTimeWithZone(value, timeZone)
    : dateOnly
      ? f.calendarDate(value)
      : withZone
        ? f.dateTimeWithZone(value)
        : withTime
          ? f.dateTime(value)
          : f.date(value);
  return (
    <time dateTime={dateOnly ? value.toISOString().slice(0, 10) : value.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** A deadline both ways: "in 3 days (Dec 5, 2026, 5:00 PM EST)". */
export function Deadline({ value }: { value: Date }) {
  const f = useFormat();
  const { t } = useTranslation();
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {t("time.deadline", { relative: f.relative(value), absolute: f.dateTimeWithZone(value) })}
    </time>
  );
}

/** Integer cents as money in the viewer's language. */
export function Money({ cents, className = "" }: { cents: number; className?: string }) {
  const f = useFormat();
  return <span className={`tabular-nums ${className}`}>{f.cents(cents)}</span>;
}

/** A refusal shown right by the control that caused it. */
export function InlineError({ message, id }: { message: string | null; id?: string }) {
  const translate = useServerMessage();
  if (!message) return null;
  const translated = translate(message);
  return (
    <p id={id} role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {translated}
    </p>
  );
}

/**
 * A button for a change that cannot be undone: the first press asks, in place, and the second acts.
 * `label` names the question's group for assistive technology.
 */
export function ConfirmStep({
  button,
  label,
  question,
  yes,
  pendingText,
  isPending,
  onConfirm,
  error,
  tone = "danger",
}: {
  button: string;
  label: string;
  question: string;
  yes: string;
  pendingText: string;
  isPending: boolean;
  onConfirm: () => void;
  error: string | null;
  tone?: "danger" | "caution";
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={tone === "danger" ? "btn-danger" : "btn-secondary"} onClick={() => setConfirming(true)}>
        {button}
      </button>
    );
  }
  const box = tone === "danger" ? "bg-red-50 ring-red-200" : "w-full bg-amber-50 ring-amber-200";
  return (
    <div role="group" aria-label={label} className={`rounded-md p-3 text-sm ring-1 ${box}`}>
      <p className={tone === "danger" ? "text-red-900" : "text-amber-950"}>{question}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn-danger" disabled={isPending} onClick={() => !isPending && onConfirm()} autoFocus>
          {isPending ? pendingText : yes}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      <InlineError message={error} />
    </div>
  );
}
