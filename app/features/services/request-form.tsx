// A CBO member's new request: which trainee, what for, how much (dollars and cents), needed by when,
// and why. It can be saved as a draft or submitted at once; receipts are attached on the request page.
import { useNavigate } from "@remix-run/react";
import { useRef } from "react";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { EmptyState } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { formatCents, SERVICE_CATEGORIES } from "../../../server/domains/services/services.rules";
import { CreateRequestInputSchema, JUSTIFICATION_MAX } from "../../../server/domains/services/services.schema";
import { todayIso } from "./labels";

export function NewRequestForm({
  partnershipId,
  trainees,
  maxRequestCents,
}: {
  partnershipId: string;
  trainees: Array<{ id: string; name: string; program: string }>;
  maxRequestCents: number;
}) {
  const navigate = useNavigate();
  const submitNow = useRef(true);
  const create = trpc.services.request.create.useMutation();
  const form = useInputMutationForm({
    schema: CreateRequestInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, partnershipId, submit: submitNow.current }),
    onSuccess: (result) => navigate(`/p/${partnershipId}/services/requests/${result.id}`),
  });
  if (trainees.length === 0) {
    return (
      <EmptyState title="Record a trainee first">
        Requests are made for one of your organization&apos;s trainees. <a className="link" href={`/p/${partnershipId}/services/trainees`}>Add a trainee</a>.
      </EmptyState>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label="New supportive-service request">
      <FormError message={form.error?.message} />
      <SelectField
        label="Trainee"
        name="traineeId"
        placeholder="Choose a trainee"
        options={trainees.map((t): [string, string] => [t.id, `${t.name} — ${t.program}`])}
        error={form.fieldError("traineeId")}
        required
      />
      <SelectField label="Category" name="category" placeholder="Choose a category" options={SERVICE_CATEGORIES} error={form.fieldError("category")} required />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label="Amount (USD)"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="125.00"
          hint={`Dollars and cents, up to ${formatCents(maxRequestCents)}.`}
          error={form.fieldError("amount")}
          required
        />
        <TextField label="Needed by" name="neededBy" type="date" min={todayIso()} error={form.fieldError("neededBy")} required />
      </div>
      <TextArea
        label="Justification"
        name="justification"
        rows={4}
        maxLength={JUSTIFICATION_MAX}
        hint="What the money is for and how it keeps the trainee in training. Do not include medical or other sensitive details."
        error={form.fieldError("justification")}
        required
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={form.pending} onClick={() => (submitNow.current = true)}>
          {form.pending && submitNow.current ? "Submitting…" : "Submit request"}
        </button>
        <button type="submit" className="btn-secondary" disabled={form.pending} onClick={() => (submitNow.current = false)}>
          Save as draft
        </button>
      </div>
    </form>
  );
}
