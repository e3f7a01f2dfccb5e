// The weeks of hours on one enrollment: logged by the participant or staff, approved or returned by
// the mentor, with the form the viewer's relation allows.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useToday } from "~/i18n/format";
import { FormError, SelectField, TextField } from "~/components/field";
import { Badge, EmptyState, InlineError, Section, Time } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { toUiError } from "~/lib/errors";
import { trpc } from "~/lib/trpc";
import { formatTenths } from "../../../server/domains/participants/participants.rules";
import { LogHoursInputSchema } from "../../../server/domains/participants/participants.schema";
import type { Enrollment } from "./record";

export function HoursSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const today = useToday();
  const log = trpc.participants.hours.log.useMutation({ onSuccess: onChanged });
  const decide = trpc.participants.hours.decide.useMutation({ onSuccess: onChanged });
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation("participants");
  const kinds: Array<[string, string]> = [
    ...(e.can.logOjl ? [["OJL", t("hours.kindOjl")] as [string, string]] : []),
    ...(e.can.logRi ? [["RI", t("record.ri")] as [string, string]] : []),
  ];
  const form = useInputMutationForm({
    schema: LogHoursInputSchema,
    mutation: log,
    toInput: (v) => ({ ...v, enrollmentId: e.id }),
    onSuccess: (_r, f) => f.reset(),
  });
  return (
    <Section title={t("hours.title")} id={`hours-${e.id}`}>
      {kinds.length ? (
        <form onSubmit={form.onSubmit} noValidate className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-4" aria-label={t("hours.log")}>
          <div className="sm:col-span-4">
            <FormError message={form.error?.message} />
          </div>
          <TextField label={t("hours.weekOf")} name="week" type="date" defaultValue={today} error={form.fieldError("week")} />
          <SelectField label={t("hours.kind")} name="kind" options={kinds} error={form.fieldError("kind")} />
          <TextField label={t("hours.hours")} name="hours" inputMode="decimal" placeholder="40" error={form.fieldError("hours")} />
          <TextField label={t("hours.note")} name="note" maxLength={500} error={form.fieldError("note")} />
          <div className="sm:col-span-4">
            <button type="submit" className="btn-primary" disabled={form.pending}>
              {t("hours.log")}
            </button>
            {log.isSuccess && !form.error ? (
              <span role="status" className="ml-3 text-sm text-green-800">
                {t("hours.logged")}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
      <InlineError message={error} />
      {e.hours.length === 0 ? (
        <EmptyState title={t("hours.none")} />
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("hours.scrollable")}>
          <table className="w-full min-w-[30rem] text-sm">
            <caption className="sr-only">{t("hours.caption")}</caption>
            <thead>
              <tr className="border-b text-xs text-slate-600">
                <th scope="col" className="py-1 text-left font-medium">
                  {t("hours.weekOf")}
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  {t("hours.kind")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("hours.hours")}
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  {t("hours.status")}
                </th>
                <th scope="col" className="py-1 text-left font-medium">
                  <span className="sr-only">{t("hours.decision")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {e.hours.map((h) => (
                <tr key={h.id} className="border-b border-slate-100 align-top">
                  <td className="py-1">
                    <Time value={h.weekOf} dateOnly />
                  </td>
                  <td className="py-1">{h.kind === "OJL" ? t("hours.kindOjl") : t("hours.kindRi")}</td>
                  <td className="py-1 text-right tabular-nums">{formatTenths(h.tenths)}</td>
                  <td className="py-1">
                    <Badge tone={h.status === "APPROVED" ? "green" : h.status === "REJECTED" ? "red" : "amber"}>
                      {t(`hours.state.${h.status}`)}
                    </Badge>
                    <span className="block text-xs text-slate-500">
                      {t("hours.loggedBy", { name: h.loggedBy })}
                      {h.note ? ` · ${h.note}` : ""}
                      {h.decisionNote ? ` · ${h.decisionNote}` : ""}
                    </span>
                  </td>
                  <td className="py-1">
                    {h.canDecide ? (
                      <span className="flex flex-wrap gap-1">
                        <button
                          type="button"
                          className="btn-primary !px-2 !py-1 text-xs"
                          aria-label={t("hours.approveWeek", { hours: formatTenths(h.tenths), week: h.weekOf.toISOString().slice(0, 10) })}
                          disabled={decide.isPending}
                          onClick={() => decide.mutateAsync({ logId: h.id, decision: "APPROVED" }).then(() => setError(null), (err: unknown) => setError(toUiError(err).message))}
                        >
                          {t("hours.approve")}
                        </button>
                        <button
                          type="button"
                          className="btn-secondary !px-2 !py-1 text-xs"
                          disabled={decide.isPending}
                          onClick={() => {
                            const note = window.prompt(t("hours.whySentBack")) ?? "";
                            if (!note.trim()) return;
                            decide.mutateAsync({ logId: h.id, decision: "REJECTED", note }).then(() => setError(null), (err: unknown) => setError(toUiError(err).message));
                          }}
                        >
                          {t("hours.sendBack")}
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
