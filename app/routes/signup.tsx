import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, TextField } from "~/components/field";
import { localeFor } from "~/i18n/i18n.server";
import { isAppLocale } from "~/i18n/config";
import { pageTitle } from "~/i18n/meta";
import { parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { PASSWORD_MAX, PASSWORD_MIN, RedirectToSchema, SignUpInputSchema } from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX, NAME_MAX } from "../../server/domains/partnerships/partnerships.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { signUp } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "signUp.pageTitle", "auth") }];

export function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

type SignUpActionData = AuthActionData & { sentTo?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = RedirectToSchema.parse(form.get("redirectTo") ?? "/");
  const parsed = parseForm(SignUpInputSchema, form);
  if (!parsed.ok) return parsed.response;
  // Coming from an invitation's link: its token proves the invited address (see signUp).
  const invitationToken = redirectTo.match(/^\/invitations\/([A-Za-z0-9_-]{1,100})$/)?.[1] ?? null;
  // The account keeps the language this page was in (its mails, from the confirmation on, are in it).
  const locale = await localeFor(request, null);
  try {
    const result = await signUp(context.deps, {
      input: { ...parsed.data, ip: context.clientIp, userAgent: request.headers.get("user-agent"), invitationToken, locale: isAppLocale(locale) ? locale : undefined },
    });
    if (result.outcome === "signedIn") return redirect(redirectTo, { headers: { "Set-Cookie": result.cookie } });
    // The same answer whether or not the address already had an account.
    return json<SignUpActionData>({ sentTo: result.email });
  } catch (error) {
    return refusal(error, parsed.values);
  }
}

export default function SignUp() {
  const data = useActionData<SignUpActionData>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const redirectTo = params.get("redirectTo") ?? "/";
  const { t } = useTranslation("auth");
  if (data?.sentTo) {
    return (
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">{t("signUp.checkInbox")}</h1>
        <div role="status" className="card mt-6 space-y-3 text-sm text-slate-700">
          <p>
            <Trans t={t} i18nKey="signUp.sentTo" values={{ email: data.sentTo }} components={{ strong: <strong /> }} />
          </p>
          <p>{t("signUp.alreadyHave")}</p>
          <p>{t("signUp.nothingYet")}</p>
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          <Link className="link" to={`/signin?redirectTo=${encodeURIComponent(redirectTo)}`}>
            {t("signUp.goToSignIn")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("signUp.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signUp.intro")}</p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label={t("signUp.name")} name="name" autoComplete="name" required maxLength={NAME_MAX} defaultValue={data?.values?.name} error={data?.fieldErrors?.name?.[0]} />
        <TextField label={t("email")} name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={data?.values?.email ?? params.get("email") ?? ""} error={data?.fieldErrors?.email?.[0]} />
        <TextField
          label={t("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("passwordHint", { min: PASSWORD_MIN })}
          error={data?.fieldErrors?.password?.[0]}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t("signUp.busy") : t("signUp.submit")}
        </button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        {t("signUp.haveAccount")}{" "}
        <Link className="link" to={`/signin?redirectTo=${encodeURIComponent(redirectTo)}`}>
          {t("signUp.signIn")}
        </Link>
      </p>
    </div>
  );
}
