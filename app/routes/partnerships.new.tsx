import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useNavigate } from "@remix-run/react";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { PageHeader } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import {
  CreatePartnershipInputSchema,
  DESCRIPTION_MAX,
  NAME_MAX,
  ORGANIZATION_TYPES,
  SECTORS,
} from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = () => [{ title: "New partnership · Jointly" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export default function NewPartnership() {
  const navigate = useNavigate();
  const create = trpc.partnerships.partnership.create.useMutation();
  const form = useMutationForm({
    schema: CreatePartnershipInputSchema,
    mutation: create,
    onSuccess: (result) => navigate(`/p/${result.id}`),
  });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Start a partnership"
        description="A partnership is the shared workspace and top body of a joint program. You take your side's co-chair seat; invite the other side's co-chair next."
      />
      <form onSubmit={form.onSubmit} className="card space-y-5" noValidate>
        <FormError message={form.error?.message} />
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">The partnership</legend>
          <TextField label="Name" name="name" required maxLength={NAME_MAX} placeholder="e.g. Lakeshore Manufacturing Training Partnership" error={form.fieldError("name")} />
          <SelectField label="Sector" name="sector" options={SECTORS} placeholder="Choose a sector" required error={form.fieldError("sector")} />
          <TextArea label="Description" name="description" rows={4} maxLength={DESCRIPTION_MAX} hint="What the partnership trains for, who funds it, how it decides." error={form.fieldError("description")} />
        </fieldset>
        <fieldset className="space-y-4 border-t border-slate-200 pt-5">
          <legend className="text-sm font-semibold text-slate-900">Your organization and seat</legend>
          <TextField label="Your organization" name="organizationName" required maxLength={NAME_MAX} placeholder="e.g. USW Local 1010" error={form.fieldError("organizationName")} />
          <SelectField label="Organization type" name="organizationType" options={{ UNION: ORGANIZATION_TYPES.UNION, EMPLOYER: ORGANIZATION_TYPES.EMPLOYER }} error={form.fieldError("organizationType")} />
          <SelectField
            label="Your seat"
            name="seat"
            options={{ LABOR: "Labor co-chair", MANAGEMENT: "Management co-chair" }}
            hint="Your organization sits on this side."
            error={form.fieldError("seat")}
          />
        </fieldset>
        <div className="flex justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={() => navigate(-1)}>
            Cancel
          </button>
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? "Creating…" : "Create partnership"}
          </button>
        </div>
      </form>
    </div>
  );
}
