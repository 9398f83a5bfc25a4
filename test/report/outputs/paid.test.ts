/**
 * T8, the assistance paid per recipient, from a register with an amount column: each value the
 * sum of the file's amounts of the year, read here on its own, over the recipients the reference
 * classifier counts; hidden where the count of recipients is hidden or small.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE, generateSample } from '../../../src/sample/generate.js';
import { ROOT } from '../../helpers.js';
import { parseRegisterText, referenceClassify } from '../../reference/classifier.js';
import { planned, rows, text as fileText } from '../planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-paid-'));
const register = join(dir, 'register.csv');
const population = join(ROOT, 'data/sample/population.csv');
let text = '';

beforeAll(() => {
  // `bistand sample --persons 1200 --years 5 --seed 4 --amounts`
  const parts: string[] = [];
  generateSample({ ...DEFAULT_SAMPLE, persons: 1200, years: 5, seed: 4, amounts: true }, (t) => parts.push(t));
  text = parts.join('');
  writeFileSync(register, text);
});

/** The file's amounts of a municipality and year, in öre, summed here. */
function paidOf(code: string, year: number): number {
  const [head, ...lines] = text.trimEnd().split('\n');
  const col = (name: string) => head.split(';').indexOf(name);
  const [k, y, b] = [col('kommun'), col('year'), col('belopp')];
  return lines.map((l) => l.split(';')).filter((f) => f[k] === code && Number(f[y]) === year).reduce((a, f) => a + Math.round(Number(f[b].replace(',', '.')) * 100), 0);
}

describe('T8: paid per recipient', () => {
  it('the year’s amounts over the adult recipients, whole kronor, for the report’s years', async () => {
    const r = await planned(['--year', '2021', '--register', register, '--population', population, '--no-suppress', '--no-png']);
    const t8 = await rows(r.plan, 'region/t8-utbetalt-per-mottagare.csv');
    const { rows: ref, hasAge } = parseRegisterText(text);
    for (const y of [2019, 2020, 2021]) {
      const counted = referenceClassify(ref, y, 'internal', hasAge);
      for (const row of t8) {
        const recipients = counted.find((x) => x.kommun === row.kommun_code)!.recipients;
        expect(Number(row[String(y)]), `${row.kommun_name} ${y}`).toBe(Math.round(paidOf(row.kommun_code, y) / 100 / recipients));
      }
    }
    expect(t8.map((x) => x.kommun_code)).toHaveLength(13);
  });

  it('hidden where the count of recipients is hidden or under the smallest denominator', async () => {
    const r = await planned(['--year', '2021', '--register', register, '--population', population, '--no-png', '--min-denominator', '150']);
    const t8 = await rows(r.plan, 'region/t8-utbetalt-per-mottagare.csv');
    const { rows: ref, hasAge } = parseRegisterText(text);
    const counted = referenceClassify(ref, 2021, 'internal', hasAge);
    for (const row of t8) {
      const n = counted.find((x) => x.kommun === row.kommun_code)!.recipients;
      if (n < 150) expect(row['2021'], row.kommun_name).toBe('X');
      else expect(row['2021'], row.kommun_name).toMatch(/^\d+$/);
    }
    expect(t8.some((x) => x['2021'] === 'X') && t8.some((x) => x['2021'] !== 'X')).toBe(true);
    expect(await fileText(r.plan, 'region/t8-utbetalt-per-mottagare.md')).toContain('färre än 150');
  });

  it('without an amount column: not made, and said why', async () => {
    const r = await planned(['--year', '2021', '--register', join(ROOT, 'data/sample/register.csv'), '--no-suppress', '--no-png']);
    expect(r.stderr).toContain('T8 (Utbetalt ekonomiskt bistånd per biståndsmottagare (kr)) not made: needs --register with an amount column (belopp, sbel)');
  });
});
