// The Access & Opportunity dashboard: how many people reach each stage (applied, enrolled, retained at 6
// and 12 months, completed, placed) and the median wage at placement, by race and ethnicity (one group
// per person, 2024 format), sex, veteran status, disability, age, employer and program, for the people
// who applied in one calendar year, with quarters and the four years before as trends. One SQL pass
// counts everything; then small-cell suppression (suppression.rules.ts) hides small groups in every
// table, and the totals row every table of a year shares is hidden alike in all of them, so no table
// gives away what another hides. Only whole years are offered: overlapping periods would let two
// protected tables be subtracted.
import { Prisma } from "../../generated/prisma/client.js";
import type { Db, Tx } from "../../db.js";
import { forbidden } from "../../errors.js";
import { readerLocale, serverWords } from "../../i18n.js";
import { csvText, type Translate } from "../common.rules.js";
import { traineeAnswersSql } from "../services/services.api.js";
import { DEMOGRAPHICS, RACE_ETHNICITY_GROUPS } from "../services/services.rules.js";
import { dashboardWords } from "./dashboard.words.rules.js";
import { canSeeDashboard } from "./participants.policy.js";
import { BREAKDOWNS, rate, RATES, STAGE_KEYS, STAGE_NESTING, STAGES, type Breakdown, type Stage } from "./participants.rules.js";
import type { DashboardInput } from "./participants.schema.js";
import { readSettings, requireViewer, type Call, type ParticipantsDeps } from "./participants.shared.js";
import { describeSuppressionRule, stageTable, suppressCells, type CellRef, type SuppressionTable } from "./suppression.rules.js";

export const TREND_YEARS = 5;

export type DashboardRow = {
  key: string;
  label: string;
  /** Per stage (STAGE_KEYS order): the count, or null where hidden. */
  counts: Array<number | null>;
  rates: Record<string, number | null>;
  /** Median hourly wage at placement, in cents; null where hidden or nobody was placed. */
  medianWageCents: number | null;
};
export type DashboardTable = { key: Breakdown | "quarter"; label: string; rows: DashboardRow[]; all: DashboardRow; hiddenCells: number };
export type Dashboard = {
  partnershipName: string;
  year: number;
  threshold: number;
  rule: string;
  stages: Array<{ key: Stage; label: string }>;
  rateLabels: Array<{ key: string; label: string }>;
  tables: DashboardTable[];
  trend: Array<{ year: number; counts: Array<number | null> }>;
  generatedAt: string;
};

type CountRow = { year: number; dim: string; key: string | null; applied: number; enrolled: number; retained6: number; retained12: number; completed: number; placed: number; medianWageCents: number | null; wages: number };

const DIMENSIONS: Array<Breakdown | "quarter"> = ["raceEthnicity", "sex", "veteranStatus", "disabilityStatus", "ageBand", "employer", "program", "quarter"];

/** The stages a person reached, as bits of one small number (so the grouping counts one thing per group). */
const STAGE_BITS: Record<Exclude<Stage, "applied">, number> = { enrolled: 1, retained6: 2, retained12: 4, completed: 8, placed: 16 };

type BitsRow = { year: number; dim: string; key: string | null; bits: number | null; n: number; median: number | null };

/**
 * One pass over the partnership's applications of `firstYear`–`lastYear`, grouped every way the
 * dashboard shows, and the median wage at placement of `lastYear`'s groups (no earlier year shows one).
 * Each application's stages are folded into one bit pattern first, so each grouping counts rows per
 * pattern instead of six filtered counts and an array of wages: a fraction of the work (the benchmark,
 * npm run bench:dashboard, measures it on 50,000 applications). The run gets enough memory for the
 * groupings to hash in one pass instead of sorting nine times on disk (SET LOCAL: this transaction only;
 * the snapshot's concurring transaction runs it inside its own).
 */
async function countStages(db: Db | Tx, partnershipId: string, firstYear: number, lastYear: number, asOf: Date): Promise<CountRow[]> {
  const sql = stageCountsSql(partnershipId, firstYear, lastYear, asOf);
  const run = async (tx: Tx) => {
    await tx.$queryRaw`SELECT set_config('work_mem', ${STAGE_QUERY_WORK_MEM}, true)`;
    return tx.$queryRaw<BitsRow[]>(sql);
  };
  const rows = "$transaction" in db ? await db.$transaction(run) : await run(db);
  return foldStageBits(rows);
}

