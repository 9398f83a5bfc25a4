/** Options as data: parsers, derived help, and the README's tables made from them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { OPTIONS, REPORT_OPTIONS, addOptions, attrOf, parseYears } from '../../src/cli/options.js';
import { README_BLOCKS, renderReadme } from '../../src/cli/readme-options.js';
import { ROOT } from '../helpers.js';

describe('options', () => {
  it('parse as they are defined: years, numbers, choices, regions', () => {
    expect(parseYears('2019-2021')).toEqual([2019, 2020, 2021]);
    expect(parseYears('2021,2020')).toEqual([2020, 2021]);
    expect(() => parseYears('21')).toThrow(UsageError);
    const cmd = addOptions(new Command('x').exitOverride(), REPORT_OPTIONS);
    cmd.parse(['--year', '2021', '--min-count', '3', '--region', 'storstad', '--kolada', 'a.csv', '--kolada', 'b.csv'], { from: 'user' });
    const o = cmd.opts();
    expect(o.year).toBe(2021);
    expect(o.minCount).toBe(3);
    expect(o.minDenominator).toBe(10);
    expect(o.region.codes).toEqual(['0180', '1280', '1480']);
    expect(o.kolada).toEqual(['a.csv', 'b.csv']);
    expect(o.suppress).toBe(true);
    expect(o.gapRule).toBe('internal');
    expect(() => addOptions(new Command('y'), REPORT_OPTIONS).parse(['--year', '2020-2021'], { from: 'user' })).toThrow(/one year/);
  });

  it('attributes follow the long flag', () => {
    expect(attrOf(OPTIONS.gapRule.flags)).toBe('gapRule');
    expect(attrOf(OPTIONS.noSuppress.flags)).toBe('suppress');
    expect(attrOf(OPTIONS.onlyRegion.flags)).toBe('region');
  });

  it('the README holds every option table as the data makes it (npm run docs rewrites them)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(README_BLOCKS)) expect(readme, name).toContain(`<!-- options:${name} -->`);
    expect(renderReadme(readme)).toBe(readme);
  });
});
