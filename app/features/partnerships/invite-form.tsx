// Inviting someone into an organization of the partnership. There is no email server yet, so the
// single-use link is shown here to copy and send.
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { Time } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import {
  CreateInvitationInputSchema,
  EMAIL_MAX,
  PARTNERSHIP_ROLES,
  SIDES,
  type Side,
} from "../../../server/domains/partnerships/partnerships.schema";

export function InviteForm({
  partnershipId,
  organizations,
}: {
  partnershipId: string;
  organizations: Array<{ id: string; name: string; side: Side }>;
}) {
  const [created, setCreated] = useState<{ link: string; email: string; expiresAt: Date } | null>(null);
  const [copied, setCopied] = useState(false);
  const invite = trpc.partnerships.invitation.create.useMutation();
  const form = useMutationForm({
    schema: CreateInvitationInputSchema,
    mutation: invite,
    toInput: (values) => ({ ...values, partnershipId }),
    onSuccess: (result, el) => {
      setCreated({ link: result.link, email: String(new FormData(el).get("email")), expiresAt: result.expiresAt });
      setCopied(false);
      el.reset();
    },
  });

  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="Invite someone">
        <FormError message={form.error?.message} />
        <TextField label="Email" name="email" type="email" required maxLength={EMAIL_MAX} autoComplete="off" error={form.fieldError("email")} />
        <SelectField
          label="Organization"
          name="organizationId"
          placeholder="Choose an organization"
          options={organizations.map((o): [string, string] => [o.id, `${o.name} (${SIDES[o.side]})`])}
          error={form.fieldError("organizationId")}
        />
        <SelectField label="Role" name="role" options={PARTNERSHIP_ROLES} defaultValue="MEMBER" error={form.fieldError("role")} />
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? "Creating link…" : "Create invitation link"}
        </button>
      </form>
      {created ? (
        <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
          <p>
            Invitation for <strong>{created.email}</strong> created. Send this link; it works once and expires on <Time value={created.expiresAt} />.
          </p>
          <div className="space-y-2">
            <textarea aria-label="Invitation link" readOnly rows={2} value={created.link} className="input break-all font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="btn-secondary"
              onClick={() => void navigator.clipboard?.writeText(created.link).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
