/**
 * All of Sweden: a report for Riket on a register of all 290 municipalities,
 * ranked charts instead of 290 columns, and a profile per municipality against its county, Riket
 * and (given --groups) its liknande-kommuner group. Each report is planned in-process from the
 * command line a user types (planned.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { generateSample, DEFAULT_SAMPLE } from '../../src/sample/generate.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { paths, planned, plannedError, plannedOnce, rows, spec, text } from './planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-profiles-'));
const register = join(dir, 'national.csv');
const population = join(dir, 'population.csv');
const groups = join(ROOT, 'data/kolada_groups_gr.csv');
const kommuner = loadMunicipalities().kommuner.map((k) => k.code);

beforeAll(() => {
  // `bistand sample --persons 30000 --kommuner all --seed 5`
  const parts: string[] = [];
  generateSample({ ...DEFAULT_SAMPLE, persons: 30000, kommuner, seed: 5 }, (t) => parts.push(t));
  const text = parts.join('');
  writeFileSync(register, text);
  // inhabitants: 20–44 adults per person of the register, fixed per municipality, the same each year
  const persons = new Map<string, Set<string>>();
  for (const line of text.split('\n').slice(1, -1)) {
    const [id, code] = line.split(';');
    (persons.get(code) ?? persons.set(code, new Set()).get(code)!).add(id);
  }
  const lines = ['kommun;år;folkmängd;folkmängd 18+'];
  for (const code of kommuner) {
    const adults = Math.max(200, (persons.get(code)?.size ?? 0) * (20 + ((Number(code) * 7919) % 25)));
    for (const y of [2019, 2020, 2021]) lines.push(`${code};${y};${Math.round(adults * 1.25)};${adults}`);
  }
  writeFileSync(population, lines.join('\n') + '\n');
}, 120_000);

describe('all of Sweden', () => {
  it('--region riket: 290 profiles against county, Riket and the liknande-kommuner group; ranked charts; the overview', async () => {
    // (what the report hides is the sample's test below and the national attacker's, test/domain: the
    // pattern of 290 municipalities of small counts takes seconds)
    const { plan } = await planned(['--year', '2021', '--region', 'riket', '--register', register, '--population', population, '--groups', groups, '--no-png', '--no-suppress']);
    expect(new Set(paths(plan).filter((f) => f.startsWith('kommun/')).map((f) => f.split('/')[1])).size).toBe(290);
    expect(await rows(plan, 'region/oversikt.csv')).toHaveLength(290);
    const ale = await rows(plan, 'kommun/1440-ale/nyckeltal.csv');
    expect(ale.map((x) => x.measure)).toEqual(['population_share', 'long_term', 'very_long_term', 'unemployment', 'ill_health', 'social']);
    // the region is Riket: no region column beside it; county, Riket and the group from the register
    expect(Object.keys(ale[0])).toEqual(['measure', 'measure_name', 'value', 'change', 'rank', 'rank_of', 'county_value', 'riket_value', 'group_value']);
    const share = ale[0];
    // ranked among the municipalities whose share is shown
    expect(Number(share.rank_of)).toBeGreaterThan(250);
    expect(Number(share.rank_of)).toBeLessThanOrEqual(290);
    for (const k of ['value', 'county_value', 'riket_value', 'group_value']) expect(Number(share[k])).toBeGreaterThan(0);
    expect(await text(plan, 'kommun/1440-ale/nyckeltal.md')).toContain('Liknande kommuner ekonomiskt bistånd, Ale (medel)');
    // a municipality without a group in the file: county and Riket only
    expect(Object.keys((await rows(plan, 'kommun/1280-malmo/nyckeltal.csv'))[0]).slice(-2)).toEqual(['county_value', 'riket_value']);
    expect(JSON.stringify(plan.document)).toContain('Skåne län (ovägt medel)');
    // a ranked chart: 290 municipalities in the order of their values, no highlighted copies
    const d4 = spec(plan, 'region/d4-langvarigt-per-kommun.vl.json');
    const first = d4.data.values.filter((v: { kind: string; series: string }) => v.kind === 'area' && v.series === 'Långvarigt (≥ 10 mån)');
    expect(first.length).toBe(290);
    const byRank = [...first].sort((a: { rank: number }, b: { rank: number }) => a.rank - b.rank).filter((v: { share: number | null }) => v.share !== null);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i - 1].share).toBeGreaterThanOrEqual(byRank[i].share);
    expect(paths(plan)).not.toContain('kommun/1440-ale/d4-langvarigt-per-kommun.vl.json');
    // the trend draws Ale against its county, Riket and its group
    const trend = await rows(plan, 'kommun/1440-ale/trend-utveckling.csv');
    expect([...new Set(trend.map((p) => p.series))]).toEqual(['Ale', 'Västra Götalands län (ovägt medel)', 'Riket', 'Liknande kommuner ekonomiskt bistånd, Ale (medel)']);
  }, 120_000);

  it("a county's ranked charts from a national register draw Riket beside the county's mean", async () => {
    const { plan } = await planned(['--year', '2021', '--region', '14', '--register', register, '--population', population, '--no-png', '--no-suppress']);
    const d4 = await rows(plan, 'region/d4-langvarigt-per-kommun.csv');
    const riket = d4.filter((p) => p.kommun_code === '0000');
    expect(riket.map((p) => p.series)).toEqual(['Långvarigt (≥ 10 mån)', 'Mycket långvarigt (≥ 27 av 36 mån)']);
    expect(Number(riket[0].share_pct)).toBeGreaterThan(0);
    expect(spec(plan, 'region/d4-langvarigt-per-kommun.vl.json').data.values.filter((v: { kind: string }) => v.kind === 'line').map((v: { name: string }) => v.name)).toContain('Riket');
  }, 120_000);

  it('a figure the report hides reads X in the key figures and the overview, not "uppgift saknas"', async () => {
    const { plan } = await plannedOnce(['--recipe', join(ROOT, 'data/sample/recipe.json'), '--no-png']);
    const measure: Record<string, string> = { 'Långvarigt (≥ 10 mån)': 'long_term', 'Mycket långvarigt (≥ 27 av 36 mån)': 'very_long_term' };
    const hidden = (await rows(plan, 'region/d4-langvarigt-per-kommun.csv')).filter((p) => p.year === '2021' && p.status === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    const overview = await rows(plan, 'region/oversikt.csv');
    for (const p of hidden) {
      const folder = paths(plan).find((f) => f.startsWith(`kommun/${p.kommun_code}-`))!.split('/')[1];
      const row = (await rows(plan, `kommun/${folder}/nyckeltal.csv`)).find((x) => x.measure === measure[p.series])!;
      expect([row.value, row.change, row.rank], `${p.kommun_name} ${p.series}`).toEqual(['X', '', '']);
      expect(overview.find((o) => o.kommun_code === p.kommun_code)![measure[p.series]]).toBe('X');
    }
    expect(await text(plan, 'kommun/1407-ockero/nyckeltal.md')).toContain('X = dolt (sekretess), – = uppgift saknas.');
  }, 120_000);

  it('--region names a group of the --groups file by its id or title; unknown without the file', async () => {
    for (const name of ['G128683', 'Stor-Göteborg']) {
      const { plan } = await planned(['--year', '2021', '--region', name, '--groups', groups, '--kolada', join(ROOT, 'data/sample/kolada.csv'), '--no-png']);
      expect(await text(plan, 'index.md')).toMatch(/^# Ekonomiskt bistånd 2021: Stor-Göteborg\n/);
      expect(plan.document.sections[1].sections).toHaveLength(13);
    }
    expect(await plannedError(['--year', '2021', '--region', 'G128683', '--kolada', join(ROOT, 'data/sample/kolada.csv')])).toMatch(/--region "G128683" is neither .* nor a group of a --groups file/);
  });

  it('from Kolada, a comparison is the value Kolada publishes for Riket, the county and the group', async () => {
    const kolada = join(dir, 'kolada.csv');
    const sample = readFileSync(join(ROOT, 'data/sample/kolada.csv'), 'utf8').trimEnd().split('\n').filter((l) => !/^U31900,(0000|0014|G175905),/.test(l));
    writeFileSync(kolada, [...sample, 'U31900,0000,Riket,2021,T,5', 'U31900,0014,Västra Götalands län,2021,T,6', 'U31900,G175905,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",2021,T,7'].join('\n') + '\n');
    const { plan } = await planned(['--year', '2021', '--kolada', kolada, '--groups', groups, '--no-png']);
    const key = (await rows(plan, 'kommun/1440-ale/nyckeltal.csv')).find((x) => x.measure === 'sorting_key')!;
    expect([key.riket_value, key.county_value, key.group_value]).toEqual(['5.0', '6.0', '7.0']);
    // Alingsås's group is not in the file: its mean would need its members' values, which a GR file lacks
    const other = (await rows(plan, 'kommun/1489-alingsas/nyckeltal.csv')).find((x) => x.measure === 'sorting_key')!;
    expect(other.group_value).toBe('');
  });

  it('a groups file with a member that is no municipality is an error at its line and column', async () => {
    const bad = join(dir, 'groups.csv');
    writeFileSync(bad, 'group_id,group_title,member_id,member_title\nG1,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",1292,Ängelholm\nG1,"Liknande kommuner ekonomiskt bistånd, Ale, 2023",9999,Ingenstans\n');
    expect(await plannedError(['--year', '2021', '--register', join(ROOT, 'data/sample/register.csv'), '--groups', bad, '--no-png'])).toMatch(/groups\.csv:3:3: member "9999" is not one of the 290 municipality codes/);
  });
});
