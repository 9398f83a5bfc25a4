/**
 * Kolada KPIs side by side for the report's year (T4, T5): a row per municipality, then its
 * counties and Riket as Kolada publishes them, a column per KPI (its id; a note names them).
 */
import type { Cell, Column } from '../../tables/table.js';
import type { KpiId } from '../facts.js';
import { type Output, type OutputId, type ReportContext, areaName, countyOf, skip } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiCell } from './kpi-table.js';

export function kpiColumnsTable(c: ReportContext, id: OutputId, kpis: readonly KpiId[], title: string, slug: string, decimals: number, notes: string[]): Output {
  const have = kpis.filter((k) => c.facts.has(k));
  if (!have.length) return skip(id, title, 'needsKpi', kpis.join(', '), false);
  const cell = (kpi: KpiId, code: string): Cell => {
    const v = kpiCell(c, kpi, code, c.year);
    return typeof v === 'number' ? Number(v.toFixed(decimals)) : v;
  };
  // the region's counties (00NN, as Kolada publishes them) and Riket
  const counties = [...new Map(c.region.codes.map((k) => countyOf(c, k)).filter((k) => k !== undefined).map((k) => [k.code, k.name])).entries()].sort();
  const areas: [string, string][] = [...c.region.codes.map((k) => [k, areaName(c, k)] as [string, string]), ...counties.filter(([k]) => have.some((kpi) => c.facts.get(kpi, k, c.year))), ['0000', areaName(c, '0000')]];
  const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...have.map((k) => ({ name: k, decimals }))];
  const rows = areas.map(([code, name]) => [code, name, ...have.map((k) => cell(k, code))]);
  return { kind: 'table', id, slug, title, table: { columns, rows }, source: SV.koladaSource(have.join(', '), c.credit, c.koladaFetched), notes: [...notes, SV.markersKolada], codeColumn: 0 };
}
