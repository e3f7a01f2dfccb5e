// Small-cell suppression, attacked. An independent attacker (integer linear programming with yalps, not
// the module's own simplex) reads only what is published — the visible cells, the lines that add up,
// the nesting of stages and that counts are whole and ≥ 0 — and computes the least and greatest value
// each hidden cell could take. Every hidden cell under the threshold must stay wide (below and above
// its value, a span of at least the threshold), and no hidden cell may be pinned to one value. Tables:
// hand-made ones where a naive rule leaks, and a few hundred random ones.
import { describe, expect, it } from "vitest";
import { solve, type Constraint, type Model } from "yalps";
import {
  crossTable,
  describeSuppressionRule,
  feasibleRanges,
  maximize,
  stageTable,
  suppressCells,
  unprotectedCells,
  type CellRef,
  type SuppressionTable,
} from "../../server/domains/participants/suppression.rules.js";

type Bounds = { cell: CellRef; lo: number; hi: number };

/** The attacker: for each hidden cell, min and max over whole non-negative solutions of the published facts. */
function attack(table: SuppressionTable, hidden: boolean[][]): Bounds[] {
  const name = ([r, c]: CellRef) => `x${r}_${c}`;
  const isHidden = ([r, c]: CellRef) => hidden[r]![c]!;
  const cells: CellRef[] = table.values.flatMap((row, r) => row.map((_, c) => [r, c] as CellRef)).filter(isHidden);
  const constraints = new Map<string, Constraint>();
  const coefficients = new Map<string, Map<string, number>>(cells.map((cell) => [name(cell), new Map<string, number>()]));
  const add = (constraint: string, cell: CellRef, sign: number) => {
    if (!isHidden(cell)) return sign * table.values[cell[0]]![cell[1]]!;
    const m = coefficients.get(name(cell))!;
    m.set(constraint, (m.get(constraint) ?? 0) + sign);
    return 0;
  };
  table.lines.forEach((line, i) => {
    const id = `line${i}`;
    let known = 0;
    for (const part of line.parts) known += add(id, part, 1);
    known += add(id, line.total, -1);
    constraints.set(id, { equal: -known });
  });
  (table.atMost ?? []).forEach(([small, large], i) => {
    const id = `nest${i}`;
    const known = add(id, small, 1) + add(id, large, -1);
    constraints.set(id, { max: -known });
  });
  return cells.map((cell) => {
    const bound = (direction: "minimize" | "maximize") => {
      const variables = new Map(
        [...coefficients].map(([v, m]) => [v, new Map([...m, ...(v === name(cell) ? [["target", 1] as [string, number]] : [])])]),
      );
      const model: Model = { direction, objective: "target", constraints, variables, integers: true };
      const solution = solve(model);
      if (solution.status === "unbounded") return direction === "maximize" ? Infinity : 0;
      expect(solution.status, `attacker's model of ${name(cell)}`).toBe("optimal");
      return solution.result;
    };
    return { cell, lo: bound("minimize"), hi: bound("maximize") };
  });
}

/** Fails with the cell and its range when the attacker narrows a hidden cell too much. */
function expectProtected(table: SuppressionTable, hidden: boolean[][], threshold: number) {
  for (const { cell, lo, hi } of attack(table, hidden)) {
    const v = table.values[cell[0]]![cell[1]]!;
    const where = `cell ${cell} = ${v}, attacker's range [${lo}, ${hi}]`;
    if (v > 0 && v < threshold) {
      expect(lo, where).toBeLessThan(v);
      expect(hi, where).toBeGreaterThan(v);
      expect(hi - lo, where).toBeGreaterThanOrEqual(threshold);
    } else {
      expect(hi - lo, where).toBeGreaterThan(0);
    }
  }
  // And nothing under the threshold (but zero) is visible.
  table.values.forEach((row, r) => row.forEach((v, c) => v > 0 && v < threshold && expect(hidden[r]![c], `visible small cell ${[r, c]} = ${v}`).toBe(true)));
}

const none = (table: SuppressionTable) => table.values.map((row) => row.map(() => false));
const only = (table: SuppressionTable, cells: CellRef[]) => {
  const grid = none(table);
  for (const [r, c] of cells) grid[r]![c] = true;
  return grid;
};
const hiddenCells = (grid: boolean[][]) => grid.flatMap((row, r) => row.flatMap((h, c) => (h ? [[r, c] as CellRef] : [])));