export const STAGE_QUERY_WORK_MEM = "64MB";

/**
 * The counts of recent dashboards, each kept with the partnership's data version it was counted under
 * (ParticipantDataVersion: moved forward by every write to participants, enrollments, exit outcomes and
 * linked trainees' answers, in the writing transaction) and the interval of "now" it holds for (a
 * retention stage depends on the time: the counts hold until the next enrollment reaches 6 or 12
 * months). A read checks the version (one indexed row) and counts again only when it moved or the
 * time left the interval; the version is read before the counts, so counts kept under V include at
 * least every change up to V. Per process, bounded.
 */
type KeptCounts = { version: string; from: number; until: number; rows: CountRow[] };
const keptCounts = new Map<string, KeptCounts>();
const KEPT_COUNTS_MAX = 200;

async function dataVersion(db: Db | Tx, partnershipId: string): Promise<string> {
  const rows = await db.$queryRaw<Array<{ version: bigint }>>`SELECT "version" FROM "ParticipantDataVersion" WHERE "partnershipId" = ${partnershipId}`;
  return String(rows[0]?.version ?? 0n);
}

/** When the first retention stage after `asOf` is reached by anyone counted (null: never). */
async function countsHoldUntil(db: Db | Tx, partnershipId: string, firstYear: number, lastYear: number, asOf: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<Array<{ until: Date | null }>>`
    SELECT least(min(en."startDate" + interval '6 months') FILTER (WHERE en."startDate" + interval '6 months' > ${asOf}),
                 min(en."startDate" + interval '12 months') FILTER (WHERE en."startDate" + interval '12 months' > ${asOf})) AS until
    FROM "Enrollment" en
    WHERE en."partnershipId" = ${partnershipId} AND en."startDate" IS NOT NULL
      AND en."appliedOn" >= ${new Date(Date.UTC(firstYear, 0, 1))} AND en."appliedOn" < ${new Date(Date.UTC(lastYear + 1, 0, 1))}`;
  return rows[0]?.until ?? null;
}

async function countStagesKept(db: Db, partnershipId: string, firstYear: number, lastYear: number, asOf: Date): Promise<CountRow[]> {
  const key = `${partnershipId}\u0000${firstYear}\u0000${lastYear}`;
  const version = await dataVersion(db, partnershipId);
  const kept = keptCounts.get(key);
  const at = asOf.getTime();
  if (kept && kept.version === version && at >= kept.from && at < kept.until) return kept.rows;
  const [rows, until] = await Promise.all([countStages(db, partnershipId, firstYear, lastYear, asOf), countsHoldUntil(db, partnershipId, firstYear, lastYear, asOf)]);
  keptCounts.delete(key);
  if (keptCounts.size >= KEPT_COUNTS_MAX) keptCounts.delete(keptCounts.keys().next().value!);
  keptCounts.set(key, { version, from: at, until: until ? until.getTime() : Number.POSITIVE_INFINITY, rows });
  return rows;
}

