/**
 * The report's outputs, each built in-process from typed facts (no files, no rendering): what
 * each computes, which source it takes, why it is skipped, and the notes the pipeline returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartData, Point } from '../../src/charts/types.js';
import { GR } from '../../src/domain/municipalities.js';
import { DEFAULT_SUPPRESS, SuppressOptions } from '../../src/domain/suppress.js';
import { readAggregated } from '../../src/io/aggregated/read.js';
import { readSurvey } from '../../src/io/survey.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { openSource } from '../../src/io/source.js';
import { NoteLog } from '../../src/notes.js';
import { runRegisterTable } from '../../src/pipeline/register.js';
import { CATALOGUE, buildOutputs } from '../../src/report/catalogue.js';
import { Output, OUTPUT_IDS, ReportContext, ReportSettings, TableData } from '../../src/report/context.js';
import { Facts } from '../../src/report/facts.js';
import { gatherFacts } from '../../src/report/gather.js';
import { planReport } from '../../src/report/plan.js';
import { ROOT } from '../helpers.js';
import { planned } from './planned.js';

const munis = loadMunicipalities();
const sample = (f: string) => join(ROOT, 'data/sample', f);
const YEARS = [2019, 2020, 2021];

function context(facts: Facts, suppress: SuppressOptions = DEFAULT_SUPPRESS): ReportContext {
  return { year: 2021, years: YEARS, region: GR, areas: (c) => munis.area(c), facts, suppress, credit: 'test', regionMean: 'unweighted', allCodes: () => munis.kommuner.map((k) => k.code), groups: [] };
}
function settings(over: Partial<ReportSettings>): ReportSettings {
  return { year: 2021, region: GR, out: 'unused', population: [], kolada: [], sdb: [], credit: 'test', suppress: DEFAULT_SUPPRESS, gapRule: 'internal', regionMean: 'unweighted', ...over };
}
const byId = (outputs: Output[], id: string) => outputs.find((o) => o.id === id)!;
const chart = (o: Output) => {
  expect(o.kind, `${o.id}: ${o.kind === 'skipped' ? o.reasonEn : ''}`).toBe('chart');
  return o as ChartData;
};
const table = (o: Output) => {
  expect(o.kind).toBe('table');
  return o as TableData;
};
const point = (c: ChartData, code: string, series?: string, year = 2021): Point => c.points.find((p) => p.code === code && p.year === year && (series === undefined || p.series === series))!;

/** Facts from an in-memory Kolada CSV. */
function koladaFacts(lines: string[]): Facts {
  const facts = new Facts();
  facts.addValues(readAggregated(Buffer.from(['kpi,municipality_id,year,gender,value', ...lines].join('\n') + '\n'), 'k.csv').rows);
  return facts;
}

let sampleFacts: Facts;
let sampleNotes: NoteLog;
beforeAll(async () => {
  sampleNotes = new NoteLog();
  const gathered = await gatherFacts(
    settings({ register: sample('register.csv'), population: [sample('population.csv')], kolada: [sample('kolada.csv')], oj: sample('oj.csv') }),
    YEARS,
    sampleNotes,
  );
  sampleFacts = gathered.facts;
});

describe('the catalogue', () => {
  it('lists every output once, in report order', () => {
    expect(CATALOGUE.map((o) => o.id)).toEqual([...OUTPUT_IDS]);
  });

  it('gathering notes every input it read', () => {
    expect(sampleNotes.ids()).toEqual(expect.arrayContaining(['summary', 'childrenLeftOut', 'tidySummary']));
  });

  it('on the sample every output is made', () => {
    const survey = readSurvey(readFileSync(sample('survey.csv')), 'survey.csv');
    expect(buildOutputs({ ...context(sampleFacts), survey }).map((o) => `${o.id}:${o.kind}`)).toEqual([
      ...['t1:table', 't2:table', 't3:table', 't4:table', 't5:table', 't6:table', 't7:table', 't8:skipped', 't9:table', 't10:skipped', 'd1:chart', 'd2:chart', 'd3:chart', 'd4:chart', 'd5:chart'],
      ...['d6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12'].map((d) => `${d}:survey`),
    ]);
  });
});

