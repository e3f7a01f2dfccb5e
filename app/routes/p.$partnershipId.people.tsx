import type { LoaderFunctionArgs } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { Badge, EmptyState, Section, SideBadge, Time } from "~/components/ui";
import { InviteForm } from "~/features/partnerships/invite-form";
import { usePartnership, usePeople, type Person } from "~/features/partnerships/use-partnership";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [home, people] = await load(request, () =>
    Promise.all([context.trpc.partnerships.partnership.get({ partnershipId }), context.trpc.partnerships.people.list({ partnershipId })]),
  );
  const [invitations, security] = home.viewer.canManage
    ? await Promise.all([
        context.trpc.partnerships.invitation.list({ partnershipId: home.partnership.id }),
        context.trpc.partnerships.security.get({ partnershipId: home.partnership.id }),
      ])
    : [null, null];
  return superjsonResponse({ people, invitations, security });
}

const STATE_TONE = { PENDING: "amber", ACCEPTED: "green", EXPIRED: "slate", REVOKED: "red" } as const;

export default function People() {
  const home = usePartnership();
  const { viewer, organizations } = home;
  const people = usePeople({ initial: useData<typeof loader>().people }).data ?? [];
  const { t } = useTranslation("partnerships");
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <Section title={t("people.title", { count: people.length })} id="people">
          <PeopleTable canManage={viewer.canManage} selfId={viewer.membershipId} people={people} />
        </Section>
      </div>
      {viewer.canManage ? (
        <div className="space-y-6">
          <Section title={t("invite.title")} id="invite">
            {organizations.length === 0 ? (
              <EmptyState title={t("invite.noOrganization")}>{t("invite.noOrganizationBody")}</EmptyState>
            ) : (
              <InviteForm partnershipId={home.partnership.id} organizations={organizations} />
            )}
          </Section>
          <Invitations />
          <TwoFactorRequirement />
        </div>
      ) : null}
    </div>
  );
}

