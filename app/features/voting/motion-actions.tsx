// What the viewer can do with a motion now, by status and seat: second it, amend it (friendly for the
// mover, an amendment motion for others), withdraw it (mover), table it or open and close the vote
// (co-chairs). The server decides; these controls only appear when it would say yes.
import { ConfirmStep, InlineError } from "~/components/ui";
import { Link } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { trpc } from "~/lib/trpc";
import { MOTION_TEXT_MAX } from "../../../server/domains/voting/voting.schema";
import type { MotionView } from "./labels";
import { useMotionAction } from "./use-motion-live";

/** The main next step, shown under the motion's text (nothing when there is none). */
export function PrimaryActions({ view }: { view: MotionView }) {
  const step = primaryStep(view);
  return step ? <div className="border-t border-slate-100 pt-4">{step}</div> : null;
}

function primaryStep(view: MotionView) {
  const { motion, viewer, settings } = view;
  if (motion.status === "MOVED") {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">This motion needs a second before the vote can open.</p>
        {viewer.canSecond ? <SecondButton motionId={motion.id} /> : null}
        {!viewer.canSecond && !viewer.isMover && viewer.isVotingMember && settings.secondFromOtherSide ? (
          <p className="text-sm text-slate-600">In this body the second must come from the other side.</p>
        ) : null}
      </div>
    );
  }
  if (motion.status === "SECONDED") {
    return viewer.canChair ? (
      <OpenVoteForm motionId={motion.id} atMeeting={motion.meetingId !== null} />
    ) : (
      <p className="text-sm text-slate-700">Seconded. A co-chair opens the vote.</p>
    );
  }
  if (motion.status === "OPEN" && viewer.canChair) return <CloseVote motionId={motion.id} />;
  if (motion.status === "TABLED") return <p className="text-sm text-slate-700">The co-chairs tabled this motion. It is not voted on now.</p>;
  if (motion.status === "WITHDRAWN") return <p className="text-sm text-slate-700">The mover withdrew this motion before the vote.</p>;
  return null;
}

/** Amend, withdraw, table: the actions of a motion that is not yet being voted on. */
export function SecondaryActions({ view }: { view: MotionView }) {
  const { motion, viewer } = view;
  if (motion.status !== "MOVED" && motion.status !== "SECONDED") return null;
  const canAmend = viewer.isMover || viewer.isVotingMember;
  if (!canAmend && !viewer.canChair) return null;
  return (
    <div className="space-y-4">
      {canAmend ? <AmendForm motionId={motion.id} text={motion.text} friendly={viewer.isMover} partnershipId={motion.partnershipId} /> : null}
      <div className="flex flex-wrap gap-2">
        {viewer.isMover ? <ConfirmButton motionId={motion.id} kind="withdraw" /> : null}
        {viewer.canChair ? <ConfirmButton motionId={motion.id} kind="table" /> : null}
      </div>
    </div>
  );
}

function SecondButton({ motionId }: { motionId: string }) {
  const action = useMotionAction(motionId);
  const second = trpc.voting.motion.second.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <div>
      <button type="button" className="btn-primary" disabled={second.isPending} onClick={() => !second.isPending && second.mutate({ motionId })}>
        {second.isPending ? "Seconding…" : "Second the motion"}
      </button>
      <InlineError message={action.error} />
    </div>
  );
}

