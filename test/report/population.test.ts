/**
 * The report's population from SCB's forms — the web export (years wide, single ages by sex, a
 * title line, Windows-1252), a PC-Axis file, the API v2's JSON-stat by month — gives the D1 of the
 * long file it was made from: the readers sum ages and sexes and take December as an analyst would.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { encodeCp1252 } from '../../src/io/encoding.js';
import { planned, text } from './planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-population-'));
const sample = (f: string) => join(ROOT, 'data/sample', f);

/** `n` whole numbers that add up to `v`. */
const spread = (v: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(v / n) + (i < v % n ? 1 : 0));

function wideExport(): Buffer {
  const names = new Map(
    readFileSync(join(ROOT, 'data/kommuner.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(',') as [string, string]),
  );
  const long = readFileSync(sample('population.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
  const years = [...new Set(long.map((r) => r[1]))];
  const cells = new Map<string, number[]>(); // kommun|sex → the years' values, per age
  const lines = ['"Folkmängd efter region, ålder, kön och år"', '', ['region', 'ålder', 'kön', ...years.map((y) => `Folkmängd ${y}`)].map((h) => `"${h}"`).join(',')];
  const codes = [...new Set(long.map((r) => r[0]))];
  for (const code of codes) {
    const perYear = years.map((y) => {
      const [, , total, adults] = long.find((r) => r[0] === code && r[1] === y)!;
      return [...spread(Number(total) - Number(adults), 18), ...spread(Number(adults), 83)];
    });
    for (let age = 0; age <= 100; age++) {
      for (const [sex, half] of [['män', (v: number) => Math.floor(v / 2)], ['kvinnor', (v: number) => v - Math.floor(v / 2)]] as const) {
        const values = perYear.map((ages) => half(ages[age]));
        lines.push([`"${code} ${names.get(code)}"`, `"${age === 100 ? '100+' : age} år"`, `"${sex}"`, ...values].join(','));
        cells.set(`${code}|${sex}|${age}`, values);
      }
    }
  }
  return encodeCp1252(lines.join('\r\n') + '\r\n');
}


/** The sample's population as SCB's PC-Axis download writes it: codes and labels, ages total and 18+, ISO-8859-1. */
function pcAxis(): Buffer {
  const long = readFileSync(sample('population.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
  const codes = [...new Set(long.map((r) => r[0]))];
  const years = [...new Set(long.map((r) => r[1]))];
  const names = new Map(readFileSync(join(ROOT, 'data/kommuner.csv'), 'utf8').trim().split('\n').map((l) => l.split(',') as [string, string]));
  const q = (xs: string[]) => xs.map((x) => `"${x}"`).join(',');
  const data = codes.flatMap((c) => ['total', 'adults'].map((age) => years.map((y) => long.find((r) => r[0] === c && r[1] === y)![age === 'total' ? 2 : 3]).join(' ')));
  const text = [
    'CHARSET="ANSI";',
    'AXIS-VERSION="2010";',
    'LANGUAGE="sv";',
    'LANGUAGES="sv","en";',
    'MATRIX="BE0101N1";',
    'TITLE="Folkmängd efter region, ålder och år";',
    'TITLE[en]="Population by region, age and year";',
    'CONTENTS="Folkmängd";',
    'UNITS="antal";',
    'STUB="region","ålder";',
    'HEADING="år";',
    `VALUES("region")=${q(codes.map((c) => `${c} ${names.get(c)}`))};`,
    `CODES("region")=${q(codes)};`,
    'VALUES("ålder")="totalt ålder","18 år och äldre";',
    'CODES("ålder")="tot","18+";',
    `VALUES("år")=${q(years)};`,
    `TIMEVAL("år")=TLIST(A1),${q(years)};`,
    'DATA=',
    ...data,
    ';',
  ];
  return encodeCp1252(text.join('\r\n') + '\r\n');
}


/** The sample's population as SCB's PxWebApi 2.0 answers (JSON-stat 2.0): by month, TotSa, the index an object. */
function jsonStat(): string {
  const long = readFileSync(sample('population.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
  const codes = [...new Set(long.map((r) => r[0]))];
  const years = [...new Set(long.map((r) => r[1]))];
  const months = years.flatMap((y) => [`${y}M11`, `${y}M12`]);
  const ages = ['tot', '18+'];
  const value: number[] = [];
  for (const c of codes)
    for (const a of ages)
      for (const m of months) {
        const r = long.find((x) => x[0] === c && x[1] === m.slice(0, 4))!;
        // November a little lower: December is the year's figure
        value.push(Number(a === 'tot' ? r[2] : r[3]) - (m.endsWith('M11') ? 7 : 0));
      }
  const index = (xs: string[]) => Object.fromEntries(xs.map((x, i) => [x, i]));
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    label: 'Folkmängden per månad efter region, ålder, kön och månad',
    id: ['Region', 'Alder', 'Kon', 'Tid'],
    size: [codes.length, ages.length, 1, months.length],
    dimension: {
      Region: { label: 'region', category: { index: index(codes), label: Object.fromEntries(codes.map((c) => [c, `${c} kommun`])) } },
      Alder: { label: 'ålder', category: { index: index(ages), label: { tot: 'totalt ålder', '18+': '18+ år' } } },
      Kon: { label: 'kön', category: { index: { TotSa: 0 }, label: { TotSa: 'totalt, samtliga män och kvinnor' } } },
      Tid: { label: 'månad', category: { index: index(months), label: Object.fromEntries(months.map((m) => [m, m])) } },
    },
    value,
  });
}

/**
 * The same population in each of SCB's forms gives the report the D1 and the trend the long file
 * gives (three municipalities are enough for the comparison, and a third of the files to plan).
 */
describe('population as SCB gives it', () => {
  const region = join(dir, 'tre-kommuner.txt');
  writeFileSync(region, '1481\n1402\n1407\n');
  // (counts not hidden: the pattern is the same whatever the population, and was most of the time)
  const run = (pop: string) => planned(['--year', '2021', '--no-png', '--no-suppress', '--region', region, '--register', sample('register.csv'), '--population', pop]);
  let longFile: ReturnType<typeof run> | undefined;
  const forms: [string, string, () => Buffer | string, string][] = [
    ["the web export (years wide, single ages by sex, a title, Windows-1252)", 'BE0101_befolkning.csv', wideExport, 'read as population'],
    ['a PC-Axis file', 'BE0101N1.px', pcAxis, 'read as population (PC-Axis)'],
    ["the API v2's JSON-stat by month (December is the year's)", 'TAB6471.json', jsonStat, 'read as population (JSON-stat 2.0)'],
  ];
  for (const [name, file, make, layout] of forms)
    it(`${name}: the D1 of the long file`, async () => {
      writeFileSync(join(dir, file), make());
      const long = await (longFile ??= run(sample('population.csv')));
      const given = await run(join(dir, file));
      expect(given.stderr).toContain(layout);
      for (const f of ['region/d1-andel-av-befolkningen.csv', 'kommun/1481-molndal/trend-utveckling.csv']) {
        const want = await text(long.plan, f);
        expect(want.split('\n').length).toBeGreaterThan(3);
        expect(await text(given.plan, f), f).toBe(want);
      }
    });
});
