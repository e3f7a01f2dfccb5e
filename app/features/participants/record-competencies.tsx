// Competencies by module on one enrollment: attained by assessment, on the job or a test-out, with
// the forms the viewer's relation allows.
import { useTranslation } from "react-i18next";
import { useToday } from "~/i18n/format";
import { FormError, SelectField, TextField } from "~/components/field";
import { Section } from "~/components/ui";
import { useInputMutationForm } from "~/lib/forms";
import { trpc } from "~/lib/trpc";
import { CompetencyInputSchema, TestOutInputSchema } from "../../../server/domains/participants/participants.schema";
import type { Enrollment } from "./record";

export function CompetenciesSection({ e, onChanged }: { e: Enrollment; onChanged: () => void }) {
  const today = useToday();
  const record = trpc.participants.competency.record.useMutation({ onSuccess: onChanged });
  const testOut = trpc.participants.competency.testOut.useMutation({ onSuccess: onChanged });
  const attained = new Map(e.attainments.map((a) => [`${a.moduleKey}\u0000${a.competency}`, a]));
  const { t } = useTranslation("participants");
  const methods: Array<[string, string]> = [
    ...(e.can.assess ? [["ASSESSMENT", t("competencies.byAssessment")] as [string, string]] : []),
    ...(e.can.onTheJob ? [["ON_THE_JOB", t("hours.kindOjl")] as [string, string]] : []),
  ];
  const competencyForm = useInputMutationForm({ schema: CompetencyInputSchema, mutation: record, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  const testOutForm = useInputMutationForm({ schema: TestOutInputSchema, mutation: testOut, toInput: (v) => ({ ...v, enrollmentId: e.id }), onSuccess: (_r, f) => f.reset() });
  const open = e.curriculum.modules.flatMap((m) => m.competencies.filter((c) => !attained.has(`${m.key}\u0000${c}`)).map((c): [string, string] => [`${m.key}\u0000${c}`, `${m.title}: ${c}`]));
  const testable = e.curriculum.modules.filter((m) => m.testOut && !e.standings.some((s) => s.moduleKey === m.key)).map((m): [string, string] => [m.key, t("competencies.moduleOption", { title: m.title, ri: m.relatedHours, ojl: m.ojlHours })]);
  return (
    <Section title={t("record.competencies")} id={`competencies-${e.id}`}>
      <ul className="space-y-3">
        {e.curriculum.modules.map((m) => (
          <li key={m.key}>
            <p className="text-sm font-medium">
              {m.title}{" "}
              <span className="text-xs font-normal text-slate-600">
                {t("record.of", { done: e.progress.modules.find((x) => x.key === m.key)?.attained ?? 0, total: m.competencies.length })}
                {e.standings.some((s) => s.moduleKey === m.key) ? ` · ${t("competencies.testedOut")}` : m.testOut ? ` · ${t("competencies.testOutAllowed")}` : ""}
              </span>
            </p>
            <ul className="ml-4 list-disc text-sm">
              {m.competencies.map((c) => {
                const a = attained.get(`${m.key}\u0000${c}`);
                return (
                  <li key={c}>
                    {c}{" "}
                    {a ? (
                      <span className="text-xs text-green-800">
                        {t(`competencies.attained.${a.method}`, { defaultValue: a.method })}
                      </span>
                    ) : (
                      <span className="text-xs text-slate-500">{t("competencies.notYet")}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {methods.length && open.length ? (
        <form
          onSubmit={(ev) => {
            const select = ev.currentTarget.elements.namedItem("which") as HTMLSelectElement;
            const [moduleKey, competency] = select.value.split("\u0000");
            (ev.currentTarget.elements.namedItem("moduleKey") as HTMLInputElement).value = moduleKey ?? "";
            (ev.currentTarget.elements.namedItem("competency") as HTMLInputElement).value = competency ?? "";
            void competencyForm.onSubmit(ev);
          }}
          noValidate
          className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2"
          aria-label={t("competencies.recordForm")}
        >
          <div className="sm:col-span-2">
            <FormError message={competencyForm.error?.message} />
          </div>
          <input type="hidden" name="moduleKey" />
          <input type="hidden" name="competency" />
          <SelectField label={t("competencies.competency")} name="which" options={open} error={competencyForm.fieldError("competency")} />
          <SelectField label={t("competencies.how")} name="method" options={methods} />
          <TextField label={t("competencies.assessment")} name="assessment" maxLength={500} error={competencyForm.fieldError("assessment")} />
          <TextField label={t("competencies.attainedOn")} name="attainedOn" type="date" defaultValue={today} error={competencyForm.fieldError("attainedOn")} />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-secondary" disabled={competencyForm.pending}>
              {t("competencies.record")}
            </button>
          </div>
        </form>
      ) : null}
      {e.can.testOut && testable.length ? (
        <form onSubmit={testOutForm.onSubmit} noValidate className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 sm:grid-cols-2" aria-label={t("competencies.testOutForm")}>
          <div className="sm:col-span-2">
            <FormError message={testOutForm.error?.message} />
          </div>
          <SelectField label={t("competencies.module")} name="moduleKey" options={testable} error={testOutForm.fieldError("moduleKey")} />
          <TextField label={t("competencies.result")} name="assessment" maxLength={500} placeholder={t("competencies.resultPlaceholder")} error={testOutForm.fieldError("assessment")} />
          <TextField label={t("competencies.on")} name="attainedOn" type="date" defaultValue={today} error={testOutForm.fieldError("attainedOn")} />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-secondary" disabled={testOutForm.pending}>
              {t("competencies.recordTestOut")}
            </button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
