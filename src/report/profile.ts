/**
 * A municipality's profile: its key figures against its comparisons — the report's region, its
 * county, Riket and (given --groups) its "liknande kommuner" group — with the change from last
 * year and its rank in the region; the overview of the region (a row per municipality); and the
 * trend of its share of the population against the same comparisons.
 *
 * A comparison's figure is the one Kolada publishes for it when the input has it (Riket `0000`,
 * a county `00NN`, a group `G…`); otherwise the unweighted mean of its members' figures as this
 * report shows them (hidden ones left out, so that the mean reveals none), when at least half of
 * its members have one.
 */
import type { ChartData, Point } from '../charts/types.js';
import { SUPPRESSED, share } from '../domain/suppress.js';
import type { MuniGroup } from '../io/groups.js';
import type { Table } from '../tables/table.js';
import { GROUP_SV, SV } from '../texts-sv.js';
import { ReportContext, areaName, countyOf, yearSpan } from './context.js';
import { KpiId, Measure, REG, RegisterMeasure, countMeasure } from './facts.js';
import { drawable, populationOf } from './points.js';

/** One key figure: its value for a municipality and year as the report shows it, or null. */
export interface KeyFigure {
  id: string;
  label: string;
  /** the overview's column header */
  short?: string;
  /** percentage points (a share) or units (an index) */
  unit: 'pct' | 'index';
  /** 'X' when the report hides it (SPEC §6), null when the inputs do not give it */
  value(code: string, year: number): Figure;
  /** the KPI whose published values for Riket, counties and groups stand for the comparison */
  kpi?: KpiId;
}

export interface Comparison {
  id: 'region' | 'county' | 'riket' | 'group';
  name: string;
  codes: readonly string[];
  /** the area code Kolada publishes the comparison's value under */
  published?: string;
}

type Figure = number | typeof SUPPRESSED | null;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const isNumber = (v: Figure): v is number => typeof v === 'number';

/** The key figures the inputs can give, in the order of the report. */
export function keyFigures(c: ReportContext): KeyFigure[] {
  const f = c.facts;
  const hasRegister = f.registerYears.length > 0;
  const num = (m: Measure, code: string, y: number): number | 'X' | null => {
    const v = f.get(m, code, y);
    if (!v || v.status !== 'ok' || typeof v.value !== 'number') return v?.status === 'suppressed' ? 'X' : null;
    if (!c.suppress.enabled || !m.startsWith('reg:')) return v.value;
    return f.pattern.shown(countMeasure(m as RegisterMeasure), code, y, v.value) as number | 'X' | null;
  };
  const pct = (n: number | 'X' | null, d: number | 'X' | null, minDenominator: boolean) => {
    // a hidden share is X in the table and the trend, not "uppgift saknas"
    return share(n, d, minDenominator ? c.suppress : { ...c.suppress, minDenominator: 0 });
  };
  const kpi = (id: KpiId) => kpiFigure(c, id);
  const figures: KeyFigure[] = [];
  // a profile of every municipality ranks each among the region's: each value is worked out once
  const out = {
    push(k: KeyFigure) {
      const memo = new Map<string, Figure>();
      const value = (code: string, y: number) => {
        const key = `${code}|${y}`;
        if (!memo.has(key)) memo.set(key, k.value(code, y));
        return memo.get(key)!;
      };
      figures.push({ ...k, value });
    },
  };
  const pop = populationOf(c);
  if (hasRegister && pop)
    out.push({ id: 'population_share', label: SV.keyPopulationShare, short: SV.keyPopulationShort, unit: 'pct', value: (k, y) => pct(num(REG.recipients, k, y), num(pop.measure, k, y), false) });
  else {
    const id = (['N31825', 'N31807'] as const).find((k) => f.has(k));
    if (id) out.push({ id: 'population_share', label: SV.keyPopulationShare, short: SV.keyPopulationShort, unit: 'pct', value: kpi(id), kpi: id });
  }
  const ofRecipients = (m: RegisterMeasure) => (k: string, y: number) => pct(num(m, k, y), num(REG.recipients, k, y), true);
  if (hasRegister) {
    out.push({ id: 'long_term', label: SV.longTerm, short: SV.keyLongShort, unit: 'pct', value: ofRecipients(REG.longTerm) });
    out.push({ id: 'very_long_term', label: SV.veryLongTerm, short: SV.keyVeryLongShort, unit: 'pct', value: (k, y) => (f.veryLongYears.has(y) ? ofRecipients(REG.veryLongTerm)(k, y) : null) });
    if (f.registerHasReasons) for (const g of ['unemployment', 'ill_health', 'social'] as const) out.push({ id: g, label: GROUP_SV[g], unit: 'pct', value: ofRecipients(REG.group(g)) });
  } else {
    if (f.has('N31814')) out.push({ id: 'long_term', label: SV.longTerm, short: SV.keyLongShort, unit: 'pct', value: kpi('N31814'), kpi: 'N31814' });
    if (f.has('U31801')) out.push({ id: 'very_long_term', label: SV.veryLongTerm, short: SV.keyVeryLongShort, unit: 'pct', value: kpi('U31801'), kpi: 'U31801' });
  }
  if (f.has('U31900')) out.push({ id: 'sorting_key', label: SV.keySortingKey, short: SV.keySortingShort, unit: 'index', value: kpi('U31900'), kpi: 'U31900' });
  if (f.has('U31404')) out.push({ id: 'social_work_degree', label: SV.keySocialWorkDegree, short: SV.keySocialWorkShort, unit: 'pct', value: kpi('U31404'), kpi: 'U31404' });
  // a figure the inputs give for none of the region's municipalities in Y is no key figure
  return figures.filter((k) => c.region.codes.some((code) => k.value(code, c.year) !== null));
}

