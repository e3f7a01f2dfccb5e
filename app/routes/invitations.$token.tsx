import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { Time } from "~/components/ui";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { INVITATION_REFUSALS } from "../../server/domains/partnerships/partnerships.rules";
import { PARTNERSHIP_ROLES } from "../../server/domains/partnerships/partnerships.schema";

export const meta: MetaFunction = () => [{ title: "Invitation · Jointly" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const invitation = await load(request, () => context.trpc.partnerships.invitation.preview({ token: params.token ?? "" }));
  return superjsonResponse({ invitation, me: context.user ? { email: context.user.email } : null });
}

export default function AcceptInvitation() {
  const { token = "" } = useParams();
  const { invitation, me } = useData<typeof loader>();
  const navigate = useNavigate();
  const accept = trpc.partnerships.invitation.accept.useMutation({ onSuccess: (r) => navigate(`/p/${r.partnershipId}`) });
  const here = `/invitations/${token}`;
  return (
    <div className="mx-auto max-w-lg">
      <div className="card space-y-4">
        <h1 className="text-xl font-bold">Join {invitation.partnershipName}</h1>
        <p className="text-slate-700">
          {invitation.invitedByName} invited <strong>{invitation.email}</strong> to join as{" "}
          <strong>{PARTNERSHIP_ROLES[invitation.role].toLowerCase()}</strong> for <strong>{invitation.organizationName}</strong>.
        </p>
        {invitation.state !== "PENDING" ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {INVITATION_REFUSALS[invitation.state]}
          </p>
        ) : !me ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              Create an account or sign in with {invitation.email} to accept. The link expires on <Time value={invitation.expiresAt} />.
            </p>
            <div className="flex gap-2">
              <Link className="btn-primary" to={`/signup?redirectTo=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>
                Create account
              </Link>
              <Link className="btn-secondary" to={`/signin?redirectTo=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>
                Sign in
              </Link>
            </div>
          </div>
        ) : me.email !== invitation.email ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            You are signed in as {me.email}. This invitation is for {invitation.email}: sign out and sign in with that email to accept it.
          </p>
        ) : (
          <div className="space-y-3">
            <FormError message={accept.error ? toUiError(accept.error).message : null} />
            <button type="button" className="btn-primary" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
              {accept.isPending ? "Joining…" : `Accept and join ${invitation.partnershipName}`}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
