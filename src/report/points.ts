/**
 * The arithmetic the charts share: counts per municipality with the region's figure, suppressed
 * together (register), and published shares with the mean of the municipalities (Kolada).
 *
 * The region's figure is, by default, the unweighted mean of its municipalities' shares (as the
 * GR report and Kolada's "ovägt medel"); `--region-mean pooled` gives all recipients over all
 * inhabitants. Both go into the chart's CSV. A municipality the inputs have no figure for is
 * left out of both, and said so; a region whose members are mostly missing is not drawn.
 */
import type { Point, RegionMethod } from '../charts/types.js';
import { PRIMARY, SECONDARY, SuppressOptions, share } from '../domain/suppress.js';
import { totalKey } from '../domain/disclosure.js';
import type { Cell } from '../tables/table.js';
import { ReportContext, areaName, countyOf } from './context.js';
import { REG, countMeasure, type KpiId, type Measure, type PopulationMeasure, type RegisterMeasure } from './facts.js';
import { SV } from '../texts-sv.js';

export interface CountSeries {
  label: string;
  num: Measure;
}

export interface Points {
  points: Point[];
  notes: string[];
}

/** The label of the region's bar: which figure it is. */
export function regionLabel(c: ReportContext, method: RegionMethod = c.regionMean): string {
  return method === 'unweighted' ? SV.unweightedMean(c.region.name) : SV.pooled(c.region.name);
}

/** A report of one municipality: no region figure (a mean of itself), its county and Riket instead. */
export const isSingle = (c: ReportContext) => c.region.codes.length === 1;

/** What the region's charts set their municipalities against: one municipality's county, then Riket (not Riket against itself). */
export function comparisonAreas(c: ReportContext): { code: string; name: string; codes: string[] }[] {
  const all = c.allCodes();
  const out: { code: string; name: string; codes: string[] }[] = [];
  const county = isSingle(c) ? countyOf(c, c.region.codes[0]) : undefined;
  // Gotland is its own county: its county would be itself
  if (county && county.codes.length > 1) out.push(county);
  if (c.region.codes.length < all.length) out.push({ code: '0000', name: SV.riket, codes: all });
  return out;
}

/** Members of a chart's region without a figure, by the years they lack one (a list of codes per set of years). */
export function chartGaps(c: ReportContext, o: { points: readonly Point[]; codes: readonly string[] }): { years: number[]; codes: string[] }[] {
  const years = [...new Set(o.points.map((p) => p.year))].sort();
  const withValue = new Set(o.points.filter((p) => !p.method && (p.status === 'ok' || p.status === 'suppressed')).map((p) => `${p.code}|${p.year}`));
  const has = (code: string, y: number) => withValue.has(`${code}|${y}`);
  const byList = new Map<string, number[]>();
  for (const y of years) {
    const missing = c.region.codes.filter((k) => o.codes.includes(k) && !has(k, y));
    if (missing.length) byList.set(missing.join(','), [...(byList.get(missing.join(',')) ?? []), y]);
  }
  return [...byList].map(([list, ys]) => ({ years: ys, codes: list.split(',') }));
}

/** A grouped chart's order: the municipalities, the region's figure, then the comparisons the points have. */
export function chartOrder(c: ReportContext, codes: readonly string[], points: readonly Point[], label?: string): string[] {
  const present = new Set(points.map((p) => p.code));
  const cmps = comparisonAreas(c).filter((a) => present.has(a.code)).map((a) => a.name);
  if (present.has('0000') && !cmps.includes(SV.riket)) cmps.push(SV.riket);
  return [...codes.map((k) => areaName(c, k)), ...(label && !isSingle(c) ? [label] : []), ...cmps];
}

/** Whether a region with `missing` of `members` municipalities without figures is drawn. */
export const drawable = (missing: number, members: number) => members > 0 && missing * 2 <= members;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Counts of measures per municipality, with the region's figure, suppressed together. Values the
 * facts do not have for a year (very long-term before the register reaches back) are left out.
 */
