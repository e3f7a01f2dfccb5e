// Editing a draft request (only drafts can change; afterwards the history is the record).
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { trpc } from "~/lib/trpc";
import { CATEGORY_KEYS, centsToDollarsInput, type ServiceCategory } from "../../../server/domains/services/services.rules";
import { JUSTIFICATION_MAX, UpdateRequestInputSchema } from "../../../server/domains/services/services.schema";
import { todayIso } from "./labels";
import { useInputMutationForm } from "~/lib/forms";

type Draft = { id: string; category: ServiceCategory; requestedCents: number; neededBy: Date; justification: string };

export function EditDraftForm({ request }: { request: Draft }) {
  const utils = trpc.useUtils();
  const update = trpc.services.request.update.useMutation({ onSuccess: () => void utils.services.request.get.invalidate({ requestId: request.id }) });
  const form = useInputMutationForm({ schema: UpdateRequestInputSchema, mutation: update, toInput: (v) => ({ ...v, requestId: request.id }) });
  const { t } = useTranslation("services");
  return (
    <details className="card">
      <summary className="cursor-pointer text-base font-semibold text-slate-900">{t("form.editDraft")}</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-3 space-y-4" aria-label={t("form.editDraft")}>
        <FormError message={form.error?.message} />
        <SelectField label={t("form.category")} name="category" options={CATEGORY_KEYS.map((c): [string, string] => [c, t(`category.${c}`)])} defaultValue={request.category} error={form.fieldError("category")} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField label={t("form.amount")} name="amount" inputMode="decimal" defaultValue={centsToDollarsInput(request.requestedCents)} error={form.fieldError("amount")} />
          <TextField label={t("form.neededBy")} name="neededBy" type="date" min={todayIso()} defaultValue={request.neededBy.toISOString().slice(0, 10)} error={form.fieldError("neededBy")} />
        </div>
        <TextArea label={t("form.justification")} name="justification" rows={4} maxLength={JUSTIFICATION_MAX} defaultValue={request.justification} error={form.fieldError("justification")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {t("form.saveEdit")}
        </button>
        {update.isSuccess && !form.error ? (
          <p role="status" className="text-sm text-green-800">
            {t("form.saved")}
          </p>
        ) : null}
      </form>
    </details>
  );
}
