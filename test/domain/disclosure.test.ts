/**
 * The attacker of SPEC §6, written apart from the code it attacks: it reads every output of one
 * register — classify and reasons with and without --total and --region, and the report's
 * register charts — builds the equations they publish (reason groups add up to recipients,
 * rows add up to each Totalt, long-term and very long-term are at most the recipients, hidden
 * cells are whole numbers ≥ 1), and asks an integer-programming solver for the smallest and
 * largest value of every hidden cell. No hidden cell may be fixed, and none below the threshold
 * may be capped below it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GR } from '../../src/domain/municipalities.js';
import { cliAsync, csvObjects } from '../helpers.js';
import { Published, Solver, expectProtected, loadHighs } from './attacker.js';

const GROUPS = ['unemployment', 'ill_health', 'social', 'other', 'missing'];
const MIN = 5;
const dir = mkdtempSync(join(tmpdir(), 'bistand-attack-'));

function readTable(pub: Published, rows: Record<string, string>[], measures: string[], reasons: boolean): void {
  const munis = rows.filter((r) => r.kommun_name !== 'Totalt');
  const area = (r: Record<string, string>) => (r.kommun_name === 'Totalt' ? `total:${munis.map((m) => m.kommun_code).sort().join(',')}` : r.kommun_code);
  for (const r of rows) {
    for (const m of measures) pub.cell(`${m}|${area(r)}`, r[m]);
    if (reasons) pub.sums.push({ total: `recipients|${area(r)}`, parts: GROUPS.map((g) => `${g}|${area(r)}`) });
    for (const m of ['long_term', 'very_long_term']) if (measures.includes(m) && r[m] !== '') pub.atMost.push([`${m}|${area(r)}`, `recipients|${area(r)}`]);
  }
  const total = rows.find((r) => r.kommun_name === 'Totalt');
  if (total) for (const m of measures) if (total[m] !== '') pub.sums.push({ total: `${m}|${area(total)}`, parts: munis.map((r) => `${m}|${r.kommun_code}`) });
}

/** The report's register charts: numerators and denominators per municipality and the region's pooled figure. */
function readChart(pub: Published, rows: Record<string, string>[], series: Record<string, string>, regionCodes: string[]): void {
  for (const r of rows) {
    const m = Object.entries(series).find(([s]) => r.series.startsWith(s))?.[1];
    if (!m || (r.kommun_code === 'gr' && r.region_figure !== 'pooled')) continue;
    const area = r.kommun_code === 'gr' ? `total:${[...regionCodes].sort().join(',')}` : r.kommun_code;
    pub.cell(`${m}|${area}`, r.numerator);
    pub.cell(`recipients|${area}`, r.denominator);
  }
}

/** The jobs' results in order, at most two running at once. */
async function twoAtATime<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all([lane(), lane()]);
  return out;
}

/** GR less Göteborg and Kungsbacka: a custom region nested in two built-in ones. */
const CUSTOM = GR.codes.filter((k) => k !== '1480' && k !== '1384');

async function attack(register: string, name: string) {
  const pub = new Published();
  const truth = new Map<string, number>();
  const custom = join(dir, `${name}-region.txt`);
  writeFileSync(custom, CUSTOM.join('\n') + '\n');
  const runs: [string, string[]][] = [];
  // every region a command can print — the built-in ones, two counties (Västra Götaland holds 12
  // of GR's 13, Halland the 13th), Riket — and a custom region inside them
  const regions = [[], ['--total'], ...['gr', 'storstad', '14', '13', 'riket', custom].map((r) => ['--region', r, '--total'])];
  for (const cmd of ['classify', 'reasons']) for (const extra of regions) runs.push([cmd, extra]);
  const measuresOf = (cmd: string) => (cmd === 'classify' ? ['recipients', 'long_term', 'very_long_term'] : ['recipients', ...GROUPS]);
  // asynchronously, two at a time: each run audits its pattern with an LP, and eight at once on
  // two cores starved the other test worker past vitest's 60 s RPC timeout
  const published = await twoAtATime(runs.map(([cmd, extra]) => () => cliAsync([cmd, register, '--year', '2021', ...extra])));
  published.forEach((r, i) => {
    expect(r.status, r.stderr).toBe(0);
    readTable(pub, csvObjects(r.stdout), measuresOf(runs[i][0]), runs[i][0] === 'reasons');
  });
  // the true values of every cell the runs print: the municipalities and each total
  const truthRuns = runs.filter(([, extra]) => extra.length);
  const open = await twoAtATime(truthRuns.map(([cmd, extra]) => () => cliAsync([cmd, register, '--year', '2021', '--no-suppress', ...extra])));
  open.forEach((r, i) => {
    const o = new Published();
    readTable(o, csvObjects(r.stdout), measuresOf(truthRuns[i][0]), false);
    for (const [k, v] of o.shown) truth.set(k, v);
  });
  const out = join(dir, name);
  const rep = await cliAsync(['report', '--year', '2021', '--no-png', '--register', register, '--out', out]);
  expect(rep.status, rep.stderr).toBe(0);
  const chart = (f: string) => csvObjects(readFileSync(join(out, 'region', f), 'utf8')).filter((r) => r.year === '2021');
  const present = csvObjects((await cliAsync(['classify', register, '--year', '2021', '--no-suppress'])).stdout).map((r) => r.kommun_code).filter((k) => GR.codes.includes(k));
  readChart(pub, chart('d4-langvarigt-per-kommun.csv'), { Långvarigt: 'long_term', Mycket: 'very_long_term' }, present);
  readChart(pub, chart('d5-forsorjningshinder.csv'), { Arbetslöshet: 'unemployment', Ohälsa: 'ill_health', 'Sociala skäl': 'social' }, present);
  return { pub, truth };
}

describe('an integer-programming attacker with every output of one register', () => {
  let solve: Solver;
  beforeAll(async () => {
    solve = await loadHighs();
  });

  // each register's attack split into several tests: vitest's worker must report to its runner
  // within 60 s, and one test of all cells ran longer than that under load
  const PARTS = 4;
  for (const [persons, seed] of [
    [700, 3],
    [450, 11],
  ] as const) {
    describe(`${persons} persons, seed ${seed}`, () => {
      let pub: Awaited<ReturnType<typeof attack>>['pub'];
      let truth: Awaited<ReturnType<typeof attack>>['truth'];
      beforeAll(async () => {
        const register = join(dir, `r${persons}-${seed}.csv`);
        expect((await cliAsync(['sample', '--persons', String(persons), '--seed', String(seed), '-o', register])).status).toBe(0);
        ({ pub, truth } = await attack(register, `r${persons}-${seed}`));
      }, 300_000);

      it('every output agrees on what is hidden; small counts are hidden; large groups stay visible', () => {
        expect(pub.conflicts).toEqual([]);
        expect(pub.hidden.size).toBeGreaterThan(5);
        const small = [...pub.hidden].filter((x) => (truth.get(x) ?? 0) > 0 && truth.get(x)! < MIN);
        expect(small.length).toBeGreaterThan(0);
        expect(pub.shown.get('recipients|1480')).toBe(truth.get('recipients|1480'));
      });

      for (let part = 0; part < PARTS; part++)
        it(`recovers no hidden count and bounds none below ${MIN} (cells ${part + 1} of every ${PARTS})`, async () => {
          const cells = [...pub.hidden].filter((_, i) => i % PARTS === part);
          expect(cells.length).toBeGreaterThan(0);
          for (const x of cells) {
            await new Promise((r) => setImmediate(r));
            expectProtected(solve, pub, x, truth.get(x)!, MIN);
          }
        }, 300_000);
    });
  }
});
