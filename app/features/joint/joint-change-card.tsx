// One joint change: what it changes (before → after, in words), who proposed it and for which side, what
// became of it, and the viewer's buttons (concur or decline for the other side's co-chair, withdraw for
// its proposer, submit for a co-chair when staff prepared it). The buttons are the server's verdicts.
import { useId, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, InlineError, SideBadge, Time } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import type { JointStatus } from "../../../server/domains/joint/joint.schema";
import { useJointWords } from "./use-words";

export type JointChangeItem = RouterOutputs["joint"]["change"]["list"][number];

const STATUS_TONE: Record<JointStatus, "amber" | "green" | "red" | "slate" | "indigo"> = {
  PREPARED: "indigo",
  PENDING: "amber",
  APPLIED: "green",
  DECLINED: "red",
  WITHDRAWN: "slate",
  EXPIRED: "slate",
  STALE: "slate",
};

export function JointChangeCard({
  change,
  showWhere = false,
  onDone,
}: {
  change: JointChangeItem & { partnershipName?: string };
  showWhere?: boolean;
  /** Told what became of the change after the viewer acted (a list that drops the card can still say so). */
  onDone?: (message: string) => void;
}) {
  const headingId = useId();
  const { t } = useTranslation("joint");
  const translate = useServerMessage();
  const say = useJointWords();
  const title = say(change.title);
  const reasonId = useId();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const done = (result: { message: string; status: JointStatus }) => {
    // What became of it, in the viewer's language (a change that went stale: the server's reason).
    const said = result.status === "APPLIED" || result.status === "DECLINED" || result.status === "WITHDRAWN" ? t(`card.outcome.${result.status}`) : translate(result.message);
    setError(null);
    setOutcome(said);
    setDeclining(false);
    onDone?.(t("card.outcomeOf", { outcome: said, title }));
    void utils.joint.change.list.invalidate();
    void utils.joint.change.waiting.invalidate();
  };
  const onError = (e: unknown) => setError(toUiError(e).message);
  const concur = trpc.joint.change.concur.useMutation({ onSuccess: done, onError });
  const decline = trpc.joint.change.decline.useMutation({ onSuccess: done, onError });
  const withdraw = trpc.joint.change.withdraw.useMutation({ onSuccess: done, onError });
  const submit = trpc.joint.change.submit.useMutation({ onSuccess: done, onError });
  const busy = concur.isPending || decline.isPending || withdraw.isPending || submit.isPending;
  const open = change.status === "PENDING" || change.status === "PREPARED";
  const waitingFor = change.proposedSide ? (change.proposedSide === "LABOR" ? "MANAGEMENT" : "LABOR") : null;
  const { viewer } = change;
  const applied = change.status === "APPLIED";

  return (
    <article
      aria-labelledby={headingId}
      className={`rounded-md p-3 ring-1 ${open ? "bg-amber-50 ring-amber-300" : "bg-white ring-slate-200"}`}
      data-testid="joint-change"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {title}
          </h3>
          <p className="text-xs text-slate-600">
            {t(`kind.${change.kind}`)}
            {showWhere ? (
              <>
                {" · "}
                {change.partnershipName}
                {change.body && !change.body.isPartnership ? ` · ${change.body.name}` : ""}
              </>
            ) : null}
          </p>
        </div>
        <Badge tone={STATUS_TONE[change.status]}>
          {change.status === "PENDING" && waitingFor ? t(`card.waitingFor.${waitingFor}`) : t(`status.${change.status}`)}
        </Badge>
      </div>

      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase text-slate-500">{t("card.now")}</dt>
          <dd>
            <ul className="list-disc pl-5 text-slate-700">
              {change.before.map((line, i) => (
                <li key={i}>{say(line)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-slate-500">{t("card.proposed")}</dt>
          <dd>
            <ul className="list-disc pl-5 font-medium text-slate-900">
              {change.after.map((line, i) => (
                <li key={i}>{say(line)}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        {change.proposedByName ? (
          <>
            <span>
              {change.proposedAt ? (
                <Trans t={t} i18nKey="card.proposedByOn" values={{ name: change.proposedByName }} components={{ time: <Time value={change.proposedAt} withTime /> }} />
              ) : (
                t("card.proposedBy", { name: change.proposedByName })
              )}
            </span>
            {change.proposedSide ? <SideBadge side={change.proposedSide} /> : null}
          </>
        ) : null}
        {change.preparedByName ? <span>{t("card.preparedBy", { name: change.preparedByName })}</span> : null}
        {change.decidedByName && (change.status === "APPLIED" || change.status === "DECLINED") ? (
          <span>
            <Trans
              t={t}
              i18nKey={applied ? (change.appliedAlone ? "card.appliedBy" : "card.concurredBy") : "card.declinedBy"}
              values={{ name: change.decidedByName, side: change.decidedSide ? t(`card.side.${change.decidedSide}`) : "" }}
              components={{ time: change.decidedAt ? <Time value={change.decidedAt} withTime /> : <span /> }}
            />
          </span>
        ) : null}
        {change.status === "PENDING" && change.expiresAt ? (
          <span>
            <Trans t={t} i18nKey="card.expires" components={{ time: <Time value={change.expiresAt} /> }} />
          </span>
        ) : null}
      </p>
      {change.reason ? <p className="mt-1 text-sm text-slate-700">{t("card.reason", { reason: translate(change.reason) })}</p> : null}

      {open && (viewer.canConcur || viewer.canDecline || viewer.canWithdraw || viewer.canSubmit) ? (
        <div className="mt-3 space-y-2">
          <div className="flex flex-wrap gap-2">
            {viewer.canConcur ? (
              <button type="button" className="btn-primary" disabled={busy} onClick={() => concur.mutate({ changeId: change.id })}>
                {concur.isPending ? t("card.concurring") : t("card.concur")}
                <span className="sr-only">{t("card.srTitle", { title })}</span>
              </button>
            ) : null}
            {viewer.canDecline && !declining ? (
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => setDeclining(true)}>
                {t("card.decline")}
                <span className="sr-only">{t("card.srTitle", { title })}</span>
              </button>
            ) : null}
            {viewer.canSubmit ? (
              <button type="button" className="btn-primary" disabled={busy} onClick={() => submit.mutate({ changeId: change.id })}>
                {submit.isPending ? t("card.submitting") : t("card.submit")}
                <span className="sr-only">{t("card.srTitle", { title })}</span>
              </button>
            ) : null}
            {viewer.canWithdraw ? (
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => withdraw.mutate({ changeId: change.id })}>
                {withdraw.isPending ? t("card.withdrawing") : t("card.withdraw")}
                <span className="sr-only">{t("card.srTitle", { title })}</span>
              </button>
            ) : null}
          </div>
          {declining ? (
            <form
              className="space-y-2 rounded-md bg-white p-3 ring-1 ring-slate-200"
              aria-label={t("card.declineForm", { title })}
              onSubmit={(e) => {
                e.preventDefault();
                decline.mutate({ changeId: change.id, reason });
              }}
            >
              <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
                {t("card.reasonOptional")}
              </label>
              <textarea id={reasonId} className="input" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autoFocus />
              <div className="flex gap-2">
                <button type="submit" className="btn-danger" disabled={busy}>
                  {decline.isPending ? t("card.declining") : t("card.decline")}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setDeclining(false)}>
                  {t("card.cancel")}
                </button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
      <p role="status" className="mt-1 text-sm text-slate-800">
        {outcome ?? ""}
      </p>
      <InlineError message={error} />
    </article>
  );
}
