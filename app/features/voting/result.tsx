// A closed vote's result: the outcome, why, the counts per side and in total, the rule applied and the
// quorum per side. A deadlock also shows the body's procedure and how it was settled: the umpire's
// decision is proposed by one co-chair and attested by the other side's (a joint change), the other
// procedures are recorded by a co-chair.
import { Link, useNavigate } from "@remix-run/react";
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Badge, InlineError, Section, Time } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { trpc } from "~/lib/trpc";
import { reasonIn, type Outcome, type ReasonPart } from "../../../server/domains/voting/voting.rules";
import { MOTION_TEXT_MAX } from "../../../server/domains/voting/voting.schema";
import type { MotionView } from "./labels";
import { RollCall } from "./live-tally";
import { TallyTable } from "./parts";
import { useMotionAction } from "./use-motion-live";
import { JointChangeCard } from "~/features/joint/joint-change-card";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useJointLive } from "~/features/joint/use-joint-live";

const OUTCOME_PANEL: Record<Outcome, string> = {
  PASSED: "bg-green-50 text-green-900 ring-green-300",
  FAILED: "bg-red-50 text-red-900 ring-red-300",
  DEADLOCKED: "bg-amber-50 text-amber-950 ring-amber-300",
  NO_QUORUM: "bg-slate-100 text-slate-900 ring-slate-300",
};
const OUTCOME_MARK: Record<Outcome, string> = { PASSED: "✓", FAILED: "✗", DEADLOCKED: "⇄", NO_QUORUM: "∅" };

type Result = NonNullable<MotionView["motion"]["result"]>;

/** Why the vote ended so, in the page's language (a result recorded before the codes existed: its English sentence). */
function Reason({ result }: { result: Result }) {
  const { t } = useTranslation("voting");
  const why = (result as { why?: ReasonPart[] }).why;
  if (!why) return <span data-i18n-skip>{result.reason}</span>;
  return <>{reasonIn(t, why)}</>;
}

export function VoteResult({ view }: { view: MotionView }) {
  const { motion } = view;
  const { t } = useTranslation("voting");
  if (motion.status !== "CLOSED") return null;
  const result = motion.result;
  if (!result) {
    return (
      <Section title={t("result.title")} id="result">
        <p className="text-sm text-slate-600">{t("result.recording")}</p>
      </Section>
    );
  }
  return (
    <Section title={t("result.title")} id="result">
      <div className="space-y-5">
        <div className={`rounded-lg p-4 ring-1 ${OUTCOME_PANEL[result.outcome]}`} data-testid="vote-outcome">
          <p className="flex items-center gap-3 text-3xl font-bold tracking-tight">
            <span aria-hidden>{OUTCOME_MARK[result.outcome]}</span>
            {t(`outcome.${result.outcome}`)}
          </p>
          <p className="mt-1 text-sm">
            <Reason result={result} />
          </p>
          {motion.closedAt ? (
            <p className="mt-2 text-xs opacity-80">
              <Trans t={t} i18nKey="result.closed" count={result.eligible} values={{ cast: result.cast }} components={{ time: <Time value={motion.closedAt} withTime /> }} />
            </p>
          ) : null}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("result.counts")}</h3>
          <TallyTable bySide={result.tally} total={result.tally.total} caption={t("result.caption")} />
        </div>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold text-slate-800">{t("result.rule")}</dt>
            <dd className="mt-0.5 text-slate-700">
              {t(`rule.${result.rule}`)}
              <span className="mt-0.5 block text-xs text-slate-500">{t(`ruleExplained.${result.rule}`)}</span>
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-slate-800">{t("result.quorum")}</dt>
            <dd className="mt-0.5">
              <QuorumState quorum={result.quorum} />
            </dd>
          </div>
        </dl>
        {view.rollCall ? <RollCall entries={view.rollCall} /> : null}
      </div>
    </Section>
  );
}

