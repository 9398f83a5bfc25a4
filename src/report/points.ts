/**
 * The arithmetic the charts share: counts per municipality with the region's total, suppressed
 * together (register), and published shares with an unweighted region mean (Kolada).
 */
import type { Point } from '../charts/types.js';
import { SuppressionGrid, share } from '../domain/suppress.js';
import type { Cell } from '../tables/table.js';
import { ReportContext, areaName } from './context.js';
import type { KpiId, Measure, PopulationMeasure } from './facts.js';
import { SV } from '../texts-sv.js';

/** Counts of a measure per municipality, with the region total, suppressed together. */
export function countPoints(
  c: ReportContext,
  codes: string[],
  years: number[],
  series: { label: string; num: Measure }[],
  den: (code: string, year: number) => number | null,
  denIsCount: boolean,
  regionRow: boolean,
): Point[] {
  const grid = new SuppressionGrid();
  const at = new Map<string, number>();
  const regCode = c.region.id;
  // cells in code order, as classify and reasons lay them out: equal counts then resolve the
  // same way in every output, so no two outputs hide different cells of the same sum
  const byCode = [...codes].sort();
  const num = (m: Measure, code: string, y: number) => {
    const f = c.facts.get(m, code, y);
    return f ? (f.value as number) : c.facts.registerYears.includes(y) ? 0 : null;
  };
  /** a cell per municipality under `key(code)`, and the region's total of them */
  const row = (key: (code: string) => string, value: (code: string) => number | null) => {
    for (const code of byCode) at.set(key(code), grid.add(value(code)));
    if (regionRow) at.set(key(regCode), grid.addTotal(byCode.map((code) => at.get(key(code))!)));
  };
  for (const y of years) {
    for (const s of series) row((code) => `n|${s.label}|${code}|${y}`, (code) => num(s.num, code, y));
    if (denIsCount) row((code) => `d|${code}|${y}`, (code) => den(code, y));
  }
  grid.suppress(c.suppress);
  const shownAt = (key: string): Cell => grid.shown(at.get(key)!);
  const out: Point[] = [];
  const all = regionRow ? [...codes, regCode] : codes;
  for (const y of years)
    for (const s of series)
      for (const code of all) {
        const n = shownAt(`n|${s.label}|${code}|${y}`);
        let d: Cell;
        if (denIsCount) d = shownAt(`d|${code}|${y}`);
        else d = code === regCode ? codes.reduce<number | null>((a, k) => (a === null || den(k, y) === null ? null : a + den(k, y)!), 0) : den(code, y);
        const pct = share(n as number | 'X' | null, d as number | 'X' | null, denIsCount ? c.suppress : { ...c.suppress, minDenominator: 0 });
        out.push({
          code,
          name: code === regCode ? c.region.name : areaName(c, code),
          year: y,
          series: s.label,
          pct: typeof pct === 'number' ? pct : null,
          numerator: n,
          denominator: d,
          status: pct === 'X' ? 'suppressed' : pct === null ? (n === null ? 'not_available' : 'missing') : 'ok',
        });
      }
  return out;
}

/** Published shares (Kolada, in percent) per municipality, with an unweighted region mean. */
export function kpiPoints(c: ReportContext, codes: string[], years: number[], series: { label: string; kpi: KpiId }[], regionMean: boolean): { points: Point[]; notes: string[] } {
  const out: Point[] = [];
  const notes: string[] = [];
  for (const y of years)
    for (const s of series) {
      const vals: number[] = [];
      for (const code of codes) {
        const f = c.facts.get(s.kpi, code, y);
        const ok = f?.status === 'ok' && typeof f.value === 'number';
        if (ok) vals.push(f!.value as number);
        out.push({
          code,
          name: areaName(c, code),
          year: y,
          series: s.label,
          pct: ok ? (f!.value as number) : null,
          numerator: null,
          denominator: null,
          status: ok ? 'ok' : f?.status === 'suppressed' ? 'suppressed' : f ? 'missing' : 'not_available',
        });
      }
      if (regionMean) {
        const mean = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
        if (vals.length && vals.length < codes.length) notes.push(SV.meanOfSome(c.region.name, y, vals.length, codes.length));
        out.push({ code: c.region.id, name: SV.unweightedMean(c.region.name), year: y, series: s.label, pct: mean, numerator: null, denominator: null, status: mean === null ? 'missing' : 'ok' });
      }
    }
  return { points: out, notes };
}

export function hiddenNote(points: Point[]): string[] {
  const hidden = points.filter((p) => p.status === 'suppressed').length;
  return hidden ? [SV.hiddenBars(hidden)] : [];
}

export function populationOf(c: ReportContext): { measure: PopulationMeasure; adults: boolean } | undefined {
  if (c.facts.has('population_18plus')) return { measure: 'population_18plus', adults: true };
  if (c.facts.has('population')) return { measure: 'population', adults: false };
  return undefined;
}
