import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError, TextField } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { challengeCookie, parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { PASSWORD_MAX, RedirectToSchema, SignInInputSchema } from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX } from "../../server/domains/partnerships/partnerships.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { signIn } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "signIn.title", "auth") }];

export function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = RedirectToSchema.parse(form.get("redirectTo") ?? "/");
  const parsed = parseForm(SignInInputSchema, form);
  if (!parsed.ok) return parsed.response;
  try {
    const result = await signIn(context.deps, { input: { ...parsed.data, ip: context.clientIp, userAgent: request.headers.get("user-agent") } });
    if (result.outcome === "secondFactor") {
      // The password was right; the session waits for the code (the pending sign-in rides in a cookie on /signin).
      return redirect(`/signin/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`, {
        headers: { "Set-Cookie": challengeCookie(result.challenge, { secure: context.deps.config.secureCookies }) },
      });
    }
    return redirect(redirectTo, { headers: { "Set-Cookie": result.cookie } });
  } catch (error) {
    return refusal(error, parsed.values);
  }
}

export default function SignIn() {
  const data = useActionData<AuthActionData>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  const redirectTo = params.get("redirectTo") ?? "/";
  const notice = params.get("reset") ? t("signIn.resetNotice") : params.get("confirmed") ? t("signIn.confirmedNotice") : null;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signIn.intro")}</p>
      {notice ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-900 ring-1 ring-green-200">
          {notice}
        </p>
      ) : null}
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label={t("email")} name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={data?.values?.email ?? params.get("email") ?? ""} error={data?.fieldErrors?.email?.[0]} />
        <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required maxLength={PASSWORD_MAX} error={data?.fieldErrors?.password?.[0]} />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link className="link" to="/forgot-password">
          {t("signIn.forgot")}
        </Link>
      </p>
      <p className="mt-2 text-center text-sm text-slate-600">
        {t("signIn.newHere")}{" "}
        <Link className="link" to={`/signup?redirectTo=${encodeURIComponent(redirectTo)}`}>
          {t("signIn.createAccount")}
        </Link>
      </p>
    </div>
  );
}
