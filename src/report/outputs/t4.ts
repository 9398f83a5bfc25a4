/**
 * T4: what ekonomiskt bistånd costs per inhabitant (Kolada) in the report's year: the net cost,
 * the gross cost and the assistance paid out, kronor per inhabitant.
 */
import type { KpiId } from '../facts.js';
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiColumn, kpiColumnsTable } from './kpi-columns.js';

/** Net cost, gross cost, paid out: kr per inhabitant. */
export const COST_KPIS = ['N31008', 'N31001', 'N31002'] as const satisfies readonly KpiId[];

export const t4: OutputModule = {
  id: 't4',
  inputs: 'Kolada N31008, N31001, N31002',
  build: (c) => kpiColumnsTable(c, 't4', COST_KPIS.map(kpiColumn), SV.t4Title(c.year), 'kostnad-per-invanare', 0, (have) => [SV.t4Columns(have.map((col) => col.name))]),
};