describe('register outputs agree with classify and reasons', () => {
  for (const suppressed of [false, true]) {
    it(suppressed ? 'suppressed: the charts show the counts the tables show, or hide more' : 'with suppression off: every count equal', async () => {
      const suppress = { ...DEFAULT_SUPPRESS, enabled: suppressed };
      const outputs = buildOutputs(context(sampleFacts, suppress));
      const run = async (t: 'classify' | 'reasons') =>
        (await runRegisterTable(await openSource(sample('register.csv')), { table: t, years: [2021], gapRule: 'internal', municipalities: munis, suppress, total: false, collectRejects: false })).result.table;
      const classify = await run('classify');
      const reasons = await run('reasons');
      const same = (shown: unknown, inTable: unknown, what: string) => {
        if (suppressed && shown === 'X') return;
        expect(shown, what).toBe(inTable);
      };
      const d4 = chart(byId(outputs, 'd4'));
      for (const [code, name, , recipients, longTerm, , veryLong] of classify.rows) {
        const long = point(d4, code as string, 'Långvarigt (≥ 10 mån)');
        same(long.numerator, longTerm, `${name} long_term`);
        same(long.denominator, recipients, `${name} recipients`);
        same(point(d4, code as string, 'Mycket långvarigt (≥ 27 av 36 mån)').numerator, veryLong, `${name} very_long_term`);
      }
      const d5 = chart(byId(outputs, 'd5'));
      for (const [code, name, , , unemployment] of reasons.rows) same(point(d5, code as string, 'Arbetslöshet').numerator, unemployment, `${name} unemployment`);
    });
  }
});

describe('T1–T3', () => {
  it('T1 is U31900 per municipality; T3 U31404 with Riket last; missing values as markers', () => {
    const outputs = buildOutputs(context(sampleFacts));
    const t1 = table(byId(outputs, 't1'));
    expect(t1.table.rows.find((r) => r[0] === '1480')![t1.table.columns.findIndex((c) => c.name === '2021')]).toBe(6);
    const t3 = table(byId(outputs, 't3'));
    expect(t3.table.rows.at(-1)!.slice(0, 2)).toEqual(['0000', 'Riket']);
    expect(t3.table.columns.map((c) => c.name).slice(2)).toEqual(['2020', '2021', '2022']);
    expect(t3.table.rows.find((r) => r[0] === '1407')![4]).toBe('X');
    expect(t3.notes).toContain('X = sekretess, – = uppgift saknas, . = ej tillämpligt');
  });

  it('T2 counts Ja / Nej / Delvis / no answer of the ÖJ units in the region', () => {
    const t2 = table(byId(buildOutputs(context(sampleFacts)), 't2'));
    const oj = readFileSync(sample('oj.csv'), 'utf8').trim().split('\n').slice(2).map((l) => l.split(';'));
    const [, ja, nej, delvis, none] = t2.table.rows[0] as number[];
    expect(ja).toBe(oj.filter((r) => r[1] === 'Ja').length);
    expect(ja + nej + delvis + none).toBe(oj.length);
  });

  it('without their inputs: skipped, with the reason in Swedish for the reader and English for the command line', () => {
    const outputs = buildOutputs(context(new Facts()));
    expect(outputs.every((o) => o.kind === 'skipped')).toBe(true);
    expect(byId(outputs, 't1')).toMatchObject({ reasonEn: 'needs Kolada U31900 (--kolada)', reasonSv: 'behöver Koladas nyckeltal U31900' });
    expect(byId(outputs, 't3')).toMatchObject({ reasonEn: expect.stringContaining('or an ÖJ file'), reasonSv: expect.stringContaining('eller en ÖJ-fil') });
    expect(byId(outputs, 't2')).toMatchObject({ reasonSv: 'behöver Öppna jämförelsers enkät (ÖJ)' });
  });
});