/** The municipality's comparisons: the region, its county, Riket, its liknande-kommuner group. */
export function comparisonsOf(c: ReportContext, code: string, groups: readonly MuniGroup[], similar: (name: string) => MuniGroup | undefined): Comparison[] {
  const out: Comparison[] = [];
  const region = c.region;
  const all = c.allCodes();
  if (region.codes.length > 1 && region.codes.length < all.length) out.push({ id: 'region', name: region.name, codes: region.codes });
  const county = countyOf(c, code);
  if (county && county.codes.join() !== region.codes.join()) out.push({ id: 'county', name: county.name, codes: county.codes, published: county.code });
  out.push({ id: 'riket', name: SV.riket, codes: all, published: '0000' });
  const g = groups.length ? similar(areaName(c, code)) : undefined;
  if (g) out.push({ id: 'group', name: g.title, codes: g.members, published: g.id });
  return out;
}

/** A comparison as the profile names it: Riket, a group's mean, or a region's unweighted mean. */
export const comparisonLabel = (cmp: Comparison) => (cmp.id === 'group' ? SV.keyGroupMean(cmp.name) : cmp.id === 'riket' ? SV.riket : SV.unweightedMean(cmp.name));

/** A comparison's figure: published when the input has it, else the mean of the members shown. */
export function comparisonValue(k: KeyFigure, cmp: Comparison, year: number, cache: Map<string, number | null>): number | null {
  const key = `${k.id}|${cmp.id}|${cmp.name}|${year}`;
  if (cache.has(key)) return cache.get(key)!;
  let v: number | null = null;
  if (k.kpi && cmp.published) {
    const published = k.value(cmp.published, year);
    if (isNumber(published)) v = published;
  }
  if (v === null) {
    const vals = cmp.codes.map((m) => k.value(m, year)).filter(isNumber);
    v = drawable(cmp.codes.length - vals.length, cmp.codes.length) ? mean(vals) : null;
  }
  cache.set(key, v);
  return v;
}

const shownInRegion = new WeakMap<KeyFigure, number[]>();

/** The figure's values in Y for the region's municipalities that have one, worked out once for all profiles. */
function regionValues(c: ReportContext, k: KeyFigure): number[] {
  let vals = shownInRegion.get(k);
  if (!vals) shownInRegion.set(k, (vals = c.region.codes.map((m) => k.value(m, c.year)).filter(isNumber)));
  return vals;
}

const round = <T extends Figure>(v: T, d: number): T => (isNumber(v) ? ((Math.round(v * 10 ** d) / 10 ** d) as T) : v);

/**
 * The key-figures table of one municipality: a row per figure with its value in Y, the change
 * from Y−1, its rank among the region's municipalities (1 = highest) and the comparisons.
 */
