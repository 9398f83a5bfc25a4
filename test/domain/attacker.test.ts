/** The attacker itself: it must see what a careless pattern gives away, or its passes mean nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Published, Solver, bounds, expectProtected, loadHighs } from './attacker.js';

/** A row of three groups and its total; `hide` names the cells printed as X. */
function row(values: Record<string, number>, hide: string[]): Published {
  const pub = new Published();
  for (const [k, v] of Object.entries(values)) pub.cell(k, hide.includes(k) ? 'X' : String(v));
  pub.sums.push({ total: 'total', parts: ['a', 'b', 'c'] });
  return pub;
}

describe('the attacker', () => {
  const values = { a: 2, b: 40, c: 7, total: 49 };
  let solve: Solver;
  beforeAll(async () => {
    solve = await loadHighs();
  });

  it('solves a count hidden alone in a printed sum', () => {
    expect(bounds(solve, row(values, ['a']), 'a')).toEqual([2, 2]);
    expect(() => expectProtected(solve, row(values, ['a']), 'a', 2, 5)).toThrow(/fixed at 2/);
  });

  it('caps a small count whose partner cannot give it enough', () => {
    // a + c = 9 with c ≥ 1: a is at most 8, so a small a is protected; with c = 2, a + c = 4 caps a at 3
    expect(bounds(solve, row(values, ['a', 'c']), 'a')).toEqual([1, 8]);
    expect(() => expectProtected(solve, row({ a: 2, b: 40, c: 2, total: 44 }, ['a', 'c']), 'a', 2, 5)).toThrow(/capped at 3/);
  });

  it('passes a count that two hidden partners let move past the threshold', () => {
    expectProtected(solve, row(values, ['a', 'c']), 'a', 2, 5);
  });
});
