/**
 * All of Sweden: a report for Riket on a register of all 290 municipalities,
 * ranked charts instead of 290 columns, and a profile per municipality against its county, Riket
 * and (given --groups) its liknande-kommuner group.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliAsync, csvRows } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-profiles-'));
const register = join(dir, 'national.csv');
const population = join(dir, 'population.csv');
const groups = join(ROOT, 'data/kolada_groups_gr.csv');

beforeAll(async () => {
  const s = await cliAsync(['sample', '--persons', '100000', '--kommuner', 'all', '--seed', '5', '-o', register]);
  expect(s.status, s.stderr).toBe(0);
  // inhabitants: 20–44 adults per adult recipient of 2021, fixed per municipality, the same each year
  const lines = ['kommun;år;folkmängd;folkmängd 18+'];
  const c = await cliAsync(['classify', register, '--year', '2021', '--no-suppress']);
  for (const [code, , , n] of csvRows(c.stdout).slice(1)) {
    const adults = Math.max(200, Number(n) * (20 + ((Number(code) * 7919) % 25)));
    for (const y of [2019, 2020, 2021]) lines.push(`${code};${y};${Math.round(adults * 1.25)};${adults}`);
  }
  writeFileSync(population, lines.join('\n') + '\n');
}, 120_000);

const table = (f: string) => {
  const [head, ...rows] = csvRows(readFileSync(f, 'utf8'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

describe('all of Sweden', () => {
  it('--region riket: 290 profiles against county, Riket and the liknande-kommuner group; ranked charts; the overview', async () => {
    const out = join(dir, 'riket');
    const r = await cliAsync(['report', '--year', '2021', '--region', 'riket', '--register', register, '--population', population, '--groups', groups, '--no-png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'kommun')).length).toBe(290);
    expect(table(join(out, 'region/oversikt.csv')).length).toBe(290);
    const ale = table(join(out, 'kommun/1440-ale/nyckeltal.csv'));
    expect(ale.map((x) => x.measure)).toEqual(['population_share', 'long_term', 'very_long_term', 'unemployment', 'ill_health', 'social']);
    // the region is Riket: no region column beside it; county, Riket and the group from the register
    expect(Object.keys(ale[0])).toEqual(['measure', 'measure_name', 'value', 'change', 'rank', 'rank_of', 'county_value', 'riket_value', 'group_value']);
    const share = ale[0];
    // ranked among the municipalities whose share is shown
    expect(Number(share.rank_of)).toBeGreaterThan(250);
    expect(Number(share.rank_of)).toBeLessThanOrEqual(290);
    for (const k of ['value', 'county_value', 'riket_value', 'group_value']) expect(Number(share[k])).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'kommun/1440-ale/nyckeltal.md'), 'utf8')).toContain('Liknande kommuner ekonomiskt bistånd, Ale (medel)');
    // a municipality without a group in the file: county and Riket only
    expect(Object.keys(table(join(out, 'kommun/1280-malmo/nyckeltal.csv'))[0]).slice(-2)).toEqual(['county_value', 'riket_value']);
    expect(readFileSync(join(out, 'rapport.html'), 'utf8')).toContain('Skåne län (ovägt medel)');
    // a ranked chart: 290 municipalities in the order of their values, no highlighted copies
    const d4 = JSON.parse(readFileSync(join(out, 'region/d4-langvarigt-per-kommun.vl.json'), 'utf8'));
    const first = d4.data.values.filter((v: { kind: string; series: string }) => v.kind === 'area' && v.series === 'Långvarigt (≥ 10 mån)');
    expect(first.length).toBe(290);
    const byRank = [...first].sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank).filter((v: { share: number | null }) => v.share !== null);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i - 1].share).toBeGreaterThanOrEqual(byRank[i].share);
    expect(existsSync(join(out, 'kommun/1440-ale/d4-langvarigt-per-kommun.vl.json'))).toBe(false);
    // the trend draws Ale against its county, Riket and its group
    const trend = table(join(out, 'kommun/1440-ale/trend-utveckling.csv'));
    expect([...new Set(trend.map((p) => p.series))]).toEqual(['Ale', 'Västra Götalands län (ovägt medel)', 'Riket', 'Liknande kommuner ekonomiskt bistånd, Ale (medel)']);
  }, 120_000);

  it("a county's ranked charts from a national register draw Riket beside the county's mean", async () => {
    const out = join(dir, 'lan14');
    const r = await cliAsync(['report', '--year', '2021', '--region', '14', '--register', register, '--population', population, '--no-png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const d4 = table(join(out, 'region/d4-langvarigt-per-kommun.csv'));
    const riket = d4.filter((p) => p.kommun_code === '0000');
    expect(riket.map((p) => p.series)).toEqual(['Långvarigt (≥ 10 mån)', 'Mycket långvarigt (≥ 27 av 36 mån)']);
    expect(Number(riket[0].share_pct)).toBeGreaterThan(0);
    const spec = JSON.parse(readFileSync(join(out, 'region/d4-langvarigt-per-kommun.vl.json'), 'utf8'));
    expect(spec.data.values.filter((v: { kind: string }) => v.kind === 'line').map((v: { name: string }) => v.name)).toContain('Riket');
  }, 120_000);

  it('a figure the report hides reads X in the key figures and the overview, not "uppgift saknas"', async () => {
    const out = join(dir, 'hidden');
    const r = await cliAsync(['report', '--recipe', join(ROOT, 'data/sample/recipe.json'), '--no-png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const measure: Record<string, string> = { 'Långvarigt (≥ 10 mån)': 'long_term', 'Mycket långvarigt (≥ 27 av 36 mån)': 'very_long_term' };
    const hidden = table(join(out, 'region/d4-langvarigt-per-kommun.csv')).filter((p) => p.year === '2021' && p.status === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    const overview = table(join(out, 'region/oversikt.csv'));
    for (const p of hidden) {
      const folder = readdirSync(join(out, 'kommun')).find((f) => f.startsWith(`${p.kommun_code}-`))!;
      const row = table(join(out, 'kommun', folder, 'nyckeltal.csv')).find((x) => x.measure === measure[p.series])!;
      expect([row.value, row.change, row.rank], `${p.kommun_name} ${p.series}`).toEqual(['X', '', '']);
      expect(overview.find((o) => o.kommun_code === p.kommun_code)![measure[p.series]]).toBe('X');
    }
    expect(readFileSync(join(out, 'kommun/1407-ockero/nyckeltal.md'), 'utf8')).toContain('X = dolt (sekretess), – = uppgift saknas.');
  }, 120_000);

  it('--region names a group of the --groups file by its id or title; unknown without the file', async () => {
    for (const name of ['G128683', 'Stor-Göteborg']) {
      const out = join(dir, `group-${name}`);
      const r = await cliAsync(['report', '--year', '2021', '--region', name, '--groups', groups, '--kolada', join(ROOT, 'data/sample/kolada.csv'), '--no-png', '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/^# Ekonomiskt bistånd 2021: Stor-Göteborg\n/);
      expect(readdirSync(join(out, 'kommun')).length).toBe(13);
    }
    const r = await cliAsync(['report', '--year', '2021', '--region', 'G128683', '--kolada', join(ROOT, 'data/sample/kolada.csv'), '--out', join(dir, 'nogroups')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--region "G128683" is neither .* nor a group of a --groups file/);
  });

  it('from Kolada, a comparison is the value Kolada publishes for Riket, the county and the group', async () => {
    const kolada = join(dir, 'kolada.csv');
    const sample = readFileSync(join(ROOT, 'data/sample/kolada.csv'), 'utf8').trimEnd().split('\n').filter((l) => !/^U31900,(0000|0014|G175905),/.test(l));
    writeFileSync(kolada, [...sample, 'U31900,0000,Riket,2021,T,5', 'U31900,0014,Västra Götalands län,2021,T,6', 'U31900,G175905,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",2021,T,7'].join('\n') + '\n');
    const out = join(dir, 'published');
    const r = await cliAsync(['report', '--year', '2021', '--kolada', kolada, '--groups', groups, '--no-png', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const key = table(join(out, 'kommun/1440-ale/nyckeltal.csv')).find((x) => x.measure === 'sorting_key')!;
    expect([key.riket_value, key.county_value, key.group_value]).toEqual(['5.0', '6.0', '7.0']);
    // Alingsås's group is not in the file: its mean would need its members' values, which a GR file lacks
    const other = table(join(out, 'kommun/1489-alingsas/nyckeltal.csv')).find((x) => x.measure === 'sorting_key')!;
    expect(other.group_value).toBe('');
  });

  it('a groups file with a member that is no municipality is an error at its line and column', async () => {
    const bad = join(dir, 'groups.csv');
    writeFileSync(bad, 'group_id,group_title,member_id,member_title\nG1,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",1292,Ängelholm\nG1,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",9999,Ingenstans\n');
    const r = await cliAsync(['report', '--year', '2021', '--register', join(ROOT, 'data/sample/register.csv'), '--groups', bad, '--no-png', '--out', join(dir, 'bad')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/groups\.csv:3:3: member "9999" is not one of the 290 municipality codes/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });
});
