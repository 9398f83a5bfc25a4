/** D3: the region's long-term and very long-term shares of adult recipients, three years. */
import type { OutputModule } from '../context.js';
import { longTerm } from './long-term.js';

export const d3: OutputModule = { id: 'd3', inputs: '--register, or Kolada N31814 / U31801', build: (c) => longTerm(c, 'd3') };
