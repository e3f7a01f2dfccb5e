// Small-cell suppression for published counts (pure, no I/O). A table is a grid of non-negative whole
// counts plus what a reader knows links them: additive lines (parts that sum to a total cell) and
// nesting (a later stage never exceeds an earlier one). Three steps:
//  1. primary: every non-zero cell under the threshold is hidden;
//  2. complementary: any line with exactly one hidden cell gets its next-smallest non-zero cell hidden
//     too, repeated until no line changes (a fixed point);
//  3. audit: an attacker's view is computed with linear programming (the published cells, the lines, the
//     nesting and non-negativity): each hidden cell's feasible range. A primary cell is protected when
//     its range reaches below and above its value and spans at least the threshold; any other hidden
//     cell when it is not pinned to one value. Where a cell is not, the next-smallest visible cell of
//     its lines is hidden and step 2 runs again. Hiding every non-zero cell always passes, so it ends.
// Zero cells are shown (a zero identifies nobody) unless hidden as complements of last resort.

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;
export const MIN_SUPPRESSION_THRESHOLD = 3;
export const MAX_SUPPRESSION_THRESHOLD = 50;

/** The rule in words, printed with every table. */
export function describeSuppressionRule(threshold: number): string {
  return (
    `Counts from 1 to ${threshold - 1} are hidden (threshold ${threshold}), and so are enough other cells that no hidden count can be ` +
    `worked out from the totals: each hidden count could be anything across a range at least ${threshold} wide. A zero is shown. ` +
    `Rates and wages are shown only where every count behind them is.`
  );
}

export type CellRef = readonly [row: number, col: number];
/** Parts that add up to a total cell (a row or column and its margin). */
export type Line = { parts: CellRef[]; total: CellRef };

export type SuppressionTable = {
  /** Every cell, margins included: whole numbers ≥ 0. */
  values: number[][];
  lines: Line[];
  /** [small, large]: the first never exceeds the second (e.g. completed ≤ enrolled in one row). */
  atMost?: Array<readonly [CellRef, CellRef]>;
  /** Cells hidden because a linked table hides them (the same totals published twice must agree). */
  forced?: CellRef[];
};

export type SuppressionResult = {
  hidden: boolean[][];
  primary: boolean[][];
  /** How many cells each step hid, for tests and the printed note. */
  counts: { primary: number; complementary: number };
};

const key = ([r, c]: CellRef) => `${r}:${c}`;

/** Hides cells of `table` so that no hidden count under `threshold` can be recovered or narrowed. */
export function suppressCells(table: SuppressionTable, threshold: number): SuppressionResult {
  const { values } = table;
  const hidden = values.map((row) => row.map(() => false));
  const primary = values.map((row) => row.map((v) => v > 0 && v < threshold));
  values.forEach((row, r) => row.forEach((_, c) => (hidden[r]![c] = primary[r]![c]!)));
  for (const [r, c] of table.forced ?? []) hidden[r]![c] = true;
  const valueOf = ([r, c]: CellRef) => values[r]![c]!;
  const isHidden = ([r, c]: CellRef) => hidden[r]![c]!;
  const cellsOf = (line: Line) => [...line.parts, line.total];
  const totals = new Set(table.lines.map((line) => key(line.total)));

  /** The next cell to hide in `line`: its smallest visible non-zero cell (parts before the total on ties), or a zero as a last resort. */
  function nextOf(line: Line): CellRef | null {
    const visible = cellsOf(line).filter((cell) => !isHidden(cell));
    const nonZero = visible.filter((cell) => valueOf(cell) > 0);
    const pool = nonZero.length ? nonZero : visible;
    // A stable order: value, then parts before the total, then position.
    return [...pool].sort((a, b) => valueOf(a) - valueOf(b) || Number(a === line.total) - Number(b === line.total) || a[0] - b[0] || a[1] - b[1])[0] ?? null;
  }

  function complementary() {
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of table.lines) {
        const cells = cellsOf(line);
        if (cells.filter(isHidden).length !== 1) continue;
        const next = nextOf(line);
        if (!next) continue;
        hidden[next[0]]![next[1]] = true;
        changed = true;
      }
    }
  }

  complementary();
  for (let guard = 0; guard < 10_000; guard++) {
    const weak = unprotectedCells(table, hidden, threshold, primary);
    if (!weak.length) break;
    // Widen around the first weak cell with what costs readers least: a cell of its lines or nested with
    // it, counts before totals (totals are what readers look for first), smallest first — a zero hidden
    // beside it often widens the range as much as a large count would. Else any visible cell.
    const weakKey = key(weak[0]!);
    const lines = table.lines.filter((line) => cellsOf(line).some((cell) => key(cell) === weakKey));
    const nested = (table.atMost ?? []).flatMap(([a, b]) => (key(a) === weakKey ? [b] : key(b) === weakKey ? [a] : []));
    const candidates = [...lines.flatMap(cellsOf), ...nested].filter((c) => !isHidden(c));
    const fallback = values.flatMap((row, r) => row.map((v, c) => [r, c] as CellRef)).filter((cell) => !isHidden(cell));
    const pick = [...(candidates.length ? candidates : fallback)].sort(
      (a, b) => Number(totals.has(key(a))) - Number(totals.has(key(b))) || valueOf(a) - valueOf(b) || a[0] - b[0] || a[1] - b[1],
    )[0];
    if (!pick) break; // every non-zero cell is hidden: nothing is left to learn from
    hidden[pick[0]]![pick[1]] = true;
    complementary();
  }

  const count = (grid: boolean[][]) => grid.flat().filter(Boolean).length;
  const primaries = count(primary);
  return { hidden, primary, counts: { primary: primaries, complementary: count(hidden) - primaries } };
}

