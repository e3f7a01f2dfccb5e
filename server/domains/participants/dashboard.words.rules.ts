// A dashboard's table titles, group names, stages, rates and suppression rule in a reader's language.
// The server builds the tables with English labels (a published snapshot keeps them frozen) and keys;
// these words say them again from the keys (employers' and programs' names stay as they are). The
// pages say them through useDashboardWords, the CSVs through the reader's translator (server/i18n.ts).
import type { Translate } from "../common.rules.js";

const DEMOGRAPHIC_TABLES = new Set(["sex", "veteranStatus", "disabilityStatus", "ageBand"]);

/** A table or a group of one, as the dashboard names it: its key, and the English label it was built with. */
type Named = { key: string; label: string };

export function dashboardWords(t: Translate, dashboard: { year: number; threshold: number }) {
  return {
    table: (table: Named) => t(`participants:dashboard.table.${table.key}`, { defaultValue: table.label }),
    group: (table: Pick<Named, "key">, row: Named) => {
      if (row.key === "all") return t("participants:dashboard.allApplicants");
      if (table.key === "raceEthnicity") {
        if (row.key === "MULTIPLE") return t("participants:dashboard.multiracial");
        if (row.key === "NOT_REPORTED") return t("services:demographics.race.PREFER_NOT_TO_SAY");
        return t(`services:demographics.race.${row.key}`, { defaultValue: row.label });
      }
      if (DEMOGRAPHIC_TABLES.has(table.key)) return t(`services:demographics.answer.${table.key}.${row.key}`, { defaultValue: row.label });
      if (table.key === "quarter") return t("participants:dashboard.quarter", { quarter: row.key, year: dashboard.year });
      return row.label;
    },
    stage: (key: string, label: string) => t(`participants:dashboard.stage.${key}`, { defaultValue: label }),
    rate: (key: string, label: string) => t(`participants:dashboard.rate.${key}`, { defaultValue: label }),
    rule: t("participants:dashboard.rule", { below: dashboard.threshold - 1, threshold: dashboard.threshold }),
    ruleLabel: t("participants:dashboard.ruleLabel", { threshold: dashboard.threshold }),
  };
}
