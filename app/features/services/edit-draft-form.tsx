// Editing a draft request (only drafts can change; afterwards the history is the record).
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { trpc } from "~/lib/trpc";
import { centsToDollarsInput, SERVICE_CATEGORIES, type ServiceCategory } from "../../../server/domains/services/services.rules";
import { JUSTIFICATION_MAX, UpdateRequestInputSchema } from "../../../server/domains/services/services.schema";
import { todayIso } from "./labels";
import { useInputMutationForm } from "~/lib/forms";

type Draft = { id: string; category: ServiceCategory; requestedCents: number; neededBy: Date; justification: string };

export function EditDraftForm({ request }: { request: Draft }) {
  const utils = trpc.useUtils();
  const update = trpc.services.request.update.useMutation({ onSuccess: () => void utils.services.request.get.invalidate({ requestId: request.id }) });
  const form = useInputMutationForm({ schema: UpdateRequestInputSchema, mutation: update, toInput: (v) => ({ ...v, requestId: request.id }) });
  return (
    <details className="card">
      <summary className="cursor-pointer text-base font-semibold text-slate-900">Edit the draft</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-4" aria-label="Edit the draft">
        <FormError message={form.error?.message} />
        <SelectField label="Category" name="category" options={SERVICE_CATEGORIES} defaultValue={request.category} error={form.fieldError("category")} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label="Amount (USD)" name="amount" inputMode="decimal" defaultValue={centsToDollarsInput(request.requestedCents)} error={form.fieldError("amount")} />
          <TextField label="Needed by" name="neededBy" type="date" min={todayIso()} defaultValue={request.neededBy.toISOString().slice(0, 10)} error={form.fieldError("neededBy")} />
        </div>
        <TextArea label="Justification" name="justification" rows={4} maxLength={JUSTIFICATION_MAX} defaultValue={request.justification} error={form.fieldError("justification")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          Save draft
        </button>
        {update.isSuccess && !form.error ? (
          <p role="status" className="text-sm text-green-800">
            Saved.
          </p>
        ) : null}
      </form>
    </details>
  );
}
