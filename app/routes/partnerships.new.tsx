import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useNavigate } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { PageHeader } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import {
  CreatePartnershipInputSchema,
  DESCRIPTION_MAX,
  NAME_MAX,
  SECTORS,
} from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "new.pageTitle", "partnerships") }];

export function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export default function NewPartnership() {
  const navigate = useNavigate();
  const create = trpc.partnerships.partnership.create.useMutation();
  const { t } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: CreatePartnershipInputSchema,
    mutation: create,
    onSuccess: (result) => navigate(`/p/${result.id}`),
  });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
      />
      <form onSubmit={form.onSubmit} className="card space-y-5" noValidate>
        <FormError message={form.error?.message} />
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">{t("new.partnership")}</legend>
          <TextField label={t("new.name")} name="name" required maxLength={NAME_MAX} placeholder={t("new.namePlaceholder")} error={form.fieldError("name")} />
          <SelectField
            label={t("new.sector")}
            name="sector"
            options={Object.keys(SECTORS).map((s): [string, string] => [s, t(`common:enums.sector.${s}`)])}
            placeholder={t("new.chooseSector")} required error={form.fieldError("sector")} />
          <TextArea label={t("new.descriptionLabel")} name="description" rows={4} maxLength={DESCRIPTION_MAX} hint={t("new.descriptionHint")} error={form.fieldError("description")} />
        </fieldset>
        <fieldset className="space-y-4 border-t border-slate-200 pt-5">
          <legend className="text-sm font-semibold text-slate-900">{t("new.yourOrganizationAndSeat")}</legend>
          <TextField label={t("new.yourOrganization")} name="organizationName" required maxLength={NAME_MAX} placeholder={t("new.organizationPlaceholder")} error={form.fieldError("organizationName")} />
          <SelectField
            label={t("new.organizationType")}
            name="organizationType"
            options={(["UNION", "EMPLOYER"] as const).map((type): [string, string] => [type, t(`orgType.${type}`)])} error={form.fieldError("organizationType")} />
          <SelectField
            label={t("new.seat")}
            name="seat"
            options={[
              ["LABOR", t("common:enums.role.LABOR_CO_CHAIR")],
              ["MANAGEMENT", t("common:enums.role.MANAGEMENT_CO_CHAIR")],
            ]}
            hint={t("new.seatHint")}
            error={form.fieldError("seat")}
          />
        </fieldset>
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={() => navigate(-1)}>
            {t("new.cancel")}
          </button>
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? t("new.creating") : t("new.create")}
          </button>
        </div>
      </form>
    </div>
  );
}
