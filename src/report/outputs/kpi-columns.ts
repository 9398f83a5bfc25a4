/**
 * Kolada KPIs side by side for the report's year (T4–T7): a row per municipality, then its
 * counties and Riket as Kolada publishes them, a column per figure — a KPI as published (its id
 * names the column; a note names them), or a share computed from published counts.
 */
import type { Cell, Column } from '../../tables/table.js';
import type { KpiBySex, KpiId, Measure } from '../facts.js';
import { type Output, type OutputId, type ReportContext, areaName, countyOf, skip } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiCell } from './kpi-table.js';

/** One column of figures: its name, the KPIs it reads, and its cell for an area in the report's year. */
export interface KpiColumn {
  name: string;
  kpis: readonly Measure[];
  cell: (c: ReportContext, code: string) => Cell;
}

/** A KPI as Kolada publishes it (for women or men: `N31825:K`, column `N31825_K`). */
export const kpiColumn = (kpi: KpiId | KpiBySex): KpiColumn => ({ name: kpi.replace(':', '_'), kpis: [kpi], cell: (c, code) => kpiCell(c, kpi, code, c.year) });

/**
 * The share (%) of `parts` in `whole`, from counts Kolada publishes: hidden (X) where any count
 * it needs is, missing (–) where any is missing, never a share of what is there.
 */
export const shareColumn = (name: string, parts: readonly KpiId[], whole: readonly KpiId[]): KpiColumn => ({
  name,
  kpis: whole,
  cell: (c, code) => {
    const cells = [...new Set([...parts, ...whole])].map((k) => [k, kpiCell(c, k, code, c.year)] as const);
    if (cells.every(([, v]) => v === '')) return '';
    if (cells.some(([, v]) => v === 'X')) return 'X';
    if (cells.some(([, v]) => typeof v !== 'number')) return '–';
    const of = (ks: readonly KpiId[]) => ks.reduce((a, k) => a + (cells.find(([x]) => x === k)![1] as number), 0);
    const total = of(whole);
    return total > 0 ? (100 * of(parts)) / total : '–';
  },
});

export function kpiColumnsTable(c: ReportContext, id: OutputId, wanted: readonly KpiColumn[], title: string, slug: string, decimals: number, notes: (have: KpiColumn[]) => string[]): Output {
  const have = wanted.filter((col) => col.kpis.some((k) => c.facts.has(k)));
  if (!have.length) return skip(id, title, 'needsKpi', [...new Set(wanted.flatMap((col) => col.kpis.map((k) => k.split(':')[0])))].join(', '), false);
  const cell = (col: KpiColumn, code: string): Cell => {
    const v = col.cell(c, code);
    return typeof v === 'number' ? Number(v.toFixed(decimals)) : v;
  };
  // the region's counties (00NN, as Kolada publishes them) and Riket
  const counties = [...new Map(c.region.codes.map((k) => countyOf(c, k)).filter((k) => k !== undefined).map((k) => [k.code, k.name])).entries()].sort();
  const anyValue = (code: string) => have.some((col) => col.kpis.some((k) => c.facts.get(k, code, c.year)));
  const areas: [string, string][] = [...c.region.codes.map((k) => [k, areaName(c, k)] as [string, string]), ...counties.filter(([k]) => anyValue(k)), ['0000', areaName(c, '0000')]];
  const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...have.map((col) => ({ name: col.name, decimals }))];
  const rows = areas.map(([code, name]) => [code, name, ...have.map((col) => cell(col, code))]);
  const kpis = [...new Set(have.flatMap((col) => col.kpis.map((k) => k.split(':')[0])))];
  return { kind: 'table', id, slug, title, table: { columns, rows }, source: SV.koladaSource(kpis.join(', '), c.credit, c.koladaFetched), notes: [...notes(have), SV.markersKolada], codeColumn: 0 };
}
