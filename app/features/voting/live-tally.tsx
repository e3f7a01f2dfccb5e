// The running count while a vote is open: ballots cast of eligible for everyone; for a roll call also
// the counts per side and who voted what; for a secret ballot nothing more until it closes.
import { Trans, useTranslation } from "react-i18next";
import { Section, SideBadge } from "~/components/ui";
import type { MotionView } from "./labels";
import { CastBar, TallyTable } from "./parts";

const CHOICE_TEXT = { YES: "text-green-800", NO: "text-red-800", ABSTAIN: "text-slate-600" } as const;

export function LiveTally({ view }: { view: MotionView }) {
  const { motion, tally, rollCall } = view;
  const { t } = useTranslation("voting");
  if (motion.status !== "OPEN") return null;
  return (
    <Section title={t("tally.title")} id="tally">
      <div className="space-y-4">
        <div className="space-y-2">
          <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-700" aria-live="polite" aria-atomic="true" data-testid="tally-cast">
            <span>
              <Trans
                t={t}
                i18nKey="tally.cast"
                count={tally.eligible}
                values={{ cast: tally.cast }}
                components={{ big: <span className="text-2xl font-bold tabular-nums text-slate-900" />, strong: <span className="font-semibold tabular-nums" /> }}
              />
            </span>
            {tally.eligible > 0 ? <span className="text-xs text-slate-500">{t("tally.toVote", { count: tally.eligible - tally.cast })}</span> : null}
          </p>
          <CastBar cast={tally.cast} eligible={tally.eligible} />
        </div>
        {tally.bySide ? (
          <TallyTable bySide={tally.bySide} caption={t("tally.caption")} />
        ) : (
          <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
            {t("tally.secret")}
          </p>
        )}
        {rollCall ? <RollCall entries={rollCall} /> : null}
      </div>
    </Section>
  );
}

export function RollCall({ entries }: { entries: NonNullable<MotionView["rollCall"]> }) {
  const { t } = useTranslation("voting");
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">{t("tally.rollCall")}</h3>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("tally.noBallots")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label={t("tally.whoVoted")}>
          {entries.map((entry, i) => (
            <li key={entry.seat?.membershipId ?? i} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{entry.seat?.name ?? t("tally.aMember")}</span>
                <SideBadge side={entry.side as "LABOR" | "MANAGEMENT" | "NEUTRAL"} />
                {entry.castBy ? <span className="text-xs text-slate-500">{t("tally.castByAlternate", { name: entry.castBy.name })}</span> : null}
              </span>
              <span className={`font-semibold ${CHOICE_TEXT[entry.choice]}`}>{t(`choice.${entry.choice}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
