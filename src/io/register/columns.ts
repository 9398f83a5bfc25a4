import { foldHeader } from '../../domain/fold.js';

/** The register's columns and their aliases (SPEC §3.1), matched case- and diacritic-blind. */

export const REGISTER_COLUMNS = {
  person_id: ['person_id', 'personid', 'lopnr', 'lopnummer', 'personnr', 'personnummer', 'pnr', 'id'],
  kommun: ['kommun', 'kommunkod', 'kommun_kod', 'kn', 'bistandskommun', 'kommun_code', 'kommunnr'],
  year: ['year', 'ar', 'statistikar'],
  month: ['month', 'manad'],
  period: ['period', 'manad_ar', 'ar_manad', 'yearmonth'],
  hinder: ['hinder', 'forsorjningshinder', 'orsak'],
  age: ['age', 'alder'],
  birth_year: ['birth_year', 'fodelsear', 'fodelsear'],
  sex: ['sex', 'kon'],
  household_id: ['household_id', 'hushallsnr', 'hushall_id'],
  amount: ['amount', 'belopp', 'sbel'],
  district: ['district', 'distrikt', 'stadsdel'],
} as const;

export type RegisterColumn = keyof typeof REGISTER_COLUMNS;


const BY_ALIAS = new Map<string, RegisterColumn>();
for (const [col, aliases] of Object.entries(REGISTER_COLUMNS)) for (const a of aliases) BY_ALIAS.set(a, col as RegisterColumn);

export type ColumnIndex = Partial<Record<RegisterColumn, number>>;

/** Which field holds which column; the first field with a name wins. */
export function mapColumns(header: readonly string[]): { index: ColumnIndex; unknown: string[] } {
  const index: ColumnIndex = {};
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const col = BY_ALIAS.get(foldHeader(h));
    if (col === undefined) unknown.push(h);
    else if (index[col] === undefined) index[col] = i;
  });
  return { index, unknown };
}

/** Aliases as a user reads them, for messages. */
export function aliasList(col: RegisterColumn): string {
  return REGISTER_COLUMNS[col].join(', ');
}