function QuorumState({ quorum }: { quorum: Result["quorum"] }) {
  const { t } = useTranslation("voting");
  const side = (label: string, s: Result["quorum"]["LABOR"]) => (
    <li>
      <span className="flex items-center gap-2 font-medium text-slate-800">
        {label}
        <Badge tone={s.met ? "green" : "red"}>{s.met ? t("result.met") : t("result.notMet")}</Badge>
      </span>
      <span className="block text-slate-600">
        {quorum.basis === "ATTENDANCE" ? (
          <Trans t={t} i18nKey="result.present" count={s.voting} values={{ present: s.present, required: s.required }} components={{ muted: <span className="text-slate-500" /> }} />
        ) : (
          <Trans t={t} i18nKey="result.voted" count={s.voting} values={{ present: s.present, required: s.required }} components={{ muted: <span className="text-slate-500" /> }} />
        )}
      </span>
    </li>
  );
  return (
    <div className="space-y-1 text-slate-700">
      <p className={`font-medium ${quorum.met ? "text-green-800" : "text-red-800"}`}>
        {quorum.met ? (quorum.required ? t("result.held") : t("result.heldNotRequired")) : quorum.required ? t("result.notHeld") : t("result.notHeldNotRequired")}
      </p>
      <ul className="space-y-1.5">
        {side(t("common:enums.side.LABOR"), quorum.LABOR)}
        {side(t("common:enums.side.MANAGEMENT"), quorum.MANAGEMENT)}
      </ul>
      <p className="text-xs text-slate-500">
        {quorum.basis === "ATTENDANCE" ? t("result.fromAttendance") : t("result.fromBallots")}
      </p>
    </div>
  );
}

/** What a deadlocked vote leads to in this body, and how the co-chairs settled it. */
export function Deadlock({ view }: { view: MotionView }) {
  const { motion, settings, viewer, events } = view;
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  if (motion.outcome !== "DEADLOCKED") return null;
  const revote = events.find((e) => e.kind === "deadlockResolved" && typeof e.data.motionId === "string");
  const revoteId = revote ? (revote.data.motionId as string) : null;
  return (
    <Section title={t("deadlock.title")} id="deadlock">
      <div className="space-y-4 text-sm">
        <div className="rounded-md bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
          <p className="font-semibold">{t("deadlock.procedure", { procedure: t(`procedure.${settings.deadlockProcedure}`) })}</p>
          {settings.deadlockProcedure === "REFER_TO_UMPIRE" ? (
            <p className="mt-1">{settings.umpireName ? t("deadlock.umpire", { name: settings.umpireName }) : <Trans t={t} i18nKey="deadlock.noUmpire" components={{ em: <span className="italic" /> }} />}</p>
          ) : null}
        </div>
        {motion.resolution ? (
          <div>
            <h3 className="font-semibold text-slate-800">{t("deadlock.resolution")}</h3>
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-800" data-testid="deadlock-resolution">
              {translate(motion.resolution)}
            </p>
            {motion.resolvedAt ? (
              <p className="mt-1 text-xs text-slate-500">
                <Trans t={t} i18nKey="deadlock.recorded" components={{ time: <Time value={motion.resolvedAt} withTime /> }} />
              </p>
            ) : null}
            {revoteId ? (
              <p className="mt-2">
                <Link className="link" to={`/p/${motion.partnershipId}/votes/${revoteId}`}>
                  {t("deadlock.goRevote")}
                </Link>
              </p>
            ) : null}
          </div>
        ) : settings.deadlockProcedure === "REFER_TO_UMPIRE" ? (
          <UmpireDecision view={view} />
        ) : viewer.canChair ? (
          <ResolveDeadlock view={view} />
        ) : (
          <p className="text-slate-600">{t("deadlock.waiting")}</p>
        )}
      </div>
    </Section>
  );
}

function ResolveDeadlock({ view }: { view: MotionView }) {
  const { motion, settings } = view;
  const { t } = useTranslation("voting");
  const id = useId();
  const navigate = useNavigate();
  const action = useMotionAction(motion.id);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const resolve = trpc.voting.motion.resolveDeadlock.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const revote = trpc.voting.motion.revote.useMutation({
    onError: action.onError,
    onSuccess: (result) => {
      action.onSuccess();
      navigate(`/p/${motion.partnershipId}/votes/${result.id}`);
    },
  });
  const busy = resolve.isPending || revote.isPending;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const resolution = String(new FormData(event.currentTarget).get("resolution") ?? "").trim();
    if (!resolution) return setFieldError(t("deadlock.needDecision"));
    setFieldError(null);
    resolve.mutate({ motionId: motion.id, resolution });
  }
  const placeholder =
    settings.deadlockProcedure === "REFER_TO_UMPIRE"
      ? settings.umpireName
        ? t("deadlock.placeholder.umpireNamed", { name: settings.umpireName })
        : t("deadlock.placeholder.umpire")
      : settings.deadlockProcedure === "TABLE"
        ? t("deadlock.placeholder.table")
        : t("deadlock.placeholder.caucus");
  return (
    <div className="space-y-4">
      {settings.deadlockProcedure === "REVOTE_AFTER_CAUCUS" ? (
        <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="text-slate-700">{t("deadlock.revoteHint")}</p>
          <button type="button" className="btn-primary mt-2" disabled={busy} onClick={() => !busy && revote.mutate({ motionId: motion.id })}>
            {revote.isPending ? t("deadlock.preparingRevote") : t("deadlock.revote")}
          </button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label={t("deadlock.record")}>
        <label htmlFor={id} className="block font-medium text-slate-800">
          {t("deadlock.record")}
        </label>
        <textarea
          id={id}
          name="resolution"
          rows={3}
          className="input"
          maxLength={MOTION_TEXT_MAX}
          placeholder={placeholder}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
        />
        {fieldError ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {fieldError}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {t("deadlock.recordHint")}
          </p>
        )}
        <button type="submit" className="btn-secondary" disabled={busy}>
          {resolve.isPending ? t("deadlock.recording") : t("deadlock.record")}
        </button>
      </form>
      <InlineError message={action.error} />
    </div>
  );
}