describe("the module's simplex", () => {
  it("solves small programs: optimum, unbounded, infeasible, redundant rows", () => {
    // max x + y  s.t. x + y + s = 4, x − y + t = 2
    expect(maximize([[1, 1, 1, 0], [1, -1, 0, 1]], [4, 2], [1, 1, 0, 0])).toEqual({ status: "optimal", value: 4 });
    expect(maximize([[1, -1]], [0], [1, 0])).toEqual({ status: "unbounded" });
    expect(maximize([[1, 1]], [-1], [1, 0]).status).toBe("infeasible");
    expect(maximize([[1, 1], [2, 2]], [3, 6], [1, 0])).toEqual({ status: "optimal", value: 3 });
  });

  it("agrees with the attacker on a table's ranges", () => {
    const table = crossTable([
      [3, 20],
      [15, 1],
    ]);
    const all = only(table, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const ours = feasibleRanges(table, all).map(({ cell, lo, hi }) => ({ cell: [...cell], lo: Math.round(lo), hi: Math.round(hi) }));
    expect(ours).toEqual(attack(table, all).map(({ cell, lo, hi }) => ({ cell: [...cell], lo, hi })));
  });
});

describe("primary suppression", () => {
  it("hides every non-zero count under the threshold and shows zeros", () => {
    const table = crossTable([
      [0, 12, 40],
      [9, 30, 0],
      [25, 1, 11],
    ]);
    const { hidden, primary } = suppressCells(table, 10);
    expect(primary[1]![0]).toBe(true);
    expect(primary[2]![1]).toBe(true);
    expect(hidden[0]![0]).toBe(false); // a zero identifies nobody
    expect(hidden[1]![2]).toBe(false);
    expectProtected(table, hidden, 10);
  });

  it("uses the partnership's threshold", () => {
    const table = crossTable([
      [12, 40, 30],
      [25, 35, 45],
    ]);
    expect(suppressCells(table, 10).counts.primary).toBe(0);
    expect(suppressCells(table, 20).counts.primary).toBe(1);
    expectProtected(table, suppressCells(table, 20).hidden, 20);
  });

  it("says the rule and the threshold in words", () => {
    expect(describeSuppressionRule(10)).toMatch(/1 to 9 are hidden \(threshold 10\)/);
    expect(describeSuppressionRule(5)).toMatch(/1 to 4/);
  });
});

describe("complementary suppression against an attacker", () => {
  it("a single hidden cell in a row leaks through the row total; the next-smallest cell is hidden with it", () => {
    const table = crossTable([[3, 20, 40]]);
    const naive = only(table, [[0, 0]]);
    // The naive rule: the attacker recovers the 3 exactly.
    expect(attack(table, naive)).toEqual([{ cell: [0, 0], lo: 3, hi: 3 }]);
    const { hidden } = suppressCells(table, 10);
    expect(hidden[0]![1]).toBe(true); // 20 is the next smallest in its row
    expect(hidden[0]![2]).toBe(false);
    expectProtected(table, hidden, 10);
  });

  it("a small cell hidden in its row and its column: each line gets a complement", () => {
    const table = crossTable([
      [4, 30, 50],
      [60, 45, 70],
      [25, 80, 90],
    ]);
    const { hidden, counts } = suppressCells(table, 10);
    expect(counts.primary).toBe(1);
    expect(counts.complementary).toBeGreaterThanOrEqual(3); // a rectangle at least
    expectProtected(table, hidden, 10);
  });

  it("two small cells on a diagonal: every line has two hidden, yet the attacker learns a bound; it stays wide", () => {
    const table = crossTable([
      [3, 20],
      [15, 1],
    ]);
    const { hidden } = suppressCells(table, 10);
    expectProtected(table, hidden, 10);
  });

  it("a pattern with two hidden cells in every line can still pin a cell (a bridge between two cycles); the audit widens it", () => {
    const table = crossTable([
      [3, 15, 20, 30],
      [12, 18, 2, 25],
      [40, 22, 16, 11],
      [35, 27, 13, 19],
    ]);
    const bridge: CellRef[] = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [1, 2],
    ];
    const pattern = only(table, bridge);
    // Every line has zero or at least two hidden cells: the naive fixed point is reached...
    for (const line of table.lines) expect([...line.parts, line.total].filter(([r, c]) => pattern[r]![c]).length).not.toBe(1);
    // ...but the bridge cell (the 2) is recovered exactly.
    expect(attack(table, pattern).find((b) => b.cell[0] === 1 && b.cell[1] === 2)).toMatchObject({ lo: 2, hi: 2 });
    expect(unprotectedCells(table, pattern, 10, table.values.map((row) => row.map((v) => v > 0 && v < 10)))).toContainEqual([1, 2]);
    // Starting from that pattern (as if a linked table forced it), the module widens until the attacker fails.
    const { hidden } = suppressCells({ ...table, forced: bridge }, 10);
    expectProtected(table, hidden, 10);
  });

  it("a cell hidden with a zero as its only complement is narrow ([0, v]); a non-zero complement is chosen", () => {
    // One line only: three parts and their total.
    const table: SuppressionTable = { values: [[3, 0, 50, 53]], lines: [{ parts: [[0, 0], [0, 1], [0, 2]], total: [0, 3] }] };
    expect(attack(table, only(table, [[0, 0], [0, 1]]))[0]).toMatchObject({ lo: 0, hi: 3 });
    const { hidden } = suppressCells(table, 10);
    expect(hidden[0]![1]).toBe(false);
    expectProtected(table, hidden, 10);
  });

  it("a table of nothing but small counts hides every non-zero cell, totals included", () => {
    const table = crossTable([
      [1, 2],
      [3, 0],
    ]);
    const { hidden } = suppressCells(table, 10);
    expect(hiddenCells(hidden)).toHaveLength(8); // all but the zero: 3 counts, 4 margins, the grand total
    expectProtected(table, hidden, 10);
  });

  it("a small total is itself hidden, and protected", () => {
    const table = crossTable([
      [2, 3],
      [40, 50],
    ]);
    const { hidden } = suppressCells(table, 10);
    expect(hidden[0]![2]).toBe(true); // the row total 5
    expectProtected(table, hidden, 10);
  });
});

