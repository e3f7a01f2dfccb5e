// The parts of the minutes of record (routes/…minutes.tsx): a motion with its mover, seconder,
// amendments, rule, result, quorum and counts (roll call: names; secret: counts only), and the
// one-line decisions and action items under an item or at the end.
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { formatDueDate, MeetingTime } from "~/features/meetings/meeting-time";
import { useServerMessage } from "~/i18n/server-messages";
import type { RouterOutputs } from "~/lib/trpc";
import { decisionText } from "../../../server/domains/meetings/record.rules";
import { reasonIn, type Counts, type Tally } from "../../../server/domains/voting/voting.rules";

type Record = RouterOutputs["meetings"]["meeting"]["record"];
type Motion = Record["motions"][number];

type QuorumSnapshot = { LABOR: { present: number; required: number }; MANAGEMENT: { present: number; required: number }; met: boolean };
function quorumText(t: TFunction, q: QuorumSnapshot): string {
  const values = { laborPresent: q.LABOR.present, laborRequired: q.LABOR.required, managementPresent: q.MANAGEMENT.present, managementRequired: q.MANAGEMENT.required };
  return q.met ? t("meetings:record.quorumMet", values) : t("meetings:record.quorumNotMet", values);
}

function TallyTable({ tally, caption }: { tally: Tally; caption: string }) {
  const { t } = useTranslation("meetings");
  const row = (label: string, c: Counts) => (
    <tr className="border-b border-slate-100">
      <th scope="row" className="py-0.5 pr-3 text-left font-medium">
        {label}
      </th>
      <td className="py-0.5 pr-3 tabular-nums">{c.YES}</td>
      <td className="py-0.5 pr-3 tabular-nums">{c.NO}</td>
      <td className="py-0.5 tabular-nums">{c.ABSTAIN}</td>
    </tr>
  );
  const neutral = tally.NEUTRAL.YES + tally.NEUTRAL.NO + tally.NEUTRAL.ABSTAIN > 0;
  return (
    <table className="mt-1 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-0.5 pr-3">
            {t("record.side")}
          </th>
          <th scope="col" className="py-0.5 pr-3">
            {t("record.choice.YES")}
          </th>
          <th scope="col" className="py-0.5 pr-3">
            {t("record.choice.NO")}
          </th>
          <th scope="col" className="py-0.5">
            {t("record.choice.ABSTAIN")}
          </th>
        </tr>
      </thead>
      <tbody>
        {row(t("record.sides.LABOR"), tally.LABOR)}
        {row(t("record.sides.MANAGEMENT"), tally.MANAGEMENT)}
        {neutral ? row(t("record.sides.NEUTRAL"), tally.NEUTRAL) : null}
        {row(t("record.total"), tally.total)}
      </tbody>
    </table>
  );
}

export function MotionRecord({ motion, number, amends, timeZone }: { motion: Motion; number: number; amends: number | null; timeZone: string }) {
  const { t } = useTranslation("meetings");
  const translate = useServerMessage();
  const person = (p: { name: string; side: SideKey } | null | undefined) => (p ? t("record.personSide", { name: p.name, side: t(`record.sides.${p.side}`) }) : null);
  return (
    <div className="break-inside-avoid" data-testid="record-motion">
      <h3 className="font-semibold">
        {amends ? t("record.motionAmends", { number, amends, text: motion.text }) : t("record.motion", { number, text: motion.text })}
      </h3>
      {motion.rationale ? <p className="whitespace-pre-wrap text-sm text-slate-700">{motion.rationale}</p> : null}
      <p className="text-sm">
        {t("record.movedSeconded", { mover: person(motion.movedBy) ?? "—", seconder: person(motion.secondedBy) ?? t("record.nobody") })}
      </p>
      {motion.friendlyAmendments.map((a, i) => (
        <p key={i} className="text-sm">
          <Trans t={t} i18nKey="record.friendly" values={{ text: a.text }} components={{ time: <MeetingTime value={a.at} timeZone={timeZone} format="time" /> }} />
        </p>
      ))}
      <p className="text-sm">
        {t("record.ballotRuleStatus", {
          ballot: motion.ballotKind === "SECRET" ? t("record.secret") : t("record.rollCallKind"),
          rule: t(`record.rules.${motion.rule}`),
          status: t(`record.statuses.${motion.status}`),
        })}
      </p>
      {motion.status === "CLOSED" && motion.outcome ? (
        <>
          <p className="text-sm">
            <strong>{t("record.result", { outcome: t(`record.outcomes.${motion.outcome}`) })}</strong>
            {motion.why ? <> ({reasonIn(t, motion.why)})</> : motion.reason ? <> ({translate(motion.reason)})</> : null}. {t("record.voted", { cast: motion.cast ?? 0, eligible: motion.eligible })}
          </p>
          {motion.quorum ? <p className="text-sm">{t("record.quorumAtVote", { quorum: quorumText(t, motion.quorum) })}</p> : null}
          {motion.tally ? <TallyTable tally={motion.tally} caption={t("record.tallyCaption", { number })} /> : null}
          {motion.ballotKind === "SECRET" ? <p className="text-xs text-slate-600">{t("record.secretNote")}</p> : null}
          {motion.rollCall?.length ? (
            <table className="mt-1 text-sm">
              <caption className="sr-only">{t("record.rollCallCaption", { number })}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="py-0.5 pr-3">
                    {t("record.member")}
                  </th>
                  <th scope="col" className="py-0.5 pr-3">
                    {t("record.side")}
                  </th>
                  <th scope="col" className="py-0.5">
                    {t("record.vote")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {motion.rollCall.map((v, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-0.5 pr-3">
                      {v.seat?.name ?? t("record.formerMember")}
                      {v.castBy ? <> {t("record.castBy", { name: v.castBy.name })}</> : null}
                    </td>
                    <td className="py-0.5 pr-3">{v.seat ? t(`record.sides.${v.seat.side}`) : ""}</td>
                    <td className="py-0.5">{t(`record.choice.${v.choice}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
      {motion.resolution ? <p className="text-sm">{t("record.resolution", { text: motion.resolution })}</p> : null}
    </div>
  );
}

type SideKey = "LABOR" | "MANAGEMENT" | "NEUTRAL";

export function DecisionLine({ decision }: { decision: Record["decisions"][number] }) {
  const { t } = useTranslation("meetings");
  const text = decisionText(t, decision);
  const quorum: QuorumSnapshot = decision.quorum;
  return (
    <p className="mt-1 text-sm">
      <Trans t={t} i18nKey="record.decision" values={{ text, quorum: quorumText(t, quorum) }} components={{ label: <strong />, note: <em className="text-slate-600" /> }} />
    </p>
  );
}

export function ActionLine({ action, locale }: { action: Record["actionItems"][number]; locale: string }) {
  const { t } = useTranslation("meetings");
  return (
    <p className="mt-1 text-sm">
      <Trans
        t={t}
        i18nKey="record.action"
        values={{ text: action.text, owner: action.ownerName, due: formatDueDate(action.dueDate, locale), status: t(`record.actionStatus.${action.status}`) }}
        components={{ label: <strong /> }}
      />
    </p>
  );
}

