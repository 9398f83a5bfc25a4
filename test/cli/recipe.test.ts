/** The recipe goes through the options' parsers: unknown keys, wrong types, flags that win. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { REPORT_OPTIONS, addOptions } from '../../src/cli/options.js';
import { applyRecipe } from '../../src/cli/recipe.js';
import { BistandError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-recipe-'));
let n = 0;
function run(recipe: unknown, args: string[] = []) {
  const path = join(dir, `r${n++}.json`);
  writeFileSync(path, typeof recipe === 'string' ? recipe : JSON.stringify(recipe));
  const cmd = addOptions(new Command('report').exitOverride(), REPORT_OPTIONS);
  cmd.parse(args, { from: 'user' });
  applyRecipe(cmd, REPORT_OPTIONS, path);
  return { o: cmd.opts(), path };
}
function error(recipe: unknown): BistandError {
  try {
    run(recipe);
  } catch (e) {
    return e as BistandError;
  }
  throw new Error('no error');
}

describe('recipe', () => {
  it('values go through the parsers; paths are relative to the recipe', () => {
    const { o } = run({ year: 2021, region: 'storstad', out: 'out', kolada: ['k1.csv', 'k2.csv'], minCount: 3, gapRule: 'all', suppress: false });
    expect(o.year).toBe(2021);
    expect(o.region.id).toBe('storstad');
    expect(o.out).toBe(join(dir, 'out'));
    expect(o.kolada).toEqual([join(dir, 'k1.csv'), join(dir, 'k2.csv')]);
    expect(o.minCount).toBe(3);
    expect(o.gapRule).toBe('all');
    expect(o.suppress).toBe(false);
  });

  it('a flag wins over the recipe, also when it gives the default', () => {
    const { o } = run({ year: 2020, gapRule: 'all' }, ['--gap-rule', 'internal', '--year', '2021']);
    expect(o.gapRule).toBe('internal');
    expect(o.year).toBe(2021);
  });

  it('an unknown key: a did-you-mean, exit 2', () => {
    const e = error({ year: 2021, populaton: 'p.csv' });
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/unknown key "populaton" — did you mean "population"\?/);
    expect(error({ recipe: 'x.json' }).message).toMatch(/unknown key "recipe"/);
  });

  it('a wrong type or value: named by file and key, exit 2', () => {
    const e = error({ year: 2021, out: 7 });
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/r\d+\.json: "out" must be a path, not number 7/);
    expect(error({ region: 99 }).message).toMatch(/"region": --region "99" is neither a built-in region/);
    expect(error({ suppress: 'no' }).message).toMatch(/"suppress" must be true or false/);
    expect(error({ minCount: 0 }).message).toMatch(/"minCount": --min-count "0" is not a whole number/);
    expect(error('{"year": 20').exitCode).toBe(2);
    expect(error('[1]').message).toMatch(/not a JSON object/);
  });
});
