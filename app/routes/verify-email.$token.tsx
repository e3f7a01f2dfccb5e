// Confirming an e-mail address from its link: the address given at sign-up, or a new one the person
// asked to change to. Reading the page changes nothing (mail scanners open links); the button's POST
// uses the link.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError } from "~/components/field";
import { refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { TokenSchema } from "../../server/domains/identity/identity.schema";
// A .server module (left out of the browser bundle), called by the loader and action with context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { confirmEmail, getEmailConfirmation } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "verify.title", "auth") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) return { isValid: false as const };
  return getEmailConfirmation(context.deps, { input: { token: token.data } });
}

type ConfirmActionData = AuthActionData & { confirmed?: string; changed?: boolean };

export async function action({ context, params }: ActionFunctionArgs) {
  const token = TokenSchema.safeParse(params.token);
  if (!token.success) return json<ConfirmActionData>({ formError: "This link is not valid." }, { status: 400 });
  try {
    const { email, changed } = await confirmEmail(context.deps, { input: { token: token.data } });
    if (!context.user) return redirect(`/signin?confirmed=1&email=${encodeURIComponent(email)}`);
    return json<ConfirmActionData>({ confirmed: email, changed });
  } catch (error) {
    return refusal(error, {});
  }
}

export default function VerifyEmail() {
  const link = useLoaderData<typeof loader>();
  const data = useActionData<ConfirmActionData>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  if (data?.confirmed) {
    return (
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">{t("verify.confirmedTitle")}</h1>
        <p role="status" className="card mt-6 text-sm text-slate-700">
          <Trans t={t} i18nKey={data.changed ? "verify.changed" : "verify.confirmed"} values={{ email: data.confirmed }} components={{ strong: <strong /> }} />
        </p>
        <p className="mt-4 text-center text-sm">
          <Link className="btn-primary" to="/settings/profile">
            {t("verify.toProfile")}
          </Link>
        </p>
      </div>
    );
  }
  if (!link.isValid) {
    return (
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">{t("verify.deadTitle")}</h1>
        <p role="alert" className="card mt-6 text-sm text-slate-700">
          {t("verify.deadBody")}
        </p>
        <p className="mt-4 text-center text-sm">
          <Link className="btn-primary" to="/settings/profile">
            {t("verify.yourProfile")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <Form method="post" className="card mt-6 space-y-4">
        <FormError message={data?.formError} />
        <p className="text-sm text-slate-700">
          {link.isChange ? t("verify.isChange") : t("verify.isNew")} <strong>{link.email}</strong>
        </p>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? t("verify.busy") : t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
