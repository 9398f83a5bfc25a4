/** Every kind of region against half of the input sets (the generator: every-region.ts). */
import { everyRegion } from './every-region.js';

everyRegion(0);
