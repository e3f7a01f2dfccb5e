// Security: two-factor sign-in (set up with an authenticator app, recovery codes shown once, turn off or
// make new codes with the password) and the account's sessions with "sign out everywhere else". A
// partnership that requires two-factor sends its people here (?required=1) and back when it is on.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormError, TextField } from "~/components/field";
import { Badge, PageHeader, Section, Time } from "~/components/ui";
import { SettingsNav } from "~/features/account/settings-nav";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { ConfirmPasswordInputSchema, PASSWORD_MAX, RedirectToSchema, TwoFactorCodeInputSchema } from "../../server/domains/identity/identity.schema";

export const meta: MetaFunction = () => [{ title: "Security · Jointly" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const [profile, sessions] = await Promise.all([context.trpc.identity.profile.get(), context.trpc.identity.session.list()]);
  return superjsonResponse({ twoFactor: profile.twoFactor, sessions });
}

export default function SecurityPage() {
  const initial = useData<typeof loader>();
  const [params] = useSearchParams();
  const { data: profile } = trpc.identity.profile.get.useQuery(undefined);
  const twoFactor = profile?.twoFactor ?? initial.twoFactor;
  const isRequired = params.get("required") === "1";
  const back = RedirectToSchema.parse(params.get("redirectTo") ?? "/");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title="Security" description="How you sign in, and where you are signed in." />
      <SettingsNav />
      {isRequired ? (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {twoFactor.isOn ? (
            <p>
              Two-factor sign-in is on.{" "}
              <Link to={back} className="font-medium underline">
                Go back to where you were
              </Link>
            </p>
          ) : (
            <p>A partnership you belong to requires two-factor sign-in for your role (co-chairs and everyone who can see trainees' data). Turn it on below to continue.</p>
          )}
        </div>
      ) : null}
      <TwoFactorSection twoFactor={twoFactor} />
      <SessionsSection initial={initial.sessions} />
    </div>
  );
}

type TwoFactorState = { isOn: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

function TwoFactorSection({ twoFactor }: { twoFactor: TwoFactorState }) {
  const utils = trpc.useUtils();
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = trpc.identity.twoFactor.start.useMutation();
  const confirm = trpc.identity.twoFactor.confirm.useMutation();
  const disable = trpc.identity.twoFactor.disable.useMutation();
  const regenerate = trpc.identity.twoFactor.regenerateRecoveryCodes.useMutation();
  const refresh = () => utils.identity.profile.get.invalidate();
  const confirmForm = useMutationForm({
    schema: TwoFactorCodeInputSchema,
    mutation: confirm,
    onSuccess: (r) => {
      setCodes(r.recoveryCodes);
      start.reset();
      void refresh();
    },
  });
  const disableForm = useMutationForm({ schema: ConfirmPasswordInputSchema, mutation: disable, onSuccess: () => void refresh() });
  const regenerateForm = useMutationForm({
    schema: ConfirmPasswordInputSchema,
    mutation: regenerate,
    onSuccess: (r, el) => {
      el.reset();
      setCodes(r.recoveryCodes);
      void refresh();
    },
  });

  return (
    <Section title="Two-factor sign-in" id="two-factor">
      <p className="text-sm text-slate-700">
        {twoFactor.isOn ? (
          <>
            <Badge tone="green">on</Badge> Signing in asks for a code from your authenticator app after your password. {twoFactor.recoveryCodesLeft} recovery code(s) left.
          </>
        ) : (
          <>
            <Badge tone="slate">off</Badge> Add a second step to signing in: a 6-digit code from an authenticator app on your phone (such as Google Authenticator,
            Microsoft Authenticator or 1Password).
          </>
        )}
      </p>
      {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
      {!twoFactor.isOn && !codes ? (
        start.data ? (
          <div className="mt-4 space-y-4">
            <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
              <li>
                In your authenticator app, add an account by scanning this code:
                <img src={start.data.qrCode} alt="QR code to add Jointly to your authenticator app" width={220} height={220} className="mt-2 rounded border border-slate-200" />
                <span className="mt-2 block">
                  Or type this key in the app: <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs">{start.data.secret}</code>
                </span>
              </li>
              <li>Enter the 6-digit code the app shows now.</li>
            </ol>
            <form onSubmit={confirmForm.onSubmit} className="space-y-3" noValidate aria-label="Confirm your authenticator app">
              <FormError message={confirmForm.error?.message} />
              <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} error={confirmForm.fieldError("code")} />
              <button type="submit" className="btn-primary" disabled={confirmForm.pending}>
                {confirmForm.pending ? "Checking…" : "Turn on two-factor sign-in"}
              </button>
            </form>
          </div>
        ) : (
          <div className="mt-4">
            <FormError message={start.error ? toUiError(start.error).message : null} />
            <button type="button" className="btn-primary" disabled={start.isPending} onClick={() => start.mutate()}>
              {start.isPending ? "Preparing…" : "Set up two-factor sign-in"}
            </button>
          </div>
        )
      ) : null}
      {twoFactor.isOn && !codes ? (
        <div className="mt-4 grid gap-6 sm:grid-cols-2">
          <form onSubmit={regenerateForm.onSubmit} className="space-y-3" noValidate aria-label="New recovery codes">
            <h3 className="text-sm font-semibold text-slate-900">New recovery codes</h3>
            <FormError message={regenerateForm.error?.message} />
            <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={regenerateForm.fieldError("currentPassword")} />
            <button type="submit" className="btn-secondary" disabled={regenerateForm.pending}>
              Make new recovery codes
            </button>
          </form>
          <form onSubmit={disableForm.onSubmit} className="space-y-3" noValidate aria-label="Turn off two-factor sign-in">
            <h3 className="text-sm font-semibold text-slate-900">Turn it off</h3>
            <FormError message={disableForm.error?.message} />
            <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={disableForm.fieldError("currentPassword")} />
            <button type="submit" className="btn-danger" disabled={disableForm.pending}>
              Turn off two-factor sign-in
            </button>
          </form>
        </div>
      ) : null}
    </Section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mt-4 space-y-3 rounded-md bg-green-50 p-4 text-sm text-green-950 ring-1 ring-green-200">
      <h3 ref={heading} tabIndex={-1} className="font-semibold">
        Your recovery codes
      </h3>
      <p>Each code signs you in once if you lose your phone. Keep them somewhere safe (printed, or in a password manager): they are not shown again.</p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" className="btn-secondary" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}

type SessionRow = { key: string; device: string; signedInAt: Date; lastUsedAt: Date; isThisDevice: boolean };

function SessionsSection({ initial }: { initial: SessionRow[] }) {
  const utils = trpc.useUtils();
  const { data: sessions = initial } = trpc.identity.session.list.useQuery(undefined, { initialData: initial });
  const [announcement, setAnnouncement] = useState("");
  const signOutOthers = trpc.identity.session.signOutOthers.useMutation({
    onSuccess: (r) => {
      setAnnouncement(r.ended ? `Signed out of ${r.ended} other session(s).` : "No other session was signed in.");
      void utils.identity.session.list.invalidate();
    },
    onError: (e) => setAnnouncement(toUiError(e).message),
  });
  const others = sessions.filter((s) => !s.isThisDevice).length;
  return (
    <Section title="Your sessions" id="sessions">
      <ul className="divide-y divide-slate-100 text-sm" aria-label="Sessions">
        {sessions.map((s) => (
          <li key={s.key} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div>
              <span className="font-medium text-slate-900">{s.device}</span> {s.isThisDevice ? <Badge tone="indigo">this device</Badge> : null}
              <span className="block text-xs text-slate-600">
                Signed in <Time value={s.signedInAt} withTime /> · last used <Time value={s.lastUsedAt} withTime />
              </span>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" disabled={signOutOthers.isPending || others === 0} onClick={() => signOutOthers.mutate()}>
          {signOutOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
        </button>
        <p role="status" className="text-sm text-slate-700">
          {announcement}
        </p>
      </div>
    </Section>
  );
}
