import type { LoaderFunctionArgs } from "@remix-run/node";
import { useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError } from "~/components/field";
import { Badge, EmptyState, Section, SideBadge, Time } from "~/components/ui";
import { InviteForm } from "~/features/partnerships/invite-form";
import { usePartnership } from "~/features/partnerships/use-partnership";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { load } from "~/lib/guards.server";
import { trpc } from "~/lib/trpc";
import { PARTNERSHIP_ROLES } from "../../server/domains/partnerships/partnerships.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const home = await load(request, () => context.trpc.partnerships.partnership.get({ partnershipId: params.partnershipId ?? "" }));
  const invitations = home.viewer.canManage
    ? await context.trpc.partnerships.invitation.list({ partnershipId: home.partnership.id })
    : null;
  return superjsonResponse({ invitations });
}

const STATE_TONE = { PENDING: "amber", ACCEPTED: "green", EXPIRED: "slate", REVOKED: "red" } as const;

export default function People() {
  const home = usePartnership();
  const { people, viewer, organizations } = home;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <Section title={`People (${people.length})`} id="people">
          <PeopleTable canManage={viewer.canManage} selfId={viewer.membershipId} people={people} />
        </Section>
      </div>
      {viewer.canManage ? (
        <div className="space-y-6">
          <Section title="Invite someone" id="invite">
            {organizations.length === 0 ? (
              <EmptyState title="Add an organization first">People join through their union, employer or partner organization.</EmptyState>
            ) : (
              <InviteForm partnershipId={home.partnership.id} organizations={organizations} />
            )}
          </Section>
          <Invitations />
        </div>
      ) : null}
    </div>
  );
}

function PeopleTable({ people, canManage, selfId }: { people: ReturnType<typeof usePartnership>["people"]; canManage: boolean; selfId: string }) {
  const { partnershipId = "" } = useParams();
  const remove = trpc.partnerships.member.remove.useMutation();
  const [error, setError] = useState<string | null>(null);
  // Removing someone of the other side (or a neutral member) is a proposal for the other side's co-chair.
  const [proposed, setProposed] = useState<ProposalResult>(null);
  return (
    <>
      <FormError message={error} />
      <ProposalNotice result={proposed} applied="Removed." className="mb-2" />
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Organization</th>
              <th scope="col" className="py-2 pr-3">Side</th>
              <th scope="col" className="py-2 pr-3">Role</th>
              {canManage ? <th scope="col" className="py-2"><span className="sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {people.map((p) => (
              <tr key={p.membershipId}>
                <td className="py-2 pr-3">
                  <span className="font-medium text-slate-900">{p.name}</span>
                  <span className="block text-xs text-slate-500">{p.email}</span>
                </td>
                <td className="py-2 pr-3">{p.organizationName}</td>
                <td className="py-2 pr-3"><SideBadge side={p.side} /></td>
                <td className="py-2 pr-3">
                  {PARTNERSHIP_ROLES[p.role]}
                  {p.role === "MEMBER" && !p.isVoting ? <span className="block text-xs text-slate-500">advisory</span> : null}
                </td>
                {canManage ? (
                  <td className="py-2 text-right">
                    {p.membershipId !== selfId ? (
                      <button
                        type="button"
                        className="btn-danger px-2 py-1 text-xs"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (!window.confirm(`Remove ${p.name} from the partnership?`)) return;
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
                        Remove<span className="sr-only"> {p.name}</span>
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
  return (
    <Section title="Invitations" id="invitations">
      {invitations.length === 0 ? (
        <EmptyState title="No invitations yet" />
      ) : (
        <ul className="space-y-3 text-sm" aria-label="Invitations">
          {invitations.map((inv) => (
            <li key={inv.id} className="flex items-start justify-between gap-2">
              <div>
                <span className="font-medium">{inv.email}</span>
                <span className="block text-xs text-slate-500">
                  {PARTNERSHIP_ROLES[inv.role]} · {inv.organization.name} · sent <Time value={inv.createdAt} />
                </span>
              </div>
              <div className="flex flex-col items-end gap-1">
                <Badge tone={STATE_TONE[inv.state]}>{inv.state.toLowerCase()}</Badge>
                {inv.state === "PENDING" ? (
                  <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => revoke.mutate({ partnershipId, invitationId: inv.id })}>
                    Withdraw<span className="sr-only"> invitation for {inv.email}</span>
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