/**
 * The umpire's decision: the question put to them and their decision, proposed by a co-chair and
 * recorded (on the motion and in the minutes) once the other side's co-chair attests that it is the
 * agreed umpire's. A proposal waiting for that shows here with its buttons.
 */
function UmpireDecision({ view }: { view: MotionView }) {
  const { motion, settings, viewer } = view;
  const { t } = useTranslation("voting");
  useJointLive();
  const questionId = useId();
  const decisionId = useId();
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const [fieldErrors, setFieldErrors] = useState<{ question?: string; decision?: string }>({});
  const action = useMotionAction(motion.id);
  const changes = trpc.joint.change.list.useQuery({ partnershipId: motion.partnershipId, bodyId: motion.bodyId, show: "open" });
  const waiting = (changes.data ?? []).filter((c) => c.kind === "UMPIRE_DECISION" && c.targetKey === motion.id);
  const record = trpc.voting.motion.recordUmpireDecision.useMutation({
    onError: action.onError,
    onSuccess: (result) => {
      action.onSuccess();
      setProposed(result);
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const data = new FormData(event.currentTarget);
    const question = String(data.get("question") ?? "").trim();
    const decision = String(data.get("decision") ?? "").trim();
    const errors = { question: question ? undefined : t("umpire.needQuestion"), decision: decision ? undefined : t("umpire.needDecision") };
    setFieldErrors(errors);
    if (errors.question || errors.decision) return;
    record.mutate({ motionId: motion.id, question, decision });
  }
  if (waiting.length) {
    return (
      <ul className="space-y-3" aria-label={t("umpire.waitingList")}>
        {waiting.map((c) => (
          <li key={c.id}>
            <JointChangeCard change={c} />
          </li>
        ))}
      </ul>
    );
  }
  if (!viewer.canChair) return <p className="text-slate-600">{t("umpire.waiting")}</p>;
  if (!settings.umpireName) return <p className="text-slate-600">{t("umpire.noneNamed")}</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("umpire.form")}>
      <p className="text-slate-700">{t("umpire.intro", { name: settings.umpireName })}</p>
      <div className="space-y-1">
        <label htmlFor={questionId} className="block font-medium text-slate-800">
          {t("umpire.question")}
        </label>
        <textarea id={questionId} name="question" rows={2} className="input" maxLength={MOTION_TEXT_MAX} aria-invalid={fieldErrors.question ? true : undefined} aria-describedby={fieldErrors.question ? `${questionId}-error` : undefined} />
        {fieldErrors.question ? (
          <p id={`${questionId}-error`} className="text-sm text-red-700">
            {fieldErrors.question}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={decisionId} className="block font-medium text-slate-800">
          {t("umpire.decision")}
        </label>
        <textarea id={decisionId} name="decision" rows={3} className="input" maxLength={MOTION_TEXT_MAX} aria-invalid={fieldErrors.decision ? true : undefined} aria-describedby={fieldErrors.decision ? `${decisionId}-error` : undefined} />
        {fieldErrors.decision ? (
          <p id={`${decisionId}-error`} className="text-sm text-red-700">
            {fieldErrors.decision}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {record.isPending ? t("umpire.proposing") : t("umpire.propose")}
      </button>
      <ProposalNotice result={proposed} />
      <InlineError message={action.error} />
    </form>
  );
}