export type Range = { cell: CellRef; lo: number; hi: number };

/** The cells an attacker could pin down or narrow too much, given what is hidden. */
export function unprotectedCells(table: SuppressionTable, hidden: boolean[][], threshold: number, primary: boolean[][]): CellRef[] {
  return feasibleRanges(table, hidden)
    .filter(({ cell: [r, c], lo, hi }) => {
      const v = table.values[r]![c]!;
      return primary[r]![c] ? !(lo < v - 1e-6 && hi > v + 1e-6 && hi - lo >= threshold - 1e-6) : hi - lo < 1e-6;
    })
    .map((range) => range.cell);
}

/**
 * What an attacker can say of each hidden cell: the least and greatest value it could take, given the
 * visible cells, the lines, the nesting and that counts are ≥ 0 (linear programming over the reals).
 */
export function feasibleRanges(table: SuppressionTable, hidden: boolean[][]): Range[] {
  const unknowns: CellRef[] = [];
  const index = new Map<string, number>();
  table.values.forEach((row, r) =>
    row.forEach((_, c) => {
      if (hidden[r]![c]) {
        index.set(key([r, c]), unknowns.length);
        unknowns.push([r, c]);
      }
    }),
  );
  if (!unknowns.length) return [];
  const rows: Array<{ coefficients: Map<number, number>; rhs: number; slack: boolean }> = [];
  const term = (coefficients: Map<number, number>, cell: CellRef, sign: number): number => {
    const at = index.get(key(cell));
    if (at === undefined) return sign * table.values[cell[0]]![cell[1]]!;
    coefficients.set(at, (coefficients.get(at) ?? 0) + sign);
    return 0;
  };
  for (const line of table.lines) {
    const coefficients = new Map<number, number>();
    let known = 0;
    for (const part of line.parts) known += term(coefficients, part, 1);
    known += term(coefficients, line.total, -1);
    if (coefficients.size) rows.push({ coefficients, rhs: -known, slack: false });
  }
  for (const [small, large] of table.atMost ?? []) {
    const coefficients = new Map<number, number>();
    const known = term(coefficients, small, 1) + term(coefficients, large, -1);
    if (coefficients.size) rows.push({ coefficients, rhs: -known, slack: true });
  }
  const slacks = rows.filter((row) => row.slack).length;
  const n = unknowns.length + slacks;
  let slackAt = unknowns.length;
  const A = rows.map((row) => {
    const line = new Array<number>(n).fill(0);
    for (const [at, coefficient] of row.coefficients) line[at] = coefficient;
    if (row.slack) line[slackAt++] = 1; // small − large + s = −known, s ≥ 0
    return line;
  });
  const b = rows.map((row) => row.rhs);
  return unknowns.map((cell, at) => {
    const objective = new Array<number>(n).fill(0);
    objective[at] = 1;
    const max = maximize(A, b, objective);
    objective[at] = -1;
    const min = maximize(A, b, objective);
    const hi = max.status === "unbounded" ? Infinity : max.status === "optimal" ? max.value : NaN;
    const lo = min.status === "optimal" ? -min.value : 0;
    return { cell, lo: Math.max(0, lo), hi };
  });
}

// ─── linear programming ─────────────────────────────────────────────────────

export type LpResult = { status: "optimal"; value: number } | { status: "unbounded" } | { status: "infeasible" };
const EPS = 1e-9;

/**
 * maximize c·x subject to A x = b, x ≥ 0: a dense two-phase simplex with Bland's rule (no cycling).
 * Tables here have at most a few hundred cells, so dense is plenty.
 */
