// A dashboard's table titles, group names, stages, rates and suppression rule in a reader's language.
// The server builds the tables with English labels (a published snapshot keeps them frozen) and keys;
// these words say them again from the keys (employers' and programs' names stay as they are). The
// pages say them through useDashboardWords, the CSVs through the reader's translator (server/i18n.ts).
import type { Translate } from "../common.rules.js";
import type { Dashboard, DashboardRow, DashboardTable } from "./dashboard.js";

const DEMOGRAPHIC_TABLES = new Set(["sex", "veteranStatus", "disabilityStatus", "ageBand"]);

export function dashboardWords(t: Translate, dashboard: Pick<Dashboard, "year" | "threshold">) {
  return {
    table: (table: Pick<DashboardTable, "key" | "label">) => t(`participants:dashboard.table.${table.key}`, { defaultValue: table.label }),
    group: (table: Pick<DashboardTable, "key">, row: Pick<DashboardRow, "key" | "label">) => {
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