export function profileTable(c: ReportContext, code: string, figures: KeyFigure[], cmps: Comparison[], cache: Map<string, number | null>): { table: Table; reader: Table } {
  const rows = figures.map((k) => {
    const v = k.value(code, c.year);
    const before = k.value(code, c.year - 1);
    const ranked = regionValues(c, k);
    const rank = isNumber(v) ? 1 + ranked.filter((x) => x > v).length : null;
    return [k.id, k.label, round(v, 1), isNumber(v) && isNumber(before) ? round(v - before, 1) : null, rank, isNumber(v) ? ranked.length : null, ...cmps.map((cmp) => round(comparisonValue(k, cmp, c.year, cache), 1))];
  });
  const cols = [
    { name: 'measure' },
    { name: 'measure_name' },
    { name: 'value', decimals: 1 },
    { name: 'change', decimals: 1 },
    { name: 'rank' },
    { name: 'rank_of' },
    ...cmps.map((cmp) => ({ name: `${cmp.id}_value`, decimals: 1 })),
  ];
  const table: Table = { columns: cols, rows };
  // a report of one municipality has no rank to give (1 of 1)
  const rank = c.region.codes.length > 1;
  const reader: Table = {
    columns: [
      { name: SV.keyMeasure },
      { name: String(c.year), decimals: 1 },
      { name: SV.keyChange(c.year - 1), decimals: 1 },
      ...(rank ? [{ name: SV.keyRank(c.region.name) }] : []),
      ...cmps.map((cmp) => ({ name: comparisonLabel(cmp), decimals: 1 })),
    ],
    // a figure the inputs do not give is "uppgift saknas" (–), never an empty cell that reads as 0
    rows: rows.map((r) => [r[1], r[2] ?? '–', r[3] ?? '–', ...(rank ? [r[4] === null ? '–' : `${r[4]} av ${r[5]}`] : []), ...r.slice(6).map((v) => v ?? '–')]),
  };
  return { table, reader };
}

/** The region's overview: a row per municipality, its key figures in Y. */
export function overviewTable(c: ReportContext, figures: KeyFigure[]): { table: Table; reader: Table } {
  const table: Table = {
    columns: [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...figures.map((k) => ({ name: k.id, decimals: 1 }))],
    rows: c.region.codes.map((code) => [code, areaName(c, code), ...figures.map((k) => round(k.value(code, c.year), 1))]),
  };
  const reader: Table = {
    columns: [{ name: 'Kommunkod' }, { name: 'Kommun' }, ...figures.map((k) => ({ name: k.unit === 'pct' ? `${k.short ?? k.label} (%)` : (k.short ?? k.label), decimals: 1 }))],
    rows: table.rows.map((r) => r.map((v) => v ?? '–')),
  };
  return { table, reader };
}

/** The municipality's share of the population over the years against its comparisons. */
/** A Kolada KPI as a figure: its value, hidden, or null where the input has none. */
const kpiFigure = (c: ReportContext, id: KpiId) => (code: string, y: number): Figure => {
  const v = c.facts.get(id, code, y);
  return v?.status === 'ok' && typeof v.value === 'number' ? v.value : v?.status === 'suppressed' ? SUPPRESSED : null;
};

/**
 * What a profile's trend draws: the key figure where it has the year; before the register's
 * years, Kolada's figure of the same definition (the share of the population: N31825 of adults,
 * N31807 of all inhabitants; long-term N31814, very long-term U31801, of the adult recipients),
 * said in a note. A year neither has is "uppgift saknas", never interpolated.
 */
export function trendFigure(c: ReportContext, figure: KeyFigure): { figure: KeyFigure; note?: string } {
  if (figure.kpi) return { figure };
  // the register's first year: the report's own, or an earlier one of the trend it has rows for
  const first = Math.min(c.years[0], ...c.facts.registerYears);
  const id: KpiId = figure.id === 'long_term' ? 'N31814' : figure.id === 'very_long_term' ? 'U31801' : populationOf(c)?.adults === false ? 'N31807' : 'N31825';
  if (!c.facts.has(id) || !c.trendYears.some((y) => y < first)) return { figure };
  const kolada = kpiFigure(c, id);
  return { figure: { ...figure, id: `${figure.id}_trend`, value: (code, y) => (y < first ? kolada(code, y) : figure.value(code, y)) }, note: SV.trendKolada(id, first - 1) };
}