function PeopleTable({ people, canManage, selfId }: { people: Person[]; canManage: boolean; selfId: string }) {
  const { partnershipId = "" } = useParams();
  const remove = trpc.partnerships.member.remove.useMutation();
  const [error, setError] = useState<string | null>(null);
  // Removing someone of the other side (or a neutral member) is a proposal for the other side's co-chair.
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const { t } = useTranslation("partnerships");
  return (
    <>
      <FormError message={error} />
      <ProposalNotice result={proposed} applied={t("people.removed")} className="mb-2" />
      <div className="relative overflow-x-auto">
        {/* On a phone each person is a block of labelled lines (.table-stack), so no column is cut off. */}
        <table role="table" className="table-stack w-full text-left text-sm" aria-labelledby="people-heading">
          <thead role="rowgroup" className="text-xs uppercase text-slate-500">
            <tr role="row">
              <th role="columnheader" scope="col" className="py-2 pr-3">{t("people.name")}</th>
              <th role="columnheader" scope="col" className="py-2 pr-3">{t("people.organization")}</th>
              <th role="columnheader" scope="col" className="py-2 pr-3">{t("people.side")}</th>
              <th role="columnheader" scope="col" className="py-2 pr-3">{t("people.role")}</th>
              {canManage ? <th role="columnheader" scope="col" className="py-2"><span className="sr-only">{t("people.actions")}</span></th> : null}
            </tr>
          </thead>
          <tbody role="rowgroup" className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr role="row" key={p.membershipId}>
                <th role="rowheader" scope="row" className="py-2 pr-3 text-left font-normal" translate="no">
                  <span className="font-medium text-slate-900">{p.name}</span>
                  <span className="block text-xs text-slate-500">{p.email}</span>
                </th>
                <td role="cell" className="py-2 pr-3" data-label={t("people.organization")}>{p.organizationName}</td>
                <td role="cell" className="whitespace-nowrap py-2 pr-3" data-label={t("people.side")}><SideBadge side={p.side} /></td>
                <td role="cell" className="py-2 pr-3" data-label={t("people.role")}>
                  {t(`common:enums.role.${p.role}`)}
                  {p.role === "MEMBER" && !p.isVoting ? <span className="block text-xs text-slate-500">{t("people.advisory")}</span> : null}
                </td>
                {canManage ? (
                  <td role="cell" className="py-2 text-right">
                    {p.membershipId !== selfId ? (
                      <button
                        type="button"
                        className="btn-danger px-2 py-1 text-xs"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (!window.confirm(t("people.confirmRemove", { name: p.name }))) return;
                          remove.mutate(
                            { partnershipId, membershipId: p.membershipId },
                            {
                              onError: (e) => setError(toUiError(e).message),
                              onSuccess: (result) => {
                                setError(null);
                                setProposed(result);
                              },
                            },
                          );
                        }}
                      >
                        <Trans t={t} i18nKey="people.remove" values={{ name: p.name }} components={{ sr: <span className="sr-only" /> }} />
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Invitations() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>().invitations ?? [];
  const { data: invitations = initial } = trpc.partnerships.invitation.list.useQuery({ partnershipId }, { initialData: initial });
  const revoke = trpc.partnerships.invitation.revoke.useMutation();
  const { t } = useTranslation("partnerships");
  return (
    <Section title={t("invitations.title")} id="invitations">
      {invitations.length === 0 ? (
        <EmptyState title={t("invitations.none")} />
      ) : (
        <ul className="space-y-3 text-sm" aria-label={t("invitations.title")}>
          {invitations.map((inv) => (
            <li key={inv.id} className="flex items-start justify-between gap-2">
              <div>
                <span className="font-medium">{inv.email}</span>
                <span className="block text-xs text-slate-500">
                  <Trans
                    t={t}
                    i18nKey="invitations.line"
                    values={{ role: t(`common:enums.role.${inv.role}`), organization: inv.organization.name }}
                    components={{ time: <Time value={inv.createdAt} /> }}
                  />
                </span>
                <span className="block text-xs text-slate-600">{t(`invitations.mail.${inv.mail}`)}</span>
              </div>
              <div className="flex flex-col items-end gap-1">
                <Badge tone={STATE_TONE[inv.state]}>{t(`invitations.state.${inv.state}`)}</Badge>
                {inv.state === "PENDING" ? (
                  <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => revoke.mutate({ partnershipId, invitationId: inv.id })}>
                    <Trans t={t} i18nKey="invitations.withdraw" values={{ email: inv.email }} components={{ sr: <span className="sr-only" /> }} />
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The partnership's requirement of two-factor sign-in (co-chairs and everyone who can see trainee data). */
function TwoFactorRequirement() {
  const { partnershipId = "" } = useParams();
  const utils = trpc.useUtils();
  const initial = useData<typeof loader>().security;
  const { data: security = initial } = trpc.partnerships.security.get.useQuery({ partnershipId }, { initialData: initial ?? undefined });
  const set = trpc.partnerships.security.setTwoFactorRequired.useMutation({
    onSuccess: (next) => utils.partnerships.security.get.setData({ partnershipId }, next),
  });
  const { t } = useTranslation("partnerships");
  if (!security) return null;
  return (
    <Section title={t("twoFactor.title")} id="security">
      <FormError message={set.error ? toUiError(set.error).message : null} />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4 accent-indigo-700"
          checked={security.twoFactorRequired}
          disabled={set.isPending}
          onChange={(event) => set.mutate({ partnershipId, required: event.target.checked })}
        />
        <span>
          {t("twoFactor.require")}
        </span>
      </label>
      {security.withoutTwoFactor.length ? (
        <p className="mt-2 text-xs text-slate-600">
          {security.twoFactorRequired ? t("twoFactor.asked", { names: security.withoutTwoFactor.join(", ") }) : t("twoFactor.notYet", { names: security.withoutTwoFactor.join(", ") })}
        </p>
      ) : (
        <p className="mt-2 text-xs text-slate-600">{t("twoFactor.everyone")}</p>
      )}
    </Section>
  );
}
