/**
 * T5: the eleven försörjningshinder as Socialstyrelsen reports them (Kolada N31858–N31868), the
 * share of adult recipients with each, beside the report's three groups (D5).
 */
import type { KpiId } from '../facts.js';
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiColumn, kpiColumnsTable } from './kpi-columns.js';

export const HINDER_KPIS = ['N31858', 'N31859', 'N31860', 'N31861', 'N31862', 'N31863', 'N31864', 'N31865', 'N31866', 'N31867', 'N31868'] as const satisfies readonly KpiId[];

export const t5: OutputModule = {
  id: 't5',
  inputs: 'Kolada N31858–N31868',
  build: (c) => kpiColumnsTable(c, 't5', HINDER_KPIS.map(kpiColumn), SV.t5Title(c.year), 'forsorjningshinder-socialstyrelsen', 1, (have) => [SV.t5Columns(have.map((col) => col.name))]),
};
