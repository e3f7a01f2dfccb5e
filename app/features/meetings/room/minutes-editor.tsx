// Minutes, item by item: the co-chairs or the note-taker write them (safe against two writers), record
// decisions with the quorum at that moment, and assign action items. After adjournment both co-chairs
// approve the minutes; approved minutes are read-only.
import { Link } from "@remix-run/react";
import { useId } from "react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState, InlineError, Section } from "~/components/ui";
import { trpc } from "~/lib/trpc";
import { MINUTES_MAX } from "../../../../server/domains/meetings/meetings.schema";
import { useActionError, useMeetingRefresh } from "./actions";
import { ActionItems } from "./action-items";
import { MinutesApproval } from "./approvals";
import { Decisions } from "./decisions";
import type { AgendaItem, MeetingView } from "./types";
import { SharedTextEditor } from "./shared-text";
import { useSharedDraft } from "./use-draft";

export function MinutesSection({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const { meeting, agenda } = view;
  if (meeting.status !== "LIVE" && meeting.status !== "ADJOURNED") return null;
  const isApproved = view.minutes.approvedAt !== null;
  const canWrite = view.viewer.canEditMinutes;
  const loose = {
    decisions: view.decisions.filter((d) => !d.agendaItemId || !agenda.items.some((i) => i.id === d.agendaItemId)),
    actions: view.actionItems.filter((a) => !a.agendaItemId || !agenda.items.some((i) => i.id === a.agendaItemId)),
  };
  return (
    <Section
      title={t("minutes.title")}
      id="minutes"
      actions={
        <Link to={`/p/${meeting.partnershipId}/meetings/${meeting.id}/minutes`} className="link text-sm">
          {t("header.printableMinutes")}
        </Link>
      }
    >
      <div className="space-y-4">
        {meeting.status === "ADJOURNED" ? <MinutesApproval view={view} /> : null}
        <NoteTaker view={view} />
        {!view.viewer.canWriteMinutes && !isApproved ? (
          <p className="text-sm text-slate-600">{t("minutes.readOnly")}</p>
        ) : null}
        {agenda.items.length === 0 ? (
          <EmptyState title={t("minutes.noItems")}>{t("minutes.noItemsBody")}</EmptyState>
        ) : (
          <ol className="space-y-4">
            {agenda.items.map((item, index) => (
              <li key={item.id} className="rounded-md p-3 ring-1 ring-slate-200" data-testid="minutes-item">
                <h3 className="font-semibold text-slate-900">
                  {t("live.numbered", { number: index + 1, title: item.title })}
                </h3>
                <MinutesText view={view} item={item} canWrite={canWrite} />
                <Decisions
                  view={view}
                  agendaItemId={item.id}
                  itemTitle={item.title}
                  decisions={view.decisions.filter((d) => d.agendaItemId === item.id)}
                  canWrite={canWrite}
                />
                <ActionItems
                  view={view}
                  agendaItemId={item.id}
                  itemTitle={item.title}
                  actions={view.actionItems.filter((a) => a.agendaItemId === item.id)}
                  canWrite={canWrite}
                />
              </li>
            ))}
          </ol>
        )}
        {loose.decisions.length || loose.actions.length ? (
          <div className="rounded-md p-3 ring-1 ring-slate-200">
            <h3 className="font-semibold text-slate-900">{t("minutes.otherBusiness")}</h3>
            <Decisions view={view} agendaItemId={null} itemTitle={null} decisions={loose.decisions} canWrite={false} />
            <ActionItems view={view} agendaItemId={null} itemTitle={null} actions={loose.actions} canWrite={false} />
          </div>
        ) : null}
      </div>
    </Section>
  );
}

function NoteTaker({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const id = useId();
  const action = useActionError(view.meeting.id);
  const set = trpc.meetings.minutes.setNoteTaker.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const current = view.roster.find((r) => r.membershipId === view.meeting.noteTakerMembershipId);
  if (!view.viewer.canChair || view.minutes.approvedAt) {
    return (
      <p className="text-sm text-slate-700">
        <Trans
          t={t}
          i18nKey={current ? (view.viewer.isNoteTaker ? "minutes.noteTakerYou" : "minutes.noteTakerIs") : "minutes.noteTakerNone"}
          values={{ name: current?.name ?? "" }}
          components={{ label: <span className="font-medium" /> }}
        />
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("minutes.noteTaker")}
      </label>
      <select
        id={id}
        className="input w-auto py-1"
        value={view.meeting.noteTakerMembershipId ?? ""}
        disabled={set.isPending}
        onChange={(e) => set.mutate({ meetingId: view.meeting.id, membershipId: e.currentTarget.value || null })}
      >
        <option value="">{t("minutes.noteTakerNoneOption")}</option>
        {view.roster.map((r) => (
          <option key={r.membershipId} value={r.membershipId}>
            {r.name}
          </option>
        ))}
      </select>
      <InlineError message={action.error} />
    </div>
  );
}

function MinutesText({ view, item, canWrite }: { view: MeetingView; item: AgendaItem; canWrite: boolean }) {
  const { t } = useTranslation("meetings");
  const refresh = useMeetingRefresh(view.meeting.id);
  const save = trpc.meetings.minutes.save.useMutation();
  const draft = useSharedDraft({ text: item.minutes, revision: item.minutesRevision });
  if (!canWrite) {
    return item.minutes ? (
      <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800">{item.minutes}</p>
    ) : (
      <p className="mt-2 text-sm text-slate-500">{t("minutes.none")}</p>
    );
  }
  return (
    <div className="mt-2">
      <SharedTextEditor
        label={t("minutes.for", { title: item.title })}
        draft={draft}
        savedText={item.minutes}
        savedRevision={item.minutesRevision}
        conflictTitle={t("minutes.conflict")}
        maxLength={MINUTES_MAX}
        saveLabel={
          <>
            {t("minutes.save")}<span className="sr-only"> {t("minutes.saveFor", { title: item.title })}</span>
          </>
        }
        onSave={(overwrite) => void draft.save((text, baseRevision) => save.mutateAsync({ itemId: item.id, text, baseRevision }), refresh, overwrite)}
      />
    </div>
  );
}
