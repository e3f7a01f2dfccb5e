// Proposed items waiting for the co-chairs (accept, reject with a reason, edit), items that were
// rejected (the proposer and co-chairs see why), and the proposal form.
import { useState } from "react";
import { FormError, TextArea } from "~/components/field";
import { EmptyState, InlineError, Section } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { RejectItemInputSchema, TEXT_MAX } from "../../../../server/domains/meetings/meetings.schema";
import { limitHint } from "../limits";
import { useActionError, useMeetingRefresh } from "./actions";
import { ItemDetails } from "./agenda-builder";
import { EditItemForm, ProposeItemForm } from "./item-form";
import { isAgendaOpen, viewerUserId, type AgendaItem, type MeetingView } from "./types";

export function Proposals({ view }: { view: MeetingView }) {
  const { proposals, rejected } = view.agenda;
  const isChair = view.viewer.canChair;
  const open = isAgendaOpen(view);
  if (!open && proposals.length === 0 && rejected.length === 0) return null;
  return (
    <Section title={`Proposed items (${proposals.length})`} id="proposals">
      {proposals.length === 0 ? (
        <EmptyState title="No proposals waiting">
          {isChair
            ? "Items members propose appear here for you to accept or reject."
            : view.viewer.canPropose
            ? "Items you propose appear here until a co-chair accepts or rejects them."
            : "Members’ proposals appear here until a co-chair accepts or rejects them."}
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
          <h3 className="text-sm font-semibold text-slate-800">Rejected</h3>
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
  const meetingId = view.meeting.id;
  const canDecide = view.viewer.canEditAgenda;
  const [mode, setMode] = useState<"view" | "edit" | "reject">("view");
  const action = useActionError(meetingId);
  const accept = trpc.meetings.agenda.accept.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const mine = item.proposedById === viewerUserId(view);
  return (
    <li className="rounded-md bg-white p-3 ring-1 ring-slate-200" data-testid="proposal">
      <h3 className="font-semibold text-slate-900">{item.title}</h3>
      <ItemDetails item={item} />
      <p className="mt-1 text-xs text-slate-500">
        Proposed by {mine ? "you" : item.proposedByName}
        {mine && !canDecide ? " · waiting for the co-chairs" : ""}
      </p>
      {canDecide && mode === "view" ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className="btn-primary px-2 py-1 text-xs" disabled={accept.isPending} onClick={() => accept.mutate({ itemId: item.id })}>
            {accept.isPending ? "Accepting…" : "Accept"}
            <span className="sr-only"> {item.title}</span>
          </button>
          <button type="button" className="btn-danger px-2 py-1 text-xs" onClick={() => setMode("reject")}>
            Reject<span className="sr-only"> {item.title}</span>
          </button>
          <button type="button" className="btn-secondary px-2 py-1 text-xs" onClick={() => setMode("edit")}>
            Edit<span className="sr-only"> {item.title}</span>
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
  const refresh = useMeetingRefresh(meetingId);
  const reject = trpc.meetings.agenda.reject.useMutation({ onSuccess: () => void refresh() });
  const form = useMutationForm({
    schema: RejectItemInputSchema,
    mutation: reject,
    toInput: (values) => ({ ...values, itemId: item.id }),
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-2 rounded-md bg-red-50 p-3 ring-1 ring-red-200" aria-label={`Reject “${item.title}”`}>
      <FormError message={form.error?.fields.reason ? null : form.error?.message} />
      <TextArea
        label="Reason (shown to the proposer)"
        name="reason"
        required
        maxLength={TEXT_MAX}
        hint={limitHint(TEXT_MAX)}
        error={form.fieldError("reason")}
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-danger" disabled={form.pending}>
          {form.pending ? "Rejecting…" : "Reject item"}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RejectedRow({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const action = useActionError(view.meeting.id);
  const accept = trpc.meetings.agenda.accept.useMutation({ onError: action.onError, onSuccess: action.onSuccess });
  const mine = item.proposedById === viewerUserId(view);
  return (
    <li className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="rejected-item">
      <p className="font-medium text-slate-800">
        {item.title} <span className="font-normal text-slate-500">· proposed by {mine ? "you" : item.proposedByName}</span>
      </p>
      {item.rejectionReason ? (
        <p className="mt-1 text-slate-700">
          <span className="font-medium">Reason:</span> {item.rejectionReason}
        </p>
      ) : null}
      {view.viewer.canEditAgenda ? (
        <button type="button" className="btn-secondary mt-2 px-2 py-1 text-xs" disabled={accept.isPending} onClick={() => accept.mutate({ itemId: item.id })}>
          Accept after all<span className="sr-only">: {item.title}</span>
        </button>
      ) : null}
      <InlineError message={action.error} />
    </li>
  );
}

export function ProposeSection({ view }: { view: MeetingView }) {
  if (!isAgendaOpen(view)) return null;
  return (
    <Section title={view.viewer.canChair ? "Add an agenda item" : "Propose an agenda item"} id="propose">
      {view.viewer.canPropose ? (
        <ProposeItemForm meetingId={view.meeting.id} isChair={view.viewer.canChair} />
      ) : (
        <EmptyState title="Observers follow the meeting">
          As an observer you can read the agenda and minutes, but you do not propose items or ask for the floor. Ask a member or a co-chair to raise a topic for
          you.
        </EmptyState>
      )}
    </Section>
  );
}
