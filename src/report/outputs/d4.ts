/** D4: long-term and very long-term shares of adult recipients per municipality in Y. */
import type { OutputModule } from '../context.js';
import { longTerm } from './long-term.js';

export const d4: OutputModule = { id: 'd4', inputs: '--register, or Kolada N31814 / U31801', build: (c) => longTerm(c, 'd4') };
