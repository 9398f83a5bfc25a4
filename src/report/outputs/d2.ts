/** D2: the same share for Stockholm, Göteborg and Malmö. */
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { populationShare } from './population-share.js';

/** in the order the GR report draws them */
const METRO = ['0180', '1480', '1280'];

export const d2: OutputModule = {
  id: 'd2',
  inputs: '--register covering the three with --population, or Kolada N31825 / N31807',
  build: (c) => populationShare(c, 'd2', METRO, false, SV.d2Title),
};