describe('charts from Kolada alone', () => {
  const lines: string[] = [];
  GR.codes.forEach((k, i) => {
    for (const y of YEARS) lines.push(`N31825,${k},${y},T,${(2 + i / 10).toFixed(1)}`);
    lines.push(`N31858,${k},2021,T,30`, `N31859,${k},2021,T,${k === '1407' ? '..' : '10'}`, `N31860,${k},2021,T,15`, `N31861,${k},2021,T,5`, `N31863,${k},2021,T,8`);
  });
  const outputs = buildOutputs(context(koladaFacts(lines)));

  it('D1 from N31825, with the unweighted mean of the region', () => {
    const d1 = chart(byId(outputs, 'd1'));
    expect(d1.subtitle).toMatch(/^Vuxna biståndsmottagare, andel av befolkningen 18\+ år/);
    expect(point(d1, GR.codes[0]).pct).toBeCloseTo(2.0);
    const shares = GR.codes.map((_k, i) => 2 + i / 10);
    expect(point(d1, 'gr').pct).toBeCloseTo(shares.reduce((a, b) => a + b) / shares.length);
    expect(point(d1, 'gr').name).toBe('Göteborgsregionen (ovägt medel)');
  });

  it("D5 from Socialstyrelsen's categories summed into the report's groups; a suppressed part hides the sum", () => {
    const d5 = chart(byId(outputs, 'd5'));
    expect(point(d5, '1384', 'Arbetslöshet').pct).toBe(40);
    expect(point(d5, '1384', 'Ohälsa').pct).toBe(20);
    expect(point(d5, '1407', 'Arbetslöshet').status).toBe('suppressed');
    expect(d5.source).toBe('Källa: Kolada (N31858, N31859, N31860, N31861, N31863), bearbetning: test');
  });

  it("Riket's published value is a bar of its own after the region", () => {
    const withRiket = buildOutputs(context(koladaFacts([...lines, ...YEARS.map((y) => `N31825,0000,${y},T,2.5`)])));
    const d1 = chart(byId(withRiket, 'd1'));
    expect(d1.order.slice(-2)).toEqual(['Göteborgsregionen (ovägt medel)', 'Riket']);
    expect(point(d1, '0000').pct).toBe(2.5);
  });

  it('a region whose members are mostly missing is not drawn, and the note says why', () => {
    const few = GR.codes.slice(0, 5).map((k) => `N31825,${k},2021,T,3.0`);
    const d1 = chart(byId(buildOutputs(context(koladaFacts(few))), 'd1'));
    expect(point(d1, 'gr')).toMatchObject({ pct: null, status: 'missing' });
    expect(d1.notes).toContain('Göteborgsregionen 2021 visas inte: uppgift saknas för 8 av 13 kommuner.');
  });

  it('D3/D4 need a register or N31814 / U31801', () => {
    expect(byId(outputs, 'd4')).toMatchObject({ kind: 'skipped', reasonEn: 'needs --register, or Kolada N31814 / U31801' });
  });
});

describe('D5 from a register without reasons', () => {
  it('is skipped, not drawn at 0 %', async () => {
    const facts = new Facts();
    // the facts a register gives when no group was counted
    facts.registerYears = YEARS;
    const d5 = byId(buildOutputs(context(facts)), 'd5');
    expect(d5).toMatchObject({ kind: 'skipped', reasonEn: expect.stringMatching(/^the register has no försörjningshinder column/) });
  });
});

describe('index.md', () => {
  it('lists what was skipped and why, in Swedish, and warns when small counts are shown', async () => {
    const ctx = context(new Facts(), { ...DEFAULT_SUPPRESS, enabled: false });
    const index = planReport(ctx, buildOutputs(ctx)).index.join('\n');
    expect(index).toContain('**D5** Försörjningshinder per kommun — *inte gjord:* behöver registeruppgifter med försörjningshinder');
    expect(index).toContain('Små tal är inte dolda');
  });

  it('links each chart to the picture the run drew and names only the files it wrote', async () => {
    const args = ['--year', '2021', '--kolada', sample('kolada.csv'), '--population', sample('population.csv')];
    const [drawn, notDrawn] = await Promise.all([planned(args), planned([...args, '--no-png'])]);
    const lineOf = (p: Awaited<typeof drawn>, start: string) => p.plan.index.find((l) => l.startsWith(start));
    expect(lineOf(drawn, '- **D1**')).toMatch(/\(region\/d1-andel-av-befolkningen\.png\) \(diagram: \.png, \.svg, \.vl\.json, \.csv\)$/);
    expect(lineOf(notDrawn, '- **D1**')).toMatch(/\(region\/d1-andel-av-befolkningen\.svg\) \(diagram: \.svg, \.vl\.json, \.csv\)$/);
    expect(lineOf(drawn, 'Rapporten som Word-dokument')).toContain('med diagrammen som bilder');
    expect(lineOf(notDrawn, 'Rapporten som Word-dokument')).toContain('utan diagrammens bilder');
  });
});
