/**
 * Figures you can publish: what the report does when data is missing or wrong — a municipality
 * without rows, a register of one year, no reason column, a year past the data, public Kolada
 * files only, an input no output uses, bad populations and region files. Each case is the command
 * line a user types on files made from the sample, the report planned in-process (planned.ts);
 * classify and tidy are spawned.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliAsync, csvObjects, command } from '../helpers.js';
import { paths, planned, plannedError, rows as planRows, spec, text, type Planned } from './planned.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-coverage-'));
const sample = (f: string) => join(ROOT, 'data/sample', f);
const registerLines = readFileSync(sample('register.csv'), 'utf8').trimEnd().split('\n');
const write = (name: string, lines: string[]) => {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
};
/** register rows kept by a test on their fields (person_id;kommun;year;month;hinder;age;sex) */
const registerWhere = (name: string, keep: (f: string[]) => boolean) => write(name, [registerLines[0], ...registerLines.slice(1).filter((l) => keep(l.split(';')))]);
const report = (args: string[]) => planned(['--year', '2021', ...args]);
const failed = (args: string[]) => plannedError(['--year', '2021', ...args]);
const rows = (r: Planned, file: string) => planRows(r.plan, `region/${file}`);
const population = ['--population', sample('population.csv')];

describe('a register without one municipality (Öckerö)', () => {
  let r: Planned;
  beforeAll(async () => {
    r = await report(['--register', registerWhere('no-ockero.csv', (f) => f[1] !== '1407'), ...population]);
  }, 120_000);

  it('is "uppgift saknas" in every chart, never 0', async () => {
    for (const file of ['d1-andel-av-befolkningen.csv', 'd4-langvarigt-per-kommun.csv', 'd5-forsorjningshinder.csv']) {
      const mine = (await rows(r, file)).filter((p) => p.kommun_code === '1407');
      expect(mine.length, file).toBeGreaterThan(0);
      for (const p of mine) expect([p.status, p.share_pct, p.numerator], file).toEqual(['missing', '', '']);
    }
  });

  it("leaves the region's numerator and denominator, and says so", async () => {
    const d1 = (await rows(r, 'd1-andel-av-befolkningen.csv')).filter((p) => p.year === '2021');
    const pop = csvObjects(readFileSync(sample('population.csv'), 'utf8').replace(/;/g, ','));
    const others = d1.filter((p) => /^\d{4}$/.test(p.kommun_code) && p.kommun_code !== '1407');
    const pooled = d1.find((p) => p.region_figure === 'pooled')!;
    expect(Number(pooled.numerator)).toBe(others.reduce((a, p) => a + Number(p.numerator), 0));
    const adults = (code: string) => Number(pop.find((r) => r.kommun === code && r['år'] === '2021')!['folkmängd 18+']);
    expect(Number(pooled.denominator)).toBe(others.reduce((a, p) => a + adults(p.kommun_code), 0));
    const unweighted = d1.find((p) => p.region_figure === 'unweighted')!;
    expect(unweighted.drawn).toBe('yes');
    const mean = others.reduce((a, p) => a + (100 * Number(p.numerator)) / adults(p.kommun_code), 0) / others.length;
    expect(Number(unweighted.share_pct)).toBeCloseTo(mean, 1);
    expect(r.stderr).toContain('warning: Göteborgsregionen 2019, 2020, 2021: no rows for Öckerö (1407)');
    const svg = await text(r.plan, 'region/d1-andel-av-befolkningen.svg');
    expect(svg).toContain('uppgift saknas: Öckerö 2019, 2020, 2021; ingår inte i Göteborgsregionens värde.');
    expect(svg).toContain('medel av 12 av 13 kommuner');
  });

  it("draws Öckerö's slots as – , and its own profile says its values are missing", async () => {
    const d4 = spec(r.plan, 'region/d4-langvarigt-per-kommun.vl.json');
    expect(d4.data.values.filter((v: { code: string }) => v.code === '1407').map((v: { marker: string }) => v.marker)).toEqual(['–', '–']);
    // another municipality's trend does not carry the region chart's list of who is missing
    expect(JSON.stringify(spec(r.plan, 'kommun/1481-molndal/trend-utveckling.vl.json'))).not.toContain('Öckerö');
    const own = spec(r.plan, 'kommun/1407-ockero/d4-langvarigt-per-kommun.vl.json');
    expect(own.title.subtitle).toContain('Öckerö markerad — uppgift saknas eller dold för alla dess värden');
  });

  it('classify --region gr --total says its Totalt sums 12 of the 13', async () => {
    const r = await command(['classify', join(dir, 'no-ockero.csv'), '--year', '2021', '--region', 'gr', '--total']);
    expect(r.stderr).toContain('warning: Göteborgsregionen 2021: no rows for Öckerö (1407) (uppgift saknas, not 0); the Totalt row sums 12 of the 13 municipalities');
    const s = await command(['classify', join(dir, 'no-ockero.csv'), '--year', '2021', '--region', 'storstad']);
    expect(s.stderr).toContain('Storstäderna 2021: no rows for Stockholm (0180), Malmö (1280)');
  });
});

