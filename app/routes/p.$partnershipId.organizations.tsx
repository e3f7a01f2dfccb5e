import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { EmptyState, Section, SideBadge } from "~/components/ui";
import { usePartnership } from "~/features/partnerships/use-partnership";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { trpc } from "~/lib/trpc";
import {
  CreateOrganizationInputSchema,
  NAME_MAX,
  ORGANIZATION_TYPES,
  SIDES,
  USUAL_SIDE,
  type OrganizationType,
  type Side,
} from "../../server/domains/partnerships/partnerships.schema";

export default function Organizations() {
  const { organizations, viewer, partnership } = usePartnership();
  const { t } = useTranslation("partnerships");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <Section title={t("organizations.title", { count: organizations.length })} id="orgs">
          {organizations.length === 0 ? (
            <EmptyState title={t("organizations.none")}>{t("organizations.noneBody")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {organizations.map((o) => (
                <OrganizationRow key={o.id} partnershipId={partnership.id} organization={o} canManage={viewer.canManage} />
              ))}
            </ul>
          )}
        </Section>
      </div>
      {viewer.canManage ? (
        <Section title={t("organizations.add")} id="add-org">
          <AddOrganizationForm partnershipId={partnership.id} />
        </Section>
      ) : null}
    </div>
  );
}

function OrganizationRow({
  partnershipId,
  organization: o,
  canManage,
}: {
  partnershipId: string;
  organization: { id: string; name: string; type: string; side: Side; memberCount: number; canRemove: boolean };
  canManage: boolean;
}) {
  const remove = trpc.partnerships.organization.remove.useMutation();
  const [error, setError] = useState<string | null>(null);
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const { t } = useTranslation("partnerships");
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <span className="font-medium text-slate-900">{o.name}</span>
          <span className="block text-xs text-slate-500">
            {t("organizations.line", { type: t(`orgType.${o.type as OrganizationType}`), count: o.memberCount })}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <SideBadge side={o.side} />
          {canManage && o.canRemove ? (
            <button
              type="button"
              className="btn-danger px-2 py-1 text-xs"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate({ partnershipId, organizationId: o.id }, { onError: (e) => setError(toUiError(e).message), onSuccess: setProposed })
              }
            >
              <Trans t={t} i18nKey="organizations.remove" values={{ name: o.name }} components={{ sr: <span className="sr-only" /> }} />
            </button>
          ) : null}
        </div>
      </div>
      <FormError message={error} />
      <ProposalNotice result={proposed} applied="" />
    </li>
  );
}

function AddOrganizationForm({ partnershipId }: { partnershipId: string }) {
  const [side, setSide] = useState<Side>("MANAGEMENT");
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const create = trpc.partnerships.organization.create.useMutation();
  const { t } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: CreateOrganizationInputSchema,
    mutation: create,
    toInput: (values) => ({ ...values, partnershipId }),
    onSuccess: (result, el) => {
      setProposed(result);
      el.reset();
      setSide("MANAGEMENT");
    },
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("organizations.add")}>
      <FormError message={form.error?.message} />
      <TextField label={t("organizations.name")} name="name" required maxLength={NAME_MAX} error={form.fieldError("name")} />
      <SelectField
        label={t("organizations.type")}
        name="type"
        options={Object.keys(ORGANIZATION_TYPES).map((type): [string, string] => [type, t(`orgType.${type}`)])}
        defaultValue="EMPLOYER"
        onChange={(e) => setSide(USUAL_SIDE[e.currentTarget.value as OrganizationType])}
        error={form.fieldError("type")}
      />
      <SelectField
        label={t("organizations.side")}
        name="side"
        options={Object.keys(SIDES).map((s): [string, string] => [s, t(`common:enums.side.${s}`)])}
        value={side}
        onChange={(e) => setSide(e.currentTarget.value as Side)}
        hint={t("organizations.sideHint")}
        error={form.fieldError("side")}
      />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? t("organizations.adding") : t("organizations.addButton")}
      </button>
      <ProposalNotice result={proposed} applied={t("organizations.added")} />
    </form>
  );
}
