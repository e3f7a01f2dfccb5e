// Security: two-factor sign-in (set up with an authenticator app, recovery codes shown once, turn off or
// make new codes with the password) and the account's sessions with "sign out everywhere else". A
// partnership that requires two-factor sends its people here (?required=1) and back when it is on.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, TextField } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
import { Badge, PageHeader, Section, Time } from "~/components/ui";
import { SettingsNav } from "~/features/account/settings-nav";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { requireUser } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { ConfirmPasswordInputSchema, PASSWORD_MAX, RedirectToSchema, TwoFactorCodeInputSchema } from "../../server/domains/identity/identity.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "security.pageTitle", "settings") }];

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
  const { t } = useTranslation("settings");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("security.title")} description={t("security.description")} />
      <SettingsNav />
      {isRequired ? (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {twoFactor.isOn ? (
            <p>
              <Trans t={t} i18nKey="security.requiredOn" components={{ back: <Link to={back} className="font-medium underline" /> }} />
            </p>
          ) : (
            <p>{t("security.requiredOff")}</p>
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
  const { t } = useTranslation("settings");
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
    <Section title={t("security.twoFactor.title")} id="two-factor">
      <p className="text-sm text-slate-700">
        {twoFactor.isOn ? (
          <>
            <Badge tone="green">{t("security.twoFactor.on")}</Badge> {t("security.twoFactor.onBody", { count: twoFactor.recoveryCodesLeft })}
          </>
        ) : (
          <>
            <Badge tone="slate">{t("security.twoFactor.off")}</Badge> {t("security.twoFactor.offBody")}
          </>
        )}
      </p>
      {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
      {!twoFactor.isOn && !codes ? (
        start.data ? (
          <div className="mt-4 space-y-4">
            <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
              <li>
                {t("security.twoFactor.scan")}
                <img src={start.data.qrCode} alt={t("security.twoFactor.qrAlt")} width={220} height={220} className="mt-2 rounded border border-slate-200" />
                <span className="mt-2 block">
                  <Trans
                    t={t}
                    i18nKey="security.twoFactor.typeKey"
                    values={{ key: start.data.secret }}
                    components={{ code: <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs" /> }}
                  />
                </span>
              </li>
              <li>{t("security.twoFactor.enterCode")}</li>
            </ol>
            <form onSubmit={confirmForm.onSubmit} className="space-y-3" noValidate aria-label={t("security.twoFactor.confirmForm")}>
              <FormError message={confirmForm.error?.message} />
              <TextField label={t("security.twoFactor.code")} name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={10} error={confirmForm.fieldError("code")} />
              <button type="submit" className="btn-primary" disabled={confirmForm.pending}>
                {confirmForm.pending ? t("security.twoFactor.checking") : t("security.twoFactor.turnOn")}
              </button>
            </form>
          </div>
        ) : (
          <div className="mt-4">
            <FormError message={start.error ? toUiError(start.error).message : null} />
            <button type="button" className="btn-primary" disabled={start.isPending} onClick={() => start.mutate()}>
              {start.isPending ? t("security.twoFactor.preparing") : t("security.twoFactor.setUp")}
            </button>
          </div>
        )
      ) : null}
      {twoFactor.isOn && !codes ? (
        <div className="mt-4 grid gap-6 sm:grid-cols-2">
          <form onSubmit={regenerateForm.onSubmit} className="space-y-3" noValidate aria-label={t("security.twoFactor.newCodes")}>
            <h3 className="text-sm font-semibold text-slate-900">{t("security.twoFactor.newCodes")}</h3>
            <FormError message={regenerateForm.error?.message} />
            <TextField label={t("security.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={regenerateForm.fieldError("currentPassword")} />
            <button type="submit" className="btn-secondary" disabled={regenerateForm.pending}>
              {t("security.twoFactor.makeCodes")}
            </button>
          </form>
          <form onSubmit={disableForm.onSubmit} className="space-y-3" noValidate aria-label={t("security.twoFactor.turnOff")}>
            <h3 className="text-sm font-semibold text-slate-900">{t("security.twoFactor.turnItOff")}</h3>
            <FormError message={disableForm.error?.message} />
            <TextField label={t("security.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={disableForm.fieldError("currentPassword")} />
            <button type="submit" className="btn-danger" disabled={disableForm.pending}>
              {t("security.twoFactor.turnOff")}
            </button>
          </form>
        </div>
      ) : null}
    </Section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation("settings");
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mt-4 space-y-3 rounded-md bg-green-50 p-4 text-sm text-green-950 ring-1 ring-green-200">
      <h3 ref={heading} tabIndex={-1} className="font-semibold">
        {t("security.codes.title")}
      </h3>
      <p>{t("security.codes.body")}</p>
      <ul aria-label={t("security.codes.list")} className="grid grid-cols-2 gap-2 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" className="btn-secondary" onClick={onDone}>
        {t("security.codes.done")}
      </button>
    </div>
  );
}

type SessionRow = { key: string; device: string; signedInAt: Date; lastUsedAt: Date; isThisDevice: boolean };

function SessionsSection({ initial }: { initial: SessionRow[] }) {
  const utils = trpc.useUtils();
  const { data: sessions = initial } = trpc.identity.session.list.useQuery(undefined, { initialData: initial });
  const [announcement, setAnnouncement] = useState("");
  const { t } = useTranslation("settings");
  const translate = useServerMessage();
  const signOutOthers = trpc.identity.session.signOutOthers.useMutation({
    onSuccess: (r) => {
      setAnnouncement(r.ended ? t("security.sessions.ended", { count: r.ended }) : t("security.sessions.noneOther"));
      void utils.identity.session.list.invalidate();
    },
    onError: (e) => setAnnouncement(translate(toUiError(e).message)),
  });
  const others = sessions.filter((s) => !s.isThisDevice).length;
  return (
    <Section title={t("security.sessions.title")} id="sessions">
      <ul className="divide-y divide-slate-100 text-sm" aria-label={t("security.sessions.list")}>
        {sessions.map((s) => (
          <li key={s.key} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div>
              <span className="font-medium text-slate-900">{s.device}</span> {s.isThisDevice ? <Badge tone="indigo">{t("security.sessions.thisDevice")}</Badge> : null}
              <span className="block text-xs text-slate-600">
                <Trans t={t} i18nKey="security.sessions.times" components={{ signedIn: <Time value={s.signedInAt} withTime />, lastUsed: <Time value={s.lastUsedAt} withTime /> }} />
              </span>
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary" disabled={signOutOthers.isPending || others === 0} onClick={() => signOutOthers.mutate()}>
          {signOutOthers.isPending ? t("security.sessions.signingOut") : t("security.sessions.signOutOthers")}
        </button>
        <p role="status" className="text-sm text-slate-700">
          {announcement}
        </p>
      </div>
    </Section>
  );
}
