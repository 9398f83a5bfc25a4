/**
 * D6–D12 from the survey of first-line managers (SPEC §3.3, §5), from the respondents who work in
 * the report's region. Respondents are few and most municipalities have one, so no figure is per
 * municipality; a group (the region, the focus municipality, the rest) of fewer than 3
 * respondents is not drawn, a mean of fewer than 3 answers is hidden, and every group is a union
 * of the survey's cells (domain/survey-groups.ts), so that no two figures can be differenced
 * down to fewer than 3 respondents.
 */
import { AREAS, FULFILMENT, GRID, IMPORTANCE, Respondent, type SurveyRead } from '../../domain/survey.js';
import { RegionRespondents, SurveyCells, countedAnswers, regionRespondents, surveyCells } from '../../domain/survey-groups.js';
import { Output, OutputId, OutputModule, ReportContext, Skipped, areaName, skip } from '../context.js';
import { SV } from '../../texts-sv.js';
import { GR, STORSTAD } from '../../domain/municipalities.js';
import { loadCounties } from '../../io/reference.js';
import type { SurveyBar, SurveyChart } from '../../charts/types.js';

export type { SurveyBar, SurveyChart };

export const MIN_RESPONDENTS = 3;
export const MIN_ANSWERS = 3;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The mean of a grid question's item over those who answered it, of cells with at least
 * MIN_ANSWERS answers to it (survey-groups.ts); hidden under MIN_ANSWERS.
 */
function itemMean(g: Group, q: 'Q7' | 'Q8' | 'Q9', item: number): { value: number | null; n: number } {
  const { kept } = countedAnswers(g.rs, g.cells, (r) => r.grid[q].has(item), MIN_ANSWERS);
  const xs = kept.map((r) => r.grid[q].get(item)!);
  return { value: xs.length >= MIN_ANSWERS ? mean(xs) : null, n: xs.length };
}

/** A group of respondents a figure is drawn from, and the survey's cells it is a union of. */
interface Group {
  rs: Respondent[];
  cells: SurveyCells;
}

/**
 * The region's respondents, or why no survey figure can be drawn for the region: one
 * municipality, too few, or a region that takes part of a cell of the survey's respondents.
 */
export function surveyRegion(c: ReportContext): { group: Group; read: RegionRespondents } | { skip: (id: OutputId, title: string) => Skipped } {
  const cells = cellsOf(c);
  const read = regionRespondents(c.survey!.respondents, c.region.codes, cells);
  if (c.region.codes.length === 1) return { skip: (id, title) => skip(id, title, 'surveyOneMunicipality') };
  if (read.rs.length < MIN_RESPONDENTS) return { skip: (id, title) => skip(id, title, 'surveyTooFew', c.region.name, read.rs.length, MIN_RESPONDENTS) };
  if (read.splitsCell) return { skip: (id, title) => skip(id, title, 'surveySplitsCell', c.region.name) };
  return { group: { rs: read.rs, cells }, read };
}

/** Highest first by the unrounded value, ties (and hidden ones, last) in questionnaire order. */
function sorted<T extends { value: number | null; order: number }>(xs: T[], key: (x: T) => number | null = (x) => x.value): T[] {
  return [...xs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === null && kb === null ? a.order - b.order : ka === null ? 1 : -1;
    return kb - ka || a.order - b.order;
  });
}

const source = (c: ReportContext) => SV.surveySource(c.survey!.year ?? c.year, c.credit);

function means(c: ReportContext, g: Group, id: 'd7' | 'd8' | 'd12', q: 'Q7' | 'Q8' | 'Q9'): SurveyChart {
  const rs = g.rs;
  const items = GRID[q].items;
  const bars = sorted(items.map((label, i) => ({ label, ...itemMean(g, q, i + 1), order: i })));
  const hidden = bars.filter((b) => b.value === null && b.n > 0).length;
  return {
    kind: 'survey',
    id,
    slug: { d7: 'kompetensomradenas-vikt', d8: 'tillgodoser-kompetensbehovet', d12: 'forutsattningar' }[id],
    title: { d7: SV.d7Title, d8: SV.d8Title, d12: SV.d12Title }[id],
    subtitle: SV.surveyMeanSubtitle(rs.length, q === 'Q9' ? 'förutsättning' : 'område'),
    template: 'means',
    bars: bars.map(({ order: _o, ...b }) => b),
    scale: q === 'Q7' ? IMPORTANCE : FULFILMENT,
    ...(id === 'd8' ? { rule: 3 } : {}),
    source: source(c),
    notes: [...(id === 'd8' ? [SV.d8Rule] : []), ...(hidden ? [SV.surveyHiddenMeans(hidden, MIN_ANSWERS)] : [])],
  };
}

