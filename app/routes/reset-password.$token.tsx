// Choosing a new password from a reset link (single use, 30 minutes). Reading the page changes nothing;
// the form's POST uses the link, signs the account out everywhere and sends the person to sign in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError, TextField } from "~/components/field";
import { parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { PASSWORD_MAX, PASSWORD_MIN, ResetPasswordInputSchema, TokenSchema } from "../../server/domains/identity/identity.schema";
// A .server module (left out of the browser bundle), called by the loader and action with context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { getPasswordReset, resetPassword } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "reset.title", "auth") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) return { isValid: false as const };
  return getPasswordReset(context.deps, { input: { token: token.data } });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await request.formData();
  form.set("token", params.token ?? "");
  const parsed = parseForm(ResetPasswordInputSchema, form);
  if (!parsed.ok) return parsed.response;
  try {
    const { email } = await resetPassword(context.deps, { input: parsed.data });
    // This browser's session (if any) ended with the others: the cookie goes too.
    const headers: HeadersInit = context.session && context.user?.email === email ? { "Set-Cookie": (await context.deps.sessions.end(context.session.id)).cookie } : {};
    return redirect(`/signin?reset=1&email=${encodeURIComponent(email)}`, { headers });
  } catch (error) {
    return refusal(error, {});
  }
}

export default function ResetPassword() {
  const link = useLoaderData<typeof loader>();
  const data = useActionData<AuthActionData>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  if (!link.isValid) {
    return (
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">{t("reset.deadTitle")}</h1>
        <p role="alert" className="card mt-6 text-sm text-slate-700">
          {t("reset.deadBody")}
        </p>
        <p className="mt-4 text-center text-sm">
          <Link className="btn-primary" to="/forgot-password">
            {t("reset.askAgain")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("reset.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        <Trans t={t} i18nKey="reset.forAccount" values={{ email: link.email }} components={{ strong: <strong /> }} />
      </p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
        <TextField
          label={t("reset.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("passwordHint", { min: PASSWORD_MIN })}
          error={data?.fieldErrors?.password?.[0]}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t("reset.busy") : t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
