// Inviting someone into an organization of the partnership: the invitation is e-mailed to the address.
// The single-use link is also shown here, to the co-chair only, in case the mail is slow or filtered (it
// works only for the invited address).
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { Time } from "~/components/ui";
import { useMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import {
  CreateInvitationInputSchema,
  EMAIL_MAX,
  PARTNERSHIP_ROLES,
  type Side,
} from "../../../server/domains/partnerships/partnerships.schema";
import { LANGUAGES } from "../../../server/domains/identity/identity.schema";

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
  const { t, i18n } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: CreateInvitationInputSchema,
    mutation: invite,
    toInput: (values) => ({ ...values, partnershipId }),
    onSuccess: (result, el) => {
      setCreated({ link: result.link, email: result.email, expiresAt: result.expiresAt });
      setCopied(false);
      el.reset();
    },
  });

  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("invite.title")}>
        <FormError message={form.error?.message} />
        <TextField label={t("invite.email")} name="email" type="email" required maxLength={EMAIL_MAX} autoComplete="off" error={form.fieldError("email")} />
        <SelectField
          label={t("invite.organization")}
          name="organizationId"
          placeholder={t("invite.chooseOrganization")}
          options={organizations.map((o): [string, string] => [o.id, t("invite.organizationOption", { name: o.name, side: t(`common:enums.side.${o.side}`) })])}
          error={form.fieldError("organizationId")}
        />
        <SelectField
          label={t("invite.role")}
          name="role"
          options={Object.keys(PARTNERSHIP_ROLES).map((role): [string, string] => [role, t(`common:enums.role.${role}`)])}
          defaultValue="MEMBER" error={form.fieldError("role")} />
        <SelectField
          label={t("common:invite.language")}
          name="locale"
          options={LANGUAGES}
          defaultValue={i18n.language === "es" ? "es" : "en"}
          hint={t("common:invite.languageHint")}
          error={form.fieldError("locale")}
        />
        <button type="submit" className="btn-primary" disabled={form.pending}>
          {form.pending ? t("invite.sending") : t("invite.send")}
        </button>
      </form>
      {created ? (
        <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
          <p>
            <Trans
              t={t}
              i18nKey="invite.sent"
              values={{ email: created.email }}
              components={{ strong: <strong />, time: <Time value={created.expiresAt} /> }}
            />
          </p>
          <p>{t("invite.sendYourself")}</p>
          <div className="space-y-2">
            <textarea aria-label={t("invite.link")} readOnly rows={2} value={created.link} className="input break-all font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="btn-secondary"
              onClick={() => void navigator.clipboard?.writeText(created.link).then(() => setCopied(true))}
            >
              {copied ? t("invite.copied") : t("invite.copy")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
