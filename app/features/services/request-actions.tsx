// What the viewer may do with a request now, as the server says (`can`): the CBO submits, answers a
// question or cancels; a reviewer takes it into review, asks a question, approves all or part of it
// from a fund, denies it with a reason, or records that it was paid or delivered.
import { useState } from "react";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { centsToDollarsInput, formatCents } from "../../../server/domains/services/services.rules";
import { ApproveInputSchema, CancelInputSchema, DenyInputSchema, FulfilInputSchema, NOTE_MAX, NoteInputSchema, REFERENCE_MAX } from "../../../server/domains/services/services.schema";
import { todayIso } from "./labels";
import { useInputMutationForm } from "~/lib/forms";

type View = RouterOutputs["services"]["request"]["get"];

function useRefresh(requestId: string) {
  const utils = trpc.useUtils();
  return () => {
    void utils.services.request.get.invalidate({ requestId });
    void utils.services.request.list.invalidate();
    void utils.services.summary.invalidate();
  };
}

function ActionForm({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </div>
  );
}

export function RequestActions({ view }: { view: View }) {
  const { can, request } = view;
  const requestId = request.id;
  const refresh = useRefresh(requestId);
  const [error, setError] = useState<string | null>(null);
  const submit = trpc.services.request.submit.useMutation({ onSuccess: refresh });
  const startReview = trpc.services.request.startReview.useMutation({ onSuccess: refresh });
  const askInfo = trpc.services.request.askInfo.useMutation({ onSuccess: refresh });
  const answer = trpc.services.request.answer.useMutation({ onSuccess: refresh });
  const approve = trpc.services.request.approve.useMutation({ onSuccess: refresh });
  const deny = trpc.services.request.deny.useMutation({ onSuccess: refresh });
  const fulfil = trpc.services.request.fulfil.useMutation({ onSuccess: refresh });
  const cancel = trpc.services.request.cancel.useMutation({ onSuccess: refresh });

  const withId = (values: Record<string, FormDataEntryValue>) => ({ ...values, requestId });
  const clear = (_: unknown, form: HTMLFormElement) => form.reset();
  const askForm = useInputMutationForm({ schema: NoteInputSchema, mutation: askInfo, toInput: withId, onSuccess: clear });
  const answerForm = useInputMutationForm({ schema: NoteInputSchema, mutation: answer, toInput: withId, onSuccess: clear });
  const approveForm = useInputMutationForm({ schema: ApproveInputSchema, mutation: approve, toInput: withId });
  const denyForm = useInputMutationForm({ schema: DenyInputSchema, mutation: deny, toInput: withId });
  const fulfilForm = useInputMutationForm({ schema: FulfilInputSchema, mutation: fulfil, toInput: withId });
  const cancelForm = useInputMutationForm({ schema: CancelInputSchema, mutation: cancel, toInput: withId });

  const run = (mutate: () => Promise<unknown>) => () => {
    setError(null);
    mutate().catch((e: unknown) => setError(toUiError(e).message));
  };
  const anything = Object.values(can).some(Boolean);
  if (!anything) return <p className="text-sm text-slate-600">There is nothing for you to do on this request now.</p>;

  return (
    <div className="space-y-4">
      <FormError message={error} />
      {can.submit ? (
        <ActionForm title="Send for review">
          <button type="button" className="btn-primary" disabled={submit.isPending} onClick={run(() => submit.mutateAsync({ requestId }))}>
            Submit request
          </button>
        </ActionForm>
      ) : null}
      {can.answer ? (
        <ActionForm title="Answer the reviewer">
          <form onSubmit={answerForm.onSubmit} noValidate className="space-y-3" aria-label="Answer the reviewer">
            <FormError message={answerForm.error?.message} />
            <TextArea label="Your answer" name="note" rows={3} maxLength={NOTE_MAX} error={answerForm.fieldError("note")} required />
            <button type="submit" className="btn-primary" disabled={answerForm.pending}>
              Send answer
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.startReview ? (
        <ActionForm title="Review">
          <button type="button" className="btn-secondary" disabled={startReview.isPending} onClick={run(() => startReview.mutateAsync({ requestId }))}>
            Start review
          </button>
        </ActionForm>
      ) : null}
      {can.approve ? (
        <ActionForm title="Approve">
          {view.funds.length === 0 ? (
            <p className="text-sm text-slate-600">The partnership has no fund yet. Co-chairs and staff create one on the funds page.</p>
          ) : (
            <form onSubmit={approveForm.onSubmit} noValidate className="space-y-3" aria-label="Approve the request">
              <FormError message={approveForm.error?.message} />
              <SelectField
                label="From fund"
                name="fundId"
                options={view.funds.map((f): [string, string] => [
                  f.id,
                  `${f.name} (${formatCents(f.availableCents)} available${f.bothSidesAboveCents !== null ? `; above ${formatCents(f.bothSidesAboveCents)} a reviewer of each side approves` : ""})`,
                ])}
                error={approveForm.fieldError("fundId")}
              />
              <TextField
                label="Amount to approve (USD)"
                name="amount"
                inputMode="decimal"
                defaultValue={centsToDollarsInput(request.requestedCents)}
                hint={`Up to ${formatCents(request.requestedCents)} requested.`}
                error={approveForm.fieldError("amount")}
              />
              <TextArea label="Note to the organization (optional)" name="note" rows={2} maxLength={NOTE_MAX} error={approveForm.fieldError("note")} />
              <button type="submit" className="btn-primary" disabled={approveForm.pending}>
                Approve
              </button>
            </form>
          )}
        </ActionForm>
      ) : null}
      {can.askInfo ? (
        <ActionForm title="Ask for more information">
          <form onSubmit={askForm.onSubmit} noValidate className="space-y-3" aria-label="Ask for more information">
            <FormError message={askForm.error?.message} />
            <TextArea label="Your question" name="note" rows={2} maxLength={NOTE_MAX} error={askForm.fieldError("note")} required />
            <button type="submit" className="btn-secondary" disabled={askForm.pending}>
              Send question
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.deny ? (
        <ActionForm title="Deny">
          <form onSubmit={denyForm.onSubmit} noValidate className="space-y-3" aria-label="Deny the request">
            <FormError message={denyForm.error?.message} />
            <TextArea label="Reason" name="reason" rows={2} maxLength={NOTE_MAX} error={denyForm.fieldError("reason")} required />
            <button type="submit" className="btn-danger" disabled={denyForm.pending}>
              Deny
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.fulfil ? (
        <ActionForm title="Paid or delivered">
          <form onSubmit={fulfilForm.onSubmit} noValidate className="space-y-3" aria-label="Record fulfilment">
            <FormError message={fulfilForm.error?.message} />
            <TextField label="Date" name="fulfilledOn" type="date" max={todayIso()} defaultValue={todayIso()} error={fulfilForm.fieldError("fulfilledOn")} />
            <TextField label="Reference (check, voucher or purchase order)" name="reference" maxLength={REFERENCE_MAX} error={fulfilForm.fieldError("reference")} />
            <button type="submit" className="btn-primary" disabled={fulfilForm.pending}>
              Mark fulfilled
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.cancel ? (
        <details className="border-t border-slate-100 pt-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">Cancel this request</summary>
          <form onSubmit={cancelForm.onSubmit} noValidate className="mt-3 space-y-3" aria-label="Cancel the request">
            <FormError message={cancelForm.error?.message} />
            <TextArea label="Why (optional)" name="reason" rows={2} maxLength={NOTE_MAX} error={cancelForm.fieldError("reason")} />
            {request.status === "APPROVED" ? <p className="text-xs text-slate-600">The approved amount goes back to the fund.</p> : null}
            <button type="submit" className="btn-danger" disabled={cancelForm.pending}>
              Cancel request
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

const SIDE_WORDS = { LABOR: "Labor", MANAGEMENT: "Management" } as const;

/**
 * Above a fund's threshold a reviewer of each side approves the same amount from the same fund; the
 * fund is charged at the second. Shows the approvals given so far and what is still needed.
 */
export function Approvals({ view }: { view: View }) {
  const { approvals, request } = view;
  if (!approvals.length) return null;
  const sides = new Set(approvals.map((a) => a.side));
  const waitingFor = (["LABOR", "MANAGEMENT"] as const).filter((s) => !sides.has(s));
  return (
    <div className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" data-testid="side-approvals">
      <p className="font-medium text-amber-950">Approval by both sides</p>
      <ul className="mt-1 space-y-1">
        {approvals.map((a) => (
          <li key={a.side}>
            {SIDE_WORDS[a.side]}: {a.reviewerName} approved {formatCents(a.amountCents)} from {a.fundName}
          </li>
        ))}
        {request.status !== "APPROVED" && request.status !== "FULFILLED"
          ? waitingFor.map((s) => (
              <li key={s} className="text-amber-900">
                {SIDE_WORDS[s]}: waiting for a {SIDE_WORDS[s].toLowerCase()}-side reviewer (the fund is not charged yet)
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
