// The second step of signing in with two-factor: a code from the authenticator app, or a recovery code.
// The pending sign-in (after the right password) is in an HttpOnly cookie on /signin; without it, or
// once it lapsed, the person starts again from the password.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { clearChallengeCookie, parseForm, readChallengeCookie, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { RedirectToSchema, TwoFactorCodeInputSchema } from "../../server/domains/identity/identity.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { completeSignIn } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in · Jointly" }];

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
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Two-factor sign-in</h1>
      <p className="mt-1 text-sm text-slate-600">Enter the 6-digit code your authenticator app shows for Jointly.</p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField
          label="Code"
          name="code"
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={20}
          hint="Lost your phone? Enter one of your recovery codes instead."
          error={data?.fieldErrors?.code?.[0]}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        <Link className="link" to="/signin">
          Start again
        </Link>
      </p>
    </div>
  );
}
