// Asking for a password-reset link. The answer is the same whether or not the address has an account.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { ForgotPasswordInputSchema } from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX } from "../../server/domains/partnerships/partnerships.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { requestPasswordReset } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password · Jointly" }];

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
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      {data?.sentTo ? (
        <div role="status" className="card mt-6 space-y-3 text-sm text-slate-700">
          <p>
            If <strong>{data.sentTo}</strong> has a Jointly account, we sent it a link to choose a new password. The link works once, for 30 minutes.
          </p>
          <p>Nothing after a few minutes? Look in your spam folder, or try the address you signed up with.</p>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">Enter the e-mail address of your account and we will send you a link to choose a new one.</p>
          <Form method="post" className="card mt-6 space-y-4" noValidate>
            <FormError message={data?.formError} />
            <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={data?.values?.email ?? params.get("email") ?? ""} error={data?.fieldErrors?.email?.[0]} />
            <button type="submit" className="btn-primary w-full" disabled={busy}>
              {busy ? "Sending…" : "Send me a link"}
            </button>
          </Form>
        </>
      )}
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link className="link" to="/signin">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
