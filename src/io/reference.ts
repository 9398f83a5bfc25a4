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

export interface County {
  code: string;
  /** as SCB and Socialstyrelsen write it: `Skåne län` */
  name: string;
  /** the regional authority, as Kolada names it: `Region Skåne` */
  authority: string;
}

let counties: County[] | undefined;

/** The 21 counties (data/lan.csv). */
export function loadCounties(): County[] {
  if (counties) return counties;
  const text = readFileSync(DATA_DIR + 'lan.csv', 'utf8');
  counties = toRecords(text, 'data/lan.csv', ',').records.slice(1).map(({ fields: [code, name, authority] }) => ({ code, name, authority }));
  return counties;
}