export function countPoints(
  c: ReportContext,
  codes: string[],
  years: number[],
  series: CountSeries[],
  den: (code: string, year: number) => number | null,
  denIsCount: boolean,
  regionRow: boolean,
): Points {
  const regCode = c.region.id;
  const pattern = c.facts.pattern;
  const value = (m: Measure, code: string, y: number): number | null | undefined => {
    const f = c.facts.get(m, code, y);
    return f ? (f.status === 'ok' ? (f.value as number) : null) : undefined;
  };
  // with a figure: rows in the register for the year (and a denominator)
  const coveredBy = new Map<number, string[]>();
  const covered = (y: number) => {
    if (!coveredBy.has(y)) coveredBy.set(y, codes.filter((k) => value(series[0].num, k, y) !== null && den(k, y) !== null));
    return coveredBy.get(y)!;
  };
  const drawRegion = (y: number) => regionRow && !isSingle(c) && drawable(codes.length - covered(y).length, codes.length);
  const measureOf = (m: Measure) => countMeasure(m as RegisterMeasure);
  /** a count as the register's one pattern shows it, and why it is hidden */
  const shownCount = (m: Measure, code: string, y: number, v: number | null): [Cell, number] => {
    const area = code === regCode ? totalKey(rowCodes(c, y, covered(y))) : code;
    // --no-suppress: the counts as they are (the pattern was decided for the suppressed report)
    if (!c.suppress.enabled) return [v, 0];
    return [pattern.shown(measureOf(m), area, y, v), pattern.stateOf(measureOf(m), area, y) ?? 0];
  };
  const sum = (xs: (number | null | undefined)[]) => (xs.some((x) => x === null || x === undefined) ? null : xs.reduce<number>((a, x) => a + (x as number), 0));
  const out: Point[] = [];
  const notes: string[] = [];
  const partial = new PartialMeans();
  const shareOpts = denIsCount ? c.suppress : { ...c.suppress, minDenominator: 0 };
  const all = c.allCodes();
  const single = isSingle(c);
  const comparisons = comparisonAreas(c);
  const riketCounts: number[] = [];
  const countyCounts: number[] = [];
  /** a municipality's point as the pattern shows its count and denominator */
  const ownPoint = (s: CountSeries, code: string, y: number, denominator: number | null): Point => {
    const [n, ns] = shownCount(s.num, code, y, value(s.num, code, y) ?? null);
    const [d, ds]: [Cell, number] = denIsCount ? shownCount(REG.recipients, code, y, denominator) : [denominator, 0];
    return point(code, areaName(c, code), y, s.label, n, d, shareOpts, hiddenBy(ns, ds));
  };
  /** a comparison's figure: the mean of its members' shares shown, so that, like the region's, it reveals no hidden one */
  const meanOf = (s: CountSeries, y: number, members: readonly string[]) => {
    const shares: number[] = [];
    for (const code of members) {
      const v = value(s.num, code, y);
      const p = v === undefined || v === null ? null : ownPoint(s, code, y, den(code, y));
      if (p && p.pct !== null) shares.push(p.pct);
    }
    return drawable(members.length - shares.length, members.length) ? { mean: mean(shares)!, n: shares.length } : null;
  };
  for (const y of years) {
    const have = covered(y);
    for (const s of series) {
      if (codes.every((k) => value(s.num, k, y) === undefined)) continue;
      const shares: number[] = [];
      for (const code of codes) {
        const p = ownPoint(s, code, y, have.includes(code) ? den(code, y) : null);
        if (p.pct !== null) shares.push(p.pct);
        out.push(p);
      }
      if (!regionRow) continue;
      if (!single) {
        const drawn = drawRegion(y);
        // pooled: the region's total over its denominator
        const [n, ns] = drawn ? shownCount(s.num, regCode, y, sum(have.map((k) => value(s.num, k, y)))) : [null, 0];
        const [d, ds]: [Cell, number] = !drawn ? [null, 0] : denIsCount ? shownCount(REG.recipients, regCode, y, sum(have.map((k) => den(k, y)))) : [sum(have.map((k) => den(k, y))), 0];
        const pooled = point(regCode, regionLabel(c, 'pooled'), y, s.label, n, d, shareOpts, hiddenBy(ns, ds));
        // unweighted: the mean of the shares shown, so that it reveals no hidden one
        const m = drawn && drawable(codes.length - shares.length, codes.length) ? mean(shares) : null;
        const unweighted: Point = { code: regCode, name: regionLabel(c, 'unweighted'), year: y, series: s.label, pct: m, numerator: null, denominator: null, status: m === null ? 'missing' : 'ok' };
        if (m !== null && shares.length < codes.length) partial.add(y, s.label, shares.length, codes.length);
        for (const [method, p] of [['unweighted', unweighted], ['pooled', pooled]] as const) out.push({ ...p, method, drawn: method === c.regionMean });
      }
      // the county (beside one municipality) and Riket, when the register covers them
      for (const cmp of comparisons) {
        const got = meanOf(s, y, cmp.codes);
        if (!got) continue;
        out.push({ code: cmp.code, name: cmp.name, year: y, series: s.label, pct: got.mean, numerator: null, denominator: null, status: 'ok' });
        if (cmp.code === '0000') riketCounts.push(got.n);
        else countyCounts.push(got.n);
      }
    }
    const missing = codes.filter((k) => !have.includes(k));
    if (missing.length && missing.length < codes.length && regionRow && !drawRegion(y)) notes.push(SV.regionNotDrawn(c.region.name, y, missing.length, codes.length));
  }
  notes.unshift(...missingNotes(c, out));
  if (c.regionMean === 'unweighted') notes.push(...partial.notes(c.region.name));
  if (regionRow && !single) notes.push(c.regionMean === 'unweighted' ? SV.unweightedRegion(c.region.name) : SV.pooledRegion(c.region.name));
  if (countyCounts.length) notes.push(SV.countyFromRegister(comparisons[0].name, Math.min(...countyCounts), Math.max(...countyCounts), comparisons[0].codes.length));
  if (riketCounts.length) notes.push(SV.riketFromRegister(Math.min(...riketCounts), Math.max(...riketCounts), all.length));
  return { points: out, notes };
}