/** "YYYY-MM-DDTHH:mm" in the browser's zone, for a datetime-local input. */
function toLocalInput(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function OpenVoteForm({ motionId, atMeeting }: { motionId: string; atMeeting: boolean }) {
  const id = useId();
  const action = useMotionAction(motionId);
  const open = trpc.voting.motion.open.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const [deadline, setDeadline] = useState("");
  const [min, setMin] = useState<string | undefined>(undefined);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // A sensible default (a week from now, on the hour) once the browser's clock is known.
  useEffect(() => {
    const now = Date.now();
    setMin(toLocalInput(now));
    if (!atMeeting) setDeadline((d) => d || toLocalInput(Math.ceil((now + 7 * 86_400_000) / 3_600_000) * 3_600_000));
  }, [atMeeting]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (open.isPending) return;
    const when = deadline ? new Date(deadline) : null;
    const problem =
      !when && !atMeeting
        ? "Set a deadline: a vote between meetings closes at its deadline."
        : when && Number.isNaN(when.getTime())
          ? "Enter a valid date and time."
          : when && when.getTime() <= Date.now()
            ? "The deadline must be in the future."
            : null;
    setFieldError(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    action.clear();
    open.mutate({ motionId, deadline: when });
  }
  const describedBy = fieldError ? `${id}-error` : `${id}-hint`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" aria-label="Open the vote">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Voting deadline{atMeeting ? " (optional)" : ""}
        </label>
        <input
          ref={inputRef}
          id={id}
          type="datetime-local"
          className="input sm:max-w-xs"
          value={deadline}
          min={min}
          required={!atMeeting}
          onChange={(e) => setDeadline(e.currentTarget.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy}
        />
        {fieldError ? (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {fieldError}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {atMeeting
              ? "Taken at the meeting, the vote closes when a co-chair closes it, or at this time if you set one."
              : "An electronic vote between meetings closes by itself at this time (your time zone)."}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={open.isPending}>
        {open.isPending ? "Opening…" : "Open the vote"}
      </button>
      <p className="text-xs text-slate-500">Opening fixes the roll: the body’s voting members at this moment.</p>
      <InlineError message={action.error} />
    </form>
  );
}

function CloseVote({ motionId }: { motionId: string }) {
  const action = useMotionAction(motionId);
  const close = trpc.voting.motion.close.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <ConfirmStep
      button="Close the vote…"
      label="Confirm closing the vote"
      question="Close the vote now? No more ballots are accepted and the result is recorded for everyone."
      yes="Yes, close the vote"
      pendingText="Closing…"
      isPending={close.isPending}
      onConfirm={() => close.mutate({ motionId })}
      error={action.error}
    />
  );
}

const CONFIRM = {
  withdraw: {
    button: "Withdraw…",
    question: "Withdraw your motion? It will not be voted on.",
    yes: "Yes, withdraw",
    pending: "Withdrawing…",
  },
  table: {
    button: "Table…",
    question: "Table this motion? It is set aside and not voted on now.",
    yes: "Yes, table it",
    pending: "Tabling…",
  },
} as const;

function ConfirmButton({ motionId, kind }: { motionId: string; kind: keyof typeof CONFIRM }) {
  const text = CONFIRM[kind];
  const action = useMotionAction(motionId);
  const options = { onError: action.onError, onSuccess: action.onSuccess };
  const withdraw = trpc.voting.motion.withdraw.useMutation(options);
  const table = trpc.voting.motion.table.useMutation(options);
  const mutation = kind === "withdraw" ? withdraw : table;
  return (
    <ConfirmStep
      tone="caution"
      button={text.button}
      label={`Confirm: ${text.yes}`}
      question={text.question}
      yes={text.yes}
      pendingText={text.pending}
      isPending={mutation.isPending}
      onConfirm={() => mutation.mutate({ motionId })}
      error={action.error}
    />
  );
}

function AmendForm({ motionId, text, friendly, partnershipId }: { motionId: string; text: string; friendly: boolean; partnershipId: string }) {
  const id = useId();
  const action = useMotionAction(motionId);
  const [done, setDone] = useState<{ amendmentId: string | null } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const amend = trpc.voting.motion.amend.useMutation({
    onError: action.onError,
    onSuccess: (result) => {
      action.onSuccess();
      setDone({ amendmentId: friendly ? null : result.id });
      if (detailsRef.current) detailsRef.current.open = false;
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amend.isPending) return;
    const value = String(new FormData(event.currentTarget).get("text") ?? "").trim();
    if (!value) return setFieldError("Give the amended wording.");
    if (value === text.trim()) return setFieldError("Change the wording to amend it.");
    setFieldError(null);
    setDone(null);
    amend.mutate({ motionId, text: value, friendly });
  }
  return (
    <div>
      <details ref={detailsRef} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-semibold text-indigo-800">{friendly ? "Amend the wording (friendly amendment)" : "Move an amendment"}</summary>
        <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={friendly ? "Friendly amendment" : "Move an amendment"}>
          <p className="text-xs text-slate-600">
            {friendly
              ? "As the mover you accept the change yourself: the wording changes at once, and the motion needs a new second."
              : "Your amendment becomes a motion of its own, decided by simple majority. If it passes, this motion’s wording changes."}
          </p>
          <div className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              Amended wording
            </label>
            <textarea
              id={id}
              name="text"
              rows={4}
              className="input"
              defaultValue={text}
              maxLength={MOTION_TEXT_MAX}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-error` : undefined}
            />
            {fieldError ? (
              <p id={`${id}-error`} className="text-sm text-red-700">
                {fieldError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="btn-secondary" disabled={amend.isPending}>
            {amend.isPending ? "Sending…" : friendly ? "Change the wording" : "Move the amendment"}
          </button>
          <InlineError message={action.error} />
        </form>
      </details>
      <p role="status" className="mt-2 text-sm text-green-800">
        {done ? (
          done.amendmentId ? (
            <>
              Amendment moved.{" "}
              <Link className="link" to={`/p/${partnershipId}/votes/${done.amendmentId}`}>
                Open the amendment
              </Link>
            </>
          ) : (
            "Wording changed. The motion now needs a new second."
          )
        ) : null}
      </p>
    </div>
  );
}
