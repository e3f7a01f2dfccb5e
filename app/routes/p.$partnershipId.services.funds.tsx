// The partnership's supportive-service funds: balance, committed, spent, by category and by month, and
// caps; for co-chairs and staff also new funds, caps, closing a fund, the decision target and the
// reviewers. The money's rules (funds, caps, closing, reviewers) are joint changes: a co-chair proposes
// them (staff prepare), the other side's co-chair concurs; they wait under "Joint changes" here.
// Totals only: every member may see this page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, EmptyState, PageHeader, Section, Time } from "~/components/ui";
import { JointChanges } from "~/features/joint/joint-change-list";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { FundBar, Money } from "~/features/services/parts";
import { useInputMutationForm } from "~/lib/forms";
import { useServicesLive } from "~/features/services/use-services-live";
import { superjsonResponse, useData } from "~/lib/data";
import { toUiError } from "~/lib/errors";
import { load } from "~/lib/guards.server";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { SERVICE_CATEGORIES, type ServiceCategory } from "../../server/domains/services/services.rules";
import { CreateFundInputSchema, FUND_NAME_MAX, ServiceSettingsInputSchema, SetCapInputSchema, SetReviewPolicyInputSchema, TARGET_DAYS_MAX } from "../../server/domains/services/services.schema";

