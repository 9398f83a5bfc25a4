import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPRESS, PRIMARY, SECONDARY, SHOWN, SumRelation, SuppressionGrid, share, suppressCells } from '../../src/domain/suppress.js';

/**
 * The attacker: knows every printed cell and every printed sum, and solves any sum with a
 * single unknown, again and again, so chains of sums are followed too. Returns what it learnt.
 */
function attack(values: number[], hidden: Uint8Array, sums: SumRelation[]): Map<number, number> {
  const known = new Map<number, number>();
  values.forEach((v, i) => {
    if (hidden[i] === SHOWN) known.set(i, v);
  });
  const learnt = new Map<number, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const s of sums) {
      const members = [s.total, ...s.parts];
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length !== 1) continue;
      const u = unknown[0];
      const partsKnown = s.parts.reduce((a, p) => a + (p === u ? 0 : known.get(p)!), 0);
      const v = u === s.total ? partsKnown : known.get(s.total)! - partsKnown;
      known.set(u, v);
      learnt.set(u, v);
      progress = true;
    }
  }
  return learnt;
}

/** A table of r × c cells with row totals, column totals and a grand total, as flat cells. */
function grid(cells: number[][]): { values: number[]; sums: SumRelation[] } {
  const r = cells.length;
  const c = cells[0].length;
  const values: number[] = [];
  const at = (i: number, j: number) => i * (c + 1) + j;
  for (let i = 0; i <= r; i++)
    for (let j = 0; j <= c; j++) {
      if (i < r && j < c) values.push(cells[i][j]);
      else if (i < r) values.push(cells[i].reduce((a, b) => a + b, 0));
      else if (j < c) values.push(cells.reduce((a, row) => a + row[j], 0));
      else values.push(cells.flat().reduce((a, b) => a + b, 0));
    }
  const sums: SumRelation[] = [];
  for (let i = 0; i <= r; i++) sums.push({ total: at(i, c), parts: Array.from({ length: c }, (_, j) => at(i, j)) });
  for (let j = 0; j <= c; j++) sums.push({ total: at(r, j), parts: Array.from({ length: r }, (_, i) => at(i, j)) });
  return { values, sums };
}

const smallCells = fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), { minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 8 }).map((rows) => {
  const c = Math.min(...rows.map((r) => r.length));
  return rows.map((r) => r.slice(0, c));
});

describe('suppression', () => {
  it('hides counts 1–4, shows zero and counts from 5', () => {
    const st = suppressCells([0, 1, 4, 5, 100, null], [], DEFAULT_SUPPRESS);
    expect([...st]).toEqual([SHOWN, PRIMARY, PRIMARY, SHOWN, SHOWN, SHOWN]);
  });

  it('hides the smallest other part when a row total would give a hidden cell away', () => {
    // recipients 40 = 20 + 12 + 3 + 5 + 0: the 3 would be 40 − 37
    const st = suppressCells([40, 20, 12, 3, 5, 0], [{ total: 0, parts: [1, 2, 3, 4, 5] }], DEFAULT_SUPPRESS);
    expect([...st]).toEqual([SHOWN, SHOWN, SHOWN, PRIMARY, SECONDARY, SHOWN]);
  });

  it('is off with enabled: false', () => {
    expect([...suppressCells([1, 2], [], { ...DEFAULT_SUPPRESS, enabled: false })]).toEqual([SHOWN, SHOWN]);
  });

  it('shares: hidden with a hidden count or a small denominator', () => {
    expect(share(3, 'X', DEFAULT_SUPPRESS)).toBe('X');
    expect(share('X', 40, DEFAULT_SUPPRESS)).toBe('X');
    expect(share(5, 9, DEFAULT_SUPPRESS)).toBe('X');
    expect(share(5, 10, DEFAULT_SUPPRESS)).toBe(50);
    expect(share(0, 0, DEFAULT_SUPPRESS)).toBeNull();
  });

  it('the attacker recovers nothing from random tables with many small cells (rows, columns, chains)', () => {
    fc.assert(
      fc.property(smallCells, (cells) => {
        const { values, sums } = grid(cells);
        const hidden = suppressCells(values, sums, DEFAULT_SUPPRESS);
        expect(attack(values, hidden, sums).size).toBe(0);
        // no count from 1 to 4 is printed
        values.forEach((v, i) => {
          if (v > 0 && v < 5) expect(hidden[i]).not.toBe(SHOWN);
        });
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it('the choice is deterministic', () => {
    const { values, sums } = grid([
      [3, 8, 8, 20],
      [9, 2, 30, 8],
      [40, 50, 60, 70],
    ]);
    expect([...suppressCells(values, sums, DEFAULT_SUPPRESS)]).toEqual([...suppressCells(values, sums, DEFAULT_SUPPRESS)]);
  });

  it('over-suppression stays low on realistic tables (13 municipalities × 5 reason groups with totals)', () => {
    // reason counts shaped like a GR year: Göteborg large, small municipalities with small groups
    const sizes = [1723, 226, 178, 150, 143, 126, 126, 120, 110, 89, 55, 44, 34];
    const shares = [0.42, 0.29, 0.09, 0.12, 0.08];
    const cells = sizes.map((n) => shares.map((s) => Math.round(n * s)));
    const { values, sums } = grid(cells);
    const hidden = suppressCells(values, sums, DEFAULT_SUPPRESS);
    const primary = [...hidden].filter((h) => h === PRIMARY).length;
    const secondary = [...hidden].filter((h) => h === SECONDARY).length;
    expect(attack(values, hidden, sums).size).toBe(0);
    expect(primary).toBeGreaterThan(0);
    // at most one extra cell hidden per primary cell, and never a large share of the table
    expect(secondary).toBeLessThanOrEqual(primary + 1);
    expect(secondary / values.length).toBeLessThan(0.1);
  });
});

describe('SuppressionGrid', () => {
  it('lays out cells and their printed totals once: a lone hidden part of a total takes a second one with it', () => {
    const grid = new SuppressionGrid();
    const parts = [12, 3, 7, 30].map((v) => grid.add(v));
    const total = grid.addTotal(parts);
    expect(grid.value(total)).toBe(52);
    grid.suppress(DEFAULT_SUPPRESS);
    expect([...parts, total].map((i) => grid.shown(i))).toEqual([12, 'X', 'X', 30, 52]);
    expect(grid.hidden()).toEqual({ primary: 1, secondary: 1, cells: 5 });
  });

  it('a total of a part that is not available is not available, and no sum', () => {
    const grid = new SuppressionGrid();
    const parts = [grid.add(2), grid.add(null), grid.add(9)];
    const total = grid.addTotal(parts);
    grid.suppress(DEFAULT_SUPPRESS);
    expect([...parts, total].map((i) => grid.shown(i))).toEqual(['X', null, 9, null]);
  });
});