export function maximize(A: number[][], b: number[], c: number[]): LpResult {
  const m = A.length;
  const n = c.length;
  const width = n + m + 1;
  const rhs = width - 1;
  const T = A.map((row, i) => {
    const sign = b[i]! < 0 ? -1 : 1;
    const line = new Array<number>(width).fill(0);
    for (let j = 0; j < n; j++) line[j] = sign * row[j]!;
    line[n + i] = 1;
    line[rhs] = sign * b[i]!;
    return line;
  });
  const basis = A.map((_, i) => n + i);

  const pivot = (objective: number[], r: number, e: number) => {
    const row = T[r]!;
    const p = row[e]!;
    for (let j = 0; j < width; j++) row[j]! /= p;
    for (const other of [...T, objective]) {
      if (other === row) continue;
      const f = other[e]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < width; j++) other[j]! -= f * row[j]!;
    }
    basis[r] = e;
  };

  /** Runs the simplex on `objective` (reduced costs; rhs = value), entering only columns below `limit`. */
  const run = (objective: number[], limit: number): "optimal" | "unbounded" => {
    for (let iteration = 0; iteration < 50_000; iteration++) {
      let e = -1;
      for (let j = 0; j < limit; j++) {
        if (objective[j]! < -EPS) {
          e = j;
          break;
        }
      }
      if (e < 0) return "optimal";
      let r = -1;
      let best = Infinity;
      for (let i = 0; i < T.length; i++) {
        const a = T[i]![e]!;
        if (a <= EPS) continue;
        const ratio = T[i]![rhs]! / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[r]!)) {
          best = ratio;
          r = i;
        }
      }
      if (r < 0) return "unbounded";
      pivot(objective, r, e);
    }
    throw new Error("simplex: too many iterations");
  };

  // Phase 1: drive the artificial variables to zero (maximize −Σ artificials).
  const phase1 = new Array<number>(width).fill(0);
  for (const row of T) for (let j = 0; j < width; j++) if (j < n || j === rhs) phase1[j]! -= row[j]!;
  run(phase1, n);
  if (phase1[rhs]! < -1e-7) return { status: "infeasible" };
  // Artificials still basic (at zero): pivot them out, or drop their row (it was redundant).
  for (let i = T.length - 1; i >= 0; i--) {
    if (basis[i]! < n) continue;
    const j = T[i]!.findIndex((a, col) => col < n && Math.abs(a) > EPS);
    if (j >= 0) pivot(phase1, i, j);
    else {
      T.splice(i, 1);
      basis.splice(i, 1);
    }
  }
  // Phase 2: the real objective's reduced costs in the current basis.
  const phase2 = new Array<number>(width).fill(0);
  for (let j = 0; j < n; j++) phase2[j] = -c[j]!;
  T.forEach((row, i) => {
    const cb = c[basis[i]!] ?? 0;
    if (cb === 0) return;
    for (let j = 0; j < width; j++) phase2[j]! += cb * row[j]!;
  });
  if (run(phase2, n) === "unbounded") return { status: "unbounded" };
  return { status: "optimal", value: phase2[rhs]! };
}

// ─── table shapes ───────────────────────────────────────────────────────────

/**
 * A cross-tabulation with both margins: `interior` R×C becomes (R+1)×(C+1), the last column the row
 * totals, the last row the column totals, the corner the grand total; every row and column is a line.
 */
export function crossTable(interior: number[][]): SuppressionTable {
  const R = interior.length;
  const C = interior[0]?.length ?? 0;
  const values = interior.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: C + 1 }, (_, c) => values.reduce((sum, row) => sum + row[c]!, 0));
  values.push(totals);
  const lines: Line[] = [];
  for (let r = 0; r <= R; r++) lines.push({ parts: Array.from({ length: C }, (_, c) => [r, c] as const), total: [r, C] });
  for (let c = 0; c <= C; c++) lines.push({ parts: Array.from({ length: R }, (_, r) => [r, c] as const), total: [R, c] });
  return { values, lines };
}

/**
 * Groups × stages: each row a group of a partition (each person in one row), the last row "All". Each
 * stage column adds up to its All cell; stages are not additive across (a person is counted in several),
 * but nested: `atMost` pairs [later, earlier] of stage indexes hold in every row.
 */
export function stageTable(groups: number[][], nesting: ReadonlyArray<readonly [later: number, earlier: number]>, allRow?: number[]): SuppressionTable {
  const S = groups[0]?.length ?? allRow?.length ?? 0;
  const all = allRow ?? Array.from({ length: S }, (_, s) => groups.reduce((sum, row) => sum + row[s]!, 0));
  const values = [...groups.map((row) => [...row]), [...all]];
  const R = groups.length;
  const lines: Line[] = Array.from({ length: S }, (_, s) => ({ parts: Array.from({ length: R }, (_, r) => [r, s] as const), total: [R, s] as const }));
  const atMost: Array<readonly [CellRef, CellRef]> = [];
  for (let r = 0; r <= R; r++) for (const [later, earlier] of nesting) atMost.push([[r, later], [r, earlier]]);
  return { values, lines, atMost };
}

/** One breakdown (each person in one group) and its total, suppressed: null where hidden. */
export function suppressBreakdown(counts: number[], threshold: number): { counts: Array<number | null>; total: number | null } {
  const table = stageTable(
    counts.map((n) => [n]),
    [],
  );
  const { hidden } = suppressCells(table, threshold);
  const total = table.values[counts.length]![0]!;
  return { counts: counts.map((n, i) => (hidden[i]![0] ? null : n)), total: hidden[counts.length]![0] ? null : total };
}
