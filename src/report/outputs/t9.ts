/** T9: the adult recipients of the register by sex and age group, as shares of each municipality's. */
import { type OutputModule, skip } from '../context.js';
import { SV } from '../../texts-sv.js';
import { type PartColumn, partsTable } from './register-parts.js';

const COLUMNS: PartColumn[] = [
  { name: 'women_pct', by: 'sex', part: 'K' },
  { name: 'men_pct', by: 'sex', part: 'M' },
  { name: 'age_18_24_pct', by: 'age', part: '18-24' },
  { name: 'age_25_64_pct', by: 'age', part: '25-64' },
  { name: 'age_65_plus_pct', by: 'age', part: '65+' },
];

export const t9: OutputModule = {
  id: 't9',
  inputs: '--register with a sex or an age column',
  build: (c) => {
    if (!c.facts.parts.has('sex') && !c.facts.parts.has('age')) return skip('t9', SV.t9Title(c.year), 'needsSexOrAge');
    return partsTable(c, 't9', SV.t9Title(c.year), 'kon-och-alder', COLUMNS, SV.t9Note);
  },
};
