/**
 * Every kind of region against every set of inputs (issue 32): a whole report, never a crash,
 * never a wrong label. The space is generated — kinds of region × input sets — and each run is
 * the report as `bistand report --no-png` plans it, in-process, and the region's charts laid out
 * to SVG (writing it is the same code whatever the region: the sample report is written whole
 * for the e2e tests, test/shared-report.ts); the assertions are the same for all: every SVG of a finite size, every chart's municipalities those of the region, its title
 * naming the region, survey figures only from the region's own respondents.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { groupRegion, regionOf } from '../../src/cli/region.js';
import { readGroups } from '../../src/io/groups.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { reportOutputs, type ReportSettings } from '../../src/report/report.js';
import { planReport } from '../../src/report/plan.js';
import { toSvg } from '../../src/charts/render.js';
import { chartSpec } from '../../src/charts/spec.js';
import { surveySpec } from '../../src/charts/survey-spec.js';
import { readSurvey } from '../../src/io/survey.js';
import { workbookAsCsv } from '../../src/io/aggregated/workbook.js';
import type { Region } from '../../src/domain/municipalities.js';

const S = join(ROOT, 'data/sample');
const tmp = mkdtempSync(join(tmpdir(), 'bistand-regions-'));
const munis = loadMunicipalities();
const GROUPS = join(ROOT, 'data/kolada_groups_gr.csv');

// a register that covers 4 of GR's 13 municipalities (a third), and a file region across two counties
const THIRD = ['1480', '1481', '1401', '1384'];
const thirdRegister = join(tmp, 'register-third.csv');
{
  const [head, ...rows] = readFileSync(join(S, 'register.csv'), 'utf8').trimEnd().split('\n');
  const col = head.split(/[,;]/).findIndex((c) => /^kommun/i.test(c));
  writeFileSync(thirdRegister, [head, ...rows.filter((r) => THIRD.includes(r.split(/[,;]/)[col]))].join('\n') + '\n');
}
// a population file without the report's year
const popNo2021 = join(tmp, 'population-no-2021.csv');
{
  const [head, ...rows] = readFileSync(join(S, 'population.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(popNo2021, [head, ...rows.filter((r) => !r.includes(';2021;'))].join('\n') + '\n');
}
const regionFile = join(tmp, 'kust.txt');
writeFileSync(regionFile, 'kommun\n1384\n1380\n1415\n1419\n1407\n');

type Inputs = Pick<ReportSettings, 'register' | 'population' | 'kolada' | 'oj' | 'survey' | 'source'>;
const INPUTS: Record<string, Inputs> = {
  recipe: { register: join(S, 'register.csv'), population: [join(S, 'population.csv')], kolada: [join(S, 'kolada.csv')], oj: join(S, 'oj.csv'), survey: join(S, 'survey.csv'), source: 'exempel' },
  'register only': { register: join(S, 'register.csv'), kolada: [] },
  'kolada + population': { population: [join(S, 'population.csv')], kolada: [join(S, 'kolada.csv')] },
  'no survey': { register: join(S, 'register.csv'), population: [join(S, 'population.csv')], kolada: [join(S, 'kolada.csv')], oj: join(S, 'oj.csv') },
  'register of a third, population without 2021': { register: thirdRegister, population: [popNo2021], kolada: [join(S, 'kolada.csv')], survey: join(S, 'survey.csv') },
};

const groups = readGroups(GROUPS, munis);
const REGIONS: Record<string, () => Region> = {
  'built-in (gr)': () => regionOf('gr'),
  'small county (13)': () => regionOf('13'),
  'large county (Västra Götalands län)': () => regionOf('Västra Götalands län'),
  'group (G128683)': () => groupRegion(regionOf('G128683', true), groups),
  'file of codes': () => regionOf(regionFile),
  'one municipality by code (1481)': () => regionOf('1481'),
  'one municipality by name (Kungsbacka)': () => regionOf('Kungsbacka'),
  riket: () => regionOf('riket'),
};
const surveyRespondents = async () => readSurvey(await workbookAsCsv(readFileSync(join(S, 'survey.csv')), 'survey.csv'), 'survey.csv', {}).respondents;

/** Width and height of an SVG's root element. */
const svgSize = (svg: string) => {
  const m = /^<svg[^>]* width="([^"]*)" height="([^"]*)"/.exec(svg);
  return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
};

const settings = (region: Region, inputs: Inputs, out: string): ReportSettings => ({
    year: 2021,
    region,
    out,
    png: false,
    credit: 'test',
    regionMean: 'unweighted',
    // small counts hidden on the full inputs; the other sets' cases are about regions and gaps,
    // and deciding a pattern for each was most of their time
    suppress: { enabled: inputs === INPUTS.recipe, minCount: 5, minDenominator: 10 },
    gapRule: 'internal',
    groups: GROUPS,
    ...inputs,
    kolada: inputs.kolada ?? [],
    population: inputs.population ?? [],
    sdb: [],
  });

/**
 * The input sets whose charts are laid out for every kind of region: the full one and the one of
 * gaps. A chart's size follows from its template and the number of areas it draws, which the
 * region gives; the other sets draw the same charts with fewer series.
 */
const LAID_OUT = new Set(['recipe', 'register of a third, population without 2021']);

/** The region's outputs planned, and each chart's SVG by its file name in region/ (when laid out). */
async function regionOnly(s: ReportSettings, layout: boolean) {
  const { result, notes } = await reportOutputs(s);
  // every municipality's folder and the documents are planned (a plan of a region can be made)
  const plan = planReport(result.ctx, result.outputs);
  expect(plan.document.sections[1].sections?.length).toBe(s.region.codes.length);
  const svgs = new Map<string, string>();
  for (const o of layout ? result.outputs : []) {
    if (o.kind === 'chart') svgs.set(`${o.id}-${o.slug}.svg`, await toSvg(chartSpec(o)));
    if (o.kind === 'survey') svgs.set(`${o.id}-${o.slug}.svg`, await toSvg(surveySpec(o)));
  }
  return { outputs: result.outputs, notes, svgs };
}

/** The generated cases of one half of the input sets (two test files, so the two halves run side by side). */
export function everyRegion(half: 0 | 1): void {
describe.each(Object.entries(INPUTS).filter((_, i) => i % 2 === half))('inputs: %s', (inputName, inputs) => {
  it.each(Object.keys(REGIONS))('%s: a whole report, charts of the region only', async (regionName) => {
    const region = REGIONS[regionName]();
    const out = join(tmp, `${inputName}-${regionName}`.replace(/[^a-z0-9]+/gi, '-'));
    const s = settings(region, inputs, out);
    const { outputs, notes, svgs } = await regionOnly(s, LAID_OUT.has(inputName));
    const charts = outputs.filter((o) => o.kind === 'chart' || o.kind === 'survey');
    expect(svgs.size).toBe(LAID_OUT.has(inputName) ? charts.length : 0);
    for (const [f, svg] of svgs) {
      const [w, h] = svgSize(svg);
      expect(w > 0 && w < 5000 && h > 0 && h < 10000, `${f}: ${w}×${h}`).toBe(true);
    }
    const members = new Set(region.codes);
    for (const o of charts) {
      if (o.kind !== 'chart') continue;
      // every drawn municipality is the region's (D2 is the metropolitan three), or a comparison
      const drawn = o.points.filter((p) => p.drawn !== false && !p.method && /^\d{4}$/.test(p.code) && !p.code.startsWith('00'));
      if (o.id !== 'd2') for (const p of drawn) expect(members.has(p.code), `${o.id}: ${p.name}`).toBe(true);
      // one municipality is never set against a mean of itself
      if (region.codes.length === 1) expect(o.points.some((p) => p.method), o.id).toBe(false);
      if (o.id === 'd1' || o.id === 'd3') expect(o.title, o.id).toContain(region.name);
    }
    // survey figures: none for one municipality; otherwise from the region's respondents alone
    const survey = charts.filter((o) => o.kind === 'survey');
    if (region.codes.length === 1 || !inputs.survey) expect(survey.map((o) => o.id)).toEqual([]);
    else {
      const rs = (await surveyRespondents()).filter((r) => r.kommun && members.has(r.kommun));
      for (const o of survey) {
        if (o.kind !== 'survey' || o.id === 'd6' || o.id === 'd10' || o.id === 'd11') continue;
        expect(o.subtitle, `${o.id} of ${region.name}`).toContain(`(${rs.length} svar)`);
      }
      const d10 = survey.find((o) => o.id === 'd10');
      if (d10 && d10.kind === 'survey') expect(members.has(munis.kommuner.find((k) => d10.title.endsWith(k.name))?.code ?? ''), d10.title).toBe(true);
    }
    // a member without a figure is named on stderr, per chart
    for (const o of charts)
      if (o.kind === 'chart' && o.gaps?.length) expect(notes.some((n) => n.id === 'outputGaps' && n.text.startsWith(`${o.id.toUpperCase()}:`)), `${o.id} gaps`).toBe(true);
    if (inputs.register && !inputs.source) expect(notes.map((n) => n.id)).toContain('registerUncredited');
  });
});
}
