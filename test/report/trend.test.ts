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
import { planned, rows, spec } from './planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-trend-'));
const register = join(dir, 'register.csv');
const population = join(dir, 'population.csv');
const YEARS = Array.from({ length: 10 }, (_, i) => 2012 + i);
/** adults of a municipality, the same each year: far more than its recipients */
const adults = (code: string) => 20_000 + (Number(code) % 97) * 300;
let text = '';

beforeAll(() => {
  // `bistand sample --persons 3000 --years 12 --seed 11`: GR, 2010–2021
  const parts: string[] = [];
  generateSample({ ...DEFAULT_SAMPLE, persons: 3000, years: 12, seed: 11 }, (t) => parts.push(t));
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
    const said = spec(r.plan, 'kommun/1481-molndal/trend-utveckling.vl.json').vconcat[0].title.text.join(' ');
    expect(said).not.toContain('Kolada');
    expect(said).toMatch(/ekonomiskt bistånd 2012–2021, bearbetning/);
    // the report's own years are still its three
    expect([...new Set((await rows(r.plan, 'region/d1-andel-av-befolkningen.csv')).map((p) => p.year))]).toEqual(['2019', '2020', '2021']);
    // notes of the report's years only (the summary gives the window read, 2010-01…2021-12)
    expect(r.stderr.split('\n').filter((l) => !l.startsWith(register)).join('\n')).not.toMatch(/201[0-8]/);
  });

  it('with small counts hidden, the trend hides what the pattern hides and shows the rest', async () => {
    const r = await planned(['--year', '2021', '--register', register, '--population', population, '--trend-years', '10', '--no-png']);
    const trend = (await rows(r.plan, 'kommun/1407-ockero/trend-utveckling.csv')).filter((p) => p.kommun_code === '1407');
    expect(trend.map((p) => Number(p.year))).toEqual(YEARS);
    expect(trend.every((p) => p.status === 'ok' || p.status === 'suppressed')).toBe(true);
  });
});
