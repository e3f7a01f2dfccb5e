import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/field";
import { parseForm, refusal, type AuthActionData } from "~/lib/auth-forms.server";
import { PASSWORD_MAX, PASSWORD_MIN, RedirectToSchema, SignUpInputSchema } from "../../server/domains/identity/identity.schema";
import { EMAIL_MAX, NAME_MAX } from "../../server/domains/partnerships/partnerships.schema";
// A .server module (left out of the browser bundle), called by the action with the app's context.deps.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { signUp } from "../../server/domains/identity/identity.server";

export const meta: MetaFunction = () => [{ title: "Create account · Jointly" }];

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
  try {
    const result = await signUp(context.deps, {
      input: { ...parsed.data, ip: context.clientIp, userAgent: request.headers.get("user-agent"), invitationToken },
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
  if (data?.sentTo) {
    return (
      <div className="mx-auto max-w-sm">
        <h1 className="text-2xl font-bold">Check your inbox</h1>
        <div role="status" className="card mt-6 space-y-3 text-sm text-slate-700">
          <p>
            We sent an e-mail to <strong>{data.sentTo}</strong>. Open the link in it to confirm your address and finish.
          </p>
          <p>If you already have an account with this address, the e-mail says so and how to sign in.</p>
          <p>Nothing after a few minutes? Look in your spam folder, or check that the address is right and try again.</p>
        </div>
        <p className="mt-4 text-center text-sm text-slate-600">
          <Link className="link" to={`/signin?redirectTo=${encodeURIComponent(redirectTo)}`}>
            Go to sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Create your account</h1>
      <p className="mt-1 text-sm text-slate-600">Use the email your invitation was sent to, if you have one.</p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError message={data?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label="Full name" name="name" autoComplete="name" required maxLength={NAME_MAX} defaultValue={data?.values?.name} error={data?.fieldErrors?.name?.[0]} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={EMAIL_MAX} defaultValue={data?.values?.email ?? params.get("email") ?? ""} error={data?.fieldErrors?.email?.[0]} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={data?.fieldErrors?.password?.[0]}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="link" to={`/signin?redirectTo=${encodeURIComponent(redirectTo)}`}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
