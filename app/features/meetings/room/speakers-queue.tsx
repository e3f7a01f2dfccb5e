// The speakers' queue: who has the floor and who waits, by side (members raise and lower their own hand
// under "Your part"); the chair gives the floor, reorders and removes. Changes are announced politely.
import { useTranslation } from "react-i18next";
import { EmptyState, InlineError, Section, SideBadge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { useActionError } from "./actions";
import type { MeetingView } from "./types";

export function SpeakersQueue({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const isLive = view.meeting.status === "LIVE";
  const action = useActionError(meetingId);
  const opts = { onError: action.onError, onSuccess: action.onSuccess };
  const callNext = trpc.meetings.speaker.callNext.useMutation(opts);
  const move = trpc.meetings.speaker.move.useMutation(opts);
  const remove = trpc.meetings.speaker.remove.useMutation(opts);
  const speaking = view.speakers.find((s) => s.status === "SPEAKING") ?? null;
  const waiting = view.speakers.filter((s) => s.status === "WAITING");
  const isChair = view.viewer.canChair;
  const busy = move.isPending || remove.isPending;
  const bySide = (side: string) => waiting.filter((w) => w.side === side).length;
  const summary = speaking ? t("speakers.summarySpeaking", { name: speaking.name, count: waiting.length }) : t("speakers.summaryNobody", { count: waiting.length });

  if (view.meeting.status === "ADJOURNED" || view.meeting.status === "CANCELLED") return null;
  if (!isLive) {
    return (
      <Section title={t("speakers.title")} id="speakers">
        <EmptyState title={t("speakers.notLive")} />
      </Section>
    );
  }
  return (
    <Section title={t("speakers.title")} id="speakers">
      <p className="sr-only" aria-live="polite">
        {summary}
      </p>
      <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="now-speaking">
        {speaking ? (
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-900">
            <span className="text-sm font-medium text-slate-600">{t("speakers.nowSpeaking")}</span>
            <span className="text-lg font-semibold">{speaking.name}</span>
            {speaking.membershipId === view.viewer.membershipId ? <span className="text-sm text-slate-600">{t("you")}</span> : null}
            <SideBadge side={speaking.side} />
          </p>
        ) : (
          <p className="text-sm text-slate-600">{t("speakers.nobody")}</p>
        )}
      </div>

      {isChair ? (
        <div className="mt-3">
          <button
            type="button"
            className="btn-secondary"
            disabled={callNext.isPending || (waiting.length === 0 && !speaking)}
            onClick={() => callNext.mutate({ meetingId })}
          >
            {waiting.length === 0 && speaking ? t("speakers.endTurn") : t("speakers.callNext")}
          </button>
        </div>
      ) : null}
      {view.viewer.canPropose ? null : <p className="mt-2 text-sm text-slate-600">{t("speakers.observers")}</p>}
      <InlineError message={action.error} />

      <h3 className="mt-4 text-sm font-semibold text-slate-800">
        {t("speakers.waiting", { count: waiting.length })}
        {waiting.length ? (
          <span className="ml-2 font-normal text-slate-500">
            {t("speakers.bySide", { labor: bySide("LABOR"), management: bySide("MANAGEMENT") })}
            {bySide("NEUTRAL") ? <> · {t("speakers.neutral", { count: bySide("NEUTRAL") })}</> : null}
          </span>
        ) : null}
      </h3>
      {waiting.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("speakers.noHands")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100" aria-label={t("speakers.waitingLabel")} data-testid="speaker-queue">
          {waiting.map((s, i) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="w-5 text-right font-mono text-sm text-slate-500">{i + 1}.</span>
              <span className="font-medium text-slate-900">
                {s.name}
                {s.membershipId === view.viewer.membershipId ? <span className="font-normal text-slate-600"> {t("you")}</span> : null}
              </span>
              <SideBadge side={s.side} />
              {isChair ? (
                <span className="ml-auto flex gap-1">
                  <button
                    type="button"
                    className="btn-secondary px-2 py-1 text-xs"
                    disabled={busy || i === 0}
                    onClick={() => move.mutate({ entryId: s.id, direction: "up" })}
                  >
                    {t("speakers.up")}<span className="sr-only">{t("speakers.upLabel", { name: s.name })}</span>
                  </button>
                  <button
                    type="button"
                    className="btn-secondary px-2 py-1 text-xs"
                    disabled={busy || i === waiting.length - 1}
                    onClick={() => move.mutate({ entryId: s.id, direction: "down" })}
                  >
                    {t("speakers.down")}<span className="sr-only">{t("speakers.downLabel", { name: s.name })}</span>
                  </button>
                  <button type="button" className="btn-danger px-2 py-1 text-xs" disabled={busy} onClick={() => remove.mutate({ entryId: s.id })}>
                    {t("agenda.remove")}<span className="sr-only"> {t("speakers.removeLabel", { name: s.name })}</span>
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
