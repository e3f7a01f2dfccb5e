// What the viewer may do with a request now, as the server says (`can`): the CBO submits, answers a
// question or cancels; a reviewer takes it into review, asks a question, approves all or part of it
// from a fund, denies it with a reason, or records that it was paid or delivered.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/format";
import { FormError, SelectField, TextArea, TextField } from "~/components/field";
import { toUiError } from "~/lib/errors";
import { trpc, type RouterOutputs } from "~/lib/trpc";
import { centsToDollarsInput } from "../../../server/domains/services/services.rules";
import { ApproveInputSchema, CancelInputSchema, DenyInputSchema, FulfilInputSchema, NOTE_MAX, NoteInputSchema, REFERENCE_MAX } from "../../../server/domains/services/services.schema";
import { todayIso } from "./labels";
import { useInputMutationForm } from "~/lib/forms";

type View = RouterOutputs["services"]["request"]["get"];

function useRefresh(requestId: string) {
  const utils = trpc.useUtils();
  return () => {
    void utils.services.request.get.invalidate({ requestId });
    void utils.services.request.list.invalidate();
    void utils.services.summary.invalidate();
  };
}

function ActionForm({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </div>
  );
}

export function RequestActions({ view }: { view: View }) {
  const { can, request } = view;
  const { t } = useTranslation("services");
  const f = useFormat();
  const requestId = request.id;
  const refresh = useRefresh(requestId);
  const [error, setError] = useState<string | null>(null);
  const submit = trpc.services.request.submit.useMutation({ onSuccess: refresh });
  const startReview = trpc.services.request.startReview.useMutation({ onSuccess: refresh });
  const askInfo = trpc.services.request.askInfo.useMutation({ onSuccess: refresh });
  const answer = trpc.services.request.answer.useMutation({ onSuccess: refresh });
  const approve = trpc.services.request.approve.useMutation({ onSuccess: refresh });
  const deny = trpc.services.request.deny.useMutation({ onSuccess: refresh });
  const fulfil = trpc.services.request.fulfil.useMutation({ onSuccess: refresh });
  const cancel = trpc.services.request.cancel.useMutation({ onSuccess: refresh });

  const withId = (values: Record<string, FormDataEntryValue>) => ({ ...values, requestId });
  const clear = (_: unknown, form: HTMLFormElement) => form.reset();
  const askForm = useInputMutationForm({ schema: NoteInputSchema, mutation: askInfo, toInput: withId, onSuccess: clear });
  const answerForm = useInputMutationForm({ schema: NoteInputSchema, mutation: answer, toInput: withId, onSuccess: clear });
  const approveForm = useInputMutationForm({ schema: ApproveInputSchema, mutation: approve, toInput: withId });
  const denyForm = useInputMutationForm({ schema: DenyInputSchema, mutation: deny, toInput: withId });
  const fulfilForm = useInputMutationForm({ schema: FulfilInputSchema, mutation: fulfil, toInput: withId });
  const cancelForm = useInputMutationForm({ schema: CancelInputSchema, mutation: cancel, toInput: withId });

  const run = (mutate: () => Promise<unknown>) => () => {
    setError(null);
    mutate().catch((e: unknown) => setError(toUiError(e).message));
  };
  // Above a fund's threshold: the other side's approval, which this reviewer may agree to or answer, and
  // their own side's, which they may change while the other side has not answered.
  const side = view.reviewerSide === "LABOR" || view.reviewerSide === "MANAGEMENT" ? view.reviewerSide : null;
  const theirs = side ? view.approvals.find((a) => a.side !== side) : undefined;
  const ours = side && !theirs ? view.approvals.find((a) => a.side === side) : undefined;
  const offered = theirs ?? ours;
  const anything = Object.values(can).some(Boolean);
  if (!anything) return <p className="text-sm text-slate-600">{t("actions.nothing")}</p>;

  return (
    <div className="space-y-4">
      <FormError message={error} />
      {can.submit ? (
        <ActionForm title={t("actions.sendForReview")}>
          <button type="button" className="btn-primary" disabled={submit.isPending} onClick={run(() => submit.mutateAsync({ requestId }))}>
            {t("actions.submit")}
          </button>
        </ActionForm>
      ) : null}
      {can.answer ? (
        <ActionForm title={t("actions.answerTitle")}>
          <form onSubmit={answerForm.onSubmit} noValidate className="space-y-3" aria-label={t("actions.answerTitle")}>
            <FormError message={answerForm.error?.message} />
            <TextArea label={t("actions.yourAnswer")} name="note" rows={3} maxLength={NOTE_MAX} error={answerForm.fieldError("note")} required />
            <button type="submit" className="btn-primary" disabled={answerForm.pending}>
              {t("actions.sendAnswer")}
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.startReview ? (
        <ActionForm title={t("actions.review")}>
          <button type="button" className="btn-secondary" disabled={startReview.isPending} onClick={run(() => startReview.mutateAsync({ requestId }))}>
            {t("actions.startReview")}
          </button>
        </ActionForm>
      ) : null}
      {can.approve ? (
        <ActionForm title={t("actions.approve")}>
          {view.funds.length === 0 ? (
            <p className="text-sm text-slate-600">{t("actions.noFund")}</p>
          ) : (
            // Remade when the other side's approval changes, so the form offers what it approved.
            <form key={offered ? `${offered.side} ${offered.fundId} ${offered.amountCents}` : "none"} onSubmit={approveForm.onSubmit} noValidate className="space-y-3" aria-label={t("actions.approveForm")}>
              <FormError message={approveForm.error?.message} />
              {theirs ? (
                <p className="text-sm text-amber-900" data-testid="other-side-approval">
                  {t(`approvals.answer.${theirs.side}`, { amount: f.cents(theirs.amountCents), fund: theirs.fundName })}
                </p>
              ) : ours ? (
                <p className="text-sm text-amber-900" data-testid="own-side-approval">
                  {t(`approvals.mine.${ours.side}`, { amount: f.cents(ours.amountCents), fund: ours.fundName, name: ours.reviewerName })}
                </p>
              ) : null}
              <SelectField
                label={t("actions.fromFund")}
                name="fundId"
                defaultValue={offered?.fundId}
                options={view.funds.map((fund): [string, string] => [
                  fund.id,
                  fund.bothSidesAboveCents !== null
                    ? t("actions.fundOptionBothSides", { fund: fund.name, available: f.cents(fund.availableCents), threshold: f.cents(fund.bothSidesAboveCents) })
                    : t("actions.fundOption", { fund: fund.name, available: f.cents(fund.availableCents) }),
                ])}
                error={approveForm.fieldError("fundId")}
              />
              <TextField
                label={t("actions.amountToApprove")}
                name="amount"
                inputMode="decimal"
                defaultValue={centsToDollarsInput(offered?.amountCents ?? request.requestedCents)}
                hint={t("actions.upTo", { amount: f.cents(request.requestedCents) })}
                error={approveForm.fieldError("amount")}
              />
              <TextArea label={t("actions.noteOptional")} name="note" rows={2} maxLength={NOTE_MAX} error={approveForm.fieldError("note")} />
              <button type="submit" className="btn-primary" disabled={approveForm.pending}>
                {t("actions.approve")}
              </button>
            </form>
          )}
        </ActionForm>
      ) : null}
      {can.askInfo ? (
        <ActionForm title={t("actions.askInfo")}>
          <form onSubmit={askForm.onSubmit} noValidate className="space-y-3" aria-label={t("actions.askInfo")}>
            <FormError message={askForm.error?.message} />
            <TextArea label={t("actions.yourQuestion")} name="note" rows={2} maxLength={NOTE_MAX} error={askForm.fieldError("note")} required />
            <button type="submit" className="btn-secondary" disabled={askForm.pending}>
              {t("actions.sendQuestion")}
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.deny ? (
        <ActionForm title={t("actions.deny")}>
          <form onSubmit={denyForm.onSubmit} noValidate className="space-y-3" aria-label={t("actions.denyForm")}>
            <FormError message={denyForm.error?.message} />
            <TextArea label={t("actions.reason")} name="reason" rows={2} maxLength={NOTE_MAX} error={denyForm.fieldError("reason")} required />
            <button type="submit" className="btn-danger" disabled={denyForm.pending}>
              {t("actions.deny")}
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.fulfil ? (
        <ActionForm title={t("actions.fulfil")}>
          <form onSubmit={fulfilForm.onSubmit} noValidate className="space-y-3" aria-label={t("actions.fulfilForm")}>
            <FormError message={fulfilForm.error?.message} />
            <TextField label={t("actions.date")} name="fulfilledOn" type="date" max={todayIso()} defaultValue={todayIso()} error={fulfilForm.fieldError("fulfilledOn")} />
            <TextField label={t("actions.reference")} name="reference" maxLength={REFERENCE_MAX} error={fulfilForm.fieldError("reference")} />
            <button type="submit" className="btn-primary" disabled={fulfilForm.pending}>
              {t("actions.markFulfilled")}
            </button>
          </form>
        </ActionForm>
      ) : null}
      {can.cancel ? (
        <details className="border-t border-slate-100 pt-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-700">{t("actions.cancelTitle")}</summary>
          <form onSubmit={cancelForm.onSubmit} noValidate className="mt-3 space-y-3" aria-label={t("actions.cancelForm")}>
            <FormError message={cancelForm.error?.message} />
            <TextArea label={t("actions.why")} name="reason" rows={2} maxLength={NOTE_MAX} error={cancelForm.fieldError("reason")} />
            {request.status === "APPROVED" ? <p className="text-xs text-slate-600">{t("actions.goesBack")}</p> : null}
            <button type="submit" className="btn-danger" disabled={cancelForm.pending}>
              {t("actions.cancel")}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Above a fund's threshold a reviewer of each side approves the same amount from the same fund; the
 * fund is charged at the second. Shows the approvals given so far and what is still needed (the other
 * side, or, where the sides approved different terms, one side agreeing to the other's).
 */
export function Approvals({ view }: { view: View }) {
  const { approvals, request } = view;
  const { t } = useTranslation("services");
  const f = useFormat();
  if (!approvals.length) return null;
  const sides = new Set(approvals.map((a) => a.side));
  const waitingFor = (["LABOR", "MANAGEMENT"] as const).filter((s) => !sides.has(s));
  const open = request.status === "SUBMITTED" || request.status === "UNDER_REVIEW";
  const differ = approvals.length === 2 && (approvals[0]!.amountCents !== approvals[1]!.amountCents || approvals[0]!.fundId !== approvals[1]!.fundId);
  return (
    <div className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" data-testid="side-approvals">
      <p className="font-medium text-amber-950">{t("approvals.title")}</p>
      <ul className="mt-1 space-y-1">
        {approvals.map((a) => (
          <li key={a.side}>
            {t(`approvals.approved.${a.side}`, { name: a.reviewerName, amount: f.cents(a.amountCents), fund: a.fundName })}
          </li>
        ))}
        {open
          ? waitingFor.map((s) => (
              <li key={s} className="text-amber-900">
                {t(`approvals.waiting.${s}`)}
              </li>
            ))
          : null}
        {open && differ ? <li className="text-amber-900">{t("approvals.differ")}</li> : null}
      </ul>
    </div>
  );
}
