/**
 * T6: who receives assistance (Kolada, the report's year): adults with assistance as a share of
 * the population 18+, women and men; young adults 18–24 as a share of their age; the adult
 * recipients by age group; children in families with assistance (and long-term). Kolada's
 * published figures, already protected by their publisher: no count of the register here.
 */
import type { KpiId } from '../facts.js';
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiColumn, kpiColumnsTable, shareColumn } from './kpi-columns.js';

/** Adult recipients by age, as Kolada counts them: 18–19, 20–24, 25–29 … 60–64, 65+. */
const AGE_COUNTS = ['N31837', 'N31838', 'N31839', 'N31840', 'N31841', 'N31842', 'N31843', 'N31844', 'N31845', 'N31846', 'N31847'] as const satisfies readonly KpiId[];

const WHO_COLUMNS = [
  kpiColumn('N31825'),
  kpiColumn('N31825:K'),
  kpiColumn('N31825:M'),
  kpiColumn('U31804'),
  shareColumn('age_18_24_pct', AGE_COUNTS.slice(0, 2), AGE_COUNTS),
  shareColumn('age_25_64_pct', AGE_COUNTS.slice(2, 10), AGE_COUNTS),
  shareColumn('age_65_plus_pct', AGE_COUNTS.slice(10), AGE_COUNTS),
  kpiColumn('U31803'),
  kpiColumn('U31809'),
];

export const t6: OutputModule = {
  id: 't6',
  inputs: 'Kolada N31825 (T, K, M), U31804, N31837–N31847, U31803, U31809',
  build: (c) => kpiColumnsTable(c, 't6', WHO_COLUMNS, SV.t6Title(c.year), 'vem-far-bistand', 1, (have) => [SV.t6Columns(have.map((col) => col.name))]),
};
