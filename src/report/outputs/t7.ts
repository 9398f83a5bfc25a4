/**
 * T7: the households with assistance by type (Kolada N31911–N31916, the report's year): each
 * type's share of the households of the six types, from the counts Kolada publishes.
 */
import type { KpiId } from '../facts.js';
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiColumnsTable, shareColumn } from './kpi-columns.js';

/** Single woman with, without children; single man with, without; couple with, without. */
export const HOUSEHOLD_KPIS = ['N31911', 'N31912', 'N31913', 'N31914', 'N31915', 'N31916'] as const satisfies readonly KpiId[];

export const t7: OutputModule = {
  id: 't7',
  inputs: 'Kolada N31911–N31916',
  build: (c) => kpiColumnsTable(c, 't7', HOUSEHOLD_KPIS.map((k) => shareColumn(`${k}_pct`, [k], HOUSEHOLD_KPIS)), SV.t7Title(c.year), 'hushallstyper', 1, (have) => [SV.t7Columns(have.map((col) => col.name.replace('_pct', '')))]),
};
