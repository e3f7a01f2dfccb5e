// The co-chairs' forms of the funds page. Each proposes a joint change (decision 0013): a new fund,
// closing one, a cap, the review threshold, the service-level target and the reviewers.
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { FormError, SelectField, TextField } from "~/components/field";
import { ProposalNotice, type ProposalResult } from "~/features/joint/proposal-notice";
import { useServerMessage } from "~/i18n/server-messages";
import { toUiError } from "~/lib/errors";
import { useInputMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { SERVICE_CATEGORIES } from "../../../server/domains/services/services.rules";
import { CreateFundInputSchema, FUND_NAME_MAX, ServiceSettingsInputSchema, SetCapInputSchema, SetReviewPolicyInputSchema, TARGET_DAYS_MAX } from "../../../server/domains/services/services.schema";

/** Proposes closing a fund to new approvals (a joint change). */
export function CloseFund({ fundId, name }: { fundId: string; name: string }) {
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

export function NewFundForm({ partnershipId }: { partnershipId: string }) {
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
export function ReviewPolicyForm({ fundId, current }: { fundId: string; current: number | null }) {
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

export function CapForm({ fundId }: { fundId: string }) {
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

export function TargetForm({ partnershipId, targetDays }: { partnershipId: string; targetDays: number }) {
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

export function Reviewers({
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
