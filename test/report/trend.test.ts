/**
 * A ten-year trend from a twelve-year register (issue 37): each profile's line from the register
 * where it has the year — the register's earlier years counted as its three are — each share the
 * count of an independent reading of the file (the reference classifier) over the population.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE, generateSample } from '../../src/sample/generate.js';
import { parseRegisterText, referenceClassify } from '../reference/classifier.js';
import { paths, planned, rows, spec } from './planned.js';
import { command, csvObjects } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-trend-'));
const register = join(dir, 'register.csv');
const population = join(dir, 'population.csv');
const YEARS = Array.from({ length: 10 }, (_, i) => 2012 + i);
/** adults of a municipality, the same each year: far more than its recipients */
const adults = (code: string) => 20_000 + (Number(code) % 97) * 300;
let text = '';

beforeAll(() => {
  // `bistand sample --persons 1500 --years 12 --seed 11`: GR, 2010–2021
  const parts: string[] = [];
  generateSample({ ...DEFAULT_SAMPLE, persons: 1500, years: 12, seed: 11 }, (t) => parts.push(t));
  text = parts.join('');
  writeFileSync(register, text);
  const codes = DEFAULT_SAMPLE.kommuner;
  writeFileSync(population, ['kommun;år;folkmängd;folkmängd 18+', ...codes.flatMap((k) => YEARS.map((y) => `${k};${y};${Math.round(adults(k) * 1.25)};${adults(k)}`))].join('\n') + '\n');
});

describe('a ten-year trend from a twelve-year register', () => {
  it('draws 2012–2021, each share the independent count over the population; no note of the earlier years', async () => {
    const r = await planned(['--year', '2021', '--register', register, '--population', population, '--trend-years', '10', '--no-suppress', '--no-png']);
    const trend = (await rows(r.plan, 'kommun/1481-molndal/trend-utveckling.csv')).filter((p) => p.kommun_code === '1481');
    expect(trend.map((p) => Number(p.year))).toEqual(YEARS);
    const { rows: ref, hasAge } = parseRegisterText(text);
    for (const y of YEARS) {
      const recipients = referenceClassify(ref, y, 'internal', hasAge).find((x) => x.kommun === '1481')!.recipients;
      expect(Number(trend.find((p) => Number(p.year) === y)!.share_pct), String(y)).toBe(Number(((100 * recipients) / adults('1481')).toFixed(1)));
    }
    // long-term and very long-term over the same years: the reference's counts over its recipients
    const long = (await rows(r.plan, 'kommun/1481-molndal/trend-langvarigt.csv')).filter((p) => p.kommun_code === '1481');
    const veryLong = (await rows(r.plan, 'kommun/1481-molndal/trend-mycket-langvarigt.csv')).filter((p) => p.kommun_code === '1481');
    expect(long.map((p) => Number(p.year))).toEqual(YEARS);
    for (const y of YEARS) {
      const w = referenceClassify(ref, y, 'internal', hasAge).find((x) => x.kommun === '1481')!;
      const at = (t: typeof long) => Number(t.find((p) => Number(p.year) === y)!.share_pct);
      expect([at(long), at(veryLong)], String(y)).toEqual([Number(((100 * w.longTerm) / w.recipients).toFixed(1)), Number(((100 * w.veryLongTerm!) / w.recipients).toFixed(1))]);
    }
    const said = spec(r.plan, 'kommun/1481-molndal/trend-utveckling.vl.json').vconcat[0].title.text.join(' ');
    expect(said).not.toContain('Kolada');
    expect(said).toMatch(/ekonomiskt bistånd 2012–2021, bearbetning/);
    // the report's own years are still its three
    expect([...new Set((await rows(r.plan, 'region/d1-andel-av-befolkningen.csv')).map((p) => p.year))]).toEqual(['2019', '2020', '2021']);
    // notes of the report's years only (the summary gives the window read, 2010-01…2021-12)
    expect(r.stderr.split('\n').filter((l) => !l.startsWith(register)).join('\n')).not.toMatch(/201[0-8]/);
  });

  it('with small counts hidden, each year of each line hides what classify of that year hides, and shows the rest', async () => {
    const r = await planned(['--year', '2021', '--register', register, '--population', population, '--trend-years', '10', '--no-png']);
    // the earlier years' cells are the one pattern's, as classify prints them for those years
    const printed = csvObjects((await command(['classify', register, '--year', '2012-2021'])).stdout);
    let hidden = 0;
    for (const folder of paths(r.plan).filter((f) => f.endsWith('/trend-utveckling.csv'))) {
      const code = folder.split('/')[1].slice(0, 4);
      const trend = (await rows(r.plan, folder)).filter((p) => p.kommun_code === code);
      expect(trend.map((p) => Number(p.year)), code).toEqual(YEARS);
      for (const p of trend) {
        const n = printed.find((x) => x.kommun_code === code && x.year === p.year)!.recipients;
        expect(p.status, `${code} ${p.year}`).toBe(n === 'X' ? 'suppressed' : 'ok');
        if (n === 'X') hidden++;
        else expect(Number(p.share_pct), `${code} ${p.year}`).toBe(Number(((100 * Number(n)) / adults(code)).toFixed(1)));
      }
    }
    expect(hidden).toBeGreaterThan(0);
  });
});

describe("a profile's cost trend", () => {
  it("the net cost per inhabitant as Kolada publishes it, the county's own, the region's mean of its members", async () => {
    const { plannedOnce } = await import('./planned.js');
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers.js');
    const kolada = readFileSync(join(ROOT, 'data/sample/kolada.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const cost = (area: string, y: number) => Number(kolada.find((f) => f[0] === 'N31008' && f[1] === area && f[3] === String(y))![5]);
    const { plan } = await plannedOnce(['--recipe', join(ROOT, 'data/sample/recipe.json'), '--no-png']);
    const t = await rows(plan, 'kommun/1481-molndal/trend-kostnad.csv');
    for (const y of [2019, 2020, 2021]) {
      const at = (code: string) => Number(t.find((p) => p.kommun_code === code && p.year === String(y))!.value_kr);
      expect([at('1481'), at('0014'), at('0000')], String(y)).toEqual([cost('1481', y), cost('0014', y), cost('0000', y)]);
      const gr = ['1440', '1489', '1480', '1401', '1384', '1482', '1441', '1462', '1481', '1402', '1415', '1419', '1407'];
      expect(at('region'), String(y)).toBe(Math.round(gr.reduce((a, k) => a + cost(k, y), 0) / gr.length));
    }
    expect(t.find((p) => p.kommun_code === '0014')!.kommun_name).toBe('Västra Götalands län');
    // kronor on the axis and at the points, thousands apart
    const vl = spec(plan, 'kommun/1481-molndal/trend-kostnad.vl.json');
    const label = (v: number) => `${String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}\u00a0kr`;
    expect(vl.data.values.find((v: { code: string; year: string }) => v.code === '1481' && v.year === '2021').label).toBe(label(cost('1481', 2021)));
    expect(vl.description).toContain('Linjediagram');
    expect(vl.vconcat[0].layer[0].encoding.y.axis.format).toBe(',d');
  });
});