function gap(c: ReportContext, id: 'd9' | 'd10' | 'd11', g: Group, group: string): SurveyChart | Output {
  const title = SV.gapTitle(group);
  const rs = g.rs;
  if (rs.length < MIN_RESPONDENTS) return skip(id, title, 'surveyTooFew', group, rs.length, MIN_RESPONDENTS);
  const bars = AREAS.map((label, i) => {
    const imp = itemMean(g, 'Q7', i + 1);
    const ful = itemMean(g, 'Q8', i + 1);
    const diff = imp.value !== null && ful.value !== null ? imp.value - ful.value : null;
    return { label, value: imp.value, n: imp.n, second: ful.value, n2: ful.n, gap: diff, order: i };
  });
  return {
    kind: 'survey',
    id,
    slug: { d9: 'kompetensgap-regionen', d10: 'kompetensgap-fokus', d11: 'kompetensgap-ovriga' }[id],
    title,
    subtitle: SV.gapSubtitle(rs.length),
    template: 'gap',
    bars: sorted(bars, (b) => b.gap).map(({ order: _o, ...b }) => b),
    scale: FULFILMENT,
    source: source(c),
    notes: [SV.gapScalesDiffer],
  };
}

function tenure(c: ReportContext, g: Group, read: RegionRespondents): SurveyChart | Output {
  const rs = g.rs;
  const consistent = (r: Respondent) => {
    const { Q4, Q5a, Q5b, Q5c } = r.counts;
    return Q4 !== undefined && Q5a !== undefined && Q5b !== undefined && Q5c !== undefined && Q5a + Q5b + Q5c === Q4 && Q4 > 0;
  };
  // consistent answers of cells with at least 3 of them, so that no report's D6 differs from another's by fewer
  const { kept, left } = countedAnswers(rs, g.cells, consistent, MIN_RESPONDENTS);
  if (kept.length < MIN_RESPONDENTS) return skip('d6', SV.d6Title, 'surveyTooFew', c.region.name, kept.length, MIN_RESPONDENTS);
  const staff = kept.reduce((s, r) => s + r.counts.Q4!, 0);
  const part = (k: 'Q5a' | 'Q5b' | 'Q5c') => kept.reduce((s, r) => s + r.counts[k]!, 0);
  const counted = (k: 'Q3' | 'Q4') => countedAnswers(rs, g.cells, (r) => r.counts[k] !== undefined, MIN_RESPONDENTS).kept;
  const sum = (k: 'Q3' | 'Q4') => counted(k).reduce((s, r) => s + r.counts[k]!, 0);
  const bars: SurveyBar[] = [
    { label: SV.tenureShort, value: Math.round((100 * part('Q5a')) / staff), n: part('Q5a') },
    { label: SV.tenureMiddle, value: Math.round((100 * part('Q5b')) / staff), n: part('Q5b') },
    { label: SV.tenureLong, value: Math.round((100 * part('Q5c')) / staff), n: part('Q5c') },
  ];
  return {
    kind: 'survey',
    id: 'd6',
    slug: 'tid-i-yrket',
    title: SV.d6Title,
    subtitle: SV.d6Subtitle(kept.length, rs.length - kept.length, staff),
    template: 'tenure',
    bars,
    source: source(c),
    notes: [SV.d6Sums(sum('Q3'), counted('Q3').length, sum('Q4'), counted('Q4').length), ...(left ? [SV.d6SmallCells(left)] : [])],
    respondents: { used: kept.length, leftOut: read.outside + read.unknown + read.stray + rs.length - kept.length },
  };
}

/** Who of the survey's respondents the region's figures leave out, and why. */
function leftOutNotes(c: ReportContext, read: RegionRespondents, g: Group): string[] {
  return [
    ...(read.outside ? [SV.surveyOutside(read.outside, c.region.name)] : []),
    ...(read.unknown ? [SV.surveyNoKommun(read.unknown)] : []),
    ...(read.stray ? [SV.surveyStray(read.stray, g.cells.area)] : []),
  ];
}

