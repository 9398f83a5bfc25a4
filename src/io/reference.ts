/** Reference lists shipped in `data/`, found relative to the installed package. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Area, AreaKind, Municipalities } from '../domain/municipalities.js';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

let cached: Municipalities | undefined;

export function loadMunicipalities(): Municipalities {
  if (cached) return cached;
  const text = readFileSync(DATA_DIR + 'kommuner.csv', 'utf8');
  const areas: Area[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const [code, name, kind, countyCode] = line.split(',');
    areas.push({ code, name, kind: kind as AreaKind, countyCode: countyCode ?? '' });
  }
  cached = new Municipalities(areas);
  return cached;
}