/** The dashboard's one query (exported for the benchmark's EXPLAIN ANALYZE). */
export function stageCountsSql(partnershipId: string, firstYear: number, lastYear: number, asOf: Date): Prisma.Sql {
  const from = new Date(Date.UTC(firstYear, 0, 1));
  const to = new Date(Date.UTC(lastYear + 1, 0, 1));
  return Prisma.sql`
    WITH e AS MATERIALIZED (
      SELECT extract(year FROM en."appliedOn" AT TIME ZONE 'UTC')::int AS year,
             extract(quarter FROM en."appliedOn" AT TIME ZONE 'UTC')::int AS quarter,
             en."employerId" AS employer, en."programId" AS program,
             COALESCE(t."raceEthnicity", p."raceEthnicity") AS race,
             COALESCE(t."sex", p."sex") AS sex,
             COALESCE(t."veteranStatus", p."veteranStatus") AS vet,
             COALESCE(t."disabilityStatus", p."disabilityStatus") AS dis,
             COALESCE(t."ageBand", p."ageBand") AS age,
             CASE WHEN en."startDate" IS NULL THEN 0 ELSE ${STAGE_BITS.enrolled}
               + CASE WHEN en."startDate" + interval '6 months' <= ${asOf}
                       AND (en."endedOn" IS NULL OR en."status" = 'COMPLETED' OR en."endedOn" >= en."startDate" + interval '6 months') THEN ${STAGE_BITS.retained6} ELSE 0 END
               + CASE WHEN en."startDate" + interval '12 months' <= ${asOf}
                       AND (en."endedOn" IS NULL OR en."status" = 'COMPLETED' OR en."endedOn" >= en."startDate" + interval '12 months') THEN ${STAGE_BITS.retained12} ELSE 0 END
               + CASE WHEN COALESCE(o."employed", false) THEN ${STAGE_BITS.placed} ELSE 0 END
             END + CASE WHEN en."status" = 'COMPLETED' THEN ${STAGE_BITS.completed} ELSE 0 END AS bits,
             o."hourlyCents" AS wage
      FROM "Enrollment" en
      JOIN "Participant" p ON p."id" = en."participantId"
      LEFT JOIN ${traineeAnswersSql(partnershipId)} t ON t."id" = p."traineeId"
      LEFT JOIN "Outcome" o ON o."enrollmentId" = en."id" AND o."checkpoint" = 'EXIT'
      WHERE en."partnershipId" = ${partnershipId} AND en."appliedOn" >= ${from} AND en."appliedOn" < ${to}
    ), g AS (
      SELECT year, quarter, employer, program, sex, vet, dis, age, bits, wage,
             CASE WHEN 'PREFER_NOT_TO_SAY' = ANY (race) THEN 'NOT_REPORTED' WHEN cardinality(race) > 1 THEN 'MULTIPLE' ELSE race[1] END AS race_group
      FROM e
    )
    SELECT year,
           CASE WHEN GROUPING(race_group) = 0 THEN 'raceEthnicity' WHEN GROUPING(sex) = 0 THEN 'sex' WHEN GROUPING(vet) = 0 THEN 'veteranStatus'
                WHEN GROUPING(dis) = 0 THEN 'disabilityStatus' WHEN GROUPING(age) = 0 THEN 'ageBand' WHEN GROUPING(employer) = 0 THEN 'employer'
                WHEN GROUPING(program) = 0 THEN 'program' WHEN GROUPING(quarter) = 0 THEN 'quarter' ELSE 'all' END AS dim,
           COALESCE(race_group, sex, vet, dis, age, employer, program, quarter::text) AS key,
           bits, count(*)::int AS n, NULL::int AS median
    FROM g
    GROUP BY GROUPING SETS ((year, race_group, bits), (year, sex, bits), (year, vet, bits), (year, dis, bits), (year, age, bits),
                            (year, employer, bits), (year, program, bits), (year, quarter, bits), (year, bits))
    UNION ALL
    SELECT year,
           CASE WHEN GROUPING(race_group) = 0 THEN 'raceEthnicity' WHEN GROUPING(sex) = 0 THEN 'sex' WHEN GROUPING(vet) = 0 THEN 'veteranStatus'
                WHEN GROUPING(dis) = 0 THEN 'disabilityStatus' WHEN GROUPING(age) = 0 THEN 'ageBand' WHEN GROUPING(employer) = 0 THEN 'employer'
                WHEN GROUPING(program) = 0 THEN 'program' WHEN GROUPING(quarter) = 0 THEN 'quarter' ELSE 'all' END AS dim,
           COALESCE(race_group, sex, vet, dis, age, employer, program, quarter::text) AS key,
           NULL::int AS bits, count(*)::int AS n,
           -- The same as participants.rules.ts median(): the middle value, or the two middle ones' mean rounded half up.
           round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wage))::int AS median
    FROM g
    WHERE year = ${lastYear} AND bits & ${STAGE_BITS.placed} <> 0 AND wage IS NOT NULL
    GROUP BY GROUPING SETS ((year, race_group), (year, sex), (year, vet), (year, dis), (year, age), (year, employer), (year, program), (year, quarter), (year))
  `;
}

