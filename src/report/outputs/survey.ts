/**
 * D6–D12 from the survey of first-line managers (SPEC §3.3, §5). Respondents are few and most
 * municipalities have one, so no figure is per municipality; a group (the focus municipality,
 * the rest) of fewer than 3 respondents is not drawn, and a mean of fewer than 3 answers is
 * hidden.
 */
import { AREAS, FULFILMENT, GRID, IMPORTANCE, Respondent } from '../../domain/survey.js';
import { Output, OutputModule, ReportContext, areaName, skip } from '../context.js';
import { SV } from '../../texts-sv.js';
import type { SurveyBar, SurveyChart } from '../../charts/types.js';

export type { SurveyBar, SurveyChart };

export const MIN_RESPONDENTS = 3;
export const MIN_ANSWERS = 3;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The mean of a grid question's item over those who answered it; hidden under MIN_ANSWERS. */
function itemMean(rs: Respondent[], q: 'Q7' | 'Q8' | 'Q9', item: number): { value: number | null; n: number } {
  const xs = rs.flatMap((r) => (r.grid[q].has(item) ? [r.grid[q].get(item)!] : []));
  return { value: xs.length >= MIN_ANSWERS ? mean(xs) : null, n: xs.length };
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

function means(c: ReportContext, id: 'd7' | 'd8' | 'd12', q: 'Q7' | 'Q8' | 'Q9'): SurveyChart {
  const rs = c.survey!.respondents;
  const items = GRID[q].items;
  const bars = sorted(items.map((label, i) => ({ label, ...itemMean(rs, q, i + 1), order: i })));
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

function gap(c: ReportContext, id: 'd9' | 'd10' | 'd11', rs: Respondent[], group: string): SurveyChart | Output {
  const title = SV.gapTitle(group);
  if (rs.length < MIN_RESPONDENTS) return skip(id, title, 'surveyTooFew', group, rs.length, MIN_RESPONDENTS);
  const bars = AREAS.map((label, i) => {
    const imp = itemMean(rs, 'Q7', i + 1);
    const ful = itemMean(rs, 'Q8', i + 1);
    const g = imp.value !== null && ful.value !== null ? imp.value - ful.value : null;
    return { label, value: imp.value, n: imp.n, second: ful.value, n2: ful.n, gap: g, order: i };
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

function tenure(c: ReportContext): SurveyChart | Output {
  const rs = c.survey!.respondents;
  const kept = rs.filter((r) => {
    const { Q4, Q5a, Q5b, Q5c } = r.counts;
    return Q4 !== undefined && Q5a !== undefined && Q5b !== undefined && Q5c !== undefined && Q5a + Q5b + Q5c === Q4 && Q4 > 0;
  });
  if (kept.length < MIN_RESPONDENTS) return skip('d6', SV.d6Title, 'surveyTooFew', c.region.name, kept.length, MIN_RESPONDENTS);
  const staff = kept.reduce((s, r) => s + r.counts.Q4!, 0);
  const part = (k: 'Q5a' | 'Q5b' | 'Q5c') => kept.reduce((s, r) => s + r.counts[k]!, 0);
  const sum = (k: 'Q3' | 'Q4') => rs.reduce((s, r) => s + (r.counts[k] ?? 0), 0);
  const answered = (k: 'Q3' | 'Q4') => rs.filter((r) => r.counts[k] !== undefined).length;
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
    notes: [SV.d6Sums(sum('Q3'), answered('Q3'), sum('Q4'), answered('Q4'))],
  };
}

const needsSurvey = (id: SurveyChart['id'], title: string) => (c: ReportContext) => (c.survey ? undefined : skip(id, title, 'needsSurvey'));

/** The focus municipality: given, else the region's with the most respondents (Göteborg in GR). */
export function focusOf(c: ReportContext): string | undefined {
  if (c.surveyFocus) return c.surveyFocus;
  const counts = new Map<string, number>();
  for (const r of c.survey!.respondents) if (r.kommun) counts.set(r.kommun, (counts.get(r.kommun) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export const d6: OutputModule = { id: 'd6', inputs: '--survey', build: (c) => needsSurvey('d6', SV.d6Title)(c) ?? tenure(c) };
export const d7: OutputModule = { id: 'd7', inputs: '--survey', build: (c) => needsSurvey('d7', SV.d7Title)(c) ?? means(c, 'd7', 'Q7') };
export const d8: OutputModule = { id: 'd8', inputs: '--survey', build: (c) => needsSurvey('d8', SV.d8Title)(c) ?? means(c, 'd8', 'Q8') };
export const d9: OutputModule = { id: 'd9', inputs: '--survey', build: (c) => needsSurvey('d9', SV.gapTitle(c.region.name))(c) ?? gap(c, 'd9', c.survey!.respondents, c.region.name) };
export const d10: OutputModule = {
  id: 'd10',
  inputs: '--survey',
  build: (c) => {
    const focus = c.survey ? focusOf(c) : undefined;
    const name = focus ? areaName(c, focus) : SV.focusMunicipality;
    return needsSurvey('d10', SV.gapTitle(name))(c) ?? gap(c, 'd10', c.survey!.respondents.filter((r) => r.kommun === focus), name);
  },
};
export const d11: OutputModule = {
  id: 'd11',
  inputs: '--survey',
  build: (c) => {
    const focus = c.survey ? focusOf(c) : undefined;
    const name = SV.restOf(c.region.name, focus ? areaName(c, focus) : SV.focusMunicipality);
    return needsSurvey('d11', SV.gapTitle(name))(c) ?? gap(c, 'd11', c.survey!.respondents.filter((r) => r.kommun !== focus), name);
  },
};
export const d12: OutputModule = { id: 'd12', inputs: '--survey', build: (c) => needsSurvey('d12', SV.d12Title)(c) ?? means(c, 'd12', 'Q9') };

