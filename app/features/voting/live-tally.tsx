// The running count while a vote is open: ballots cast of eligible for everyone; for a roll call also
// the counts per side and who voted what; for a secret ballot nothing more until it closes.
import { Section, SideBadge } from "~/components/ui";
import { CHOICE_LABELS } from "../../../server/domains/voting/voting.schema";
import type { MotionView } from "./labels";
import { CastBar, TallyTable } from "./parts";

const CHOICE_TEXT = { YES: "text-green-800", NO: "text-red-800", ABSTAIN: "text-slate-600" } as const;

export function LiveTally({ view }: { view: MotionView }) {
  const { motion, tally, rollCall } = view;
  if (motion.status !== "OPEN") return null;
  return (
    <Section title="Live tally" id="tally">
      <div className="space-y-4">
        <div className="space-y-2">
          <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-700" aria-live="polite" aria-atomic="true" data-testid="tally-cast">
            <span>
              <span className="text-2xl font-bold tabular-nums text-slate-900">{tally.cast}</span> of{" "}
              <span className="font-semibold tabular-nums">{tally.eligible}</span> ballots cast
            </span>
            {tally.eligible > 0 ? <span className="text-xs text-slate-500">{tally.eligible - tally.cast} still to vote</span> : null}
          </p>
          <CastBar cast={tally.cast} eligible={tally.eligible} />
        </div>
        {tally.bySide ? (
          <TallyTable bySide={tally.bySide} caption="Running count by side" />
        ) : (
          <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
            Secret ballot: the counts stay sealed until the vote closes. Only the number of ballots cast is shown, and no one can see who voted what.
          </p>
        )}
        {rollCall ? <RollCall entries={rollCall} /> : null}
      </div>
    </Section>
  );
}

export function RollCall({ entries }: { entries: NonNullable<MotionView["rollCall"]> }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-800">Roll call</h3>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No ballots yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Who voted what">
          {entries.map((entry, i) => (
            <li key={entry.seat?.membershipId ?? i} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{entry.seat?.name ?? "A member"}</span>
                <SideBadge side={entry.side as "LABOR" | "MANAGEMENT" | "NEUTRAL"} />
                {entry.castBy ? <span className="text-xs text-slate-500">cast by alternate {entry.castBy.name}</span> : null}
              </span>
              <span className={`font-semibold ${CHOICE_TEXT[entry.choice]}`}>{CHOICE_LABELS[entry.choice]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
