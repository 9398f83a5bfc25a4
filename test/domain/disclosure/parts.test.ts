/**
 * The parts of the breakdowns under the attacker of SPEC §6: every output of one register —
 * classify and reasons, each without a breakdown, with `--total`, `--by sex` and `--by age` —
 * published together, with every sum a reader knows (the parts add up to their municipality,
 * the municipalities to the total, the reason groups to the recipients, long-term at most the
 * recipients). No hidden count, of a municipality or of a part, can be fixed or proved below
 * the threshold; and a breakdown changes nothing of the municipalities' own cells.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../../src/domain/reasons.js';
import { ROOT, command, csvObjects } from '../../helpers.js';
import { Published, Solver, expectProtected, loadHighs } from '../attacker.js';

const REGISTER = join(ROOT, 'data/sample/register.csv');
const MIN = 5;
const BY = { sex: 'sex', age: 'age_group' } as const;
const COUNTS = { classify: ['recipients', 'long_term', 'very_long_term'], reasons: ['recipients', ...GROUPS] } as const;

type Rows = Record<string, string>[];
const run = async (args: string[]): Promise<Rows> => csvObjects((await command(args)).stdout);

describe('the breakdowns’ parts, published with every other output of the register', () => {
  const pub = new Published();
  const truth = new Map<string, number>();
  let solve: Solver;
  const outputs: Record<string, Rows> = {};

  beforeAll(async () => {
    solve = await loadHighs();
    for (const cmd of ['classify', 'reasons'] as const)
      for (const extra of [[], ['--total'], ['--by', 'sex'], ['--by', 'age']]) {
        const args = [cmd, REGISTER, '--year', '2021', ...extra];
        const [shown, open] = await Promise.all([run(args), run([...args, '--no-suppress'])]);
        outputs[`${cmd} ${extra.join(' ')}`] = shown;
        const by = extra[0] === '--by' ? (extra[1] as keyof typeof BY) : undefined;
        for (const row of shown) {
          const area = row.kommun_code || 'total';
          const part = by ? `|${row[BY[by]]}` : '';
          const same = open.find((o) => o.kommun_code === row.kommun_code && (!by || o[BY[by]] === row[BY[by]]))!;
          for (const m of COUNTS[cmd]) {
            const key = `${m}|${area}${part}`;
            pub.cell(key, row[m]);
            truth.set(key, Number(same[m]));
          }
        }
      }
    // what a reader knows, of the cells published: each row's sums and subsets; a total the sum of
    // its municipalities; the parts of each breakdown the sum of their municipality
    const known = (k: string) => pub.shown.has(k) || pub.hidden.has(k);
    const sum = (total: string, parts: string[]) => parts.length > 0 && [total, ...parts].every(known) && pub.sums.push({ total, parts });
    const atMost = (a: string, b: string) => known(a) && known(b) && pub.atMost.push([a, b]);
    const areas = new Set([...truth.keys()].map((k) => k.split('|').slice(1).join('|')));
    for (const a of areas) {
      sum(`recipients|${a}`, GROUPS.map((g) => `${g}|${a}`));
      atMost(`long_term|${a}`, `recipients|${a}`);
      atMost(`very_long_term|${a}`, `recipients|${a}`);
    }
    const codes = outputs['classify '].map((r) => r.kommun_code);
    for (const m of [...COUNTS.classify, ...GROUPS]) {
      sum(`${m}|total`, codes.map((c) => `${m}|${c}`));
      for (const [by, column] of Object.entries(BY))
        for (const c of codes) sum(`${m}|${c}`, outputs[`classify --by ${by}`].filter((r) => r.kommun_code === c).map((r) => `${m}|${c}|${r[column]}`));
    }
  }, 60_000);

  it('agree on every cell they share, show no count from 1 to 4, and leave few municipalities’ parts out', () => {
    expect(pub.conflicts).toEqual([]);
    for (const [k, v] of truth) if (pub.shown.has(k) && v > 0) expect(v, k).toBeGreaterThanOrEqual(MIN);
    // three parts a municipality: most of the 13 municipalities keep theirs
    expect(outputs['classify --by sex'].length / 3).toBeGreaterThanOrEqual(8);
  });

  it('no hidden count is fixed or bounded below the threshold', () => {
    expect(pub.hidden.size).toBeGreaterThan(20);
    // the reader's sums hold for the open counts (else the attacker's bounds would mean nothing)
    const val = (k: string) => truth.get(k) ?? NaN;
    expect(pub.sums.filter((q) => q.parts.reduce((a, k) => a + val(k), 0) !== val(q.total))).toEqual([]);
    expect(pub.atMost.filter(([a, b]) => !(val(a) <= val(b)))).toEqual([]);
    for (const x of pub.hidden) expectProtected(solve, pub, x, truth.get(x)!, MIN);
  });
});
