// The second step of signing in with two-factor: a code from the authenticator app, or a recovery code.
// The pending sign-in (after the right password) is in an HttpOnly cookie on /signin; without it, or
// once it lapsed, the person starts again from the password.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError, TextField } from "~/components/field";
import { clearChallengeCookie, parseForm, readChallengeCookie, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { RedirectToSchema, TwoFactorCodeInputSchema } from "../../server/domains/identity/identity.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { completeSignIn } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "twoFactor.title", "auth") }];

export function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  if (!readChallengeCookie(request)) throw redirect("/signin");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = RedirectToSchema.parse(form.get("redirectTo") ?? "/");
  const challenge = readChallengeCookie(request);
  if (!challenge) return redirect("/signin");
  const parsed = parseForm(TwoFactorCodeInputSchema, form);
  if (!parsed.ok) return parsed.response;
  try {
    const { cookie } = await completeSignIn(context.deps, { input: { ...parsed.data, challenge, ip: context.clientIp, userAgent: request.headers.get("user-agent") } });
    const headers = new Headers();
    headers.append("Set-Cookie", cookie);
    headers.append("Set-Cookie", clearChallengeCookie({ secure: context.deps.config.secureCookies }));
    return redirect(redirectTo, { headers });
  } catch (error) {
    return refusal(error, {});
  }
}

export default function TwoFactorSignIn() {
  const data = useActionData<AuthActionData>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("twoFactor.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("twoFactor.intro")}</p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField
          label={t("twoFactor.code")}
          name="code"
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={20}
          hint={t("twoFactor.codeHint")}
          error={data?.fieldErrors?.code?.[0]}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t("twoFactor.busy") : t("twoFactor.submit")}
        </button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link className="link" to="/signin">
          {t("twoFactor.startAgain")}
        </Link>
      </p>
    </div>
  );
}
