/**
 * The attacker of SPEC §6, written apart from the code it attacks: it reads every output of one
 * register — classify and reasons with and without --total and --region, and the report's
 * register charts — builds the equations they publish (reason groups add up to recipients,
 * rows add up to each Totalt, long-term and very long-term are at most the recipients, hidden
 * cells are whole numbers ≥ 1), and asks an integer-programming solver for the smallest and
 * largest value of every hidden cell. No hidden cell may be fixed, and none below the threshold
 * may be capped below it. The outputs are made in-process by the code the CLI runs
 * (runRegisterTable, the report's plan), as CSV.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { regionOf } from '../../src/cli/region.js';
import { GR } from '../../src/domain/municipalities.js';
import { DEFAULT_SUPPRESS } from '../../src/domain/suppress.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { openSource } from '../../src/io/source.js';
import { formatTable } from '../../src/io/write-table.js';
import { runRegisterTable } from '../../src/pipeline/register.js';
import { DEFAULT_SAMPLE, generateSample } from '../../src/sample/generate.js';
import { csvObjects } from '../helpers.js';
import { planned, rows } from '../report/planned.js';
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

/**
 * What `bistand classify|reasons REGISTER --year 2021 [--region R] [--total] [--no-suppress]`
 * prints, run in-process: the same pipeline and CSV, without a process per run.
 */
async function printed(cmd: 'classify' | 'reasons', register: string, o: { region?: string; total?: boolean; open?: boolean }): Promise<Record<string, string>[]> {
  const { result } = await runRegisterTable(await openSource(register), {
    table: cmd,
    years: [2021],
    gapRule: 'internal',
    municipalities: loadMunicipalities(),
    suppress: o.open ? { ...DEFAULT_SUPPRESS, enabled: false } : DEFAULT_SUPPRESS,
    region: o.region ? regionOf(o.region) : undefined,
    total: Boolean(o.total),
    collectRejects: false,
  });
  return csvObjects(formatTable(result.table, 'csv'));
}

const CUSTOM = GR.codes.filter((k) => k !== '1480' && k !== '1384');

async function attack(register: string, name: string) {
  const pub = new Published();
  const truth = new Map<string, number>();
  const custom = join(dir, `${name}-region.txt`);
  writeFileSync(custom, CUSTOM.join('\n') + '\n');
  // every region a command can print — the built-in ones, two counties (Västra Götaland holds 12
  // of GR's 13, Halland the 13th), Riket — and a custom region inside them
  const regions: { region?: string; total?: boolean }[] = [{}, { total: true }, ...['gr', 'storstad', '14', '13', 'riket', custom].map((region) => ({ region, total: true }))];
  const runs = (['classify', 'reasons'] as const).flatMap((cmd) => regions.map((o) => [cmd, o] as const));
  const measuresOf = (cmd: string) => (cmd === 'classify' ? ['recipients', 'long_term', 'very_long_term'] : ['recipients', ...GROUPS]);
  for (const [cmd, o] of runs) readTable(pub, await printed(cmd, register, o), measuresOf(cmd), cmd === 'reasons');
  // the true values of every cell the runs print: the municipalities and each total
  for (const [cmd, o] of runs.filter(([, o]) => o.total)) {
    const open = new Published();
    readTable(open, await printed(cmd, register, { ...o, open: true }), measuresOf(cmd), false);
    for (const [k, v] of open.shown) truth.set(k, v);
  }
  const { plan } = await planned(['--year', '2021', '--no-png', '--register', register]);
  const chart = async (f: string) => (await rows(plan, `region/${f}`)).filter((r) => r.year === '2021');
  const present = (await printed('classify', register, { open: true })).map((r) => r.kommun_code).filter((k) => GR.codes.includes(k));
  readChart(pub, await chart('d4-langvarigt-per-kommun.csv'), { Långvarigt: 'long_term', Mycket: 'very_long_term' }, present);
  readChart(pub, await chart('d5-forsorjningshinder.csv'), { Arbetslöshet: 'unemployment', Ohälsa: 'ill_health', 'Sociala skäl': 'social' }, present);
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
        // `bistand sample --persons N --seed S`
        const register = join(dir, `r${persons}-${seed}.csv`);
        const parts: string[] = [];
        generateSample({ ...DEFAULT_SAMPLE, persons, seed }, (t) => parts.push(t));
        writeFileSync(register, parts.join(''));
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
