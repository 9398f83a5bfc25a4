/**
 * An attacker with every survey figure of many reports (issue 38, 1): each region a user could
 * give — GR, every county, Riket, each municipality, GR without one or two of its
 * municipalities, random sets of codes — and every focus. A published mean with its n gives the
 * sum of the answers of its group, and the attacker knows the municipalities a group is drawn
 * from (the region; the focus; the region without it). Two figures of the same item, one's
 * municipalities inside the other's, whose n differ by 1 or 2 give one or two respondents'
 * answers. The report's own outputs are searched for such a pair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { readSurvey } from '../../src/io/survey.js';
import { loadCounties, loadMunicipalities } from '../../src/io/reference.js';
import { FROM_SURVEY, buildOutputs } from '../../src/report/catalogue.js';
import type { ReportContext } from '../../src/report/context.js';
import { Facts } from '../../src/report/facts.js';
import { GR, type Region } from '../../src/domain/municipalities.js';
import type { SurveyChart } from '../../src/charts/types.js';
import type { SurveyRead } from '../../src/domain/survey.js';

const munis = loadMunicipalities();

function context(survey: SurveyRead, region: Region, surveyFocus?: string): ReportContext {
  return {
    year: 2021,
    years: [2019, 2020, 2021],
    region,
    areas: (c) => munis.area(c),
    facts: new Facts(),
    suppress: { enabled: true, minCount: 5, minDenominator: 10 },
    credit: 'test',
    regionMean: 'unweighted',
    allCodes: () => munis.kommuner.map((k) => k.code),
    groups: [],
    survey,
    surveyFocus,
  };
}

/** A seeded random number generator (mulberry32), so that the regions tried are the same each run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every region a user could give for a survey of these municipalities, and then some. */
function regions(surveyed: string[]): Region[] {
  const all = munis.kommuner.map((k) => k.code);
  const out: Region[] = [GR, { id: 'riket', name: 'Riket', codes: all }];
  for (const c of loadCounties()) out.push({ id: `lan-${c.code}`, name: c.name, codes: all.filter((k) => munis.byCode(k)!.countyCode === c.code) });
  for (const k of surveyed) out.push({ id: `kommun-${k}`, name: k, codes: [k] }, { id: `utan-${k}`, name: `GR utan ${k}`, codes: GR.codes.filter((x) => x !== k) });
  for (const a of surveyed) for (const b of surveyed) if (a < b) out.push({ id: `utan-${a}-${b}`, name: 'två färre', codes: GR.codes.filter((x) => x !== a && x !== b) });
  const next = random(38);
  for (let i = 0; i < 150; i++) {
    const codes = [...GR.codes, '0180', '1380', '1383'].filter(() => next() < 0.7);
    if (codes.length) out.push({ id: `slump-${i}`, name: 'slump', codes });
  }
  return out;
}

interface Figure {
  where: string;
  key: string;
  n: number;
  mean: number;
  /** the municipalities the group is drawn from, as the attacker knows them */
  from: Set<string>;
}

/** Every published mean of the survey's diagrams, over every region and focus. */
function published(survey: SurveyRead): Figure[] {
  const surveyed = [...new Set(survey.respondents.flatMap((r) => (r.kommun ? [r.kommun] : [])))];
  const figures: Figure[] = [];
  for (const region of regions(surveyed))
    for (const focus of [undefined, ...surveyed]) {
      for (const o of buildOutputs(context(survey, region, focus), FROM_SURVEY)) {
        if (o.kind !== 'survey') continue;
        const c = o as SurveyChart;
        const where = `${region.id}/${focus ?? '-'}/${c.id}`;
        // D10's title names its focus (the default focus, when none is given)
        const shown = c.id === 'd10' || c.id === 'd11' ? munis.kommuner.find((k) => c.title.includes(`i ${k.name}`) || c.title.includes(`utom ${k.name})`))?.code : undefined;
        const from = new Set(c.id === 'd10' ? [shown!] : c.id === 'd11' ? region.codes.filter((k) => k !== shown) : region.codes);
        for (const b of c.bars) {
          const q = c.id === 'd12' ? 'Q9' : c.id === 'd8' ? 'Q8' : 'Q7';
          if (c.template !== 'tenure' && b.value !== null) figures.push({ where, key: `${q}|${b.label}`, n: b.n, mean: b.value, from });
          if (c.template === 'gap' && b.second !== null && b.second !== undefined) figures.push({ where, key: `Q8|${b.label}`, n: b.n2!, mean: b.second, from });
        }
      }
    }
  return figures;
}

/** Pairs of figures of one item, one group's municipalities inside the other's, whose n differ by 1 or 2. */
function differencing(figures: Figure[]): string[] {
  const byKey = new Map<string, Figure[]>();
  for (const f of figures) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  const found = new Set<string>();
  for (const [key, fs] of byKey) {
    // one figure per group of municipalities and n is enough
    const distinct = [...new Map(fs.map((f) => [`${[...f.from].sort().join(',')}|${f.n}`, f])).values()];
    for (const a of distinct)
      for (const b of distinct) {
        const d = a.n - b.n;
        if ((d === 1 || d === 2) && [...b.from].every((k) => a.from.has(k))) found.add(`${key}: n ${a.n} (${a.where}) − n ${b.n} (${b.where})`);
      }
  }
  return [...found];
}

const sample = readSurvey(readFileSync(join(ROOT, 'data/sample/survey.csv')), 'survey.csv');

describe('survey figures cannot be differenced (issue 38, 1)', () => {
  it('the sample: Härryda as focus (one respondent) draws neither D10 nor D11', () => {
    const outs = buildOutputs(context(sample, GR, '1401'), FROM_SURVEY);
    expect(outs.filter((o) => o.id === 'd10' || o.id === 'd11').map((o) => o.kind)).toEqual(['skipped', 'skipped']);
    expect(outs.find((o) => o.id === 'd9')!.kind).toBe('survey');
  });

  it('the sample: no two figures of any region and focus differ by 1 or 2 respondents', () => {
    const figures = published(sample);
    // the attack found something to compare: GR's figures, Göteborg's and the rest's
    expect(new Set(figures.map((f) => f.n)).size).toBeGreaterThan(2);
    expect(differencing(figures)).toEqual([]);
  });

  it('a survey with stray respondents (Stockholm, Halmstad) and blank answers: none either, and GR is still drawn', () => {
    const text = readFileSync(join(ROOT, 'data/sample/survey.csv'), 'utf8').trimEnd().split('\n');
    const head = text[0];
    const rows = text.slice(1);
    // a Stockholm and a Halmstad respondent, and a blank answer in a small municipality's row
    const stray = [rows[0].replace('Göteborg', 'Stockholm'), rows[1].replace('Göteborg', 'Halmstad')];
    const blanked = rows.map((r, i) => (i === rows.length - 1 ? r.replace(/,Mycket viktigt,/, ',,') : r));
    const survey = readSurvey(Buffer.from([head, ...blanked, ...stray].join('\n') + '\n'), 'stray.csv');
    expect(differencing(published(survey))).toEqual([]);
    const gr = buildOutputs(context(survey, GR), FROM_SURVEY).find((o) => o.id === 'd9')!;
    expect(gr.kind).toBe('survey');
    expect((gr as SurveyChart).notes.join(' ')).toContain('2 svarande som arbetar utanför Göteborgsregionen ingår inte.');
  });
});
