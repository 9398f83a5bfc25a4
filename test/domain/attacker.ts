/**
 * The attacker of SPEC §6, written apart from the code it attacks: published cells (values and
 * hidden ones), the equations a reader knows (sums, at-most relations), and an integer-programming
 * solver asked for the smallest and largest value of each hidden cell, a whole number ≥ 1.
 */
import highsModule from 'highs';
import { expect } from 'vitest';

export type Solver = { solve(lp: string, o?: object): { Status: string; ObjectiveValue: number } };
export const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Solver>;

/** Published cells: known values, and the hidden ones as unknowns. */
export class Published {
  shown = new Map<string, number>();
  hidden = new Set<string>();
  sums: { total: string; parts: string[] }[] = [];
  atMost: [string, string][] = [];
  conflicts: string[] = [];

  cell(key: string, v: string): void {
    if (v === '' || v === undefined) return;
    if (v === 'X') {
      if (this.shown.has(key)) this.conflicts.push(key);
      this.hidden.add(key);
    } else {
      if (this.hidden.has(key)) this.conflicts.push(key);
      this.shown.set(key, Number(v));
    }
  }
}

/**
 * Without HiGHS's feasibility jump heuristic: a program's optimum is the same (checked on every
 * cell of the three attacks), found in about half the CPU time (docs/performance.md).
 */
const OPTIONS = { output_flag: false, mip_heuristic_run_feasibility_jump: false };

/** The smallest and largest value of hidden cell x that everything published allows. */
export function bounds(solve: Solver, pub: Published, x: string): [number, number] {
  const vars = [...pub.hidden];
  const name = new Map(vars.map((v, i) => [v, `v${i}`]));
  const lines: string[] = [];
  const linear = (plus: string[], minus: string[], op: string) => {
    let k = 0;
    const t: string[] = [];
    for (const p of plus) (name.has(p) ? t.push(`+ ${name.get(p)}`) : (k += pub.shown.get(p) ?? 0));
    for (const m of minus) (name.has(m) ? t.push(`- ${name.get(m)}`) : (k -= pub.shown.get(m) ?? 0));
    if (t.length) lines.push(` c${lines.length}: ${t.join(' ')} ${op} ${-k}`);
  };
  for (const s of pub.sums) linear(s.parts, [s.total], '=');
  for (const [a, b] of pub.atMost) linear([a], [b], '<=');
  const lp = (sense: string) =>
    [sense, ` obj: ${name.get(x)}`, 'Subject To', ...lines, 'Bounds', ...vars.map((v) => ` ${name.get(v)} >= 1`), 'General', ` ${vars.map((v) => name.get(v)).join(' ')}`, 'End'].join('\n');
  const hi = solve.solve(lp('Maximize'), OPTIONS);
  const lo = solve.solve(lp('Minimize'), OPTIONS);
  expect(lo.Status, x).toBe('Optimal');
  return [Math.round(lo.ObjectiveValue), hi.Status === 'Optimal' ? Math.round(hi.ObjectiveValue) : Infinity];
}

/** x's true value lies in its bounds, which are not one value, and a small count can reach `min`. */
export function expectProtected(solve: Solver, pub: Published, x: string, truth: number, min: number): void {
  const [lo, hi] = bounds(solve, pub, x);
  expect(lo <= truth && truth <= hi, `${x}: ${truth} outside [${lo}, ${hi}]`).toBe(true);
  expect(hi > lo, `${x} is fixed at ${lo}`).toBe(true);
  if (truth < min) expect(hi, `${x} (${truth}) is capped at ${hi}`).toBeGreaterThanOrEqual(min);
}
