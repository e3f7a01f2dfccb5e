// The projector's panels, in large type: the time box counting down, the speakers' queue by side,
// quorum by side, and the item's vote (a secret ballot only as "N of M voted") or its result.
import { useTranslation } from "react-i18next";
import { useServerMessage } from "~/i18n/server-messages";
import type { RouterOutputs } from "~/lib/trpc";
import { formatClock, useServerNow } from "../room/clock";
import { THEMES, type Theme } from "./display-theme";

export type DisplayData = RouterOutputs["meetings"]["display"]["get"];

const SIDES = ["LABOR", "MANAGEMENT", "NEUTRAL"] as const;
const CHOICES = ["YES", "NO", "ABSTAIN"] as const;

export function BigClock({ endsAt, theme, label }: { endsAt: Date; theme: Theme; label: string }) {
  const now = useServerNow();
  const { t } = useTranslation("meetings");
  const left = Math.round((endsAt.getTime() - now) / 1000);
  const over = left < 0;
  const overTone = theme === "dark" ? "text-red-400" : "text-red-700";
  return (
    <p className="mt-4 flex flex-wrap items-baseline gap-4">
      <span role="timer" className={`font-mono text-6xl font-bold tabular-nums lg:text-8xl ${over ? overTone : THEMES[theme].accent}`}>
        {over ? `+${formatClock(-left)}` : formatClock(left)}
      </span>
      <span className={`text-2xl ${THEMES[theme].muted}`}>{over ? t("countdown.overShort") : t("projector.left", { label })}</span>
    </p>
  );
}

export function Speakers({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const speaking = view.speakers.find((s) => s.status === "SPEAKING") ?? null;
  const waiting = view.speakers.filter((s) => s.status === "WAITING");
  const sides = SIDES.filter((side) => side !== "NEUTRAL" || waiting.some((s) => s.side === "NEUTRAL"));
  return (
    <section className={`rounded-xl p-6 ${th.panel}`} aria-labelledby="display-speakers" data-testid="display-speakers">
      <h2 id="display-speakers" className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}>
        {t("projector.speakers")}
      </h2>
      <p className={`mt-2 text-3xl font-semibold ${th.strong}`}>
        {speaking ? t("projector.speaking", { name: speaking.name, side: t(`record.sides.${speaking.side}`) }) : t("projector.nobody")}
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {sides.map((side) => {
          const list = waiting.filter((s) => s.side === side);
          return (
            <div key={side}>
              <h3 className={`text-lg font-semibold ${th.muted}`}>{t(`record.sides.${side}`)}</h3>
              {list.length ? (
                <ol className={`mt-1 space-y-1 text-2xl ${th.strong}`}>
                  {list.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ol>
              ) : (
                <p className={`mt-1 text-xl ${th.muted}`}>{t("projector.noHands")}</p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

export function QuorumPanel({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const { quorum } = view;
  return (
    <section className={`rounded-xl p-6 ${th.panel}`} aria-labelledby="display-quorum" data-testid="display-quorum">
      <h2 id="display-quorum" className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}>
        {quorum.met ? t("projector.quorumMet") : t("projector.quorumNotMet")}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        {(["LABOR", "MANAGEMENT"] as const).map((side) => (
          <div key={side}>
            <dt className={`text-lg ${th.muted}`}>{t(`record.sides.${side}`)}</dt>
            <dd className={`text-3xl font-bold tabular-nums ${th.strong}`}>
              {t("projector.ofNeeded", { present: quorum[side].present, required: quorum[side].required })}
              <span className={`block text-lg font-medium ${th.muted}`}>{quorum[side].met ? t("quorum.met") : t("quorum.notMet")}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function VotePanel({ view, theme }: { view: DisplayData; theme: Theme }) {
  const th = THEMES[theme];
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const vote = view.vote;
  if (!vote) return null;
  const { tally } = vote;
  return (
    <section className={`rounded-xl p-6 lg:p-8 ${th.panel}`} aria-labelledby="display-vote" data-testid="display-vote">
      <h2 id="display-vote" className={`text-xl font-semibold uppercase tracking-wide ${th.muted}`}>
        {vote.status === "OPEN" ? t("projector.voteOpen") : t("projector.result")} · {vote.ballotKind === "SECRET" ? t("record.secret") : t("record.rollCallKind")} ·{" "}
        {t(`record.rules.${vote.rule}`)}
      </h2>
      <p className={`mt-2 line-clamp-3 break-words text-2xl lg:text-3xl ${th.strong}`}>
        {vote.isAmendment ? <>{t("motions.amendment")} </> : null}
        {vote.text}
      </p>
      {vote.status === "CLOSED" && vote.outcome ? (
        <p className={`mt-4 text-5xl font-bold ${th.accent}`} data-testid="display-outcome">
          {t(`record.outcomes.${vote.outcome}`)}
          {vote.reason ? <span className={`mt-1 block text-xl font-medium ${th.muted}`}>{translate(vote.reason)}</span> : null}
        </p>
      ) : null}
      <p className={`mt-4 text-4xl font-bold tabular-nums ${th.strong}`} data-testid="display-cast">
        {t("projector.cast", { cast: tally.cast, eligible: tally.eligible })}
      </p>
      {tally.bySide ? (
        <table role="table" className={`table-stack table-stack-inline mt-4 w-full text-left text-2xl tabular-nums ${th.strong}`}>
          <caption className="sr-only">{t("projector.bySide")}</caption>
          <thead role="rowgroup">
            <tr role="row" className={`text-lg ${th.muted}`}>
              <th role="columnheader" scope="col">{t("record.side")}</th>
              {CHOICES.map((choice) => (
                <th role="columnheader" scope="col" key={choice}>
                  {t(`record.choice.${choice}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {SIDES.map((side) => (
              <tr role="row" key={side}>
                <th role="rowheader" scope="row">{t(`record.sides.${side}`)}</th>
                {CHOICES.map((choice) => (
                  <td role="cell" key={choice} data-label={t(`record.choice.${choice}`)}>
                    {tally.bySide![side][choice]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={`mt-2 text-xl ${th.muted}`}>{t("projector.sealed")}</p>
      )}
    </section>
  );
}
