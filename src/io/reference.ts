/** Reference lists shipped in `data/`, found relative to the installed package. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Area, AreaKind, Municipalities } from '../domain/municipalities.js';
import { toRecords } from './small-csv.js';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

let cached: Municipalities | undefined;

export function loadMunicipalities(): Municipalities {
  if (cached) return cached;
  const text = readFileSync(DATA_DIR + 'kommuner.csv', 'utf8');
  const areas: Area[] = [];
  for (const { fields } of toRecords(text, 'data/kommuner.csv', ',').records.slice(1)) {
    const [code, name, kind, countyCode] = fields;
    areas.push({ code, name, kind: kind as AreaKind, countyCode: countyCode ?? '' });
  }
  cached = new Municipalities(areas);
  return cached;
}