/** The codes of a total as the pattern keys it: the municipalities with a register row in the year. */
function rowCodes(c: ReportContext, y: number, codes: string[]): string[] {
  return codes.filter((k) => c.facts.hasRow(k, y));
}

/**
 * "medel av 12 av 13 kommuner", once for the years it holds for. A series' label would repeat the
 * legend, so it is named only where one year has means of different counts (D5's reason groups).
 */
class PartialMeans {
  private readonly byCount = new Map<string, { n: number; of: number; where: Map<number, Set<string>> }>();

  add(year: number, series: string, n: number, of: number): void {
    const k = `${n}/${of}`;
    const e = this.byCount.get(k) ?? { n, of, where: new Map<number, Set<string>>() };
    e.where.set(year, (e.where.get(year) ?? new Set<string>()).add(series));
    this.byCount.set(k, e);
  }

  notes(region: string): string[] {
    const entries = [...this.byCount.values()];
    const shared = (y: number) => entries.filter((e) => e.where.has(y)).length > 1;
    return entries.map((e) => {
      const where = [...e.where].map(([y, series]) => (shared(y) ? `${y} (${[...series].join(', ')})` : String(y)));
      return SV.meanOfSome(region, where.join(', '), e.n, e.of);
    });
  }
}

function hiddenBy(numState: number, denState: number): Point['hiddenBy'] {
  if (numState === PRIMARY || denState === PRIMARY) return 'small';
  if (numState === SECONDARY || denState === SECONDARY) return 'secondary';
  return undefined;
}


function point(code: string, name: string, year: number, series: string, n: Cell, d: Cell, o: SuppressOptions, by: Point['hiddenBy']): Point {
  const pct = share(n as number | 'X' | null, d as number | 'X' | null, o);
  const status: Point['status'] = pct === 'X' ? 'suppressed' : pct === null ? 'missing' : 'ok';
  return {
    code,
    name,
    year,
    series,
    pct: typeof pct === 'number' ? pct : null,
    numerator: n,
    denominator: d,
    status,
    ...(status === 'suppressed' ? { hiddenBy: by ?? 'denominator' } : {}),
  };
}

