// The self-reported questions as a person answers them (trainees and participants share them): race and
// ethnicity in the 2024 federal format — check all that apply, or "prefer not to say", which clears the
// others — then sex, veteran status, disability and age, each "prefer not to say" unless answered.
import { useTranslation } from "react-i18next";
import { useServerMessage } from "~/i18n/server-messages";
import { useId, useState } from "react";
import { SelectField } from "~/components/field";
import {
  DEMOGRAPHICS,
  PREFER_NOT_TO_SAY,
  RACE_ETHNICITY_KEYS,
  type DemographicQuestion,
} from "../../../server/domains/services/services.rules";

const RACE_PREFIX = "raceEthnicity:";

export type DemographicAnswers = { raceEthnicity: string[] } & Record<DemographicQuestion, string>;

/** The form's checkboxes (one field per category) as the list the schema takes; everything else as it is. */
export function withRaceEthnicity(values: Record<string, FormDataEntryValue>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  const raceEthnicity: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith(RACE_PREFIX)) raceEthnicity.push(name.slice(RACE_PREFIX.length));
    else rest[name] = value;
  }
  return { ...rest, raceEthnicity };
}

export function DemographicsFields({ defaults, fieldError }: { defaults?: DemographicAnswers; fieldError: (name: string) => string | undefined }) {
  const id = useId();
  const [race, setRace] = useState<string[]>(defaults?.raceEthnicity ?? [PREFER_NOT_TO_SAY]);
  const toggle = (key: string, on: boolean) =>
    setRace((current) => {
      if (key === PREFER_NOT_TO_SAY) return on ? [PREFER_NOT_TO_SAY] : [];
      const others = current.filter((k) => k !== PREFER_NOT_TO_SAY && k !== key);
      return on ? [...others, key] : others;
    });
  const raceError = fieldError("raceEthnicity");
  const { t } = useTranslation("services");
  const translate = useServerMessage();
  return (
    <fieldset className="space-y-3 rounded-md bg-slate-50 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("demographics.legend")}</legend>
      <fieldset aria-describedby={raceError ? `${id}-race-error` : `${id}-race-hint`}>
        <legend className="text-sm font-medium text-slate-800">{t("demographics.question.raceEthnicity")}</legend>
        <p id={`${id}-race-hint`} className="text-xs text-slate-500">
          {t("demographics.checkAll")}
        </p>
        <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
          {[...RACE_ETHNICITY_KEYS, PREFER_NOT_TO_SAY].map((key) => (
            <label key={key} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                name={`${RACE_PREFIX}${key}`}
                checked={race.includes(key)}
                onChange={(e) => toggle(key, e.currentTarget.checked)}
              />
              {t(`demographics.race.${key}`)}
            </label>
          ))}
        </div>
        {raceError ? (
          <p id={`${id}-race-error`} className="text-sm text-red-700">
            {translate(raceError)}
          </p>
        ) : null}
      </fieldset>
      {(Object.keys(DEMOGRAPHICS) as DemographicQuestion[]).map((key) => (
        <SelectField
          key={key}
          label={t(`demographics.question.${key}`)}
          name={key}
          options={Object.keys(DEMOGRAPHICS[key]).map((value): [string, string] => [value, t(`demographics.answer.${key}.${value}`)])}
          defaultValue={defaults?.[key] ?? PREFER_NOT_TO_SAY} error={fieldError(key)} />
      ))}
    </fieldset>
  );
}