/** The survey's cells, worked out once per survey: they do not depend on the report. */
const CELLS = new WeakMap<SurveyRead, SurveyCells>();
function cellsOf(c: ReportContext): SurveyCells {
  const known = CELLS.get(c.survey!);
  if (known) return known;
  const cells = surveyCells(c.survey!.respondents, builtInRegions(c), MIN_RESPONDENTS);
  CELLS.set(c.survey!, cells);
  return cells;
}

/** The built-in regions a survey's own area is one of (survey-groups.ts): GR, the metropolitan three, each county, Riket. */
function builtInRegions(c: ReportContext): { name: string; codes: readonly string[] }[] {
  const all = c.allCodes();
  const countyOf = new Map(all.map((k) => [k, c.areas(k)?.countyCode]));
  const counties = loadCounties().map((county) => ({ name: county.name, codes: all.filter((k) => countyOf.get(k) === county.code) }));
  return [GR, STORSTAD, ...counties, { name: SV.riket, codes: all }];
}

/** A survey diagram of the region's respondents, or why it is not drawn. */
const fromSurvey = (id: SurveyChart['id'], title: (c: ReportContext) => string, make: (c: ReportContext, g: Group, read: RegionRespondents) => Output) => (c: ReportContext): Output => {
  if (!c.survey) return skip(id, title(c), 'needsSurvey');
  const region = surveyRegion(c);
  if ('skip' in region) return region.skip(id, title(c));
  const out = make(c, region.group, region.read);
  return out.kind === 'survey' ? { ...out, notes: [...out.notes, ...leftOutNotes(c, region.read, region.group)] } : out;
};

/**
 * The focus municipality: given, else the region's with the most respondents (Göteborg in GR).
 * Only a municipality that is a cell of its own can be one (survey-groups.ts).
 */
export function focusOf(c: ReportContext, g: Group): string | undefined {
  if (c.surveyFocus) return c.surveyFocus;
  const counts = new Map<string, number>();
  for (const r of g.rs) if (r.kommun && g.cells.own.has(r.kommun)) counts.set(r.kommun, (counts.get(r.kommun) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** D10 (the focus) or D11 (the rest): drawn only when the focus is a cell of its own in the region, so that D9 − D11 is no smaller group. */
function split(c: ReportContext, g: Group, id: 'd10' | 'd11'): Output {
  const focus = focusOf(c, g);
  const name = focus ? areaName(c, focus) : SV.focusMunicipality;
  const title = SV.gapTitle(id === 'd10' ? name : SV.restOf(c.region.name, name));
  if (!focus) return skip(id, title, 'surveyNoFocus', c.region.name, MIN_RESPONDENTS);
  if (!c.region.codes.includes(focus)) return skip(id, title, 'surveyFocusOutside', name, c.region.name);
  const mine = g.rs.filter((r) => r.kommun === focus);
  if (!g.cells.own.has(focus)) return skip(id, title, 'surveyFocusTooFew', name, MIN_RESPONDENTS);
  const rs = id === 'd10' ? mine : g.rs.filter((r) => r.kommun !== focus);
  return gap(c, id, { ...g, rs }, id === 'd10' ? name : SV.restOf(c.region.name, name));
}

export const d6: OutputModule = { id: 'd6', inputs: '--survey', build: fromSurvey('d6', () => SV.d6Title, tenure) };
export const d7: OutputModule = { id: 'd7', inputs: '--survey', build: fromSurvey('d7', () => SV.d7Title, (c, g) => means(c, g, 'd7', 'Q7')) };
export const d8: OutputModule = { id: 'd8', inputs: '--survey', build: fromSurvey('d8', () => SV.d8Title, (c, g) => means(c, g, 'd8', 'Q8')) };
export const d9: OutputModule = { id: 'd9', inputs: '--survey', build: fromSurvey('d9', (c) => SV.gapTitle(c.region.name), (c, g) => gap(c, 'd9', g, c.region.name)) };
export const d10: OutputModule = { id: 'd10', inputs: '--survey', build: fromSurvey('d10', () => SV.gapTitle(SV.focusMunicipality), (c, g) => split(c, g, 'd10')) };
export const d11: OutputModule = { id: 'd11', inputs: '--survey', build: fromSurvey('d11', (c) => SV.gapTitle(SV.restOf(c.region.name, SV.focusMunicipality)), (c, g) => split(c, g, 'd11')) };
export const d12: OutputModule = { id: 'd12', inputs: '--survey', build: fromSurvey('d12', () => SV.d12Title, (c, g) => means(c, g, 'd12', 'Q9')) };