/** Stage counts per group from the counts per bit pattern (a stage counts everyone whose pattern has its bit), with the wage median. */
export function foldStageBits(rows: BitsRow[]): CountRow[] {
  const groups = new Map<string, CountRow>();
  for (const r of rows) {
    const id = `${r.year}\u0000${r.dim}\u0000${r.key ?? ""}`;
    let g = groups.get(id);
    if (!g) {
      g = { year: r.year, dim: r.dim, key: r.key, applied: 0, enrolled: 0, retained6: 0, retained12: 0, completed: 0, placed: 0, medianWageCents: null, wages: 0 };
      groups.set(id, g);
    }
    if (r.bits === null) {
      g.medianWageCents = r.median;
      g.wages = r.n;
      continue;
    }
    g.applied += r.n;
    for (const [stage, bit] of Object.entries(STAGE_BITS) as Array<[keyof typeof STAGE_BITS, number]>) if (r.bits & bit) g[stage] += r.n;
  }
  return [...groups.values()];
}

const zeroCounts = () => STAGE_KEYS.map(() => 0);

/**
 * suppressCells is pure: the same counts, nesting, forced cells and threshold always hide the same cells.
 * Remembering recent answers spares the linear programs while the data does not change.
 */
const remembered = new Map<string, ReturnType<typeof suppressCells>>();
function suppressRemembered(table: SuppressionTable, threshold: number) {
  const key = JSON.stringify([table.values, table.forced ?? [], threshold]);
  const known = remembered.get(key);
  if (known) return known;
  const result = suppressCells(table, threshold);
  if (remembered.size >= 2_000) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, result);
  return result;
}

/** Builds and suppresses one year's tables; the All row hidden alike in every table of the year. */
function yearTables(rows: CountRow[], year: number, groups: Record<Breakdown | "quarter", Array<{ key: string; label: string }>>, threshold: number) {
  const ofYear = rows.filter((r) => r.year === year);
  const countsOf = (r: CountRow | undefined) => (r ? STAGE_KEYS.map((s) => r[s]) : zeroCounts());
  const wagesOf = (r: CountRow | undefined) => ({ median: r?.medianWageCents ?? null, count: r?.wages ?? 0 });
  const allRow = ofYear.find((r) => r.dim === "all");
  const all = countsOf(allRow);
  const built = DIMENSIONS.map((dim) => {
    const list = groups[dim];
    const found = list.map((g) => ofYear.find((r) => r.dim === dim && r.key === g.key));
    return { dim, list, counts: found.map(countsOf), wages: found.map(wagesOf) };
  });
  // Link the tables through their shared All row: hide there whatever any table hides, until stable.
  let forced = new Set<number>();
  let results = built.map(() => suppressCells(stageTable([[0]], []), threshold));
  for (let round = 0; round < 20; round++) {
    results = built.map((t) => {
      const table = stageTable(t.counts, STAGE_NESTING, all);
      return suppressRemembered({ ...table, forced: [...forced].map((s) => [t.counts.length, s] as CellRef) }, threshold);
    });
    const union = new Set<number>();
    for (const r of results) r.hidden[r.hidden.length - 1]!.forEach((h, s) => h && union.add(s));
    if ([...union].every((s) => forced.has(s))) break;
    forced = new Set([...forced, ...union]);
  }
  const row = (key: string, label: string, counts: number[], hidden: boolean[], wages: { median: number | null; count: number }): DashboardRow => {
    const shown = counts.map((n, s) => (hidden[s] ? null : n));
    const at = (stage: Stage) => shown[STAGE_KEYS.indexOf(stage)] ?? null;
    const placed = at("placed");
    return {
      key,
      label,
      counts: shown,
      rates: Object.fromEntries(RATES.map((r) => [r.key, rate(at(r.of), at(r.over))])),
      // A median speaks for at least `threshold` people, and only where their count is shown.
      medianWageCents: placed !== null && placed >= threshold && wages.count >= threshold ? wages.median : null,
    };
  };
  const tables: DashboardTable[] = built.map((t, i) => {
    const hidden = results[i]!.hidden;
    return {
      key: t.dim,
      label: t.dim === "quarter" ? "Quarter applied" : BREAKDOWNS[t.dim],
      rows: t.list.map((g, r) => row(g.key, g.label, t.counts[r]!, hidden[r]!, t.wages[r]!)),
      all: row("all", "All applicants", all, hidden[t.counts.length]!, wagesOf(allRow)),
      hiddenCells: hidden.flat().filter(Boolean).length,
    };
  });
  return tables;
}

