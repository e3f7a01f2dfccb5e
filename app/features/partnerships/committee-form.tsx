// Creating a committee (a body inside the partnership): a joint change, so usually a proposal for the
// other side's co-chair; it opens the new committee's page only when it applied at once.
import { useNavigate } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, TextArea, TextField } from "~/components/field";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CreateCommitteeInputSchema, DESCRIPTION_MAX, NAME_MAX } from "../../../server/domains/partnerships/partnerships.schema";

export function NewCommitteeForm({ partnershipId }: { partnershipId: string }) {
  const navigate = useNavigate();
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const create = trpc.partnerships.committee.create.useMutation();
  const { t } = useTranslation("partnerships");
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
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("committees.new")}>
      <FormError message={form.error?.message} />
      <TextField label={t("committees.name")} name="name" required maxLength={NAME_MAX} placeholder={t("committees.namePlaceholder")} error={form.fieldError("name")} />
      <TextArea label={t("committees.purpose")} name="description" rows={2} maxLength={DESCRIPTION_MAX} error={form.fieldError("description")} />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? t("committees.creating") : t("committees.create")}
      </button>
      <ProposalNotice result={proposed} />
    </form>
  );
}
