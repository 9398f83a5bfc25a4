/** D1: the share of the population with assistance per municipality of the region, three years, with the region. */
import type { OutputModule } from '../context.js';
import { SV } from '../../texts-sv.js';
import { populationShare } from './population-share.js';

export const d1: OutputModule = {
  id: 'd1',
  inputs: '--register with --population, or Kolada N31825 / N31807',
  build: (c) => populationShare(c, 'd1', [...c.region.codes], true, SV.d1Title(c.region.name)),
};
