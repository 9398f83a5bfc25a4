/** T1: the socioeconomic sorting key (Kolada U31900) per municipality. */
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { kpiTable } from './kpi-table.js';

export const t1: OutputModule = {
  id: 't1',
  inputs: 'Kolada U31900',
  build: (c) => kpiTable(c, 't1', 'U31900', SV.t1Title, 'sorteringsnyckel', false),
};