describe("stage tables (groups × stages, nested stages, an All row)", () => {
  // applied ≥ enrolled ≥ completed; placed ≤ enrolled
  const NESTING = [
    [1, 0],
    [2, 1],
    [3, 1],
  ] as const;

  it("uses the nesting too: a small 'completed' next to a visible 'enrolled' stays wide", () => {
    const table = stageTable(
      [
        [40, 30, 4, 12],
        [25, 20, 15, 11],
        [60, 50, 30, 28],
        [12, 11, 2, 0],
      ],
      NESTING,
    );
    const { hidden } = suppressCells(table, 10);
    expectProtected(table, hidden, 10);
  });

  it("honours cells forced by a linked table (the All row shared by every breakdown)", () => {
    const table = stageTable(
      [
        [40, 30, 14, 12],
        [25, 20, 15, 11],
      ],
      NESTING,
    );
    const forced: CellRef[] = [[2, 2]];
    const { hidden } = suppressCells({ ...table, forced }, 10);
    expect(hidden[2]![2]).toBe(true);
    expectProtected(table, hidden, 10);
  });
});

/** A deterministic generator, so a failure is reproducible. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("random tables", () => {
  const rand = random(20261201);
  /** Counts as a partnership's are: many zeros and small groups, some large ones. */
  const count = () => {
    const u = rand();
    if (u < 0.2) return 0;
    if (u < 0.55) return 1 + Math.floor(rand() * 9);
    return 10 + Math.floor(rand() * 60);
  };

  it("cross tables with both margins: 150 tables, every hidden cell wide", () => {
    for (let i = 0; i < 150; i++) {
      const R = 2 + Math.floor(rand() * 4);
      const C = 2 + Math.floor(rand() * 4);
      const table = crossTable(Array.from({ length: R }, () => Array.from({ length: C }, count)));
      const threshold = rand() < 0.5 ? 10 : 5;
      expectProtected(table, suppressCells(table, threshold).hidden, threshold);
    }
  });

  it("stage tables with nesting: 120 tables, every hidden cell wide", () => {
    for (let i = 0; i < 120; i++) {
      const R = 2 + Math.floor(rand() * 6);
      const groups = Array.from({ length: R }, () => {
        const applied = count();
        const enrolled = Math.floor(applied * rand());
        const completed = Math.floor(enrolled * rand());
        const placed = Math.floor(enrolled * rand());
        return [applied, enrolled, completed, placed];
      });
      const table = stageTable(groups, [
        [1, 0],
        [2, 1],
        [3, 1],
      ]);
      expectProtected(table, suppressCells(table, 10).hidden, 10);
    }
  });
});
