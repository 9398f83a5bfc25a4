/** Regions built in beyond GR: each county by code or name, and Riket (issue 16, part 1). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliAsync, csvObjects, command } from '../helpers.js';

const REGISTER = join(ROOT, 'data/sample/register.csv');
const run = (...region: string[]) => command(['classify', REGISTER, '--year', '2021', '--region', ...region]);

describe('built-in regions', () => {
  it('a county by its code or its name: its municipalities of the input, and its total', async () => {
    const [byCode, byName, short, authority] = await Promise.all([run('14', '--total'), run('Västra Götalands län', '--total'), run('västra götaland', '--total'), run('Västra Götalandsregionen', '--total')]);
    const rows = csvObjects(byCode.stdout);
    // the sample's GR municipalities but Kungsbacka (Halland), then the county's total
    expect(rows.map((r) => r.kommun_code)).toEqual(['1401', '1402', '1407', '1415', '1419', '1440', '1441', '1462', '1480', '1481', '1482', '1489', '']);
    expect(rows.at(-1)!.kommun_name).toBe('Totalt');
    for (const r of [byName, short, authority]) expect(r.stdout).toBe(byCode.stdout);
    expect(byCode.stderr).toContain('Västra Götalands län 2021: no rows for');
    expect(byCode.stderr).toMatch(/and \d+ more municipalities \(uppgift saknas, not 0\)/);
  });

  it('riket: every municipality with rows, the others named as missing in one short line; --region-name names a file region', async () => {
    const r = await run('riket');
    expect(csvObjects(r.stdout)).toHaveLength(13);
    expect(r.stderr.split('\n').find((l) => l.startsWith('warning: Riket 2021'))!.length).toBeLessThan(400);
    const bad = await cliAsync(['classify', REGISTER, '--year', '2021', '--region', 'Ingenstans län']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is neither a built-in region (gr, storstad, riket, a county by code or name, a municipality by code or name) nor a file');
  });
});
