// The ballot: a labelled radio group (the legend is the motion itself), one submit that never sends
// twice, and a status region that says exactly what was recorded. Explains when the viewer is not on
// the roll, and when they vote in an absent member's seat.
import { useId, useRef, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Section } from "~/components/ui";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { CHOICES, type Choice } from "../../../server/domains/voting/voting.rules";
import type { MotionView } from "./labels";
import { Deadline, useNow } from "./parts";


const CHOICE_STYLE: Record<Choice, string> = {
  YES: "peer-checked:bg-green-50 peer-checked:ring-green-600 peer-checked:text-green-900",
  NO: "peer-checked:bg-red-50 peer-checked:ring-red-600 peer-checked:text-red-900",
  ABSTAIN: "peer-checked:bg-slate-100 peer-checked:ring-slate-600 peer-checked:text-slate-900",
};

export function Ballot({ view }: { view: MotionView }) {
  const { motion, viewer } = view;
  const { t } = useTranslation("voting");
  if (motion.status !== "OPEN") return null;
  return (
    <Section title={t("ballot.title")} id="ballot">
      {viewer.isOnRoll ? <BallotForm view={view} /> : <NotOnRoll view={view} />}
    </Section>
  );
}

function NotOnRoll({ view }: { view: MotionView }) {
  const { t } = useTranslation("voting");
  return (
    <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{t("ballot.notOnRoll")}</p>
      <p className="mt-1">
        {view.viewer.isVotingMember ? t("ballot.rollFixed") : t("ballot.noVote", { body: view.motion.bodyName })}
      </p>
    </div>
  );
}

function BallotForm({ view }: { view: MotionView }) {
  const { motion, viewer } = view;
  const { t } = useTranslation("voting");
  const translate = useServerMessage();
  const recordedMessage = (isSecret: boolean, recordedChoice: Choice | null) =>
    isSecret ? t("ballot.recordedSecret") : recordedChoice ? t("ballot.recordedChoice", { choice: t(`choice.${recordedChoice}`) }) : t("ballot.recorded");
  const motionId = motion.id;
  const secret = motion.ballotKind === "SECRET";
  const legendId = useId();
  const errorId = useId();
  const utils = trpc.useUtils();
  const cast = trpc.voting.ballot.cast.useMutation();
  const [choice, setChoice] = useState<Choice | null>(viewer.myChoice);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A second click (or Enter) before React re-renders the disabled button must not send again.
  const inFlight = useRef(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const now = useNow(5_000);
  const deadlinePassed = motion.deadline !== null && now !== null && motion.deadline.getTime() <= now;
  const pending = cast.isPending;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (inFlight.current) return;
    if (!choice) {
      setError(t("ballot.choose"));
      firstRadio.current?.focus();
      return;
    }
    inFlight.current = true;
    setError(null);
    try {
      const result = await cast.mutateAsync({ motionId, choice });
      const stillChangeable = !secret && motion.allowVoteChange;
      setAnnouncement(recordedMessage(secret, result.recorded));
      // Show it at once; the refetch confirms what the server holds for this viewer.
      utils.voting.motion.get.setData({ motionId }, (old) =>
        old ? { ...old, viewer: { ...old.viewer, hasVoted: true, canVote: stillChangeable, myChoice: secret ? null : result.recorded } } : old,
      );
      void utils.voting.motion.get.invalidate({ motionId });
      // The form goes away when the ballot cannot be changed: keep focus on what replaced it.
      if (!stillChangeable) requestAnimationFrame(() => statusRef.current?.focus());
    } catch (e) {
      const ui = toUiError(e);
      setError(ui.message);
      if (ui.code !== "NETWORK" && ui.code !== "BAD_REQUEST") void utils.voting.motion.get.invalidate({ motionId });
    } finally {
      inFlight.current = false;
    }
  }

  const recorded = announcement ?? (viewer.hasVoted ? recordedMessage(secret, viewer.myChoice) : null);
  const showForm = viewer.canVote;
  return (
    <div className="space-y-4">
      {viewer.votesAsAlternateFor ? (
        <p className="rounded-md bg-indigo-50 p-3 text-sm text-indigo-900 ring-1 ring-indigo-200">
          <Trans t={t} i18nKey="ballot.asAlternate" values={{ name: viewer.votesAsAlternateFor.name }} components={{ strong: <strong /> }} />
        </p>
      ) : null}
      {motion.deadline ? (
        <p className="text-sm text-slate-700">
          <Deadline deadline={motion.deadline} />
        </p>
      ) : null}

      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={recorded ? "rounded-md bg-green-50 p-3 text-sm font-medium text-green-900 ring-1 ring-green-200" : ""}
        data-testid="ballot-status"
      >
        {recorded ? (
          <>
            <span aria-hidden className="mr-1">✓</span>
            {recorded}
            {!secret && viewer.canVote && motion.allowVoteChange ? (
              <span className="mt-1 block text-xs font-normal text-green-800">{t("ballot.canChange")}</span>
            ) : null}
          </>
        ) : null}
      </div>

      {showForm ? (
        <form onSubmit={onSubmit} noValidate aria-busy={pending || undefined}>
          <fieldset aria-describedby={error ? errorId : undefined} disabled={deadlinePassed}>
            <legend id={legendId} className="mb-3 w-full text-sm text-slate-700">
              <span className="block font-semibold text-slate-900">{viewer.hasVoted ? t("ballot.changeLegend") : t("ballot.legend")}</span>
              <span className="mt-1 line-clamp-3 whitespace-pre-wrap break-words italic">{motion.text}</span>
            </legend>
            {/* One row even on a phone: the whole ballot fits the first screen of a live meeting. Equal
                widths, except that a choice never breaks inside its word ("Abstención"): it takes the
                room it needs from the short ones. */}
            <div className="flex gap-2">
              {CHOICES.map((c, index) => (
                <label key={c} className="relative block flex-1 cursor-pointer [overflow-wrap:normal]">
                  <input
                    ref={index === 0 ? firstRadio : undefined}
                    type="radio"
                    name="choice"
                    value={c}
                    checked={choice === c}
                    onChange={() => setChoice(c)}
                    className="peer absolute inset-0 z-10 h-full w-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
                  />
                  <span
                    className={`flex min-h-12 items-center justify-center gap-1.5 rounded-md bg-white px-2 py-3 text-base sm:gap-2 sm:px-4 font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 peer-checked:ring-2 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 ${CHOICE_STYLE[c]}`}
                  >
                    <span aria-hidden className={`hidden h-4 w-4 shrink-0 rounded-full min-[400px]:inline-block ${choice === c ? "border-[5px] border-current" : "border-2 border-slate-400"}`} />
                    {t(`choice.${c}`)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {error ? (
            <p id={errorId} role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
              {translate(error)}
            </p>
          ) : null}
          {deadlinePassed ? <p className="mt-3 text-sm text-amber-800">{t("ballot.closing")}</p> : null}
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || deadlinePassed || (viewer.hasVoted && choice === viewer.myChoice)}>
              {pending ? t("ballot.recording") : viewer.hasVoted ? t("ballot.change") : t("ballot.cast")}
            </button>
            {secret ? <span className="text-xs text-slate-600">{t("ballot.secretFinal")}</span> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
