import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useNavigate, useParams } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { pageTitle } from "~/i18n/meta";
import { Time } from "~/components/ui";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "invitation.pageTitle", "auth") }];

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
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-lg">
      <div className="card space-y-4">
        <h1 className="text-xl font-bold">{t("invitation.title", { partnership: invitation.partnershipName })}</h1>
        <p className="text-slate-700">
          <Trans
            t={t}
            i18nKey="invitation.body"
            values={{ by: invitation.invitedByName, email: invitation.email, role: t(`common:enums.roleLower.${invitation.role}`), organization: invitation.organizationName }}
            components={{ strong: <strong /> }}
          />
        </p>
        {invitation.state !== "PENDING" ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {t(`invitation.refusal.${invitation.state}`)}
          </p>
        ) : !me ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              <Trans t={t} i18nKey="invitation.signInFirst" values={{ email: invitation.email }} components={{ time: <Time value={invitation.expiresAt} /> }} />
            </p>
            <div className="flex gap-2">
              <Link className="btn-primary" to={`/signup?redirectTo=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>
                {t("invitation.createAccount")}
              </Link>
              <Link className="btn-secondary" to={`/signin?redirectTo=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>
                {t("invitation.signIn")}
              </Link>
            </div>
          </div>
        ) : me.email !== invitation.email ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {t("invitation.wrongAccount", { me: me.email, email: invitation.email })}
          </p>
        ) : (
          <div className="space-y-3">
            <FormError message={accept.error ? toUiError(accept.error).message : null} />
            <button type="button" className="btn-primary" disabled={accept.isPending} onClick={() => accept.mutate({ token })}>
              {accept.isPending ? t("invitation.busy") : t("invitation.accept", { partnership: invitation.partnershipName })}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