describe('a register of one year', () => {
  let r: Planned;
  beforeAll(async () => {
    r = await report(['--register', registerWhere('one-year.csv', (f) => f[2] === '2021'), ...population]);
  }, 120_000);

  it('gives 2019 and 2020 as missing, never 0 %', async () => {
    const d1 = await rows(r, 'd1-andel-av-befolkningen.csv');
    for (const p of d1.filter((x) => x.year !== '2021')) expect([p.status, p.share_pct], `${p.kommun_name} ${p.year}`).toEqual(['missing', '']);
    expect(d1.filter((x) => x.year === '2021').every((p) => p.status === 'ok')).toBe(true);
    expect(r.stderr).toContain('warning: ');
    expect(r.stderr).toMatch(/has no rows in 2019: the report's figures for 2019 are missing/);
    expect(await text(r.plan, 'region/d1-andel-av-befolkningen.svg')).toContain('indata har inga värden för 2019, 2020');
  });

  it('draws no very long-term it cannot decide', async () => {
    const d3 = await rows(r, 'd3-langvarigt-regionen.csv');
    expect(d3.filter((p) => p.series.startsWith('Mycket'))).toEqual([]);
    expect(d3.filter((p) => p.drawn === 'yes' && p.status === 'ok').map((p) => p.year)).toEqual(['2021']);
  });
});

describe('inputs that cannot give a figure', () => {
  it('a register without a reason column: D5 is skipped with its reason, not drawn at 0 %', async () => {
    const lines = registerLines.map((l) => l.split(';').filter((_f, i) => i !== 4).join(';'));
    const r = await report(['--register', write('no-reasons.csv', lines), ...population]);
    expect(r.stderr).toContain('note: D5 (Försörjningshinder per kommun) not made: the register has no försörjningshinder column');
    expect(paths(r.plan).filter((f) => f.includes('d5-'))).toEqual([]);
    expect(await text(r.plan, 'index.md')).toContain('**D5** Försörjningshinder per kommun — *inte gjord:* registret har ingen kolumn för försörjningshinder');
  });

  it('a year past the data is an error', async () => {
    expect(await failed(['--register', sample('register.csv'), '--year', '2022'])).toContain('register.csv: no rows in 2022: the input covers 2017-01…2021-12');
  });

  it('public Kolada files only: D3/D4 are skipped when they give no value, not drawn as empty axes', async () => {
    const r = await report(['--kolada', join(ROOT, 'test/fixtures/hallbarometern_langvarigt.csv')]);
    expect(r.stderr).toContain('note: D3, D4 not made: the inputs have no value for any municipality of Göteborgsregionen in 2019–2021');
    expect(paths(r.plan)).toEqual(['index.md']);
  });

  it('an input no output uses is named', async () => {
    const r = await report(['--register', sample('register.csv'), ...population, '--sdb', join(ROOT, 'test/fixtures/sdb_ekb_manad_hushall_2017.csv')]);
    expect(r.stderr).toContain('sdb_ekb_manad_hushall_2017.csv was read but no output of the report uses it');
    expect(r.stderr).not.toContain('population.csv was read but');
  });
});

describe('--region-mean', () => {
  it('pooled draws all recipients over all inhabitants; the CSV has both', async () => {
    const r = await report(['--register', sample('register.csv'), ...population, '--region-mean', 'pooled']);
    const gr = (await rows(r, 'd1-andel-av-befolkningen.csv')).filter((p) => p.kommun_code === 'gr' && p.year === '2021');
    expect(gr.map((p) => [p.region_figure, p.drawn])).toEqual([
      ['unweighted', 'no'],
      ['pooled', 'yes'],
    ]);
    const pooled = gr[1];
    expect(Number(pooled.share_pct)).toBeCloseTo((100 * Number(pooled.numerator)) / Number(pooled.denominator), 1);
    const d1 = spec(r.plan, 'region/d1-andel-av-befolkningen.vl.json');
    expect(d1.data.values.some((v: { name: string }) => v.name === 'Göteborgsregionen (sammanvägt)')).toBe(true);
    expect(d1.data.values.some((v: { name: string }) => v.name === 'Göteborgsregionen (ovägt medel)')).toBe(false);
  });
});

describe('aggregated values are checked', () => {
  const popLines = readFileSync(sample('population.csv'), 'utf8').trimEnd().split('\n');
  const withPop = (name: string, from: string, to: string) => write(name, popLines.map((l) => (l === from ? to : l)));
  const line = (code: string) => popLines.findIndex((l) => l.startsWith(`${code};2021;`)) + 1;

  for (const bad of ['-5', '0', '12,5']) {
    it(`a population of ${bad} is an error at its line and column`, async () => {
      const from = popLines.find((l) => l.startsWith('1407;2021;'))!;
      const p = withPop(`pop${bad}.csv`, from, from.replace(/;\d+$/, `;${bad}`));
      expect(await failed(['--register', sample('register.csv'), '--population', p])).toContain(`pop${bad}.csv:${line('1407')}:4 (folkmängd 18+): population "${bad}" is not a positive whole number`);
    });
  }

  it('a population smaller than the recipients counted is an error, not a share of 566 %', async () => {
    const from = popLines.find((l) => l.startsWith('1407;2021;'))!;
    const p = withPop('pop3.csv', from, from.replace(/;\d+$/, ';3'));
    // (the check is the same whether counts are hidden: without, it comes sooner)
    expect(await failed(['--register', sample('register.csv'), '--no-suppress', '--population', p])).toContain(`pop3.csv:${line('1407')}:4: Öckerö 2021: population 3 is smaller than the number of recipients the register counts`);
  });

  it('a Kolada share above 100 % is an error naming the file, line and value', async () => {
    const p = write('kolada-bad.csv', ['kpi,municipality_id,year,gender,value', 'U31404,1480,2021,T,59', 'U31404,1481,2021,T,870']);
    const r = (await cliAsync(['tidy', p]));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('kolada-bad.csv:3:5: U31404 Mölndal 2021: 870 % is above 100 %');
  });
});

describe('region files', () => {
  it('a duplicate, an unknown code and a bad line are errors listing each', async () => {
    const p = write('min-region.txt', ['kommun', '1480', '1481', '1480', '9999', '14x1']);
    const r = (await cliAsync(['classify', sample('register.csv'), '--year', '2021', '--region', p]));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('min-region.txt:4: 1480 twice (lines 2 and 4); line 5: 9999 is not one of the 290 municipalities; line 6: "14x1" is not a 4-digit municipality code');
  });

  it("a file named like a municipality's code does not take that municipality's place", async () => {
    const p = write('1481.txt', ['1480', '1481', '1482']);
    const r = await report(['--register', sample('register.csv'), ...population, '--region', p]);
    const d1 = (await rows(r, 'd1-andel-av-befolkningen.csv')).filter((x) => x.year === '2021');
    expect(d1.filter((x) => x.kommun_code === '1481')).toHaveLength(1);
    expect(d1.filter((x) => x.kommun_code === 'region-1481').map((x) => x.region_figure)).toEqual(['unweighted', 'pooled']);
  });
});
