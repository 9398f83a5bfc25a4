/**
 * The tidy form every aggregated input is read into (SPEC §3.2, §7 `tidy`): one row a value,
 * with a status that keeps a marker's meaning. A suppressed or missing value never becomes 0.
 */

/** The layouts of aggregated inputs that `tidy` and `report` read. */
export const LAYOUTS = ['sdb', 'kolada', 'oj', 'population'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const STATUSES = ['ok', 'suppressed', 'missing', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

export interface TidyRow {
  kommunCode: string;
  kommunName: string;
  measure: string;
  period: string;
  sex: 'T' | 'K' | 'M';
  /** a number, or text for survey answers (ÖJ: Ja / Nej / Delvis); null unless status is ok */
  value: number | string | null;
  status: Status;
  /** further dimensions of the source, by column name */
  extra: Record<string, string>;
  /** where the value stands in its file, for a later check's message (not printed by tidy) */
  at?: { line: number; column: number };
}

/** Markers of Socialstyrelsen, Kolada and SCB, and what they mean. */
const MARKERS: Record<string, Status> = {
  x: 'suppressed',
  '..': 'suppressed',
  '--': 'missing',
  '-': 'missing',
  '–': 'missing',
  '—': 'missing',
  '': 'missing',
  na: 'missing',
  null: 'missing',
  '.': 'not_applicable',
};

export type ParsedValue = { value: number | null; status: Status } | { invalid: true };

/**
 * A cell as sources write it: `12 345`, `12 345` (no-break space), `467,52`, `1374.74`,
 * or a marker.
 */
export function parseValue(raw: string): ParsedValue {
  const t = raw.trim();
  const marker = MARKERS[t.toLowerCase()];
  if (marker) return { value: null, status: marker };
  const n = t.replace(/[\s\u00a0\u202f']/g, '').replace(/%$/, '').replace(',', '.');
  if (/^[-+−]?(\d+(\.\d*)?|\.\d+)$/.test(n)) return { value: Number(n.replace('−', '-')), status: 'ok' };
  return { invalid: true };
}

export function parseSex(raw: string): 'T' | 'K' | 'M' | undefined {
  // SCB writes the total as "totalt, samtliga män och kvinnor" or "TotSa", English exports "total"
  const t = raw.trim().toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();
  if (['t', 'totalt', 'total', 'totsa', 'båda könen', 'bada konen', 'both sexes', 'alla', 'samtliga', 'kvinnor och män', 'män och kvinnor', 'men and women', ''].includes(t)) return 'T';
  if (/^totalt? (samtliga )?(män och kvinnor|kvinnor och män)$/.test(t)) return 'T';
  if (['k', 'kvinnor', 'kvinna', 'female', 'women', 'f', '2'].includes(t)) return 'K';
  if (['m', 'män', 'man', 'male', 'men', '1'].includes(t)) return 'M';
  return undefined;
}

export const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** 1–12 for a Swedish month name (or its first three letters), else 0. */
export function monthOfName(s: string): number {
  const t = s.trim().toLowerCase();
  const i = MONTHS_SV.findIndex((m) => m === t || (t.length >= 3 && m.startsWith(t.replace(/\.$/, ''))));
  return i + 1;
}
