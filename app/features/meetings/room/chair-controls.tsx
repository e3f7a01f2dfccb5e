// The co-chairs' controls of a live meeting. Right under the current item (on a phone: the first
// screen): previous and next item, what is up next, and who the speakers' queue gives the floor to
// next (the queue itself, with "Call next speaker", is further down: one place per action). Then,
// after the chair's own part, calling a caucus and adjourning.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmStep, InlineError, SideBadge } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { useActionError } from "./actions";
import type { MeetingView } from "./types";

export function ChairNavigation({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const { meeting, agenda } = view;
  const meetingId = meeting.id;
  const action = useActionError(meetingId);
  const setCurrent = trpc.meetings.meeting.setCurrentItem.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const index = agenda.items.findIndex((i) => i.id === meeting.currentItemId);
  const current = index >= 0 ? agenda.items[index]! : null;
  const previous = index > 0 ? agenda.items[index - 1]! : null;
  const next = agenda.items[index + 1] ?? null;
  const go = (itemId: string | null) => setCurrent.mutate({ meetingId, itemId });
  return (
    <div className="space-y-2" data-testid="chair-navigation">
      <div className="flex flex-wrap gap-2">
        {previous ? (
          <button type="button" className="btn-secondary" disabled={setCurrent.isPending} onClick={() => go(previous.id)} aria-describedby="live-previous">
            {t("live.previous")}
          </button>
        ) : null}
        {next ? (
          <button type="button" className="btn-primary" disabled={setCurrent.isPending} onClick={() => go(next.id)} aria-describedby="live-up-next">
            {t("live.next")}
          </button>
        ) : current ? (
          <button type="button" className="btn-secondary" disabled={setCurrent.isPending} onClick={() => go(null)}>
            {t("live.closeLast")}
          </button>
        ) : null}
      </div>
      {previous ? (
        <p id="live-previous" className="sr-only">
          {t("live.previousIs", { number: index, title: previous.title })}
        </p>
      ) : null}
      {next ? (
        <p id="live-up-next" className="text-xs text-slate-600">
          {t("live.upNext", { number: index + 2, title: next.title })}
        </p>
      ) : null}
      <InlineError message={action.error} />
      <NextSpeaker view={view} />
    </div>
  );
}

/** Who has the floor and who gets it next, in one line; the queue's own section has its controls. */
function NextSpeaker({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const speaking = view.speakers.find((s) => s.status === "SPEAKING") ?? null;
  const waiting = view.speakers.filter((s) => s.status === "WAITING");
  const [first] = waiting;
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="chair-next-speaker">
      {speaking ? <span>{t("live.speaking", { name: speaking.name })} ·</span> : null}
      {first ? (
        <>
          <span className="font-medium text-slate-900">{t("live.nextSpeaker", { name: first.name })}</span>
          <SideBadge side={first.side} />
          {waiting.length > 1 ? <span className="text-slate-600">{t("live.moreWaiting", { count: waiting.length - 1 })}</span> : null}
        </>
      ) : (
        <span>{t("live.noHands")}</span>
      )}
      <a href="#speakers" className="link ml-auto">
        {t("live.toQueue")}
      </a>
    </p>
  );
}

export function ChairSessionControls({ meetingId, caucusActive }: { meetingId: string; caucusActive: boolean }) {
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3">
      {!caucusActive ? <CallCaucus meetingId={meetingId} /> : null}
      <Adjourn meetingId={meetingId} />
    </div>
  );
}

function CallCaucus({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation("meetings");
  const id = useId();
  const [minutes, setMinutes] = useState("10");
  const action = useActionError(meetingId);
  const call = trpc.meetings.meeting.callCaucus.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= 120;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label={t("live.callCaucusLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return action.set("A caucus lasts from 1 to 120 minutes.");
        call.mutate({ meetingId, minutes: value });
      }}
    >
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t("live.caucusLength")}
        </label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          className="input w-28"
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
          aria-invalid={!valid || undefined}
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={call.isPending}>
        {call.isPending ? t("live.calling") : t("live.callCaucus")}
      </button>
      <InlineError message={action.error} />
    </form>
  );
}

function Adjourn({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation("meetings");
  const action = useActionError(meetingId);
  const adjourn = trpc.meetings.meeting.adjourn.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  return (
    <ConfirmStep
      button={t("live.adjourn")}
      label={t("live.adjournLabel")}
      question={t("live.adjournQuestion")}
      yes={t("live.adjournYes")}
      pendingText={t("live.adjourning")}
      isPending={adjourn.isPending}
      onConfirm={() => adjourn.mutate({ meetingId })}
      error={action.error}
    />
  );
}
