/** The plan's documents follow --appendix; the files do not. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { paths, planned } from './planned.js';

const recipe = join(ROOT, 'data/sample/recipe.json');

describe('--appendix', () => {
  it('compact: each municipality its key figures and trend; full: also its tables and charts; none: no section; the same files', async () => {
    const plans = Object.fromEntries(await Promise.all(['compact', 'full', 'none'].map(async (a) => [a, (await planned(['--recipe', recipe, '--no-png', '--appendix', a])).plan] as const)));
    const ale = (a: string) => plans[a].document.sections[1]?.sections?.find((s) => s.heading === '1440 Ale')?.items.map((it) => it.anchor);
    expect(ale('compact')).toEqual(['k1440-nyckeltal', 'k1440-trend']);
    expect(ale('full')).toEqual(['k1440-nyckeltal', 'k1440-t1', 'k1440-t3', 'k1440-t4', 'k1440-t5', 'k1440-t6', 'k1440-t7', 'k1440-t9', 'k1440-d1', 'k1440-d4', 'k1440-d5', 'k1440-trend', 'k1440-kostnad']);
    expect(plans.none.document.sections.map((s) => s.heading)).toEqual(['Regionen']);
    expect(paths(plans.compact)).toEqual(paths(plans.full));
    expect(paths(plans.none)).toEqual(paths(plans.full));
  });
});
