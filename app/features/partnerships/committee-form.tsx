// Creating a committee (a body inside the partnership): a joint change, so usually a proposal for the
// other side's co-chair; it opens the new committee's page only when it applied at once.
import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { FormError, TextArea, TextField } from "~/components/field";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CreateCommitteeInputSchema, DESCRIPTION_MAX, NAME_MAX } from "../../../server/domains/partnerships/partnerships.schema";

export function NewCommitteeForm({ partnershipId }: { partnershipId: string }) {
  const navigate = useNavigate();
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const create = trpc.partnerships.committee.create.useMutation();
  const form = useMutationForm({
    schema: CreateCommitteeInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, partnershipId }),
    onSuccess: (result, el) => {
      if (!result.pending && result.id) return navigate(`/p/${partnershipId}/committees/${result.id}`);
      setProposed(result);
      el.reset();
    },
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="New committee">
      <FormError message={form.error?.message} />
      <TextField label="Committee name" name="name" required maxLength={NAME_MAX} placeholder="e.g. Curriculum Committee" error={form.fieldError("name")} />
      <TextArea label="Purpose" name="description" rows={2} maxLength={DESCRIPTION_MAX} error={form.fieldError("description")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Creating…" : "Create committee"}
      </button>
      <ProposalNotice result={proposed} />
    </form>
  );
}
