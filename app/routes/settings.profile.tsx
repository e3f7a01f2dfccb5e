// The person's profile: name, language and time zone; the e-mail address (and a change waiting for its
// confirmation); the password. Every change is a tRPC mutation of the identity domain.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, PageHeader, Section, Time } from "~/components/ui";
import { SettingsNav } from "~/features/account/settings-nav";
import { superjsonResponse, useData } from "~/lib/data";
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

export const meta: MetaFunction = () => [{ title: "Your profile · Jointly" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const profile = await context.trpc.identity.profile.get();
  return superjsonResponse({ profile, timeZones: Intl.supportedValuesOf("timeZone") });
}

export default function ProfilePage() {
  const initial = useData<typeof loader>();
  const { data: profile = initial.profile } = trpc.identity.profile.get.useQuery(undefined, { initialData: initial.profile });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Your profile" description="How you appear to your partnerships, how to reach you, and how you sign in." />
      <SettingsNav />
      <AboutYou profile={profile} timeZones={initial.timeZones} />
      <EmailSection profile={profile} />
      <PasswordSection />
    </div>
  );
}

function AboutYou({ profile, timeZones }: { profile: ProfileView; timeZones: string[] }) {
  const utils = trpc.useUtils();
  const [saved, setSaved] = useState(false);
  const update = trpc.identity.profile.update.useMutation({ onSuccess: (next) => utils.identity.profile.get.setData(undefined, next) });
  const form = useMutationForm({
    schema: UpdateProfileInputSchema,
    mutation: update,
    toInput: (values) => ({ ...values, timeZone: values.timeZone || null }),
    onSuccess: () => setSaved(true),
  });
  return (
    <Section title="About you" id="about">
      <form onSubmit={form.onSubmit} onChange={() => setSaved(false)} className="space-y-4" noValidate aria-label="About you">
        <FormError message={form.error?.message} />
        <TextField label="Name" name="name" autoComplete="name" required maxLength={NAME_MAX} defaultValue={profile.name} error={form.fieldError("name")} />
        <SelectField
          label="Language"
          name="locale"
          defaultValue={profile.locale}
          options={LANGUAGES}
          hint="The language of your e-mails (and of the app, as translations arrive)."
          error={form.fieldError("locale")}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={profile.timeZone ?? ""}
          placeholder="UTC (not set)"
          options={timeZones.map((zone) => [zone, zone.replaceAll("_", " ")] as [string, string])}
          hint="Used for the dates and times in your e-mails and for the hour of your daily digest."
          error={form.fieldError("timeZone")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save"}
          </button>
          <p role="status" className="text-sm text-green-800">
            {saved ? "Saved." : ""}
          </p>
        </div>
      </form>
    </Section>
  );
}

function EmailSection({ profile }: { profile: ProfileView }) {
  const utils = trpc.useUtils();
  const [announcement, setAnnouncement] = useState("");
  const refresh = () => utils.identity.profile.get.invalidate();
  const change = trpc.identity.email.change.useMutation({ onSuccess: refresh });
  const cancel = trpc.identity.email.cancelChange.useMutation({ onSuccess: refresh });
  const resend = trpc.identity.email.resendConfirmation.useMutation({
    onSuccess: (r) => setAnnouncement(r.sentTo ? `We sent a new link to ${r.sentTo}.` : "Your address is already confirmed."),
    onError: (e) => setAnnouncement(toUiError(e).message),
  });
  const form = useMutationForm({
    schema: ChangeEmailInputSchema,
    mutation: change,
    onSuccess: (r, el) => {
      el.reset();
      setAnnouncement(`We sent a link to ${r.pendingEmail}. Your address changes once you open it.`);
    },
  });
  return (
    <Section title="E-mail address" id="email">
      <p className="text-sm text-slate-700">
        <strong>{profile.email}</strong>{" "}
        {profile.isEmailVerified ? <Badge tone="green">confirmed</Badge> : <Badge tone="amber">not confirmed yet</Badge>}
      </p>
      {!profile.isEmailVerified ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>Open the link we e-mailed you to confirm it. Until then Jointly sends you no news by e-mail.</p>
          <button type="button" className="btn-secondary mt-2" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {resend.isPending ? "Sending…" : "Send the link again"}
          </button>
        </div>
      ) : null}
      {profile.pendingEmail ? (
        <div className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p>
            Waiting for you to confirm <strong>{profile.pendingEmail.email}</strong>: open the link we sent there (it works until{" "}
            <Time value={profile.pendingEmail.expiresAt} withTime />
            ). Until then your address stays {profile.email}.
          </p>
          <button type="button" className="btn-secondary mt-2" disabled={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: () => setAnnouncement("Change cancelled.") })}>
            Cancel the change
          </button>
        </div>
      ) : null}
      <form onSubmit={form.onSubmit} className="mt-4 space-y-4" noValidate aria-label="Change your e-mail address">
        <FormError message={form.error?.message} />
        <TextField label="New e-mail address" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} error={form.fieldError("email")} />
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={form.fieldError("currentPassword")} />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {form.pending ? "Sending…" : "Send a confirmation link"}
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
  const change = trpc.identity.password.change.useMutation();
  const form = useMutationForm({
    schema: ChangePasswordInputSchema,
    mutation: change,
    onSuccess: (r, el) => {
      el.reset();
      setDone(r.endedSessions ? `Password changed. ${r.endedSessions} other session(s) were signed out.` : "Password changed.");
    },
  });
  return (
    <Section title="Password" id="password">
      <form onSubmit={form.onSubmit} onChange={() => setDone("")} className="space-y-4" noValidate aria-label="Change your password">
        <FormError message={form.error?.message} />
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={form.fieldError("currentPassword")} />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={`At least ${PASSWORD_MIN} characters. Every other device signed in to your account will be signed out.`}
          error={form.fieldError("newPassword")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={form.pending}>
            {form.pending ? "Changing…" : "Change password"}
          </button>
          <p role="status" className="text-sm text-green-800">
            {done}
          </p>
        </div>
      </form>
    </Section>
  );
}