export const meta: MetaFunction = () => [{ title: "Funds · Supportive services · Jointly" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const partnershipId = params.partnershipId ?? "";
  const [overview, funds, home] = await load(request, () =>
    Promise.all([
      context.trpc.services.overview({ partnershipId }),
      context.trpc.services.fund.list({ partnershipId }),
      context.trpc.partnerships.partnership.get({ partnershipId }),
    ]),
  );
  const members =
    overview.viewer.canManage && home.topBodyId
      ? (await load(request, () => context.trpc.partnerships.committee.get({ bodyId: home.topBodyId! }))).seats.map((s) => ({ membershipId: s.membershipId, name: s.name, organizationName: s.organizationName }))
      : [];
  return superjsonResponse({ overview, funds, members });
}

type Fund = RouterOutputs["services"]["fund"]["list"][number];
const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const categoryLabel = (c: ServiceCategory | "ALL") => (c === "ALL" ? "All categories" : SERVICE_CATEGORIES[c]);

export default function Funds() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useServicesLive(partnershipId);
  const funds = trpc.services.fund.list.useQuery({ partnershipId }, { initialData: initial.funds }).data ?? initial.funds;
  const overview = trpc.services.overview.useQuery({ partnershipId }, { initialData: initial.overview }).data ?? initial.overview;
  const canManage = overview.viewer.canManage;

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          ← Supportive services
        </Link>
      </p>
      <PageHeader title="Funds" description="Approving a request commits money from a fund; paying it spends it; cancelling releases it. A fund can never be over-committed." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {funds.length === 0 ? (
            <EmptyState title="No funds yet">{canManage ? "Propose the partnership's first fund." : "The co-chairs create the partnership's funds together."}</EmptyState>
          ) : (
            funds.map((f) => <FundCard key={f.id} fund={f} canManage={canManage} />)
          )}
          <JointChanges partnershipId={partnershipId} title="Joint changes of the partnership" />
        </div>
        {canManage ? (
          <div className="min-w-0 space-y-6">
            <Section title="New fund" id="new-fund">
              <NewFundForm partnershipId={partnershipId} />
            </Section>
            <Section title="Decision target" id="target">
              <TargetForm partnershipId={partnershipId} targetDays={overview.targetDays} />
            </Section>
            <Section title="Reviewers" id="manage-reviewers">
              <Reviewers partnershipId={partnershipId} reviewers={overview.reviewers} members={initial.members} />
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function FundCard({ fund, canManage }: { fund: Fund; canManage: boolean }) {
  return (
    <Section title={fund.name} id={`fund-${fund.id}`} actions={fund.closedAt ? <Badge tone="slate">Closed</Badge> : canManage ? <CloseFund fundId={fund.id} name={fund.name} /> : null}>
      {fund.closedAt ? (
        <p className="mb-3 text-sm text-slate-700">
          Closed <Time value={fund.closedAt} /> by both sides: it approves nothing new; requests already approved are still paid or cancelled.
        </p>
      ) : null}
      <dl className="mb-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label="Starting balance" cents={fund.startingCents} />
        <Figure label="Committed" cents={fund.committedCents} />
        <Figure label="Spent" cents={fund.spentCents} />
        <Figure label="Available" cents={fund.availableCents} strong testId="fund-card-available" />
      </dl>
      <FundBar label={fund.name} startingCents={fund.startingCents} committedCents={fund.committedCents} spentCents={fund.spentCents} />
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">By category</h3>
          {fund.byCategory.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing approved yet.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">Category</th>
                  <th scope="col" className="py-1 text-right font-medium">Committed</th>
                  <th scope="col" className="py-1 text-right font-medium">Spent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fund.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row" className="py-1 text-left font-normal">{SERVICE_CATEGORIES[c.category]}</th>
                    <td className="py-1 text-right"><Money cents={c.committedCents} /></td>
                    <td className="py-1 text-right"><Money cents={c.spentCents} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">By month</h3>
          {fund.byMonth.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing yet.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">Month</th>
                  <th scope="col" className="py-1 text-right font-medium">Committed</th>
                  <th scope="col" className="py-1 text-right font-medium">Spent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fund.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="py-1 text-left font-normal">{MONTH.format(new Date(`${m.month}-01T00:00:00Z`))}</th>
                    <td className="py-1 text-right"><Money cents={m.committedCents} /></td>
                    <td className="py-1 text-right"><Money cents={m.spentCents} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      <div className="mt-4">
        <h3 className="mb-1 text-sm font-semibold text-slate-900">Yearly caps</h3>
        {fund.caps.length === 0 ? (
          <p className="text-sm text-slate-600">No caps.</p>
        ) : (
          <ul className="text-sm">
            {fund.caps.map((c) => (
              <li key={`${c.category}-${c.perTrainee}`}>
                {categoryLabel(c.category)} {c.perTrainee ? "per trainee" : "in total"}: <Money cents={c.capCents} /> a year
              </li>
            ))}
          </ul>
        )}
        {canManage && !fund.closedAt ? <CapForm fundId={fund.id} /> : null}
      </div>
      <div className="mt-4" data-testid="review-policy">
        <h3 className="mb-1 text-sm font-semibold text-slate-900">Who approves spending</h3>
        <p className="text-sm">{fund.reviewPolicy}.</p>
        {canManage && !fund.closedAt ? <ReviewPolicyForm fundId={fund.id} current={fund.bothSidesAboveCents} /> : null}
      </div>
    </Section>
  );
}

function Figure({ label, cents, strong = false, testId }: { label: string; cents: number; strong?: boolean; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={strong ? "text-lg font-semibold" : "text-base"} data-testid={testId}>
        <Money cents={cents} />
      </dd>
    </div>
  );
}

/** Proposes closing a fund to new approvals (a joint change). */
function CloseFund({ fundId, name }: { fundId: string; name: string }) {
  const [result, setResult] = useState<ProposalResult>(null);
  const [error, setError] = useState<string | null>(null);
  const close = trpc.services.fund.close.useMutation({ onSuccess: (r) => (setError(null), setResult(r)), onError: (e) => setError(toUiError(e).message) });
  return (
    <div className="text-right">
      <button type="button" className="btn-secondary !px-2 !py-1 text-xs" disabled={close.isPending} onClick={() => close.mutate({ fundId })}>
        Propose closing<span className="sr-only"> {name}</span>
      </button>
      <ProposalNotice result={result} className="text-xs" />
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function NewFundForm({ partnershipId }: { partnershipId: string }) {
  const utils = trpc.useUtils();
  const [result, setResult] = useState<ProposalResult>(null);
  const create = trpc.services.fund.create.useMutation({ onSuccess: () => void utils.services.fund.list.invalidate({ partnershipId }) });
  const form = useInputMutationForm({
    schema: CreateFundInputSchema,
    mutation: create,
    toInput: (v) => ({ ...v, partnershipId }),
    onSuccess: (r, f) => {
      setResult(r);
      f.reset();
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="New fund">
      <FormError message={form.error?.message} />
      <TextField label="Name" name="name" maxLength={FUND_NAME_MAX} placeholder="Employer contributions 2027" error={form.fieldError("name")} required />
      <TextField label="Starting balance (USD)" name="starting" inputMode="decimal" placeholder="25000.00" error={form.fieldError("starting")} required />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        Propose fund
      </button>
      <ProposalNotice result={result} applied="Created." />
    </form>
  );
}

/** Proposes the fund's threshold: above it a reviewer of each side approves (a joint change, like the caps). */
function ReviewPolicyForm({ fundId, current }: { fundId: string; current: number | null }) {
  const utils = trpc.useUtils();
  const [result, setResult] = useState<ProposalResult>(null);
  const setPolicy = trpc.services.fund.setReviewPolicy.useMutation({ onSuccess: () => void utils.services.fund.list.invalidate() });
  const form = useInputMutationForm({
    schema: SetReviewPolicyInputSchema,
    mutation: setPolicy,
    toInput: (v) => ({ ...v, fundId }),
    onSuccess: (r) => setResult(r),
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">Change who approves</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-2 space-y-3" aria-label="Change who approves spending">
        <FormError message={form.error?.message} />
        <TextField
          label="Both sides approve above (USD)"
          name="threshold"
          inputMode="decimal"
          defaultValue={current === null ? "" : (current / 100).toFixed(2)}
          hint="Above this amount a labor-side and a management-side reviewer must both approve it. Empty: one reviewer approves any amount; 0: every approval needs both sides."
          error={form.fieldError("threshold")}
        />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          Propose
        </button>
        <ProposalNotice result={result} />
      </form>
    </details>
  );
}

function CapForm({ fundId }: { fundId: string }) {
  const utils = trpc.useUtils();
  const [result, setResult] = useState<ProposalResult>(null);
  const setCap = trpc.services.fund.setCap.useMutation({ onSuccess: () => void utils.services.fund.list.invalidate() });
  const form = useInputMutationForm({
    schema: SetCapInputSchema,
    mutation: setCap,
    toInput: (v) => ({ ...v, fundId, perTrainee: v.perTrainee === "yes" }),
    onSuccess: (r, f) => {
      setResult(r);
      f.reset();
    },
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">Set a cap</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Set a cap">
        <div className="sm:col-span-3">
          <FormError message={form.error?.message} />
        </div>
        <SelectField label="Category" name="category" options={{ ALL: "All categories", ...SERVICE_CATEGORIES }} error={form.fieldError("category")} />
        <SelectField label="Applies" name="perTrainee" options={{ yes: "Per trainee, per year", no: "In total, per year" }} error={form.fieldError("perTrainee")} />
        <TextField label="Cap (USD, empty removes)" name="cap" inputMode="decimal" error={form.fieldError("cap")} />
        <div className="sm:col-span-3">
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            Propose cap
          </button>
          <ProposalNotice result={result} />
        </div>
      </form>
    </details>
  );
}

function TargetForm({ partnershipId, targetDays }: { partnershipId: string; targetDays: number }) {
  const utils = trpc.useUtils();
  const set = trpc.services.settings.set.useMutation({ onSuccess: () => void utils.services.overview.invalidate({ partnershipId }) });
  const form = useInputMutationForm({ schema: ServiceSettingsInputSchema, mutation: set, toInput: (v) => ({ ...v, partnershipId }) });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label="Decision target">
      <FormError message={form.error?.message} />
      <TextField
        label="Days from submission to decision"
        name="targetDays"
        type="number"
        min={1}
        max={TARGET_DAYS_MAX}
        defaultValue={targetDays}
        hint="Requests waiting longer are highlighted as overdue in the reviewers' queue."
        error={form.fieldError("targetDays")}
      />
      <button type="submit" className="btn-secondary" disabled={form.pending}>
        Save target
      </button>
    </form>
  );
}

function Reviewers({
  partnershipId,
  reviewers,
  members,
}: {
  partnershipId: string;
  reviewers: Array<{ membershipId: string; name: string; organizationName: string }>;
  members: Array<{ membershipId: string; name: string; organizationName: string }>;
}) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ProposalResult>(null);
  const refresh = (r: ProposalResult) => {
    setResult(r);
    void utils.services.overview.invalidate({ partnershipId });
  };
  const add = trpc.services.reviewer.add.useMutation({ onSuccess: refresh });
  const remove = trpc.services.reviewer.remove.useMutation({ onSuccess: refresh });
  const candidates = members.filter((m) => !reviewers.some((r) => r.membershipId === m.membershipId));
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <p className="text-xs text-slate-600">
        Reviewers see trainees&apos; details (each read is logged) and decide requests, never their own organization&apos;s. Who reviews is agreed by both sides.
      </p>
      <ProposalNotice result={result} />
      <ul className="space-y-2 text-sm">
        {reviewers.map((r) => (
          <li key={r.membershipId} className="flex items-center justify-between gap-2">
            <span>
              {r.name} <span className="text-slate-500">· {r.organizationName}</span>
            </span>
            <button
              type="button"
              className="btn-secondary !px-2 !py-1 text-xs"
              aria-label={`Propose removing ${r.name} as reviewer`}
              onClick={() => remove.mutateAsync({ partnershipId, membershipId: r.membershipId }).catch((e: unknown) => setError(toUiError(e).message))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <form
          className="space-y-2"
          aria-label="Designate a reviewer"
          onSubmit={(e) => {
            e.preventDefault();
            const membershipId = String(new FormData(e.currentTarget).get("membershipId") ?? "");
            setError(null);
            add.mutateAsync({ partnershipId, membershipId }).catch((err: unknown) => setError(toUiError(err).message));
          }}
        >
          <SelectField label="Designate a reviewer" name="membershipId" options={candidates.map((m): [string, string] => [m.membershipId, `${m.name} (${m.organizationName})`])} />
          <button type="submit" className="btn-secondary" disabled={add.isPending}>
            Propose reviewer
          </button>
        </form>
      ) : null}
    </div>
  );
}
