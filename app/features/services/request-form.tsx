// A CBO member's new request: which trainee, what for, how much (dollars and cents), needed by when,
// and why. It can be saved as a draft or submitted at once; receipts are attached on the request page.
import { useNavigate } from "@remix-run/react";
import { useRef } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { EmptyState } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CATEGORY_KEYS } from "../../../server/domains/services/services.rules";
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
  const { t } = useTranslation("services");
  const f = useFormat();
  const form = useInputMutationForm({
    schema: CreateRequestInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, partnershipId, submit: submitNow.current }),
    onSuccess: (result) => navigate(`/p/${partnershipId}/services/requests/${result.id}`),
  });
  if (trainees.length === 0) {
    return (
      <EmptyState title={t("form.noTrainee")}>
        <Trans t={t} i18nKey="form.noTraineeBody" components={{ link: <a className="link" href={`/p/${partnershipId}/services/trainees`} /> }} />
      </EmptyState>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label={t("form.label")}>
      <FormError message={form.error?.message} />
      <SelectField
        label={t("form.trainee")}
        name="traineeId"
        placeholder={t("form.chooseTrainee")}
        options={trainees.map((tr): [string, string] => [tr.id, `${tr.name} — ${tr.program}`])}
        error={form.fieldError("traineeId")}
        required
      />
      <SelectField
        label={t("form.category")}
        name="category"
        placeholder={t("form.chooseCategory")}
        options={CATEGORY_KEYS.map((c): [string, string] => [c, t(`category.${c}`)])}
        error={form.fieldError("category")}
        required
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={t("form.amount")}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="125.00"
          hint={t("form.amountHint", { max: f.cents(maxRequestCents) })}
          error={form.fieldError("amount")}
          required
        />
        <TextField label={t("form.neededBy")} name="neededBy" type="date" min={todayIso()} error={form.fieldError("neededBy")} required />
      </div>
      <TextArea
        label={t("form.justification")}
        name="justification"
        rows={4}
        maxLength={JUSTIFICATION_MAX}
        hint={t("form.justificationHint")}
        error={form.fieldError("justification")}
        required
      />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={form.pending} onClick={() => (submitNow.current = true)}>
          {form.pending && submitNow.current ? t("form.submitting") : t("form.submit")}
        </button>
        <button type="submit" className="btn-secondary" disabled={form.pending} onClick={() => (submitNow.current = false)}>
          {t("form.saveDraft")}
        </button>
      </div>
    </form>
  );
}
