/** The report end to end on the bundled sample, and the checks a reader of it would make. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT, cliAsync, command } from '../helpers.js';
import { sampleReport } from '../shared-report.js';
import { toPngAsync } from '../../src/charts/render.js';
import { axisLabels, overlaps, textBoxes } from '../charts/text-boxes.js';
import { planned, spec, text } from './planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-report-'));
let out = '';
const read = (p: string) => readFileSync(join(out, p), 'utf8');
const csvRows = (text: string) => {
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
};

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let stderr = '';
beforeAll(async () => {
  const r = await sampleReport();
  expect(r.status, r.stderr).toBe(0);
  out = r.out;
  stderr = r.stderr;
}, 120_000);

describe('report on the sample', () => {
  it('writes every table and chart of the catalogue, in every format, and an index', async () => {
    for (const base of ['t1-sorteringsnyckel', 't2-kunskapsbaserad-verksamhet', 't3-socionomexamen'])
      for (const ext of ['csv', 'sv.csv', 'md']) expect(existsSync(join(out, 'region', `${base}.${ext}`)), `${base}.${ext}`).toBe(true);
    for (const base of ['d1-andel-av-befolkningen', 'd2-storstaderna', 'd3-langvarigt-regionen', 'd4-langvarigt-per-kommun', 'd5-forsorjningshinder', 'd6-tid-i-yrket', 'd7-kompetensomradenas-vikt', 'd8-tillgodoser-kompetensbehovet', 'd9-kompetensgap-regionen', 'd10-kompetensgap-fokus', 'd11-kompetensgap-ovriga', 'd12-forutsattningar'])
      for (const ext of ['vl.json', 'svg', 'png', 'csv']) expect(existsSync(join(out, 'region', `${base}.${ext}`)), `${base}.${ext}`).toBe(true);
    const index = read('index.md');
    expect(index).toContain('[Försörjningshinder per kommun](region/d5-forsorjningshinder.png)');
    expect(readdirSync(join(out, 'kommun'))).toHaveLength(13);
    expect(readdirSync(join(out, 'kommun', '1481-molndal'))).toEqual(expect.arrayContaining(['d1-andel-av-befolkningen.png', 'trend-utveckling.png', 't3-socionomexamen.md']));
    expect(stderr).toMatch(/wrote \d+ files to .* in [\d.]+ s/);
    // a V8 flag a later V8 dropped, or a deprecated module bundled out of node_modules (vega's
    // loader), would print here: the suite runs on Node 20 and 24
    expect(stderr).not.toMatch(/unrecognized flag|Try --help|Warning:/);
  });

  it('register-based charts show the counts classify and reasons show, or hide more (suppression off: test/report/outputs.test.ts)', async () => {
    const sample = join(ROOT, 'data/sample/register.csv');
    const classify = csvRows((await command(['classify', sample, '--year', '2021'])).stdout);
    const reasons = csvRows((await command(['reasons', sample, '--year', '2021'])).stdout);
    const d4 = csvRows(read('region/d4-langvarigt-per-kommun.csv'));
    const d5 = csvRows(read('region/d5-forsorjningshinder.csv'));
    // the chart data may hide more (it prints a region total), never show other numbers
    const same = (chart: string, table: string, what: string) => {
      if (chart !== 'X') expect(chart, what).toBe(table);
    };
    for (const c of classify) {
      const long = d4.find((p) => p.kommun_code === c.kommun_code && p.series.startsWith('Långvarigt'))!;
      same(long.numerator, c.long_term, `${c.kommun_name} long_term`);
      same(long.denominator, c.recipients, `${c.kommun_name} recipients`);
      const vlong = d4.find((p) => p.kommun_code === c.kommun_code && p.series.startsWith('Mycket'))!;
      same(vlong.numerator, c.very_long_term, `${c.kommun_name} very_long_term`);
    }
    for (const x of reasons) {
      const u = d5.find((p) => p.kommun_code === x.kommun_code && p.series === 'Arbetslöshet')!;
      same(u.numerator, x.unemployment, `${x.kommun_name} unemployment`);
      if (u.share_pct !== '' && x.unemployment_pct !== 'X') expect(u.share_pct, x.kommun_name).toBe(x.unemployment_pct);
    }
  });

  it('classify --region gr --total hides the same cells as the report, so neither gives the other away', async () => {
    const classify = csvRows((await command(['classify', join(ROOT, 'data/sample/register.csv'), '--year', '2021', '--region', 'gr', '--total'])).stdout);
    const d4 = csvRows(read('region/d4-langvarigt-per-kommun.csv'));
    for (const c of classify) {
      const code = c.kommun_name === 'Totalt' ? 'gr' : c.kommun_code;
      // the region's pooled figure is the total of its municipalities, as classify's Totalt
      const long = d4.find((p) => p.kommun_code === code && p.series.startsWith('Långvarigt') && (code !== 'gr' || p.region_figure === 'pooled'))!;
      expect([long.denominator, long.numerator], c.kommun_name).toEqual([c.recipients, c.long_term]);
    }
    expect(d4.some((p) => p.numerator === 'X')).toBe(true);
  });

  it('T1–T3 come back from the Kolada and ÖJ inputs, missing values as markers, Riket last in T3', async () => {
    const t3 = csvRows(read('region/t3-socionomexamen.csv'));
    expect(t3.at(-1)).toMatchObject({ kommun_code: '0000', kommun_name: 'Riket' });
    // the years the input has up to Y+1 (ÖJ is published the year after), as the GR report
    expect(Object.keys(t3[0]).filter((k) => /^\d{4}$/.test(k))).toEqual(['2020', '2021', '2022']);
    expect(t3.find((r) => r.kommun_code === '1407')!['2022']).toBe('X');
    expect(t3.find((r) => r.kommun_code === '1462')!['2020']).toBe('–');
    const kolada = readFileSync(join(ROOT, 'data/sample/kolada.csv'), 'utf8');
    const u31404 = kolada.split('\n').find((l) => l.startsWith('U31404,1481,Mölndal,2021'))!.split(',')[5];
    expect(t3.find((r) => r.kommun_code === '1481')!['2021']).toBe(u31404);
    const t1 = csvRows(read('region/t1-sorteringsnyckel.csv'));
    expect(t1.find((r) => r.kommun_code === '1480')!['2021']).toBe('6');
    // Göteborg's socialförvaltningar as rows of their own, under Göteborg
    const gbg = t1.filter((r) => r.kommun_code === '1480').map((r) => `${r.kommun_name}:${r['2021']}`);
    expect(gbg).toEqual(['Göteborg:6', 'Göteborg – socialförvaltning Centrum:5', 'Göteborg – socialförvaltning Hisingen:7', 'Göteborg – socialförvaltning Nordost:9', 'Göteborg – socialförvaltning Sydväst:6']);
    const t2 = csvRows(read('region/t2-kunskapsbaserad-verksamhet.csv'));
    const oj = readFileSync(join(ROOT, 'data/sample/oj.csv'), 'utf8').trim().split('\n').slice(2).map((l) => l.split(';'));
    const first = t2[0];
    expect(Number(first.ja)).toBe(oj.filter((r) => r[1] === 'Ja').length);
    expect(Number(first.delvis)).toBe(oj.filter((r) => r[1] === 'Delvis').length);
    expect(Number(first.ja) + Number(first.nej) + Number(first.delvis) + Number(first.ej_svar)).toBe(oj.length);
  });

  it('the Swedish Excel CSV: BOM, semicolons, decimal comma, codes kept as text', async () => {
    const t = readFileSync(join(out, 'region/t3-socionomexamen.sv.csv'));
    expect([...t.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = t.toString('utf8').slice(1).split('\r\n');
    // the reader's form: Swedish headers (the .csv keeps SPEC §7's names)
    expect(lines[0]).toBe('Kommunkod;Kommun;2020;2021;2022');
    expect(lines[1]).toMatch(/^="\d{4}";[^;]+;/);
  });

  it('charts: SVG with Swedish numbers, the source line and notes; PNG at print width', async () => {
    const svg = read('region/d1-andel-av-befolkningen.svg');
    // the recipe's "source": the sample is not Socialstyrelsen's register
    expect(svg).toContain('Källa: syntetiskt exempelregister (bistand sample) 2019–2021, bearbetning: bistand (exempeldata)');
    expect(svg).toMatch(/>\d\u00a0%</);
    const trend = read('kommun/1481-molndal/trend-utveckling.svg');
    expect(trend).toMatch(/>\d,\d\u00a0%</);
    const size = pngSize(join(out, 'region/d1-andel-av-befolkningen.png'));
    expect(size.width).toBe(1890);
    expect(size.height).toBeGreaterThan(800);
    const spec = JSON.parse(read('region/d1-andel-av-befolkningen.vl.json'));
    expect(spec.description).toMatch(/^Andel av befolkningen med ekonomiskt bistånd i Göteborgsregionen\. .*Högst: .* Lägst: /);
    expect(spec.title.subtitle).toMatch(/2019–2021/);
  });

  it('the five-year sample gives very long-term for all three years of D3', async () => {
    const d3 = csvRows(read('region/d3-langvarigt-regionen.csv'));
    expect(d3.filter((p) => p.series.startsWith('Mycket') && p.drawn === 'yes' && p.status === 'ok').map((p) => p.year)).toEqual(['2019', '2020', '2021']);
    expect(read('region/d3-langvarigt-regionen.svg')).not.toContain('ritas inte');
  });

  it('a highlighted municipality in its own folder', async () => {
    const spec = JSON.parse(read('kommun/1481-molndal/d4-langvarigt-per-kommun.vl.json'));
    expect(spec.vconcat[0].layer[0].encoding.opacity.condition.test).toBe("datum.code === '1481'");
    expect(spec.title.subtitle).toContain('Mölndal markerad');
  });

  it('golden Vega-Lite specs (UPDATE_GOLDEN=1 rewrites them; review the diff)', async () => {
    for (const id of ['d1-andel-av-befolkningen', 'd2-storstaderna', 'd3-langvarigt-regionen', 'd4-langvarigt-per-kommun', 'd5-forsorjningshinder']) {
      const got = read(`region/${id}.vl.json`);
      const golden = join(ROOT, 'test/golden', `${id}.vl.json`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, got);
      expect(got, id).toBe(readFileSync(golden, 'utf8'));
    }
  });

});

describe('report: T3 from the ÖJ survey', () => {
  it('takes the socionomexamen question when Kolada U31404 is not given; Göteborg is the mean of its units', async () => {
    const oj = join(dir, 'oj-t3.csv');
    writeFileSync(
      oj,
      'ÖJ 2021\nEnhet;Rutin;Andel handläggare med socionomexamen\nAle;Ja;80\nMölndal;Nej;X\nGtb, Socialförvaltning Centrum;Delvis;70\nGtb, Socialförvaltning Nordost;Ja;90\n',
    );
    const o = join(dir, 'oj-out');
    const r = (await cliAsync(['report', '--year', '2021', '--oj', oj, '--out', o]));
    expect(r.status, r.stderr).toBe(0);
    const t3 = csvRows(readFileSync(join(o, 'region/t3-socionomexamen.csv'), 'utf8'));
    expect(t3.find((x) => x.kommun_code === '1440')!['2021']).toBe('80');
    expect(t3.find((x) => x.kommun_code === '1481')!['2021']).toBe('X');
    expect(t3.find((x) => x.kommun_code === '1480')!['2021']).toBe('80');
    const t2 = csvRows(readFileSync(join(o, 'region/t2-kunskapsbaserad-verksamhet.csv'), 'utf8'));
    expect(t2.map((x) => x.fraga)).toEqual(['Rutin']);
    expect(readFileSync(join(o, 'region/t3-socionomexamen.md'), 'utf8')).toContain('Göteborg: medel av socialförvaltningarnas svar.');
    // what the inputs cannot support is skipped with a reason, on stderr and in index.md
    expect(r.stderr).toContain('note: D5 (Försörjningshinder per kommun) not made: needs --register with a försörjningshinder column');
    const index = readFileSync(join(o, 'index.md'), 'utf8');
    expect(index).toContain('**D5** Försörjningshinder per kommun — *inte gjord:* behöver registeruppgifter');
    expect(index).toContain('**T1** Socioekonomisk sorteringsnyckel per kommun — *inte gjord:* behöver Koladas nyckeltal U31900');
  });
});

describe('report: paths and privacy', () => {
  it('names from inputs never become paths: a name like ../x stops the run and nothing is written outside --out', async () => {
    const k = join(dir, 'evil.csv');
    writeFileSync(k, 'kpi,municipality,year,gender,value\nU31404,../x,2021,T,70\n');
    const o = join(dir, 'safe', 'out');
    const r = (await cliAsync(['report', '--year', '2021', '--kolada', k, '--out', o]));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/"\.\.\/x" is not the name of a municipality/);
    expect(existsSync(join(dir, 'safe', 'x'))).toBe(false);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(existsSync(o)).toBe(false);
  });

  it('a --name-map spelling like ../../x still writes under code and slug', async () => {
    const k = join(dir, 'mapped.csv');
    writeFileSync(k, 'kpi,municipality,year,gender,value\nU31404,../../x,2021,T,70\n');
    const map = join(dir, 'map.csv');
    writeFileSync(map, '../../x;1481\n');
    const r = (await cliAsync(['tidy', k, '--name-map', map]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1481,Mölndal,U31404,2021,T,70,ok');
  });

  it('no person id in any output of the report', async () => {
    const ids = new Set(readFileSync(join(ROOT, 'data/sample/register.csv'), 'utf8').split('\n').slice(1, 2000).map((l) => l.split(';')[0]));
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    for (const f of walk(out).filter((f) => /\.(csv|md|json)$/.test(f))) {
      const text = readFileSync(f, 'utf8');
      for (const id of [...ids].slice(0, 200)) expect(text.includes(`,${id},`) || text.includes(`;${id};`), `${f} holds ${id}`).toBe(false);
    }
  });
});

describe("the sample report's charts", () => {
  let svgs: string[] = [];
  beforeAll(() => {
    svgs = ['region', ...readdirSync(join(out, 'kommun')).map((k) => `kommun/${k}`)].flatMap((d) =>
      readdirSync(join(out, d))
        .filter((f) => f.endsWith('.svg'))
        .map((f) => join(out, d, f)),
    );
  });

  it('no chart repeats a tick label, in any folder', () => {
    expect(svgs.length).toBeGreaterThan(50);
    for (const f of svgs) for (const labels of axisLabels(readFileSync(f, 'utf8'))) expect(new Set(labels).size, `${f}: ${labels.join(' | ')}`).toBe(labels.length);
  });

  it('no text under 7 pt when a chart is printed 16 cm wide, as in rapport.docx', () => {
    const small = svgs.flatMap((f) => {
      const svg = readFileSync(f, 'utf8');
      const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)/g)].map((m) => Number(m[1]));
      const pt = (Math.min(...sizes) * 453.5) / width;
      return pt < 7 ? [`${f.slice(out.length + 1)}: ${pt.toFixed(1)} pt`] : [];
    });
    expect(svgs.length).toBeGreaterThan(60);
    expect(small).toEqual([]);
  });

  it('no chart of the sample report prints text over text (laid-out boxes measured)', async () => {
    for (const f of svgs.filter((f) => !f.includes('/kommun/') || f.includes('1407-'))) {
      const boxes = await textBoxes(JSON.parse(readFileSync(f.replace(/\.svg$/, '.vl.json'), 'utf8')));
      expect(boxes.length).toBeGreaterThan(5);
      expect(overlaps(boxes), f).toEqual([]);
    }
  });

  it('every hidden value of D4 is marked, and the note gives the reason and the threshold', () => {
    const spec = JSON.parse(readFileSync(join(out, 'region/d4-langvarigt-per-kommun.vl.json'), 'utf8'));
    const hidden = spec.data.values.filter((v: { status: string }) => v.status === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((v: { marker: string }) => v.marker === 'X')).toBe(true);
    expect(spec.vconcat[0].title.text.join(' ')).toMatch(/X = dolt \(sekretess\): \d+ värden? på färre än 5 personer/);
  });

  it('the .vl.json renders Swedish numbers and names its font fallbacks with the plain vega-lite CLI', () => {
    const spec = join(out, 'region/d1-andel-av-befolkningen.vl.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vega-lite/bin/vl2svg'), spec], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/>\d,\d\u00a0%</);
    expect(r.stdout).not.toMatch(/>\d\.\d%</);
    expect(r.stdout).toContain('font-family="DejaVu Sans, Arial, Helvetica, sans-serif"');
  });

  it('the PNG says 300 dpi (pHYs), so Word places it at 16 cm', async () => {
    const png = readFileSync(join(out, 'region/d1-andel-av-befolkningen.png'));
    const at = png.indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
    // the chunk's CRC is right: a PNG reader that checks it (resvg does) reads the file back
    const again = await toPngAsync(readFileSync(join(out, 'region/d1-andel-av-befolkningen.svg'), 'utf8'), 400);
    writeFileSync(join(dir, 'check.png'), again);
    expect(again.indexOf('pHYs')).toBe(37);
  });

  it('a --no-suppress chart says it is not for publication', async () => {
    const { plan } = await planned(['--recipe', join(ROOT, 'data/sample/recipe.json'), '--no-suppress', '--no-png']);
    expect(spec(plan, 'region/d4-langvarigt-per-kommun.vl.json').title.subtitle).toContain('Ej för publicering – små tal visas');
    expect(await text(plan, 'index.md')).toContain('Ej för publicering – små tal visas');
  }, 120_000);
});
