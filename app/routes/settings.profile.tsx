// The person's profile: name, language and time zone; the e-mail address (and a change waiting for its
// confirmation); the password. Every change is a tRPC mutation of the identity domain.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, PageHeader, Section, Time } from "~/components/ui";
import { SettingsNav } from "~/features/account/settings-nav";
import { superjsonResponse, useData } from "~/lib/data";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import type { ProfileView } from "../../server/domains/identity/profile";
import {
  ChangeEmailInputSchema,
  ChangePasswordInputSchema,
  LANGUAGES,
  PASSWORD_MAX,
  PASSWORD_MIN,
  UpdateProfileInputSchema,
} from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX, NAME_MAX } from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "profile.pageTitle", "settings") }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const profile = await context.trpc.identity.profile.get();
  return superjsonResponse({ profile, timeZones: Intl.supportedValuesOf("timeZone") });
}

export default function ProfilePage() {
  const initial = useData<typeof loader>();
  const { data: profile = initial.profile } = trpc.identity.profile.get.useQuery(undefined, { initialData: initial.profile });
  const { t } = useTranslation("settings");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <SettingsNav />
      <AboutYou profile={profile} timeZones={initial.timeZones} />
      <EmailSection profile={profile} />
      <PasswordSection />
    </div>
  );
}

function AboutYou({ profile, timeZones }: { profile: ProfileView; timeZones: string[] }) {
  const utils = trpc.useUtils();
  const { t } = useTranslation(["settings", "common"]);
  const [saved, setSaved] = useState(false);
  // The root loader picks the page's language and time zone from the profile: read it again.
  const { revalidate } = useRevalidator();
  const update = trpc.identity.profile.update.useMutation({
    onSuccess: (next) => {
      utils.identity.profile.get.setData(undefined, next);
      revalidate();
    },
  });
  const form = useMutationForm({
    schema: UpdateProfileInputSchema,
    mutation: update,
    toInput: (values) => ({ ...values, timeZone: values.timeZone || null }),
    onSuccess: () => setSaved(true),
  });
  return (
    <Section title={t("profile.about")} id="about">
      <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} className="space-y-4" noValidate aria-label={t("profile.about")}>
        <FormError message={form.error?.message} />
        <TextField label={t("profile.name")} name="name" autoComplete="name" required maxLength={NAME_MAX} defaultValue={profile.name} error={form.fieldError("name")} />
        <SelectField
          label={t("profile.language")}
          name="locale"
          defaultValue={profile.locale}
          options={LANGUAGES}
          hint={t("profile.languageHint")}
          error={form.fieldError("locale")}
        />
        <SelectField
          label={t("profile.timeZone")}
          name="timeZone"
          defaultValue={profile.timeZone ?? ""}
          placeholder={t("profile.timeZoneUnset")}
          options={timeZones.map((zone) => [zone, zone.replaceAll("_", " ")] as [string, string])}
          hint={t("profile.timeZoneHint")}
          error={form.fieldError("timeZone")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? t("common:actions.saving") : t("common:actions.save")}
          </button>
          <p role="status" className="text-sm text-green-800">
            {saved ? t("common:actions.saved") : ""}
          </p>
        </div>
      </form>
    </Section>
  );
}

function EmailSection({ profile }: { profile: ProfileView }) {
  const utils = trpc.useUtils();
  const { t } = useTranslation(["settings", "common"]);
  const translate = useServerMessage();
  const [announcement, setAnnouncement] = useState("");
  const refresh = () => utils.identity.profile.get.invalidate();
  const change = trpc.identity.email.change.useMutation({ onSuccess: refresh });
  const cancel = trpc.identity.email.cancelChange.useMutation({ onSuccess: refresh });
  const resend = trpc.identity.email.resendConfirmation.useMutation({
    onSuccess: (r) => setAnnouncement(r.sentTo ? t("profile.sentAgain", { email: r.sentTo }) : t("profile.alreadyConfirmed")),
    onError: (e) => setAnnouncement(translate(toUiError(e).message)),
  });
  const form = useMutationForm({
    schema: ChangeEmailInputSchema,
    mutation: change,
    onSuccess: (r, el) => {
      el.reset();
      setAnnouncement(t("profile.linkSent", { email: r.pendingEmail }));
    },
  });
  return (
    <Section title={t("profile.emailTitle")} id="email">
      <p className="text-sm text-slate-700">
        <strong>{profile.email}</strong>{" "}
        {profile.isEmailVerified ? <Badge tone="green">{t("profile.confirmed")}</Badge> : <Badge tone="amber">{t("profile.notConfirmed")}</Badge>}
      </p>
      {!profile.isEmailVerified ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>{t("profile.confirmPrompt")}</p>
          <button type="button" className="btn-secondary mt-2" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {resend.isPending ? t("common:actions.sending") : t("profile.sendAgain")}
          </button>
        </div>
      ) : null}
      {profile.pendingEmail ? (
        <div className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p>
            <Trans
              t={t}
              i18nKey="profile.pending"
              values={{ email: profile.pendingEmail.email, current: profile.email }}
              components={{ strong: <strong />, time: <Time value={profile.pendingEmail.expiresAt} withZone /> }}
            />
          </p>
          <button type="button" className="btn-secondary mt-2" disabled={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: () => setAnnouncement(t("profile.changeCancelled")) })}>
            {t("profile.cancelChange")}
          </button>
        </div>
      ) : null}
      <form onSubmit={form.onSubmit} className="mt-4 space-y-4" noValidate aria-label={t("profile.changeEmailForm")}>
        <FormError message={form.error?.message} />
        <TextField label={t("profile.newEmail")} name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} error={form.fieldError("email")} />
        <TextField label={t("profile.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={form.fieldError("currentPassword")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {form.pending ? t("common:actions.sending") : t("profile.sendLink")}
        </button>
      </form>
      <p role="status" className="mt-3 text-sm text-slate-700">
        {announcement}
      </p>
    </Section>
  );
}

function PasswordSection() {
  const [done, setDone] = useState("");
  const { t } = useTranslation("settings");
  const change = trpc.identity.password.change.useMutation();
  const form = useMutationForm({
    schema: ChangePasswordInputSchema,
    mutation: change,
    onSuccess: (r, el) => {
      el.reset();
      setDone(r.endedSessions ? t("profile.passwordChangedEnded", { count: r.endedSessions }) : t("profile.passwordChanged"));
    },
  });
  return (
    <Section title={t("profile.passwordTitle")} id="password">
      <form onSubmit={form.onSubmit} onChange={() => setDone("")} className="space-y-4" noValidate aria-label={t("profile.changePasswordForm")}>
        <FormError message={form.error?.message} />
        <TextField label={t("profile.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={form.fieldError("currentPassword")} />
        <TextField
          label={t("profile.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("profile.newPasswordHint", { min: PASSWORD_MIN })}
          error={form.fieldError("newPassword")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? t("profile.changing") : t("profile.changePassword")}
          </button>
          <p role="status" className="text-sm text-green-800">
            {done}
          </p>
        </div>
      </form>
    </Section>
  );
}
