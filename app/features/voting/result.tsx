// A closed vote's result: the outcome, why, the counts per side and in total, the rule applied and the
// quorum per side. A deadlock also shows the body's procedure and how it was settled: the umpire's
// decision is proposed by one co-chair and attested by the other side's (a joint change), the other
// procedures are recorded by a co-chair.
import { Link, useNavigate } from "@remix-run/react";
import { useId, useState, type FormEvent } from "react";
import { Badge, InlineError, Section, Time } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { DEADLOCK_PROCEDURES, RULE_EXPLANATIONS, RULE_LABELS, type Outcome } from "../../../server/domains/voting/voting.rules";
import { MOTION_TEXT_MAX } from "../../../server/domains/voting/voting.schema";
import { OUTCOME_LABELS, type MotionView } from "./labels";
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

export function VoteResult({ view }: { view: MotionView }) {
  const { motion } = view;
  if (motion.status !== "CLOSED") return null;
  const result = motion.result;
  if (!result) {
    return (
      <Section title="Result" id="result">
        <p className="text-sm text-slate-600">The vote is closed; its result is being recorded.</p>
      </Section>
    );
  }
  return (
    <Section title="Result" id="result">
      <div className="space-y-5">
        <div className={`rounded-lg p-4 ring-1 ${OUTCOME_PANEL[result.outcome]}`} data-testid="vote-outcome">
          <p className="flex items-center gap-3 text-3xl font-bold tracking-tight">
            <span aria-hidden>{OUTCOME_MARK[result.outcome]}</span>
            {OUTCOME_LABELS[result.outcome]}
          </p>
          <p className="mt-1 text-sm">{result.reason}</p>
          {motion.closedAt ? (
            <p className="mt-2 text-xs opacity-80">
              Closed <Time value={motion.closedAt} withTime /> · {result.cast} of {result.eligible} ballots cast
            </p>
          ) : null}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">Counts</h3>
          <TallyTable bySide={result.tally} total={result.tally.total} caption="Final count by side and in total" />
        </div>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold text-slate-800">Rule applied</dt>
            <dd className="mt-0.5 text-slate-700">
              {RULE_LABELS[result.rule]}
              <span className="mt-0.5 block text-xs text-slate-500">{RULE_EXPLANATIONS[result.rule]}</span>
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-slate-800">Quorum</dt>
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
  const side = (label: string, s: Result["quorum"]["LABOR"]) => (
    <li>
      <span className="flex items-center gap-2 font-medium text-slate-800">
        {label}
        <Badge tone={s.met ? "green" : "red"}>{s.met ? "met" : "not met"}</Badge>
      </span>
      <span className="block text-slate-600">
        {s.present} {quorum.basis === "ATTENDANCE" ? "present" : "voted"} of {s.required} required <span className="text-slate-500">({s.voting} voting members)</span>
      </span>
    </li>
  );
  return (
    <div className="space-y-1 text-slate-700">
      <p className={`font-medium ${quorum.met ? "text-green-800" : "text-red-800"}`}>
        {quorum.met ? "Quorum held" : "Quorum did not hold"}
        {quorum.required ? "" : " (not required for this vote)"}
      </p>
      <ul className="space-y-1.5">
        {side("Labor", quorum.LABOR)}
        {side("Management", quorum.MANAGEMENT)}
      </ul>
      <p className="text-xs text-slate-500">
        {quorum.basis === "ATTENDANCE" ? "Counted from the meeting’s attendance." : "A vote between meetings: counted from who voted."}
      </p>
    </div>
  );
}

/** What a deadlocked vote leads to in this body, and how the co-chairs settled it. */
export function Deadlock({ view }: { view: MotionView }) {
  const { motion, settings, viewer, events } = view;
  if (motion.outcome !== "DEADLOCKED") return null;
  const revote = events.find((e) => e.kind === "deadlockResolved" && typeof e.data.motionId === "string");
  const revoteId = revote ? (revote.data.motionId as string) : null;
  return (
    <Section title="Deadlock" id="deadlock">
      <div className="space-y-4 text-sm">
        <div className="rounded-md bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
          <p className="font-semibold">This body’s procedure: {DEADLOCK_PROCEDURES[settings.deadlockProcedure]}</p>
          {settings.deadlockProcedure === "REFER_TO_UMPIRE" ? (
            <p className="mt-1">Impartial umpire: {settings.umpireName || <span className="italic">not named yet</span>}</p>
          ) : null}
        </div>
        {motion.resolution ? (
          <div>
            <h3 className="font-semibold text-slate-800">Resolution</h3>
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-800" data-testid="deadlock-resolution">
              {motion.resolution}
            </p>
            {motion.resolvedAt ? (
              <p className="mt-1 text-xs text-slate-500">
                Recorded <Time value={motion.resolvedAt} withTime />
              </p>
            ) : null}
            {revoteId ? (
              <p className="mt-2">
                <Link className="link" to={`/p/${motion.partnershipId}/votes/${revoteId}`}>
                  Go to the re-vote
                </Link>
              </p>
            ) : null}
          </div>
        ) : settings.deadlockProcedure === "REFER_TO_UMPIRE" ? (
          <UmpireDecision view={view} />
        ) : viewer.canChair ? (
          <ResolveDeadlock view={view} />
        ) : (
          <p className="text-slate-600">Waiting for the co-chairs to record how the deadlock is settled.</p>
        )}
      </div>
    </Section>
  );
}

function ResolveDeadlock({ view }: { view: MotionView }) {
  const { motion, settings } = view;
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
    if (!resolution) return setFieldError("Record the decision.");
    setFieldError(null);
    resolve.mutate({ motionId: motion.id, resolution });
  }
  const placeholder =
    settings.deadlockProcedure === "REFER_TO_UMPIRE"
      ? `The umpire${settings.umpireName ? `, ${settings.umpireName},` : ""} decided…`
      : settings.deadlockProcedure === "TABLE"
        ? "Tabled to the next meeting of the body…"
        : "After each side caucused…";
  return (
    <div className="space-y-4">
      {settings.deadlockProcedure === "REVOTE_AFTER_CAUCUS" ? (
        <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="text-slate-700">After each side has caucused, take the same motion again. It comes back seconded, ready to open.</p>
          <button type="button" className="btn-primary mt-2" disabled={busy} onClick={() => !busy && revote.mutate({ motionId: motion.id })}>
            {revote.isPending ? "Preparing the re-vote…" : "Re-vote"}
          </button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-2" aria-label="Record the resolution">
        <label htmlFor={id} className="block font-medium text-slate-800">
          Record the resolution
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
            How the deadlock was settled, for the record. It cannot be changed afterwards.
          </p>
        )}
        <button type="submit" className="btn-secondary" disabled={busy}>
          {resolve.isPending ? "Recording…" : "Record the resolution"}
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
    const errors = { question: question ? undefined : "Give the question put to the umpire.", decision: decision ? undefined : "Record the umpire's decision." };
    setFieldErrors(errors);
    if (errors.question || errors.decision) return;
    record.mutate({ motionId: motion.id, question, decision });
  }
  if (waiting.length) {
    return (
      <ul className="space-y-3" aria-label="The umpire's decision, waiting to be attested">
        {waiting.map((c) => (
          <li key={c.id}>
            <JointChangeCard change={c} />
          </li>
        ))}
      </ul>
    );
  }
  if (!viewer.canChair) return <p className="text-slate-600">Waiting for the co-chairs to record the umpire&apos;s decision.</p>;
  if (!settings.umpireName) return <p className="text-slate-600">No umpire is named yet: both co-chairs agree on one in the body&apos;s voting settings.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Record the umpire's decision">
      <p className="text-slate-700">
        Record what was put to {settings.umpireName} and what they decided. The other side&apos;s co-chair attests that it is the agreed umpire&apos;s decision; it then goes on
        the record and into the minutes.
      </p>
      <div className="space-y-1">
        <label htmlFor={questionId} className="block font-medium text-slate-800">
          Question put to the umpire
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
          The umpire&apos;s decision
        </label>
        <textarea id={decisionId} name="decision" rows={3} className="input" maxLength={MOTION_TEXT_MAX} aria-invalid={fieldErrors.decision ? true : undefined} aria-describedby={fieldErrors.decision ? `${decisionId}-error` : undefined} />
        {fieldErrors.decision ? (
          <p id={`${decisionId}-error`} className="text-sm text-red-700">
            {fieldErrors.decision}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {record.isPending ? "Proposing…" : "Propose the umpire's decision"}
      </button>
      <ProposalNotice result={proposed} />
      <InlineError message={action.error} />
    </form>
  );
}
