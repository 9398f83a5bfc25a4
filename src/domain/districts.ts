/**
 * Göteborg's four socialförvaltningar (since 2021, SPEC §4): areas under 1480 that ÖJ,
 * Socialstyrelsen and the GR report's tables 1–3 show as rows of their own. Sources spell them
 * "Gtb, Socialförvaltning Nordost", "Göteborg Nordost", "SF Nordost", "Socialförvaltning Nordost".
 */
import { foldName } from './names.js';

export const GOTEBORG = '1480';
export const DISTRICTS = ['Centrum', 'Hisingen', 'Nordost', 'Sydväst'] as const;
export type District = (typeof DISTRICTS)[number];

const PLACE = /^(goteborgs?( stad)?|gtb|gbg)\b/;
const UNIT = /\b(socialforvaltning(en)?|sf|sdf|stadsdelsforvaltning(en)?)\b/;

/** The socialförvaltning a label names, or undefined (a plain municipality, or anything else). */
export function districtOf(label: string): District | undefined {
  const f = foldName(label).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const d = DISTRICTS.find((x) => new RegExp(`\\b${foldName(x)}$`).test(f));
  if (!d) return undefined;
  const rest = f.slice(0, f.length - foldName(d).length).trim();
  // "Nordost" alone is no district; the place or the unit has to be named
  return rest && (PLACE.test(rest) || UNIT.test(rest)) ? d : undefined;
}

/** The facts key and the row label of a district. */
export const districtCode = (d: District) => `${GOTEBORG}:${d}`;
export const districtName = (d: District) => `Göteborg – socialförvaltning ${d}`;
export const isDistrictCode = (code: string) => code.startsWith(`${GOTEBORG}:`);
