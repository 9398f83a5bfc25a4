/**
 * One pattern per year whatever the year range asked: a year's row in `--year 2019-2021` is the
 * row `--year 2021` prints, hidden cells included, so that runs over different ranges cannot be
 * differenced (issue 12).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, command } from '../helpers.js';

const REGISTER = join(ROOT, 'data/sample/register.csv');

describe('year ranges', () => {
  for (const cmd of ['classify', 'reasons']) {
    it(`${cmd} --total: each year's rows as that year alone prints them`, async () => {
      const [range, ...single] = await Promise.all([
        command([cmd, REGISTER, '--year', '2019-2021', '--total']),
        ...[2019, 2020, 2021].map((y) => command([cmd, REGISTER, '--year', String(y), '--total'])),
      ]);
      const rows = (s: string) => s.trim().split('\n').slice(1);
      expect(rows(range.stdout).sort()).toEqual(single.flatMap((r) => rows(r.stdout)).sort());
      expect(range.stdout).toContain(',X');
    });
  }
});
