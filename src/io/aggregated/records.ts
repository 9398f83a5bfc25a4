/** An aggregated input as text records with their line numbers, and what every reader shares. */
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { Area } from '../../domain/municipalities.js';
import { NameIndex } from '../../domain/names.js';
import { ParsedValue, TidyRow, parseValue } from '../../domain/tidy.js';

export { type Rec, toRecords } from '../small-csv.js';

export interface ReadContext {
  /** the file's name in messages */
  file: string;
  names: NameIndex;
  /** a period for files that do not say (`--period`) */
  period?: string;
  /** KPI titles by id, for measure_name */
  kpiTitles: Map<string, string>;
  /** rows skipped as groups of municipalities, for the summary */
  skipped: Map<string, number>;
  /** Kolada values flagged isdeleted, dropped */
  deleted?: number;
  /** SCB values of 0 inhabitants of a whole area and year, read as not applicable (the area did not exist yet) */
  zeros?: number;
  /** a source (SCB's API, PC-Axis) whose 0 for an area and year means the area did not exist yet */
  zeroIsMissing?: boolean;
  /** a table SCB protected with its Cell Key Method: parts and totals need not agree */
  noise?: boolean;
  /** the day `bistand fetch` fetched the file */
  fetched?: string;
  /** the age groups of a population that give its total but not its adults (18+), when so */
  noAdults?: string[];
  /** the months a population by month was taken at, for years without December (`2026-04`) */
  months?: string[];
}

/**
 * A dimension of a cube as SCB names it (PxWeb, JSON-stat, PC-Axis), in Swedish or English:
 * the area, the time, the age, the sex, the table's contents, or another (marital status, land use).
 */
export function roleOfDimension(code: string, text: string): 'area' | 'year' | 'age' | 'sex' | 'content' | undefined {
  const f = `${code} ${text}`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (/region|kommun|\blan\b|county|municipality/.test(f)) return 'area';
  if (/\btid\b|\bar\b|\bmanad\b|year|time|period|month/.test(f)) return 'year';
  if (/alder|\bage\b/.test(f)) return 'age';
  if (/\bkon\b|\bsex\b|gender/.test(f)) return 'sex';
  if (/contents|tabellinnehall|innehall/.test(f)) return 'content';
  return undefined;
}

export function fileStem(file: string): string {
  return basename(file).replace(/\.[^.]+$/, '');
}

/** A year named once in a text (a title or a file name). */
export function yearIn(text: string): string | undefined {
  const ys = [...new Set(text.match(/(?<!\d)(19|20)\d{2}(?!\d)/g) ?? [])];
  return ys.length === 1 ? ys[0] : undefined;
}

/** A cell as a value, or a located error. */
export function valueAt(raw: string, ctx: ReadContext, line: number, column: number, columnName: string): { value: number | null; status: TidyRow['status'] } {
  const v: ParsedValue = parseValue(raw);
  if ('invalid' in v) throw new InputError({ file: ctx.file, line, column, columnName }, msg.notAValue(raw), msg.notAValueHint());
  return v;
}

/** A group of municipalities (Kolada's "… (ovägt medel)", groups G…): not an area of its own. */
export function isGroupName(name: string): boolean {
  return /medel|kommungrupp|liknande kommuner|\bgrupp\b|^G\d+$/i.test(name.trim());
}

/** The area a source names, by code or name; a Kolada group id as a group; undefined for a group row without an id (counted as skipped). */
export function areaOf(code: string, name: string, ctx: ReadContext, line: number, column: number): Area | undefined {
  const c = code.trim();
  if (/^\d{1,4}$/.test(c)) {
    const a = ctx.names.areas.find((x) => x.code === c.padStart(4, '0'));
    if (a) return a;
    throw new InputError({ file: ctx.file, line, column }, msg.unknownAreaCode(c), msg.unknownAreaCodeHint());
  }
  const n = (name || code).trim();
  // a Kolada group by its id (G175905, "Liknande kommuner …"): kept, for the profiles' comparisons
  if (/^G\d+$/.test(c)) return { code: c, name: n, kind: 'group', countyCode: '' };
  if (isGroupName(n) || isGroupName(c)) {
    ctx.skipped.set(n, (ctx.skipped.get(n) ?? 0) + 1);
    return undefined;
  }
  const a = ctx.names.find(n);
  if (a) return a;
  const s = ctx.names.suggest(n);
  throw new InputError({ file: ctx.file, line, column }, msg.unknownAreaName(n, s), msg.unknownAreaNameHint());
}

export function row(
  area: Area,
  measure: string,
  period: string,
  sex: TidyRow['sex'],
  v: { value: number | string | null; status: TidyRow['status'] },
  extra: Record<string, string> = {},
  at?: TidyRow['at'],
): TidyRow {
  return { kommunCode: area.code, kommunName: area.name, measure, period, sex, value: v.status === 'ok' ? v.value : null, status: v.status, extra, ...(at ? { at } : {}) };
}

/** A KPI whose title says it is a share in percent: no value of it can pass 100. */
export function isPercentKpi(title: string): boolean {
  return /\(%\)|andel \(%\)|procent/i.test(title);
}

/** A share above 100 % is no share: a located error. */
export function checkShare(v: { value: number | string | null }, title: string, ctx: ReadContext, line: number, column: number, what: string): void {
  if (typeof v.value === 'number' && v.value > 100 && isPercentKpi(title))
    throw new InputError({ file: ctx.file, line: line || undefined, column: column || undefined }, msg.shareAbove100(what, v.value), msg.shareAbove100Hint());
}

export { foldHeader } from '../../domain/fold.js';
