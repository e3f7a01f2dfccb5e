// What the viewer can do with a motion now, by status and seat: second it, amend it (friendly for the
// mover, an amendment motion for others), withdraw it (mover), table it or open and close the vote
// (co-chairs). The server decides; these controls only appear when it would say yes.
import { ConfirmStep, InlineError } from "~/components/ui";
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { trpc } from "~/lib/trpc";
import { MOTION_TEXT_MAX } from "../../../server/domains/voting/voting.schema";
import type { MotionView } from "./labels";
import { useMotionAction } from "./use-motion-live";

/** The main next step, shown under the motion's text (nothing when there is none). */
export function PrimaryActions({ view }: { view: MotionView }) {
  const { t } = useTranslation("voting");
  const step = primaryStep(view, t);
  return step ? <div className="border-t border-slate-100 pt-4">{step}</div> : null;
}

function primaryStep(view: MotionView, t: TFunction<"voting">) {
  const { motion, viewer, settings } = view;
  if (motion.status === "MOVED") {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">{t("actions.needsSecond")}</p>
        {viewer.canSecond ? <SecondButton motionId={motion.id} /> : null}
        {!viewer.canSecond && !viewer.isMover && viewer.isVotingMember && settings.secondFromOtherSide ? (
          <p className="text-sm text-slate-600">{t("actions.secondOtherSide")}</p>
        ) : null}
      </div>
    );
  }
  if (motion.status === "SECONDED") {
    return viewer.canChair ? (
      <OpenVoteForm motionId={motion.id} atMeeting={motion.meetingId !== null} />
    ) : (
      <p className="text-sm text-slate-700">{t("actions.secondedWaiting")}</p>
    );
  }
  if (motion.status === "OPEN" && viewer.canChair) return <CloseVote motionId={motion.id} />;
  if (motion.status === "TABLED") return <p className="text-sm text-slate-700">{t("actions.tabled")}</p>;
  if (motion.status === "WITHDRAWN") return <p className="text-sm text-slate-700">{t("actions.withdrawn")}</p>;
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
  const { t } = useTranslation("voting");
  const action = useMotionAction(motionId);
  const second = trpc.voting.motion.second.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <div>
      <button type="button" className="btn-primary" disabled={second.isPending} onClick={() => !second.isPending && second.mutate({ motionId })}>
        {second.isPending ? t("actions.seconding") : t("actions.second")}
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
  const { t } = useTranslation("voting");
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
        ? t("actions.open.needDeadline")
        : when && Number.isNaN(when.getTime())
          ? t("actions.open.invalid")
          : when && when.getTime() <= Date.now()
            ? t("actions.open.past")
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
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" aria-label={t("actions.open.submit")}>
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {atMeeting ? t("actions.open.deadlineOptional") : t("actions.open.deadline")}
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
            {atMeeting ? t("actions.open.hintMeeting") : t("actions.open.hintElectronic")}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={open.isPending}>
        {open.isPending ? t("actions.open.opening") : t("actions.open.submit")}
      </button>
      <p className="text-xs text-slate-500">{t("actions.open.roll")}</p>
      <InlineError message={action.error} />
    </form>
  );
}

function CloseVote({ motionId }: { motionId: string }) {
  const { t } = useTranslation("voting");
  const action = useMotionAction(motionId);
  const close = trpc.voting.motion.close.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <ConfirmStep
      button={t("actions.close.button")}
      label={t("actions.close.label")}
      question={t("actions.close.question")}
      yes={t("actions.close.yes")}
      pendingText={t("actions.close.pending")}
      isPending={close.isPending}
      onConfirm={() => close.mutate({ motionId })}
      error={action.error}
    />
  );
}

function ConfirmButton({ motionId, kind }: { motionId: string; kind: "withdraw" | "table" }) {
  const { t } = useTranslation("voting");
  const text = {
    button: t(`actions.${kind}.button`),
    question: t(`actions.${kind}.question`),
    yes: t(`actions.${kind}.yes`),
    pending: t(`actions.${kind}.pending`),
  };
  const action = useMotionAction(motionId);
  const options = { onError: action.onError, onSuccess: action.onSuccess };
  const withdraw = trpc.voting.motion.withdraw.useMutation(options);
  const table = trpc.voting.motion.table.useMutation(options);
  const mutation = kind === "withdraw" ? withdraw : table;
  return (
    <ConfirmStep
      tone="caution"
      button={text.button}
      label={t("actions.confirmLabel", { action: text.yes })}
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
  const { t } = useTranslation("voting");
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
    if (!value) return setFieldError(t("actions.amend.empty"));
    if (value === text.trim()) return setFieldError(t("actions.amend.unchanged"));
    setFieldError(null);
    setDone(null);
    amend.mutate({ motionId, text: value, friendly });
  }
  return (
    <div>
      <details ref={detailsRef} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <summary className="cursor-pointer text-sm font-semibold text-indigo-800">{friendly ? t("actions.amend.friendlySummary") : t("actions.amend.move")}</summary>
        <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3" aria-label={friendly ? t("actions.amend.friendly") : t("actions.amend.move")}>
          <p className="text-xs text-slate-600">
            {friendly ? t("actions.amend.friendlyHint") : t("actions.amend.moveHint")}
          </p>
          <div className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              {t("actions.amend.wording")}
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
            {amend.isPending ? t("common:actions.sending") : friendly ? t("actions.amend.change") : t("actions.amend.submit")}
          </button>
          <InlineError message={action.error} />
        </form>
      </details>
      <p role="status" className="mt-2 text-sm text-green-800">
        {done ? (
          done.amendmentId ? (
            <Trans t={t} i18nKey="actions.amend.moved" components={{ link: <Link className="link" to={`/p/${partnershipId}/votes/${done.amendmentId}`} /> }} />
          ) : (
            t("actions.amend.changed")
          )
        ) : null}
      </p>
    </div>
  );
}
