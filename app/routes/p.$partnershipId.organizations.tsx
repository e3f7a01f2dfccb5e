import { useState } from "react";
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
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <Section title={`Organizations (${organizations.length})`} id="orgs">
          {organizations.length === 0 ? (
            <EmptyState title="No organizations yet">Add the unions, employers, colleges and community partners of this partnership.</EmptyState>
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
        <Section title="Add an organization" id="add-org">
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
  return (
    <li className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <span className="font-medium text-slate-900">{o.name}</span>
          <span className="block text-xs text-slate-500">
            {ORGANIZATION_TYPES[o.type as OrganizationType]} · {o.memberCount} {o.memberCount === 1 ? "person" : "people"}
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
              Remove<span className="sr-only"> {o.name}</span>
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
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="Add an organization">
      <FormError message={form.error?.message} />
      <TextField label="Name" name="name" required maxLength={NAME_MAX} error={form.fieldError("name")} />
      <SelectField
        label="Type"
        name="type"
        options={ORGANIZATION_TYPES}
        defaultValue="EMPLOYER"
        onChange={(e) => setSide(USUAL_SIDE[e.currentTarget.value as OrganizationType])}
        error={form.fieldError("type")}
      />
      <SelectField
        label="Side"
        name="side"
        options={SIDES}
        value={side}
        onChange={(e) => setSide(e.currentTarget.value as Side)}
        hint="Colleges, community organizations and workforce boards usually sit as neutral partners. An organization of your own side is added at once; any other is proposed to the other side's co-chair."
        error={form.fieldError("side")}
      />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add organization"}
      </button>
      <ProposalNotice result={proposed} applied="Added." />
    </form>
  );
}
