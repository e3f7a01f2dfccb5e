// One joint change: what it changes (before → after, in words), who proposed it and for which side, what
// became of it, and the viewer's buttons (concur or decline for the other side's co-chair, withdraw for
// its proposer, submit for a co-chair when staff prepared it). The buttons are the server's verdicts.
import { useId, useState } from "react";
import { Badge, InlineError, SideBadge, Time } from "~/components/ui";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { JOINT_STATUSES, SIDE_NAMES, type JointStatus } from "../../../server/domains/joint/joint.schema";

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
  const reasonId = useId();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const done = (result: { message: string }) => {
    setError(null);
    setOutcome(result.message);
    setDeclining(false);
    onDone?.(`${result.message} (${change.title})`);
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

  return (
    <article
      aria-labelledby={headingId}
      className={`rounded-md p-3 ring-1 ${open ? "bg-amber-50 ring-amber-300" : "bg-white ring-slate-200"}`}
      data-testid="joint-change"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold text-slate-900">
            {change.title}
          </h3>
          <p className="text-xs text-slate-600">
            {change.kindLabel}
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
          {change.status === "PENDING" && waitingFor ? `Waiting for ${SIDE_NAMES[waitingFor].toLowerCase()}'s co-chair` : JOINT_STATUSES[change.status]}
        </Badge>
      </div>

      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold uppercase text-slate-500">Now</dt>
          <dd>
            <ul className="list-disc pl-5 text-slate-700">
              {change.before.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase text-slate-500">Proposed</dt>
          <dd>
            <ul className="list-disc pl-5 font-medium text-slate-900">
              {change.after.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        {change.proposedByName ? (
          <>
            <span>
              Proposed by {change.proposedByName}
              {change.proposedAt ? (
                <>
                  {" on "}
                  <Time value={change.proposedAt} withTime />
                </>
              ) : null}
            </span>
            {change.proposedSide ? <SideBadge side={change.proposedSide} /> : null}
          </>
        ) : null}
        {change.preparedByName ? <span>Prepared by {change.preparedByName} (staff)</span> : null}
        {change.decidedByName && (change.status === "APPLIED" || change.status === "DECLINED") ? (
          <span>
            {change.status === "APPLIED" ? (change.appliedAlone ? "Applied by" : "Concurred by") : "Declined by"} {change.decidedByName}
            {change.decidedSide ? ` (${SIDE_NAMES[change.decidedSide].toLowerCase()})` : ""}
            {change.decidedAt ? (
              <>
                {" on "}
                <Time value={change.decidedAt} withTime />
              </>
            ) : null}
          </span>
        ) : null}
        {change.status === "PENDING" && change.expiresAt ? (
          <span>
            Expires <Time value={change.expiresAt} />
          </span>
        ) : null}
      </p>
      {change.reason ? <p className="mt-1 text-sm text-slate-700">Reason: {change.reason}</p> : null}

      {open && (viewer.canConcur || viewer.canDecline || viewer.canWithdraw || viewer.canSubmit) ? (
        <div className="mt-3 space-y-2">
          <div className="flex flex-wrap gap-2">
            {viewer.canConcur ? (
              <button type="button" className="btn-primary" disabled={busy} onClick={() => concur.mutate({ changeId: change.id })}>
                {concur.isPending ? "Concurring…" : "Concur"}
                <span className="sr-only">: {change.title}</span>
              </button>
            ) : null}
            {viewer.canDecline && !declining ? (
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => setDeclining(true)}>
                Decline<span className="sr-only">: {change.title}</span>
              </button>
            ) : null}
            {viewer.canSubmit ? (
              <button type="button" className="btn-primary" disabled={busy} onClick={() => submit.mutate({ changeId: change.id })}>
                {submit.isPending ? "Submitting…" : "Submit to the other side"}
                <span className="sr-only">: {change.title}</span>
              </button>
            ) : null}
            {viewer.canWithdraw ? (
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => withdraw.mutate({ changeId: change.id })}>
                {withdraw.isPending ? "Withdrawing…" : "Withdraw"}
                <span className="sr-only">: {change.title}</span>
              </button>
            ) : null}
          </div>
          {declining ? (
            <form
              className="space-y-2 rounded-md bg-white p-3 ring-1 ring-slate-200"
              aria-label={`Decline: ${change.title}`}
              onSubmit={(e) => {
                e.preventDefault();
                decline.mutate({ changeId: change.id, reason });
              }}
            >
              <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
                Reason (optional)
              </label>
              <textarea id={reasonId} className="input" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autoFocus />
              <div className="flex gap-2">
                <button type="submit" className="btn-danger" disabled={busy}>
                  {decline.isPending ? "Declining…" : "Decline"}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setDeclining(false)}>
                  Cancel
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