/** What a trend draws: the share of the population (the default), or the cost per inhabitant. */
export interface TrendKind {
  slug: string;
  title: (name: string) => string;
  subtitle: (from: number, to: number) => string;
  yTitle: string;
  unit?: 'kr';
}
export const SHARE_TREND: TrendKind = { slug: 'utveckling', title: SV.trendTitle, subtitle: SV.trendSubtitle, yTitle: SV.yShareOfPopulation };
export const COST_TREND: TrendKind = { slug: 'kostnad', title: SV.costTrendTitle, subtitle: SV.costTrendSubtitle, yTitle: SV.yCostPerInhabitant, unit: 'kr' };
/** Long-term and very long-term, as shares of the adult recipients, by the key figure each draws. */
export const DURATION_TRENDS: readonly { figure: 'long_term' | 'very_long_term'; kind: TrendKind; index: string }[] = [
  { figure: 'long_term', kind: { slug: 'langvarigt', title: SV.longTrendTitle, subtitle: SV.longTrendSubtitle, yTitle: SV.yShareOfRecipients }, index: SV.indexLongTrend },
  { figure: 'very_long_term', kind: { slug: 'mycket-langvarigt', title: SV.veryLongTrendTitle, subtitle: SV.veryLongTrendSubtitle, yTitle: SV.yShareOfRecipients }, index: SV.indexVeryLongTrend },
];

/** The net cost per inhabitant (Kolada N31008) as a figure of the trend, with Kolada's county and Riket beside it. */
export const costFigure = (c: ReportContext): KeyFigure => ({ id: 'cost', label: SV.costTrendLabel, unit: 'index', value: kpiFigure(c, 'N31008'), kpi: 'N31008' });

export function trendChart(c: ReportContext, code: string, figure: KeyFigure, cmps: Comparison[], cache: Map<string, number | null>, source: string, notes: string[], kind: TrendKind = SHARE_TREND): ChartData {
  const points: Point[] = [];
  const name = areaName(c, code);
  const add = (series: string, pointCode: string, y: number, v: Figure) =>
    points.push({ code: pointCode, name: series, year: y, series, pct: isNumber(v) ? v : null, numerator: null, denominator: null, status: isNumber(v) ? 'ok' : v === SUPPRESSED ? 'suppressed' : 'missing' });
  // the trend's years: from the first any line has a value (up to --trend-years), the report's three always
  const own = c.trendYears.map((y) => figure.value(code, y));
  const theirs = cmps.map((cmp) => c.trendYears.map((y) => comparisonValue(figure, cmp, y, cache)));
  const first = c.trendYears.findIndex((y, i) => y >= c.years[0] || own[i] !== null || theirs.some((vals) => vals[i] !== null));
  const years = c.trendYears.slice(first);
  years.forEach((y, i) => add(name, code, y, own[first + i]));
  // a comparison the inputs give no figure for is named in a note, not drawn as an empty line
  const without: string[] = [];
  cmps.forEach((cmp, j) => {
    const vals = theirs[j].slice(first);
    // a county's value as Kolada publishes it for every year drawn is the county's, not a mean
    const own = cmp.id === 'county' && figure.kpi && years.every((y, i) => vals[i] === null || isNumber(figure.value(cmp.published!, y)));
    const label = own ? cmp.name : comparisonLabel(cmp);
    if (vals.every((v) => v === null)) without.push(label);
    else years.forEach((y, i) => add(label, cmp.published ?? cmp.id, y, vals[i]));
  });
  return {
    kind: 'chart',
    id: 'trend',
    slug: kind.slug,
    title: kind.title(name),
    subtitle: kind.subtitle(years[0], c.year),
    template: 'trend',
    order: years.map(String),
    yTitle: kind.yTitle,
    ...(kind.unit ? { unit: kind.unit } : {}),
    points,
    source: registerSpan(c, source, years),
    notes: [...notes, kind.unit === 'kr' ? SV.comparisonsNoteKr : SV.comparisonsNote, ...(without.length ? [SV.comparisonsMissing(without.join(', '))] : [])],
    codes: [code],
  };
}

/**
 * A source line of the register's years (D1's, "… 2019–2021, …") for a trend that draws the
 * register's earlier years too: from the first of them it draws. A source of Kolada's is as it is.
 */
function registerSpan(c: ReportContext, source: string, years: number[]): string {
  const first = years.find((y) => c.facts.registerYears.includes(y));
  return first !== undefined && first < c.years[0] ? source.replace(yearSpan(c), `${first}–${c.year}`) : source;
}
