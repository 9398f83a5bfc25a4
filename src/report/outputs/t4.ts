/**
 * T4: what ekonomiskt bistånd costs per inhabitant (Kolada), a row per municipality and its
 * county and Riket, in the report's year: the net cost, the gross cost and the assistance paid out.
 */
import type { Cell, Column } from '../../tables/table.js';
import type { KpiId } from '../facts.js';
import { type OutputModule, areaName, countyOf, skip } from '../context.js';
import { SV } from '../../texts-sv.js';

/** Net cost, gross cost, paid out: kr per inhabitant. */
export const COST_KPIS = ['N31008', 'N31001', 'N31002'] as const satisfies readonly KpiId[];

export const t4: OutputModule = {
  id: 't4',
  inputs: 'Kolada N31008, N31001, N31002',
  build: (c) => {
    const kpis = COST_KPIS.filter((k) => c.facts.has(k));
    if (!kpis.length) return skip('t4', SV.t4Title(c.year), 'needsKpi', COST_KPIS.join(', '), false);
    const marker = (kpi: KpiId, code: string): Cell => {
      const f = c.facts.get(kpi, code, c.year);
      if (!f) return '';
      if (f.status === 'ok') return Math.round(f.value as number);
      return f.status === 'suppressed' ? 'X' : f.status === 'not_applicable' ? '.' : '–';
    };
    // the region's counties (00NN, as Kolada publishes them) and Riket
    const counties = [...new Map(c.region.codes.map((k) => countyOf(c, k)).filter((k) => k !== undefined).map((k) => [k.code, k.name])).entries()].sort();
    const areas: [string, string][] = [...c.region.codes.map((k) => [k, areaName(c, k)] as [string, string]), ...counties.filter(([k]) => kpis.some((kpi) => c.facts.get(kpi, k, c.year))), ['0000', areaName(c, '0000')]];
    const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...kpis.map((k) => ({ name: k, raw: true }))];
    const rows = areas.map(([code, name]) => [code, name, ...kpis.map((k) => marker(k, code))]);
    return { kind: 'table', id: 't4', slug: 'kostnad-per-invanare', title: SV.t4Title(c.year), table: { columns, rows }, source: SV.koladaSource(kpis.join(', '), c.credit, c.koladaFetched), notes: [SV.t4Columns(kpis), SV.markersKolada], codeColumn: 0 };
  },
};
