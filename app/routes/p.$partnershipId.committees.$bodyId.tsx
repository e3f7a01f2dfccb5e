import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { FormError, SelectField, TextField } from "~/components/field";
import { EmptyState, PageHeader, Section, SideBadge } from "~/components/ui";
import { JointChanges } from "~/features/joint/joint-change-list";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { usePeople } from "~/features/partnerships/use-partnership";
import { VotingSettingsForm } from "~/features/voting/voting-settings-form";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { load } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { QUORUM_NUMBER_MAX, QuorumRuleInputSchema } from "../../server/domains/meetings/meetings.schema";
import { RepresentationInputSchema, SEAT_ROLES, SetSeatInputSchema, type SeatRole } from "../../server/domains/partnerships/partnerships.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return superjsonResponse(await load(request, () => context.trpc.partnerships.committee.get({ bodyId: params.bodyId ?? "" })));
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "committee.pageTitle", "partnerships") }];

type Committee = RouterOutputs["partnerships"]["committee"]["get"];

export default function CommitteePage() {
  const { bodyId = "" } = useParams();
  const initial = useData<typeof loader>();
  const { data: committee = initial } = trpc.partnerships.committee.get.useQuery({ bodyId }, { initialData: initial });
  const coChair = (side: "LABOR" | "MANAGEMENT") => committee.seats.find((s) => s.coChairSide === side)?.name;
  const { t } = useTranslation("partnerships");
  const rule = committee.quorumRule;
  const quorumUnit = (n: number) => (rule.mode === "COUNT" ? t("committee.quorum.count", { count: n }) : t("committee.quorum.share", { count: n }));
  return (
    <div>
      <PageHeader
        title={committee.name}
        description={committee.description || undefined}
        actions={
          <Link to=".." relative="path" className="btn-secondary">
            {t("committee.all")}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title={t("committee.coChairs")} id="co-chairs">
            <dl className="grid gap-3 sm:grid-cols-2">
              {(["LABOR", "MANAGEMENT"] as const).map((side) => (
                <div key={side} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs font-semibold uppercase text-slate-500">{t(`common:enums.role.${side}_CO_CHAIR`)}</dt>
                  <dd className="mt-1 font-medium">{coChair(side) ?? <span className="text-slate-500">{t("committee.vacant")}</span>}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title={t("committee.members", { count: committee.seats.length })} id="members">
            {committee.seats.length === 0 ? (
              <EmptyState title={t("committee.noMembers")}>{t("committee.noMembersBody")}</EmptyState>
            ) : (
              <SeatList committee={committee} />
            )}
          </Section>
          <JointChanges partnershipId={committee.partnership.id} bodyId={committee.id} />
        </div>
        <div className="space-y-6">
          <Section title={t("committee.quorum.title")} id="quorum">
            <p className="text-sm text-slate-700">{t("committee.quorum.rule", { labor: quorumUnit(rule.labor), management: quorumUnit(rule.management) })}</p>
            {committee.canManage || committee.viewer.isStaff ? <QuorumRuleForm committee={committee} /> : null}
          </Section>
          <Section title={t("committee.representation.title")} id="representation">
            <Representation committee={committee} />
          </Section>
          <Section title={t("committee.voting")} id="voting">
            <VotingSettingsForm committee={committee} />
          </Section>
          {committee.canManage && committee.kind === "COMMITTEE" ? (
            <Section title={t("committee.add.title")} id="add-member">
              <AddSeatForm committee={committee} />
            </Section>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * The body's seats. A co-chair changes the seats of their own side at once; a change to a seat of the
 * other side or of a neutral member is proposed to the other side's co-chair (and says so).
 */
function SeatList({ committee }: { committee: Committee }) {
  const setSeat = trpc.partnerships.seat.set.useMutation();
  const removeSeat = trpc.partnerships.seat.remove.useMutation();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<ProposalResult>(null);
  const { t } = useTranslation("partnerships");
  const onError = (e: unknown) => {
    setNotice(null);
    setError(toUiError(e).message);
  };
  const onSuccess = (result: ProposalResult) => {
    setError(null);
    setNotice(result);
  };
  const ownSide = committee.viewer.side;
  return (
    <>
      <FormError message={error} />
      <ProposalNotice result={notice} className="mb-2" />
      <ul className="divide-y divide-slate-100">
        {committee.seats.map((s) => (
          <li key={s.membershipId} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <div>
              <span className="font-medium text-slate-900">{s.name}</span>
              <span className="block text-xs text-slate-500">
                {t("committee.seat.line", { organization: s.organizationName, voting: s.isVoting ? t("committee.seat.voting") : t("committee.seat.nonVoting") })}
                {committee.canManage && s.side !== ownSide ? ` · ${t(`committee.seat.needs.${s.side}`)}` : ""}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <SideBadge side={s.side} />
              {committee.canManage ? (
                <>
                  <label className="sr-only" htmlFor={`role-${s.membershipId}`}>
                    {t("committee.seat.roleOf", { name: s.name })}
                  </label>
                  <select
                    id={`role-${s.membershipId}`}
                    className="input w-auto py-1"
                    value={s.role}
                    onChange={(e) =>
                      setSeat.mutate(
                        { bodyId: committee.id, membershipId: s.membershipId, role: e.currentTarget.value as SeatRole, isVoting: s.isVoting },
                        { onError, onSuccess },
                      )
                    }
                  >
                    {Object.keys(SEAT_ROLES).map((value) => (
                      <option key={value} value={value}>
                        {t(`committee.seatRole.${value}`)}
                      </option>
                    ))}
                  </select>
                  {committee.kind === "COMMITTEE" ? (
                    <button
                      type="button"
                      className="btn-danger px-2 py-1 text-xs"
                      onClick={() => removeSeat.mutate({ bodyId: committee.id, membershipId: s.membershipId }, { onError, onSuccess })}
                    >
                      <Trans t={t} i18nKey="committee.seat.remove" values={{ name: s.name }} components={{ sr: <span className="sr-only" /> }} />
                    </button>
                  ) : null}
                </>
              ) : (
                <span className="text-sm text-slate-700">{t(`committee.seatRole.${s.role}`)}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Proposes a quorum rule: a joint change, applied once the other side's co-chair concurs. */
function QuorumRuleForm({ committee }: { committee: Committee }) {
  const setRule = trpc.partnerships.committee.setQuorumRule.useMutation();
  const [mode, setMode] = useState(committee.quorumRule.mode);
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const { t } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: QuorumRuleInputSchema,
    mutation: setRule,
    toInput: (values) => ({ ...values, bodyId: committee.id }),
    onSuccess: (result) => setProposed(result),
  });
  const unit = mode === "COUNT" ? t("committee.quorum.unitMembers") : "%";
  const max = mode === "COUNT" ? QUORUM_NUMBER_MAX : 100;
  return (
    <form onSubmit={form.onSubmit} className="mt-3 space-y-3" noValidate aria-label={t("committee.quorum.title")}>
      <FormError message={form.error?.message} />
      <SelectField
        label={t("committee.quorum.countedAs")}
        name="mode"
        options={[
          ["COUNT", t("committee.quorum.modeCount")],
          ["SHARE", t("committee.quorum.modeShare")],
        ]}
        value={mode}
        onChange={(e) => setMode(e.currentTarget.value as "COUNT" | "SHARE")}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t("committee.quorum.labor", { unit })} name="labor" type="number" min={0} max={max} defaultValue={committee.quorumRule.labor} error={form.fieldError("labor")} />
        <TextField label={t("committee.quorum.management", { unit })} name="management" type="number" min={0} max={max} defaultValue={committee.quorumRule.management} error={form.fieldError("management")} />
      </div>
      <button type="submit" className="btn-secondary" disabled={form.pending}>
        {form.pending ? t("committee.proposing") : t("committee.quorum.propose")}
      </button>
      <ProposalNotice result={proposed} />
    </form>
  );
}

/** Equal representation (seats per side), the unit rule: shown to everyone, proposed by a co-chair (or prepared by staff). */
function Representation({ committee }: { committee: Committee }) {
  const r = committee.representation;
  const [equal, setEqual] = useState(r.equalRepresentation);
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const set = trpc.partnerships.committee.setRepresentation.useMutation();
  const { t } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: RepresentationInputSchema,
    mutation: set,
    toInput: (values) => ({
      bodyId: committee.id,
      equalRepresentation: values.equalRepresentation === "on",
      seatsPerSide: values.equalRepresentation === "on" && values.seatsPerSide ? Number(values.seatsPerSide) : null,
      unitRule: values.equalRepresentation === "on" && values.unitRule === "on",
    }),
    onSuccess: (result) => setProposed(result),
  });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {r.equalRepresentation
          ? r.unitRule
            ? t("committee.representation.equalUnit", { count: r.seatsPerSide ?? 0 })
            : t("committee.representation.equal", { count: r.seatsPerSide ?? 0 })
          : t("committee.representation.none")}
      </p>
      {committee.canManage || committee.viewer.isStaff ? (
        <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("committee.representation.title")}>
          <FormError message={form.error?.message} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="equalRepresentation" checked={equal} onChange={(e) => setEqual(e.currentTarget.checked)} className="h-4 w-4 rounded border-slate-300" />
            {t("committee.representation.equalLabel")}
          </label>
          {equal ? (
            <>
              <TextField
                label={t("committee.representation.seatsPerSide")}
                name="seatsPerSide"
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                defaultValue={r.seatsPerSide ?? Math.max(1, committee.seats.filter((s) => s.isVoting && s.side === "LABOR").length)}
                error={form.fieldError("seatsPerSide")}
                hint={t("committee.representation.seatsHint")}
              />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="unitRule" defaultChecked={r.unitRule} className="h-4 w-4 rounded border-slate-300" />
                {t("committee.representation.unitRuleLabel")}
              </label>
            </>
          ) : null}
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {form.pending ? t("committee.proposing") : t("committee.representation.propose")}
          </button>
          <ProposalNotice result={proposed} />
        </form>
      ) : null}
    </div>
  );
}

function AddSeatForm({ committee }: { committee: Committee }) {
  // Everyone in the partnership, loaded when a manager opens the committee (other pages do without).
  const { data: people } = usePeople();
  const seated = new Set(committee.seats.map((s) => s.membershipId));
  const candidates = (people ?? []).filter((p) => !seated.has(p.membershipId));
  const setSeat = trpc.partnerships.seat.set.useMutation();
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const { t } = useTranslation("partnerships");
  const form = useMutationForm({
    schema: SetSeatInputSchema,
    mutation: setSeat,
    toInput: (values) => ({ ...values, bodyId: committee.id, isVoting: values.isVoting === "on" }),
    onSuccess: (result, el) => {
      setProposed(result);
      el.reset();
    },
  });
  if (!people) return <p className="text-sm text-slate-500">{t("committee.add.loading")}</p>;
  if (candidates.length === 0) return <EmptyState title={t("committee.add.everyone")} />;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("committee.add.title")}>
      <FormError message={form.error?.message} />
      <SelectField
        label={t("committee.add.member")}
        name="membershipId"
        placeholder={t("committee.add.choosePerson")}
        options={candidates.map((p): [string, string] => [p.membershipId, t("committee.add.personOption", { name: p.name, organization: p.organizationName })])}
        error={form.fieldError("membershipId")}
      />
      <SelectField
        label={t("committee.add.role")}
        name="role"
        options={Object.keys(SEAT_ROLES).map((role): [string, string] => [role, t(`committee.seatRole.${role}`)])}
        defaultValue="MEMBER"
        error={form.fieldError("role")}
        hint={t("committee.add.roleHint")}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isVoting" defaultChecked className="h-4 w-4 rounded border-slate-300" />
        {t("committee.add.voting")}
      </label>
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? t("committee.add.adding") : t("committee.add.submit")}
      </button>
      <ProposalNotice result={proposed} applied={t("committee.add.added")} />
    </form>
  );
}
