// Asking for a password-reset link. The answer is the same whether or not the address has an account.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, TextField } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { ForgotPasswordInputSchema } from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX } from "../../server/domains/partnerships/partnerships.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { requestPasswordReset } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forgot.pageTitle", "auth") }];

type ForgotActionData = AuthActionData & { sentTo?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(ForgotPasswordInputSchema, await request.formData());
  if (!parsed.ok) return parsed.response;
  try {
    await requestPasswordReset(context.deps, { input: { ...parsed.data, ip: context.clientIp } });
    return json<ForgotActionData>({ sentTo: parsed.data.email });
  } catch (error) {
    return refusal(error, parsed.values);
  }
}

export default function ForgotPassword() {
  const data = useActionData<ForgotActionData>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("forgot.title")}</h1>
      {data?.sentTo ? (
        <div role="status" className="card mt-6 space-y-3 text-sm text-slate-700">
          <p>
            <Trans t={t} i18nKey="forgot.sent" values={{ email: data.sentTo }} components={{ strong: <strong /> }} />
          </p>
          <p>{t("forgot.nothingYet")}</p>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">{t("forgot.intro")}</p>
          <Form method="post" className="card mt-6 space-y-4" noValidate>
            <FormError message={data?.formError} />
            <TextField label={t("email")} name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={data?.values?.email ?? params.get("email") ?? ""} error={data?.fieldErrors?.email?.[0]} />
            <button type="submit" className="btn-primary w-full" disabled={busy}>
              {busy ? t("forgot.busy") : t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link className="link" to="/signin">
          {t("forgot.back")}
        </Link>
      </p>
    </div>
  );
}
