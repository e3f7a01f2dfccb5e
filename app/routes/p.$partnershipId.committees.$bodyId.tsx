import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { EmptyState, PageHeader, Section, SideBadge } from "~/components/ui";
import { JointChanges } from "~/features/joint/joint-change-list";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { usePartnership } from "~/features/partnerships/use-partnership";
import { VotingSettingsForm } from "~/features/voting/voting-settings-form";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { useMutationForm } from "~/lib/forms";
import { load } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { QUORUM_NUMBER_MAX, QuorumRuleInputSchema } from "../../server/domains/meetings/meetings.schema";
import { describeQuorumRule } from "../../server/domains/meetings/meetings.rules";
import { RepresentationInputSchema, SEAT_ROLES, SetSeatInputSchema, SIDES, type SeatRole } from "../../server/domains/partnerships/partnerships.schema";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return superjsonResponse(await load(request, () => context.trpc.partnerships.committee.get({ bodyId: params.bodyId ?? "" })));
}

export const meta: MetaFunction = () => [{ title: "Committee · Jointly" }];

type Committee = RouterOutputs["partnerships"]["committee"]["get"];

export default function CommitteePage() {
  const { bodyId = "" } = useParams();
  const initial = useData<typeof loader>();
  const { data: committee = initial } = trpc.partnerships.committee.get.useQuery({ bodyId }, { initialData: initial });
  const coChair = (side: "LABOR" | "MANAGEMENT") => committee.seats.find((s) => s.coChairSide === side)?.name;
  return (
    <div>
      <PageHeader
        title={committee.name}
        description={committee.description || undefined}
        actions={
          <Link to=".." relative="path" className="btn-secondary">
            All committees
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Section title="Co-chairs" id="co-chairs">
            <dl className="grid gap-3 sm:grid-cols-2">
              {(["LABOR", "MANAGEMENT"] as const).map((side) => (
                <div key={side} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs font-semibold uppercase text-slate-500">{side === "LABOR" ? "Labor" : "Management"} co-chair</dt>
                  <dd className="mt-1 font-medium">{coChair(side) ?? <span className="text-slate-500">Vacant</span>}</dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title={`Members (${committee.seats.length})`} id="members">
            {committee.seats.length === 0 ? (
              <EmptyState title="No members yet">Seat partnership members on this committee, with their own co-chairs.</EmptyState>
            ) : (
              <SeatList committee={committee} />
            )}
          </Section>
          <JointChanges partnershipId={committee.partnership.id} bodyId={committee.id} />
        </div>
        <div className="space-y-6">
          <Section title="Quorum rule" id="quorum">
            <p className="text-sm text-slate-700">{describeQuorumRule(committee.quorumRule)}</p>
            {committee.canManage || committee.viewer.isStaff ? <QuorumRuleForm committee={committee} /> : null}
          </Section>
          <Section title="Representation" id="representation">
            <Representation committee={committee} />
          </Section>
          <Section title="Voting" id="voting">
            <VotingSettingsForm committee={committee} />
          </Section>
          {committee.canManage && committee.kind === "COMMITTEE" ? (
            <Section title="Add a member" id="add-member">
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
                {s.organizationName} · {s.isVoting ? "voting" : "non-voting"}
                {committee.canManage && s.side !== ownSide ? ` · changes need ${s.side === "NEUTRAL" ? "both sides" : `${SIDES[s.side].toLowerCase()}'s co-chair`}` : ""}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <SideBadge side={s.side} />
              {committee.canManage ? (
                <>
                  <label className="sr-only" htmlFor={`role-${s.membershipId}`}>
                    Role of {s.name}
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
                    {Object.entries(SEAT_ROLES).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                  {committee.kind === "COMMITTEE" ? (
                    <button
                      type="button"
                      className="btn-danger px-2 py-1 text-xs"
                      onClick={() => removeSeat.mutate({ bodyId: committee.id, membershipId: s.membershipId }, { onError, onSuccess })}
                    >
                      Remove<span className="sr-only"> {s.name} from the committee</span>
                    </button>
                  ) : null}
                </>
              ) : (
                <span className="text-sm text-slate-700">{s.role === "CO_CHAIR" ? "Co-chair" : SEAT_ROLES[s.role]}</span>
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
  const form = useMutationForm({
    schema: QuorumRuleInputSchema,
    mutation: setRule,
    toInput: (values) => ({ ...values, bodyId: committee.id }),
    onSuccess: (result) => setProposed(result),
  });
  const unit = mode === "COUNT" ? "members" : "%";
  const max = mode === "COUNT" ? QUORUM_NUMBER_MAX : 100;
  return (
    <form onSubmit={form.onSubmit} className="mt-3 space-y-3" noValidate aria-label="Quorum rule">
      <FormError message={form.error?.message} />
      <SelectField
        label="Counted as"
        name="mode"
        options={{ COUNT: "A number of voting members per side", SHARE: "A share of each side's voting members" }}
        value={mode}
        onChange={(e) => setMode(e.currentTarget.value as "COUNT" | "SHARE")}
      />
      <div className="grid grid-cols-2 gap-3">
        <TextField label={`Labor (${unit})`} name="labor" type="number" min={0} max={max} defaultValue={committee.quorumRule.labor} error={form.fieldError("labor")} />
        <TextField label={`Management (${unit})`} name="management" type="number" min={0} max={max} defaultValue={committee.quorumRule.management} error={form.fieldError("management")} />
      </div>
      <button type="submit" className="btn-secondary" disabled={form.pending}>
        {form.pending ? "Proposing…" : "Propose quorum rule"}
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
          ? `Equal representation: each side holds ${r.seatsPerSide} voting seat${r.seatsPerSide === 1 ? "" : "s"}; motions are decided per side (dual majority or consensus). ${r.unitRule ? "Unit rule: each side casts its vote as a unit." : "No unit rule."}`
          : "No equal representation: seats are not counted per side, and any decision rule may be used."}
      </p>
      {committee.canManage || committee.viewer.isStaff ? (
        <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="Representation">
          <FormError message={form.error?.message} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="equalRepresentation" checked={equal} onChange={(e) => setEqual(e.currentTarget.checked)} className="h-4 w-4 rounded border-slate-300" />
            Equal representation (trustees, a JATC)
          </label>
          {equal ? (
            <>
              <TextField
                label="Voting seats per side"
                name="seatsPerSide"
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                defaultValue={r.seatsPerSide ?? Math.max(1, committee.seats.filter((s) => s.isVoting && s.side === "LABOR").length)}
                error={form.fieldError("seatsPerSide")}
                hint="Each side fills its own seats, up to this number."
              />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="unitRule" defaultChecked={r.unitRule} className="h-4 w-4 rounded border-slate-300" />
                Unit rule: each side votes as a unit (its majority decides its vote)
              </label>
            </>
          ) : null}
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {form.pending ? "Proposing…" : "Propose representation"}
          </button>
          <ProposalNotice result={proposed} />
        </form>
      ) : null}
    </div>
  );
}

function AddSeatForm({ committee }: { committee: Committee }) {
  const { people } = usePartnership();
  const seated = new Set(committee.seats.map((s) => s.membershipId));
  const candidates = people.filter((p) => !seated.has(p.membershipId));
  const setSeat = trpc.partnerships.seat.set.useMutation();
  const [proposed, setProposed] = useState<ProposalResult>(null);
  const form = useMutationForm({
    schema: SetSeatInputSchema,
    mutation: setSeat,
    toInput: (values) => ({ ...values, bodyId: committee.id, isVoting: values.isVoting === "on" }),
    onSuccess: (result, el) => {
      setProposed(result);
      el.reset();
    },
  });
  if (candidates.length === 0) return <EmptyState title="Everyone is already on this committee" />;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label="Add a member">
      <FormError message={form.error?.message} />
      <SelectField
        label="Member"
        name="membershipId"
        placeholder="Choose a person"
        options={candidates.map((p): [string, string] => [p.membershipId, `${p.name} (${p.organizationName})`])}
        error={form.fieldError("membershipId")}
      />
      <SelectField
        label="Role"
        name="role"
        options={SEAT_ROLES}
        defaultValue="MEMBER"
        error={form.fieldError("role")}
        hint="Your own side's members are seated at once (making one co-chair hands them your side's seat); anyone else's seat needs the other side's co-chair."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isVoting" defaultChecked className="h-4 w-4 rounded border-slate-300" />
        Voting member
      </label>
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {form.pending ? "Adding…" : "Add to committee"}
      </button>
      <ProposalNotice result={proposed} applied="Added." />
    </form>
  );
}
