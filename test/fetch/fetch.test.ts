/**
 * `bistand fetch` against a loopback Kolada: the folder it writes, the report its recipe makes
 * (with the values the server sent), a folder kept when it already answers, and the failures.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionOf, groupRegion } from '../../src/cli/region.js';
import { BistandError, formatError } from '../../src/errors.js';
import { REPORT_KPIS, runFetch, type FetchSettings } from '../../src/fetch/fetch.js';
import { readGroups } from '../../src/io/groups.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { ROOT, cliAsync, command, csvObjects } from '../helpers.js';
import { paths, planned, rows, spec, text } from '../report/planned.js';
import { type Loopback, koladaLoopback, koladaValue, scbAdults, scbLoopback } from './server.js';

const tmp = mkdtempSync(join(tmpdir(), 'bistand-fetch-'));
const GROUPS = join(ROOT, 'data/kolada_groups_gr.csv');
let server: Loopback;
let scb: Loopback;

beforeAll(async () => {
  // 2021 published, 2022 not yet; pages of 200 rows; one value Kolada replaced
  server = await koladaLoopback({ published: 2021, pageSize: 200, deleted: { kpi: 'N31825', area: '1481', year: 2021 } });
  const munis = loadMunicipalities();
  const counties = [...new Set(munis.kommuner.map((k) => k.countyCode))].map((c) => [c, `${c} län`] as [string, string]);
  // few cells a call: GR's exact years take two
  scb = await scbLoopback({ maxCells: 15000, regions: [['00', 'Riket'], ...counties, ...munis.kommuner.map((k) => [k.code, k.name] as [string, string])] });
  // calls as fast as the loopbacks answer, but in the test of the limits
  scb.limit = { calls: 1000, window: 1 };
});
afterAll(async () => {
  await server.close();
  await scb.close();
});

const settings = (region: string, out: string, more: Partial<FetchSettings> = {}): FetchSettings => {
  const groups = { file: GROUPS, groups: readGroups(GROUPS, loadMunicipalities()) };
  return { year: 2021, region: groupRegion(regionOf(region, true), groups.groups), out: join(tmp, out), groups, kpis: [], refresh: false, koladaGap: 0, koladaUrl: `${server.base}/v3`, scbUrl: `${scb.base}/api/v2`, ...more };
};

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof BistandError) return formatError(e);
    throw e;
  }
  throw new Error('no error');
};

describe('fetch from Kolada and SCB', () => {
  it('GR: every KPI for the municipalities, their counties, Riket and the groups, Y−2…Y+1, in segments of ≤ 25 ids, pages followed; a recipe', async () => {
    server.asked.length = 0;
    server.at.length = 0;
    scb.at.length = 0;
    server.tooMany = 1;
    scb.tooMany = 1;
    const { result, notes } = await runFetch(settings('gr', 'gr'));
    expect(readdirSync(join(tmp, 'gr')).filter((f) => !f.startsWith('.')).sort()).toEqual(['groups.csv', 'kolada.json', 'recipe.json', 'scb-TAB5557-1.json', 'scb-TAB638-1.json', 'scb-TAB638-2.json']);
    // SCB: a 429 waited out, its limits, the table search, each table's metadata, then the data:
    // TAB638's two years in two calls (more cells than one may ask), TAB5557's 2021 in one
    expect(scb.asked.map((a) => a.split('?')[0])).toEqual(['GET /api/v2/config', 'GET /api/v2/config', 'GET /api/v2/tables', 'GET /api/v2/tables/TAB5557/metadata', 'GET /api/v2/tables/TAB638/metadata', 'POST /api/v2/tables/TAB5557/data', 'POST /api/v2/tables/TAB638/data', 'POST /api/v2/tables/TAB638/data']);
    expect(result.requests).toEqual([{ service: 'Kolada', count: server.asked.length }, { service: 'SCB', count: scb.asked.length }]);
    expect(notes.find((n) => n.id === 'fetchNoPopulation')?.text).toMatch(/^SCB has no population for 2022 /);
    // the KPIs in two segments of ≤ 25; 13 + 2 counties + Riket + 14 groups = 30 areas in two: four
    // queries, each answer in pages of 200 rows
    const data = server.asked.filter((a) => a.startsWith('/v3/data/'));
    expect(new Set(data.map((a) => a.split('?')[0])).size).toBe(4);
    expect(data.some((a) => a.includes('page=2'))).toBe(true);
    const k = JSON.parse(readFileSync(join(tmp, 'gr', 'kolada.json'), 'utf8'));
    expect(k.bistand.requests).toHaveLength(4);
    expect(k.values.length).toBe(REPORT_KPIS.length * 30 * 3);
    const fetched = k.bistand.fetched;
    expect(JSON.parse(readFileSync(join(tmp, 'gr', 'recipe.json'), 'utf8'))).toEqual({
      year: 2021,
      region: 'gr',
      out: 'rapport',
      kolada: ['kolada.json'],
      population: ['scb-TAB5557-1.json', 'scb-TAB638-1.json', 'scb-TAB638-2.json'],
      populationSource: `SCB, hämtad ${fetched}`,
      groups: 'groups.csv',
    });
  });

  it('the recipe makes the report, with the values the server sent (a deleted value dropped)', async () => {
    const r = await planned(['--recipe', join(tmp, 'gr', 'recipe.json'), '--no-png']);
    const d1 = await rows(r.plan, 'region/d1-andel-av-befolkningen.csv');
    // T4: what it costs per inhabitant, the municipalities, their counties and Riket
    const t4 = await rows(r.plan, 'region/t4-kostnad-per-invanare.csv');
    expect(t4.map((x) => x.kommun_code)).toEqual([...['1440', '1489', '1480', '1401', '1384', '1482', '1441', '1462', '1481', '1402', '1415', '1419', '1407'], '0013', '0014', '0000']);
    expect(Number(t4.find((x) => x.kommun_code === '1481')!.N31008)).toBe(Math.round(koladaValue('N31008', '1481', 2021)));
    expect(t4.find((x) => x.kommun_code === '0014')!.kommun_name).toBe('Västra Götalands län');
    // T6: women and men as Kolada sent them; the age groups from its counts
    const t6 = (await rows(r.plan, 'region/t6-vem-far-bistand.csv')).find((x) => x.kommun_code === '1481')!;
    expect(Number(t6.N31825_M)).toBe(Number((koladaValue('N31825', '1481', 2021) + 1).toFixed(1)));
    const ages = Array.from({ length: 11 }, (_, i) => koladaValue(`N318${37 + i}`, '1481', 2021));
    expect(Number(t6.age_65_plus_pct)).toBe(Number(((100 * ages[10]) / ages.reduce((a, b) => a + b, 0)).toFixed(1)));
    const molndal = d1.find((p) => p.kommun_code === '1481' && p.year === '2021')!;
    // D1 from N31825, adults per adult inhabitant
    expect(Number(molndal.share_pct)).toBe(koladaValue('N31825', '1481', 2021));
    expect(d1.filter((p) => p.year === '2021' && /^\d{4}$/.test(p.kommun_code)).length).toBeGreaterThanOrEqual(13);
    expect(r.stderr).toMatch(/1 value .*deleted|deleted/i);
    // the source line says where and when
    const fetched = JSON.parse(readFileSync(join(tmp, 'gr', 'kolada.json'), 'utf8')).bistand.fetched;
    expect(fetched).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.plan.document.sections[0].items.find((it) => it.anchor === 'd1')).toMatchObject({ source: `Källa: Kolada (RKA), N31825, hämtad ${fetched}, bearbetning: bistand` });
  });

  it('with a register: the population SCB sent is the denominator, each year from the table that has it', async () => {
    const r = await planned(['--recipe', join(tmp, 'gr', 'recipe.json'), '--register', join(ROOT, 'data/sample/register.csv'), '--no-png']);
    const d1 = await rows(r.plan, 'region/d1-andel-av-befolkningen.csv');
    for (const year of [2020, 2021]) expect(Number(d1.find((p) => p.kommun_code === '1481' && p.year === String(year))!.denominator), String(year)).toBe(scbAdults('1481', year));
    // 2021 from the table with Cell Key noise: said in the chart's notes
    expect(r.stderr).toMatch(/scb-TAB5557-1\.json: SCB protects this table with its Cell Key Method/);
    const d1Item = r.plan.document.sections[0].items.find((it) => it.anchor === 'd1');
    expect(d1Item).toMatchObject({ notes: expect.arrayContaining([expect.stringMatching(/slumpmässigt brus/)]) });
    expect(d1Item).toMatchObject({ source: expect.stringMatching(/befolkning: SCB, hämtad \d{4}-\d{2}-\d{2}/) });
  });

  it('spaces the requests as each service asks: Kolada 200 ms apart, SCB as its /config says', async () => {
    server.at.length = 0;
    scb.at.length = 0;
    // a limit of 30 calls in 3 s (SCB says 30 in 10 s: the same rule, a third of the waiting)
    scb.limit = { calls: 30, window: 3 };
    try {
      // (one municipality: few requests, each spaced as a region's)
      await runFetch(settings('1481', 'spaced', { koladaGap: undefined, groups: undefined }));
    } finally {
      scb.limit = { calls: 1000, window: 1 };
    }
    // over all the calls after /config, less a fifth (the server sees a request when it arrives, on
    // a busy machine some ms after it was sent)
    const span = (at: number[]) => at.at(-1)! - at[0];
    expect(scb.at.length).toBeGreaterThan(4);
    expect(span(scb.at.slice(1))).toBeGreaterThanOrEqual((scb.at.length - 2) * 100 * 0.8);
    expect(server.at.length).toBeGreaterThan(1);
    expect(span(server.at)).toBeGreaterThanOrEqual((server.at.length - 1) * 200 * 0.8);
  });

  it('a second fetch keeps the folder\'s answer; --refresh asks again', async () => {
    server.asked.length = 0;
    scb.asked.length = 0;
    const kept = await runFetch(settings('gr', 'gr'));
    expect(server.asked).toEqual([]);
    expect(scb.asked).toEqual([]);
    expect(kept.notes.map((n) => n.id)).toContain('fetchKept');
    await runFetch(settings('gr', 'gr', { refresh: true }));
    expect(server.asked.length).toBeGreaterThan(0);
  });

  it('the same values fetched on two days give the same report but for the date', async () => {
    // (one municipality: the same code paths as a region, fewer values)
    await runFetch(settings('1481', 'day1', { today: new Date('2026-03-01T12:00:00Z'), groups: undefined }));
    await runFetch(settings('1481', 'day2', { today: new Date('2026-03-02T12:00:00Z'), groups: undefined }));
    const [a, b] = await Promise.all(['day1', 'day2'].map((d) => planned(['--recipe', join(tmp, d, 'recipe.json'), '--register', join(ROOT, 'data/sample/register.csv'), '--no-png'])));
    const files = paths(a.plan).filter((f) => f.endsWith('.csv') || f.endsWith('.md'));
    expect(paths(b.plan)).toEqual(paths(a.plan));
    for (const f of files) expect((await text(b.plan, f)).replaceAll('2026-03-02', '2026-03-01'), f).toBe(await text(a.plan, f));
    expect(await text(a.plan, 'region/t1-sorteringsnyckel.md')).toContain('hämtad 2026-03-01');
  });

  it('a region of a file of codes: the file beside the recipe, which the report reads from there', async () => {
    const codes = join(tmp, 'två.txt');
    writeFileSync(codes, '1480\n1481\n');
    await runFetch(settings(codes, 'file-region', { groups: undefined }));
    expect(readFileSync(join(tmp, 'file-region', 'region.txt'), 'utf8')).toBe('1480\n1481\n');
    const r = await planned(['--recipe', join(tmp, 'file-region', 'recipe.json'), '--no-png']);
    expect(r.plan.document.sections[1].sections?.map((k) => k.heading)).toEqual(['1480 Göteborg', '1481 Mölndal']);
  });

  it('ten years of trend: fetched, drawn from the register where it has the year and Kolada before, each value the server\'s or the register\'s', async () => {
    await runFetch(settings('1481', 'ten', { trendYears: 10, groups: undefined }));
    expect(JSON.parse(readFileSync(join(tmp, 'ten', 'kolada.json'), 'utf8')).bistand.requests[0]).toMatch(/\/year\/2012,2013,2014,2015,2016,2017,2018,2019,2020,2021,2022$/);
    const r = await planned(['--recipe', join(tmp, 'ten', 'recipe.json'), '--register', join(ROOT, 'data/sample/register.csv'), '--no-png']);
    const trend = (await rows(r.plan, 'kommun/1481-molndal/trend-utveckling.csv')).filter((p) => p.kommun_code === '1481');
    expect(trend.map((p) => p.year)).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    // before the register's first year (2017) Kolada's
    for (const p of trend.filter((p) => Number(p.year) < 2017)) expect(Number(p.share_pct), p.year).toBe(koladaValue('N31825', '1481', Number(p.year)));
    // the register's earlier years over SCB's population, counted as classify counts them
    const counted = csvObjects((await command(['classify', join(ROOT, 'data/sample/register.csv'), '--year', '2017-2018', '--no-suppress'])).stdout);
    for (const y of ['2017', '2018']) expect(Number(trend.find((p) => p.year === y)!.share_pct), y).toBe(Number(((100 * Number(counted.find((x) => x.kommun_code === '1481' && x.year === y)!.recipients)) / scbAdults('1481', Number(y))).toFixed(1)));
    // the report's own years from the register over SCB's population
    const d1 = await rows(r.plan, 'region/d1-andel-av-befolkningen.csv');
    for (const y of ['2019', '2020', '2021']) expect(trend.find((p) => p.year === y)!.share_pct).toBe(d1.find((p) => p.kommun_code === '1481' && p.year === y)!.share_pct);
    expect(spec(r.plan, 'kommun/1481-molndal/trend-utveckling.vl.json').vconcat[0].title.text.join(' ')).toContain('Till och med 2016: Kolada (N31825)');
    // long-term over the same years: Kolada's N31814 before the register, the register's from 2017
    const long = (await rows(r.plan, 'kommun/1481-molndal/trend-langvarigt.csv')).filter((p) => p.kommun_code === '1481');
    expect(long.map((p) => p.year)).toEqual(trend.map((p) => p.year));
    for (const p of long.filter((p) => Number(p.year) < 2017)) expect(Number(p.share_pct), p.year).toBe(koladaValue('N31814', '1481', Number(p.year)));
    const open = csvObjects((await command(['classify', join(ROOT, 'data/sample/register.csv'), '--year', '2019-2021'])).stdout).filter((x) => x.kommun_code === '1481');
    for (const y of ['2019', '2020', '2021']) expect(long.find((p) => p.year === y)!.share_pct, y).toBe(open.find((x) => x.year === y)!.long_term_pct);
  });

  it('a county: its 49 municipalities, the county and Riket in segments Kolada accepts', async () => {
    server.asked.length = 0;
    await runFetch(settings('14', 'lan14', { groups: undefined }));
    const segments = server.asked.map((a) => a.split('/municipality/')[1]?.split('/')[0].split(',').length ?? 0);
    expect(Math.max(...segments)).toBeLessThanOrEqual(25);
    expect(server.asked.join()).toContain('0014');
    expect(JSON.parse(readFileSync(join(tmp, 'lan14', 'recipe.json'), 'utf8')).region).toBe('14');
    // the county's report from the fetched folder: Kolada's values, and with a register SCB's population
    const r = await planned(['--recipe', join(tmp, 'lan14', 'recipe.json'), '--register', join(ROOT, 'data/sample/register.csv'), '--no-png']);
    const d1 = await rows(r.plan, 'region/d1-andel-av-befolkningen.csv');
    expect(Number(d1.find((p) => p.kommun_code === '1480' && p.year === '2020')!.denominator)).toBe(scbAdults('1480', 2020));
    const t1 = await rows(r.plan, 'region/t1-sorteringsnyckel.csv');
    expect(Number(t1.find((x) => x.kommun_code === '1480')!['2021'])).toBe(koladaValue('U31900', '1480', 2021));
  });

  it('an HTTP error is one line with the URL, the status and the service\'s message; nothing written', async () => {
    server.fail = { status: 500, body: JSON.stringify({ detail: 'Internal Server Error' }) };
    try {
      const line = await errorOf(runFetch(settings('gr', 'fails')));
      expect(line).toMatch(/^bistand: Kolada: http:\/\/127\.0\.0\.1:\d+\/v3\/data\/kpi\/N31807,.* answered HTTP 500: Internal Server Error — the service has a problem/);
      expect(existsSync(join(tmp, 'fails'))).toBe(false);
    } finally {
      server.fail = undefined;
    }
  });

  it('an answer not as documented names the field', async () => {
    server.fail = { status: 200, body: JSON.stringify({ rows: [] }) };
    try {
      expect(await errorOf(runFetch(settings('gr', 'shape')))).toMatch(/^bistand: Kolada: the answer of .* is not as documented: no "values" list/);
    } finally {
      server.fail = undefined;
    }
  });

  it('offline: one line naming the host, in seconds, exit 1, no folder', async () => {
    const out = join(tmp, 'offline');
    // a port nothing listens on: one just closed
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const started = Date.now();
    const r = await cliAsync(['fetch', '--year', '2021', '--region', 'gr', '--out', out], { BISTAND_KOLADA_URL: `http://127.0.0.1:${port}/v3` });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^bistand: Kolada: could not reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) — run fetch where there is a connection`));
    expect(existsSync(out)).toBe(false);
  });

  it("the report's KPIs are the ones its outputs read", () => {
    const sources = readdirSync(join(ROOT, 'src/report/outputs')).map((f) => readFileSync(join(ROOT, 'src/report/outputs', f), 'utf8')).join('\n');
    const read = new Set([...sources.matchAll(/'([NU]3\d{4})'/g)].map((m) => m[1]));
    expect([...read].filter((k) => !(REPORT_KPIS as readonly string[]).includes(k))).toEqual([]);
  });
});
