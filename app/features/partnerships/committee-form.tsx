// Creating a committee (a body inside the partnership).
import { useNavigate } from "@remix-run/react";
import { FormError, TextArea, TextField } from "~/components/field";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CreateCommitteeInputSchema, DESCRIPTION_MAX, NAME_MAX } from "../../../server/domains/partnerships/partnerships.schema";

export function NewCommitteeForm({ partnershipId }: { partnershipId: string }) {
  const navigate = useNavigate();
  const create = trpc.partnerships.committee.create.useMutation();
  const form = useMutationForm({
    schema: CreateCommitteeInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, partnershipId }),
    onSuccess: (result) => navigate(`/p/${partnershipId}/committees/${result.id}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="New committee">
      <FormError message={form.error?.message} />
      <TextField label="Committee name" name="name" required maxLength={NAME_MAX} placeholder="e.g. Curriculum Committee" error={form.fieldError("name")} />
      <TextArea label="Purpose" name="description" rows={2} maxLength={DESCRIPTION_MAX} error={form.fieldError("description")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Creating…" : "Create committee"}
      </button>
    </form>
  );
}
