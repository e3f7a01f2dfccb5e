// Proposed items waiting for the co-chairs (accept, reject with a reason, edit), items that were
// rejected (the proposer and co-chairs see why), and the proposal form.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, TextArea } from "~/components/field";
import { EmptyState, InlineError, Section } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { RejectItemInputSchema, TEXT_MAX } from "../../../../server/domains/meetings/meetings.schema";
import { useLimitHints } from "../limits";
import { useActionError, useMeetingRefresh } from "./actions";
import { ItemDetails } from "./agenda-builder";
import { EditItemForm, ProposeItemForm } from "./item-form";
import { isAgendaOpen, viewerUserId, type AgendaItem, type MeetingView } from "./types";

export function Proposals({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  const { proposals, rejected } = view.agenda;
  const isChair = view.viewer.canChair;
  const open = isAgendaOpen(view);
  if (!open && proposals.length === 0 && rejected.length === 0) return null;
  return (
    <Section title={t("proposals.title", { count: proposals.length })} id="proposals">
      {proposals.length === 0 ? (
        <EmptyState title={t("proposals.emptyTitle")}>
          {isChair ? t("proposals.emptyChair") : view.viewer.canPropose ? t("proposals.emptyMember") : t("proposals.emptyOther")}
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {proposals.map((item) => (
            <ProposalRow key={item.id} view={view} item={item} />
          ))}
        </ul>
      )}
      {rejected.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-800">{t("proposals.rejected")}</h3>
          <ul className="mt-2 space-y-2">
            {rejected.map((item) => (
              <RejectedRow key={item.id} view={view} item={item} />
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}

function ProposalRow({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const { t } = useTranslation("meetings");
  const meetingId = view.meeting.id;
  const canDecide = view.viewer.canEditAgenda;
  const [mode, setMode] = useState<"view" | "edit" | "reject">("view");
  const action = useActionError(meetingId);
  const accept = trpc.meetings.agenda.accept.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const mine = item.proposedById === viewerUserId(view);
  return (
    <li className="rounded-md bg-white p-3 ring-1 ring-slate-200" data-testid="proposal">
      <h3 className="font-semibold text-slate-900" translate="no">
        {item.title}
      </h3>
      <ItemDetails item={item} />
      <p className="mt-1 text-xs text-slate-500">
        {mine ? t("proposals.byYou") : t("agenda.proposedBy", { name: item.proposedByName })}
        {mine && !canDecide ? <> · {t("proposals.waitingCoChairs")}</> : null}
      </p>
      {canDecide && mode === "view" ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className="btn-primary px-2 py-1 text-xs" disabled={accept.isPending} onClick={() => accept.mutate({ itemId: item.id })}>
            {accept.isPending ? t("proposals.accepting") : t("proposals.accept")}
            <span className="sr-only"> <span translate="no">{item.title}</span></span>
          </button>
          <button type="button" className="btn-danger px-2 py-1 text-xs" onClick={() => setMode("reject")}>
            {t("proposals.reject")}<span className="sr-only"> <span translate="no">{item.title}</span></span>
          </button>
          <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => setMode("edit")}>
            {t("agenda.edit")}<span className="sr-only"> <span translate="no">{item.title}</span></span>
          </button>
        </div>
      ) : null}
      {mode === "edit" ? (
        <div className="mt-3">
          <EditItemForm meetingId={meetingId} item={item} onDone={() => setMode("view")} />
        </div>
      ) : null}
      {mode === "reject" ? <RejectForm meetingId={meetingId} item={item} onDone={() => setMode("view")} /> : null}
      <InlineError message={action.error} />
    </li>
  );
}

function RejectForm({ meetingId, item, onDone }: { meetingId: string; item: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation("meetings");
  const { limitHint } = useLimitHints();
  const refresh = useMeetingRefresh(meetingId);
  const reject = trpc.meetings.agenda.reject.useMutation({ onSuccess: () => void refresh() });
  const form = useMutationForm({
    schema: RejectItemInputSchema,
    mutation: reject,
    toInput: (values) => ({ ...values, itemId: item.id }),
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" aria-label={t("proposals.rejectLabel", { title: item.title })}>
      <FormError message={form.error?.fields.reason ? null : form.error?.message} />
      <TextArea
        label={t("proposals.reason")}
        name="reason"
        required
        maxLength={TEXT_MAX}
        hint={limitHint(TEXT_MAX)}
        error={form.fieldError("reason")}
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-danger" disabled={form.pending}>
          {form.pending ? t("proposals.rejecting") : t("proposals.rejectItem")}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function RejectedRow({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const { t } = useTranslation("meetings");
  const action = useActionError(view.meeting.id);
  const accept = trpc.meetings.agenda.accept.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const mine = item.proposedById === viewerUserId(view);
  return (
    <li className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="rejected-item">
      <p className="font-medium text-slate-800">
        {item.title} <span className="font-normal text-slate-500">· {mine ? t("proposals.byYouLower") : t("proposals.byLower", { name: item.proposedByName })}</span>
      </p>
      {item.rejectionReason ? (
        <p className="mt-1 text-slate-700">
          <span className="font-medium">{t("proposals.reasonLabel")}</span> {item.rejectionReason}
        </p>
      ) : null}
      {view.viewer.canEditAgenda ? (
        <button type="button" className="btn-secondary mt-2 px-2 py-1 text-xs" disabled={accept.isPending} onClick={() => accept.mutate({ itemId: item.id })}>
          {t("proposals.acceptAfterAll")}<span className="sr-only">: <span translate="no">{item.title}</span></span>
        </button>
      ) : null}
      <InlineError message={action.error} />
    </li>
  );
}

export function ProposeSection({ view }: { view: MeetingView }) {
  const { t } = useTranslation("meetings");
  if (!isAgendaOpen(view)) return null;
  return (
    <Section title={view.viewer.canChair ? t("proposals.add") : t("proposals.propose")} id="propose">
      {view.viewer.canPropose ? (
        <ProposeItemForm meetingId={view.meeting.id} isChair={view.viewer.canChair} />
      ) : (
        <EmptyState title={t("proposals.observerTitle")}>
          {t("proposals.observerBody")}
        </EmptyState>
      )}
    </Section>
  );
}
