/**
 * T6 (who receives assistance) and T7 (household types) against the sample's Kolada file, read
 * here on its own: each published value as it stands, each share summed from the counts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';
import { paths, planned, plannedOnce, rows, text } from '../planned.js';

const recipe = join(ROOT, 'data/sample/recipe.json');
/** kpi|area|gender → value, of 2021 */
const kolada = new Map(
  readFileSync(join(ROOT, 'data/sample/kolada.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((f) => f[3] === '2021')
    .map((f) => [`${f[0]}|${f[1]}|${f[4]}`, Number(f[5])] as const),
);
const k = (kpi: string, area: string, g = 'T') => kolada.get(`${kpi}|${area}|${g}`)!;
const sum = (kpis: string[], area: string) => kpis.reduce((a, kpi) => a + k(kpi, area), 0);
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `N31${from + i}`);
const round1 = (v: number) => Number(v.toFixed(1));

describe('T6: who receives assistance', () => {
  it('women and men, young adults, children as Kolada publishes them; the age groups from its counts', async () => {
    const { plan } = await plannedOnce(['--recipe', recipe, '--no-png']);
    const t6 = await rows(plan, 'region/t6-vem-far-bistand.csv');
    expect(t6.map((r) => r.kommun_code).slice(-3)).toEqual(['0013', '0014', '0000']);
    const ages = ids(837, 847);
    for (const r of t6) {
      const a = r.kommun_code;
      expect([r.N31825_K, r.N31825_M, r.U31804, r.U31803, r.U31809].map(Number), a).toEqual([k('N31825', a, 'K'), k('N31825', a, 'M'), k('U31804', a), k('U31803', a), k('U31809', a)]);
      const all = sum(ages, a);
      expect([r.age_18_24_pct, r.age_25_64_pct, r.age_65_plus_pct].map(Number), a).toEqual([round1((100 * sum(ages.slice(0, 2), a)) / all), round1((100 * sum(ages.slice(2, 10), a)) / all), round1((100 * k('N31847', a)) / all)]);
    }
  });

  it('its draft names the highest and lowest share of young adults', async () => {
    const { plan } = await plannedOnce(['--recipe', recipe, '--no-png']);
    const own = (await rows(plan, 'region/t6-vem-far-bistand.csv')).filter((r) => /^1/.test(r.kommun_code)).sort((a, b) => Number(a.U31804) - Number(b.U31804));
    const md = await text(plan, 'region/text.md');
    expect(md).toContain(`högst i ${own.at(-1)!.kommun_name} (${own.at(-1)!.U31804.replace('.', ',')} procent) och lägst i ${own[0].kommun_name} (${own[0].U31804.replace('.', ',')} procent)`);
  });
});

describe('T7: households by type', () => {
  it("each type's share of the six, from Kolada's counts; the draft names the most common", async () => {
    const { plan } = await plannedOnce(['--recipe', recipe, '--no-png']);
    const t7 = await rows(plan, 'region/t7-hushallstyper.csv');
    const types = ids(911, 916);
    for (const r of t7) expect(types.map((t) => Number(r[`${t}_pct`])), r.kommun_code).toEqual(types.map((t) => round1((100 * k(t, r.kommun_code)) / sum(types, r.kommun_code))));
    const own = t7.filter((r) => /^1/.test(r.kommun_code));
    const largest = own.map((r) => types.reduce((a, t) => (Number(r[`${t}_pct`]) > Number(r[`${a}_pct`]) ? t : a)));
    const n = largest.filter((t) => t === 'N31914').length;
    expect(await text(plan, 'region/text.md')).toContain(`Ensamstående man utan barn är den vanligaste hushållstypen bland hushållen med bistånd i ${n} av ${own.length} kommuner.`);
  });

  it('a hidden count hides the shares that need it; a missing one leaves them missing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bistand-t7-')), 'kolada.csv');
    const types = ids(911, 916);
    const lines = ['kpi,municipality_id,municipality,year,gender,value'];
    // Mölndal: one count hidden (..); Göteborg: one missing (no row); Ale: all six, one the largest
    for (const t of types) {
      lines.push(`${t},1481,Mölndal,2021,T,${t === 'N31911' ? '..' : 40}`);
      if (t !== 'N31916') lines.push(`${t},1480,Göteborg,2021,T,50`);
      lines.push(`${t},1440,Ale,2021,T,${t === 'N31914' ? 30 : 10}`);
    }
    writeFileSync(file, lines.join('\n') + '\n');
    const { plan } = await planned(['--year', '2021', '--region', 'gr', '--kolada', file, '--no-png']);
    const t7 = await rows(plan, 'region/t7-hushallstyper.csv');
    const row = (code: string) => t7.find((r) => r.kommun_code === code)!;
    expect(types.map((t) => row('1481')[`${t}_pct`])).toEqual(types.map(() => 'X'));
    expect(types.map((t) => row('1480')[`${t}_pct`])).toEqual(types.map(() => '–'));
    expect(types.map((t) => row('1440')[`${t}_pct`])).toEqual(types.map((t) => (t === 'N31914' ? '37.5' : '12.5')));
    // a rank would involve the hidden: no draft (and no other table here has one)
    expect(paths(plan)).not.toContain('region/text.md');
  });
});