/** The dashboard of applications in `year` (suppressed), with the four years before as a trend. */
export async function computeDashboard(db: Db | Tx, partnershipId: string, year: number, asOf = new Date(), { keep = false }: { keep?: boolean } = {}): Promise<Dashboard> {
  const [settings, partnership, employers, programs] = await Promise.all([
    readSettings(db, partnershipId),
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { name: true } }),
    db.organization.findMany({ where: { partnershipId, type: "EMPLOYER" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.program.findMany({ where: { partnershipId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const threshold = settings.suppressionThreshold;
  // Kept counts only outside a transaction (the snapshot's concurrence counts inside its own, afresh).
  const rows = keep && "$transaction" in db
    ? await countStagesKept(db, partnershipId, year - TREND_YEARS + 1, year, asOf)
    : await countStages(db, partnershipId, year - TREND_YEARS + 1, year, asOf);
  const options = (o: Record<string, string>) => Object.entries(o).map(([key, label]) => ({ key, label }));
  const groups: Record<Breakdown | "quarter", Array<{ key: string; label: string }>> = {
    raceEthnicity: options(RACE_ETHNICITY_GROUPS),
    sex: options(DEMOGRAPHICS.sex),
    veteranStatus: options(DEMOGRAPHICS.veteranStatus),
    disabilityStatus: options(DEMOGRAPHICS.disabilityStatus),
    ageBand: options(DEMOGRAPHICS.ageBand),
    employer: employers.map((e) => ({ key: e.id, label: e.name })),
    program: programs.map((p) => ({ key: p.id, label: p.name })),
    quarter: [1, 2, 3, 4].map((q) => ({ key: String(q), label: `Q${q} ${year}` })),
  };
  const tables = yearTables(rows, year, groups, threshold);
  const trend = [];
  for (let y = year - TREND_YEARS + 1; y <= year; y++) {
    const all = y === year ? tables[0]!.all : yearTables(rows, y, groups, threshold)[0]!.all;
    trend.push({ year: y, counts: all.counts });
  }
  return {
    partnershipName: partnership.name,
    year,
    threshold,
    rule: describeSuppressionRule(threshold),
    stages: STAGE_KEYS.map((key) => ({ key, label: STAGES[key] })),
    rateLabels: RATES.map((r) => ({ key: r.key, label: r.label })),
    tables,
    trend,
    generatedAt: asOf.toISOString(),
  };
}

export async function getDashboard(deps: ParticipantsDeps, { userId, input }: Call<DashboardInput>) {
  const viewer = await requireViewer(deps, userId, input.partnershipId);
  if (!canSeeDashboard(viewer)) throw forbidden("The dashboard is for the Access & Opportunity committee and the partnership's co-chairs and staff.");
  return computeDashboard(deps.db, input.partnershipId, input.year, new Date(), { keep: true });
}

/** Every table of a dashboard as one CSV in the reader's words (hidden counts empty, the rule and threshold at the end). */
export function dashboardCsv(d: Dashboard, t: Translate): string {
  const words = dashboardWords(t, d);
  const header = [
    t("participants:csv.table"),
    t("participants:csv.group"),
    ...d.stages.map((s) => words.stage(s.key, s.label)),
    ...d.rateLabels.map((r) => t("participants:csv.rate", { rate: words.rate(r.key, r.label) })),
    t("participants:csv.medianWage"),
  ];
  const line = (table: DashboardTable, r: DashboardRow) => [
    words.table(table),
    words.group(table, r),
    ...r.counts,
    ...d.rateLabels.map((x) => r.rates[x.key] ?? null),
    r.medianWageCents === null ? null : (r.medianWageCents / 100).toFixed(2),
  ];
  return csvText([
    header,
    ...d.tables.flatMap((table) => [...table.rows.map((r) => line(table, r)), line(table, table.all)]),
    ...d.trend.map((row) => [t("participants:csv.trend"), String(row.year), ...row.counts]),
    [t("participants:csv.suppression"), `${words.rule} ${t("participants:csv.scope", { year: d.year, partnership: d.partnershipName })}`],
  ]);
}

export async function exportDashboardCsv(deps: ParticipantsDeps, call: Call<DashboardInput>) {
  const [dashboard, locale] = await Promise.all([getDashboard(deps, call), readerLocale(deps.db, call.userId)]);
  return dashboardCsv(dashboard, serverWords(locale).t);
}