/** Published shares (Kolada, in percent) per municipality, with the mean of the municipalities and Riket when present. */
export function kpiPoints(c: ReportContext, codes: string[], years: number[], series: { label: string; kpi: KpiId }[], regionRow: boolean): Points {
  const out: Point[] = [];
  const notes: string[] = [];
  const partial = new PartialMeans();
  const published = [...comparisonAreas(c).filter((a) => a.code !== '0000'), { code: '0000', name: SV.riket }];
  const pointOf = (code: string, name: string, y: number, label: string, kpi: KpiId): Point => {
    const f = c.facts.get(kpi, code, y);
    const ok = f?.status === 'ok' && typeof f.value === 'number';
    const status = ok ? 'ok' : f?.status === 'suppressed' ? 'suppressed' : f ? 'missing' : 'not_available';
    return { code, name, year: y, series: label, pct: ok ? (f!.value as number) : null, numerator: null, denominator: null, status };
  };
  for (const y of years)
    for (const s of series) {
      const mine = codes.map((code) => pointOf(code, areaName(c, code), y, s.label, s.kpi));
      out.push(...mine);
      if (regionRow && !isSingle(c)) {
        const vals = mine.filter((p) => p.pct !== null).map((p) => p.pct!);
        const m = drawable(codes.length - vals.length, codes.length) ? mean(vals) : null;
        if (m !== null && vals.length < codes.length) partial.add(y, s.label, vals.length, codes.length);
        if (m === null && mine.some((p) => p.status === 'ok' || p.status === 'suppressed')) notes.push(SV.regionNotDrawn(c.region.name, y, codes.length - vals.length, codes.length));
        out.push({ code: c.region.id, name: regionLabel(c, 'unweighted'), year: y, series: s.label, pct: m, numerator: null, denominator: null, status: m === null ? 'missing' : 'ok', method: 'unweighted', drawn: true });
      }
      // the county and Riket as Kolada publishes them
      // (Riket's published figure beside the mean of all municipalities too: they differ)
      if (regionRow) for (const cmp of published) if (publishes(c, s.kpi, cmp.code)) out.push(pointOf(cmp.code, cmp.name, y, s.label, s.kpi));
    }
  notes.unshift(...missingNotes(c, out));
  notes.push(...partial.notes(c.region.name));
  if (regionRow && !isSingle(c) && c.regionMean === 'pooled') notes.push(SV.pooledNeedsCounts(c.region.name));
  return { points: out, notes };
}

/** Whether Riket's value of a KPI is among the inputs. */
export const hasRiket = (c: ReportContext, kpi: KpiId) => publishes(c, kpi, '0000');

/** Whether the inputs have a published value of a KPI for an area (Riket `0000`, a county `00NN`) in some year. */
const publishes = (c: ReportContext, kpi: KpiId, code: string) => c.facts.years(kpi).some((y) => c.facts.get(kpi, code, y)?.status === 'ok');

/** "uppgift saknas" for each municipality without a figure, with its years; a year missing for all, once. */
function missingNotes(c: ReportContext, points: Point[]): string[] {
  const { wholeYears } = missing(c, points);
  const members = membersMissingNote(c, points);
  return [...(wholeYears.length ? [SV.yearsMissing(wholeYears.join(', '))] : []), ...(members ? [members] : [])];
}

/** The note naming the region's members without a figure (not a year missing for all), when any. */
export function membersMissingNote(c: ReportContext, points: Point[]): string | undefined {
  const { byName } = missing(c, points);
  return byName.size ? SV.missingLeftOut([...byName].map(([name, ys]) => `${name} ${ys.join(', ')}`).join('; '), c.region.name) : undefined;
}

function missing(c: ReportContext, points: Point[]): { wholeYears: number[]; byName: Map<string, number[]> } {
  const own = points.filter((p) => p.code !== c.region.id && p.code !== '0000' && !p.method);
  const years = [...new Set(own.map((p) => p.year))];
  const wholeYears = years.filter((y) => own.filter((p) => p.year === y).every((p) => p.status === 'missing' || p.status === 'not_available') && own.some((p) => p.year === y && p.status === 'missing'));
  const byName = new Map<string, number[]>();
  for (const p of own)
    if (p.status === 'missing' && !wholeYears.includes(p.year)) byName.set(p.name, [...new Set([...(byName.get(p.name) ?? []), p.year])]);
  return { wholeYears, byName };
}

/** X and – explained, with the reason each bar is hidden and the actual threshold. */
export function hiddenNote(c: ReportContext, points: Point[]): string[] {
  const drawn = points.filter((p) => p.drawn !== false);
  const count = (by: Point['hiddenBy']) => drawn.filter((p) => p.status === 'suppressed' && p.hiddenBy === by).length;
  const small = count('small');
  const secondary = count('secondary');
  const den = count('denominator');
  const notes: string[] = [];
  if (small + secondary + den) notes.push(SV.hiddenBars(small, secondary, den, c.suppress.minCount, c.suppress.minDenominator));
  return notes;
}

export function populationOf(c: ReportContext): { measure: PopulationMeasure; adults: boolean } | undefined {
  if (c.facts.has('population_18plus')) return { measure: 'population_18plus', adults: true };
  if (c.facts.has('population')) return { measure: 'population', adults: false };
  return undefined;
}
