/** A published KPI as a table: a row per municipality (Riket last), the latest three years as columns (T1, T3). */
import type { Cell, Column } from '../../tables/table.js';
import { Output, OutputId, ReportContext, areaName, skip, tableYears, withDistricts } from '../context.js';
import type { KpiBySex, KpiId } from '../facts.js';
import { SV } from '../../texts-sv.js';

/** A KPI's cell in a table: its value, or the marker of a hidden (X), not applicable (.) or missing (–) one; empty where the input has no row. */
export function kpiCell(c: ReportContext, kpi: KpiId | KpiBySex, code: string, y: number): Cell {
  const f = c.facts.get(kpi, code, y);
  if (!f) return '';
  if (f.status === 'ok') return f.value as number;
  return f.status === 'suppressed' ? 'X' : f.status === 'not_applicable' ? '.' : '–';
}

export function kpiTable(c: ReportContext, id: OutputId, kpi: KpiId, title: string, slug: string, withRiket: boolean, orOj = false): Output {
  if (!c.facts.has(kpi)) return skip(id, title, 'needsKpi', kpi, orOj);
  const years = tableYears(c, c.facts.years(kpi));
  const codes = [...withDistricts(c.region.codes, c.facts.districts(kpi)), ...(withRiket ? ['0000'] : [])];
  const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...years.map((y) => ({ name: String(y), raw: true }))];
  // a socialförvaltning's row carries Göteborg's code, so it goes with Göteborg's profile
  const rows = codes.map((code) => [code.slice(0, 4), areaName(c, code), ...years.map((y) => kpiCell(c, kpi, code, y))]);
  return { kind: 'table', id, slug, title, table: { columns, rows }, source: SV.koladaSource(kpi, c.credit, c.koladaFetched), notes: [SV.markersKolada], codeColumn: 0 };
}
