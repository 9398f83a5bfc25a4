/** T10: the adult recipients of the register by household type (the household file's, or a hushallstyp column), as shares of each municipality's. */
import { type OutputModule, skip } from '../context.js';
import { BREAKDOWNS } from '../../domain/classify.js';
import { SV } from '../../texts-sv.js';
import { type PartColumn, partsTable } from './register-parts.js';

const COLUMNS: PartColumn[] = BREAKDOWNS.household.filter((p) => p !== 'unknown').map((part) => ({ name: `${part}_pct`, by: 'household', part }));

export const t10: OutputModule = {
  id: 't10',
  inputs: '--register: the household file with Barn15, or a hushallstyp column',
  build: (c) => {
    if (!c.facts.parts.has('household')) return skip('t10', SV.t10Title(c.year), 'needsHouseholdType');
    return partsTable(c, 't10', SV.t10Title(c.year), 'hushallstyper-registret', COLUMNS, SV.t10Note);
  },
};
