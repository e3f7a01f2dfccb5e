// The partnership's supportive-service funds: balance, committed, spent, by category and by month, and
// caps; for co-chairs and staff also new funds, caps, closing a fund, the decision target and the
// reviewers. The money's rules (funds, caps, closing, reviewers) are joint changes: a co-chair proposes
// them (staff prepare), the other side's co-chair concurs; they wait under "Joint changes" here.
// Totals only: every member may see this page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useServerMessage } from "~/i18n/server-messages";
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
import { SERVICE_CATEGORIES } from "../../server/domains/services/services.rules";
import { CreateFundInputSchema, FUND_NAME_MAX, ServiceSettingsInputSchema, SetCapInputSchema, SetReviewPolicyInputSchema, TARGET_DAYS_MAX } from "../../server/domains/services/services.schema";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "funds.pageTitle", "services") }];

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

export default function Funds() {
  const { partnershipId = "" } = useParams();
  const initial = useData<typeof loader>();
  useServicesLive(partnershipId);
  const funds = trpc.services.fund.list.useQuery({ partnershipId }, { initialData: initial.funds }).data ?? initial.funds;
  const overview = trpc.services.overview.useQuery({ partnershipId }, { initialData: initial.overview }).data ?? initial.overview;
  const canManage = overview.viewer.canManage;
  const { t } = useTranslation("services");

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to={`/p/${partnershipId}/services`} className="link">
          {t("funds.back")}
        </Link>
      </p>
      <PageHeader title={t("funds.title")} description={t("funds.description")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {funds.length === 0 ? (
            <EmptyState title={t("funds.none")}>{canManage ? t("funds.noneManage") : t("funds.noneBody")}</EmptyState>
          ) : (
            funds.map((f) => <FundCard key={f.id} fund={f} canManage={canManage} />)
          )}
          {/* data-i18n-skip: the joint changes' list (features/joint) is another area's, not converted yet. */}
          <div data-i18n-skip>
            <JointChanges partnershipId={partnershipId} title={t("funds.jointChanges")} />
          </div>
        </div>
        {canManage ? (
          <div className="min-w-0 space-y-6">
            <Section title={t("funds.new.title")} id="new-fund">
              <NewFundForm partnershipId={partnershipId} />
            </Section>
            <Section title={t("funds.target.title")} id="target">
              <TargetForm partnershipId={partnershipId} targetDays={overview.targetDays} />
            </Section>
            <Section title={t("funds.reviewers.title")} id="manage-reviewers">
              <Reviewers partnershipId={partnershipId} reviewers={overview.reviewers} members={initial.members} />
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function FundCard({ fund, canManage }: { fund: Fund; canManage: boolean }) {
  const { t } = useTranslation("services");
  const f = useFormat();
  const month = new Intl.DateTimeFormat(f.locale, { month: "short", year: "numeric", timeZone: "UTC" });
  return (
    // Section's markup, with the fund's name marked as a name (translate="no"), not a message.
    <section className="card" aria-labelledby={`fund-${fund.id}-heading`}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={`fund-${fund.id}-heading`} className="text-base font-semibold text-slate-900" translate="no">
          {fund.name}
        </h2>
        {fund.closedAt ? <Badge tone="slate">{t("funds.closed")}</Badge> : canManage ? <CloseFund fundId={fund.id} name={fund.name} /> : null}
      </div>
      {fund.closedAt ? (
        <p className="mb-3 text-sm text-slate-700">
          <Trans t={t} i18nKey="funds.closedBody" components={{ time: <Time value={fund.closedAt} /> }} />
        </p>
      ) : null}
      <dl className="mb-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label={t("funds.starting")} cents={fund.startingCents} />
        <Figure label={t("funds.committed")} cents={fund.committedCents} />
        <Figure label={t("funds.spent")} cents={fund.spentCents} />
        <Figure label={t("funds.available")} cents={fund.availableCents} strong testId="fund-card-available" />
      </dl>
      <FundBar label={fund.name} startingCents={fund.startingCents} committedCents={fund.committedCents} spentCents={fund.spentCents} />
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.byCategory")}</h3>
          {fund.byCategory.length === 0 ? (
            <p className="text-sm text-slate-600">{t("funds.nothingApproved")}</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">{t("funds.category")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("funds.committed")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("funds.spent")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fund.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row" className="py-1 text-left font-normal">{t(`category.${c.category}`)}</th>
                    <td className="py-1 text-right"><Money cents={c.committedCents} /></td>
                    <td className="py-1 text-right"><Money cents={c.spentCents} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.byMonth")}</h3>
          {fund.byMonth.length === 0 ? (
            <p className="text-sm text-slate-600">{t("funds.nothingYet")}</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-1 font-medium">{t("funds.month")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("funds.committed")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("funds.spent")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fund.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="py-1 text-left font-normal"><time dateTime={m.month}>{month.format(new Date(`${m.month}-01T00:00:00Z`))}</time></th>
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
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.caps")}</h3>
        {fund.caps.length === 0 ? (
          <p className="text-sm text-slate-600">{t("funds.noCaps")}</p>
        ) : (
          <ul className="text-sm">
            {fund.caps.map((c) => (
              <li key={`${c.category}-${c.perTrainee}`}>
                {c.perTrainee
                  ? t("funds.capPerTrainee", { category: c.category === "ALL" ? t("funds.allCategories") : t(`category.${c.category}`), amount: f.cents(c.capCents) })
                  : t("funds.capTotal", { category: c.category === "ALL" ? t("funds.allCategories") : t(`category.${c.category}`), amount: f.cents(c.capCents) })}
              </li>
            ))}
          </ul>
        )}
        {canManage && !fund.closedAt ? <CapForm fundId={fund.id} /> : null}
      </div>
      <div className="mt-4" data-testid="review-policy">
        <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("funds.policy.title")}</h3>
        <p className="text-sm">
          {fund.bothSidesAboveCents === null ? t("funds.policy.one") : t("funds.policy.both", { threshold: f.cents(fund.bothSidesAboveCents) })}
        </p>
        {canManage && !fund.closedAt ? <ReviewPolicyForm fundId={fund.id} current={fund.bothSidesAboveCents} /> : null}
      </div>
    </section>
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
  const { t } = useTranslation("services");
  const translate = useServerMessage();
  const close = trpc.services.fund.close.useMutation({ onSuccess: (r) => (setError(null), setResult(r)), onError: (e) => setError(translate(toUiError(e).message)) });
  return (
    <div className="text-right">
      <button type="button" className="btn-secondary !px-2 !py-1 text-xs" disabled={close.isPending} onClick={() => close.mutate({ fundId })}>
        <Trans t={t} i18nKey="funds.proposeClosing" values={{ name }} components={{ sr: <span className="sr-only" /> }} />
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
  const { t } = useTranslation("services");
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
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("funds.new.title")}>
      <FormError message={form.error?.message} />
      <TextField label={t("funds.new.name")} name="name" maxLength={FUND_NAME_MAX} placeholder={t("funds.new.namePlaceholder")} error={form.fieldError("name")} required />
      <TextField label={t("funds.new.starting")} name="starting" inputMode="decimal" placeholder="25000.00" error={form.fieldError("starting")} required />
      <button type="submit" className="btn-primary" disabled={form.pending}>
        {t("funds.new.propose")}
      </button>
      <ProposalNotice result={result} applied={t("funds.new.created")} />
    </form>
  );
}

/** Proposes the fund's threshold: above it a reviewer of each side approves (a joint change, like the caps). */
function ReviewPolicyForm({ fundId, current }: { fundId: string; current: number | null }) {
  const utils = trpc.useUtils();
  const [result, setResult] = useState<ProposalResult>(null);
  const setPolicy = trpc.services.fund.setReviewPolicy.useMutation({ onSuccess: () => void utils.services.fund.list.invalidate() });
  const { t } = useTranslation("services");
  const form = useInputMutationForm({
    schema: SetReviewPolicyInputSchema,
    mutation: setPolicy,
    toInput: (v) => ({ ...v, fundId }),
    onSuccess: (r) => setResult(r),
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">{t("funds.policy.change")}</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-2 space-y-3" aria-label={t("funds.policy.changeForm")}>
        <FormError message={form.error?.message} />
        <TextField
          label={t("funds.policy.threshold")}
          name="threshold"
          inputMode="decimal"
          defaultValue={current === null ? "" : (current / 100).toFixed(2)}
          hint={t("funds.policy.thresholdHint")}
          error={form.fieldError("threshold")}
        />
        <button type="submit" className="btn-secondary" disabled={form.pending}>
          {t("funds.propose")}
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
  const { t } = useTranslation("services");
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
      <summary className="cursor-pointer text-sm font-medium text-indigo-800">{t("funds.cap.title")}</summary>
      <form onSubmit={form.onSubmit} noValidate className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label={t("funds.cap.title")}>
        <div className="sm:col-span-3">
          <FormError message={form.error?.message} />
        </div>
        <SelectField label={t("funds.category")} name="category" options={[["ALL", t("funds.allCategories")], ...Object.keys(SERVICE_CATEGORIES).map((c): [string, string] => [c, t(`category.${c}`)])]} error={form.fieldError("category")} />
        <SelectField
          label={t("funds.cap.applies")}
          name="perTrainee"
          options={[
            ["yes", t("funds.cap.perTrainee")],
            ["no", t("funds.cap.inTotal")],
          ]}
          error={form.fieldError("perTrainee")}
        />
        <TextField label={t("funds.cap.amount")} name="cap" inputMode="decimal" error={form.fieldError("cap")} />
        <div className="sm:col-span-3">
          <button type="submit" className="btn-secondary" disabled={form.pending}>
            {t("funds.cap.propose")}
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
  const { t } = useTranslation("services");
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-3" aria-label={t("funds.target.title")}>
      <FormError message={form.error?.message} />
      <TextField
        label={t("funds.target.days")}
        name="targetDays"
        type="number"
        min={1}
        max={TARGET_DAYS_MAX}
        defaultValue={targetDays}
        hint={t("funds.target.hint")}
        error={form.fieldError("targetDays")}
      />
      <button type="submit" className="btn-secondary" disabled={form.pending}>
        {t("funds.target.save")}
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
  const { t } = useTranslation("services");
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <p className="text-xs text-slate-600">
        {t("funds.reviewers.intro")}
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
              aria-label={t("funds.reviewers.removeLabel", { name: r.name })}
              onClick={() => remove.mutateAsync({ partnershipId, membershipId: r.membershipId }).catch((e: unknown) => setError(toUiError(e).message))}
            >
              {t("funds.reviewers.remove")}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <form
          className="space-y-2"
          aria-label={t("funds.reviewers.designate")}
          onSubmit={(e) => {
            e.preventDefault();
            const membershipId = String(new FormData(e.currentTarget).get("membershipId") ?? "");
            setError(null);
            add.mutateAsync({ partnershipId, membershipId }).catch((err: unknown) => setError(toUiError(err).message));
          }}
        >
          <SelectField
            label={t("funds.reviewers.designate")}
            name="membershipId"
            options={candidates.map((m): [string, string] => [m.membershipId, t("funds.reviewers.option", { name: m.name, organization: m.organizationName })])}
          />
          <button type="submit" className="btn-secondary" disabled={add.isPending}>
            {t("funds.reviewers.propose")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
