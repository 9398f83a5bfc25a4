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
  /** 1–6 in Kolada's order of household types (N31911–N31916; HOUSEHOLD_TYPES); the household file's rows get it from their adults and Barn15 */
  household_type: ['household_type', 'hushallstyp'],
  household_id: ['household_id', 'hushallsnr', 'hushall_id'],
  amount: ['amount', 'belopp', 'sbel'],
  district: ['district', 'distrikt', 'stadsdel'],
} as const;

export type RegisterColumn = keyof typeof REGISTER_COLUMNS;


const BY_ALIAS = new Map<string, RegisterColumn>();
for (const [col, aliases] of Object.entries(REGISTER_COLUMNS)) for (const a of aliases) BY_ALIAS.set(a, col as RegisterColumn);

export type ColumnIndex = Partial<Record<RegisterColumn, number>>;

/** Columns the user named (`--column person_id=personnr`), by role. */
export type ChosenColumns = Partial<Record<RegisterColumn, string>>;

export function isRegisterColumn(name: string): name is RegisterColumn {
  return Object.hasOwn(REGISTER_COLUMNS, name);
}

/**
 * Which field holds which column. A role two fields could fill (`id;personnr`, a name twice) is
 * `ambiguous` — the reader refuses it — unless the user chose one by name.
 */
export function mapColumns(
  header: readonly string[],
  chosen: ChosenColumns = {},
): { index: ColumnIndex; unknown: string[]; ambiguous: Map<RegisterColumn, number[]>; notFound: [RegisterColumn, string][] } {
  const index: ColumnIndex = {};
  const unknown: string[] = [];
  const candidates = new Map<RegisterColumn, number[]>();
  const byChoice = new Map<string, RegisterColumn>();
  const byPosition = new Map<number, RegisterColumn>();
  for (const [role, name] of Object.entries(chosen)) {
    // a number is the column's position, for a header that has one name twice
    if (/^\d+$/.test(name) && !header.some((h) => foldHeader(h) === name)) byPosition.set(Number(name) - 1, role as RegisterColumn);
    else byChoice.set(foldHeader(name), role as RegisterColumn);
  }
  header.forEach((h, i) => {
    const folded = foldHeader(h);
    const picked = byPosition.get(i) ?? byChoice.get(folded);
    if (picked !== undefined) {
      index[picked] ??= i;
      return;
    }
    const col = BY_ALIAS.get(folded);
    if (col === undefined || chosen[col] !== undefined) unknown.push(h);
    else candidates.set(col, [...(candidates.get(col) ?? []), i]);
  });
  const ambiguous = new Map<RegisterColumn, number[]>();
  for (const [col, fields] of candidates) {
    if (index[col] !== undefined) continue;
    index[col] = fields[0];
    if (fields.length > 1) ambiguous.set(col, fields);
  }
  const notFound = (Object.entries(chosen) as [RegisterColumn, string][]).filter(([role]) => index[role] === undefined);
  return { index, unknown, ambiguous, notFound };
}

/** Aliases as a user reads them, for messages. */
export function aliasList(col: RegisterColumn): string {
  return REGISTER_COLUMNS[col].join(', ');
}
