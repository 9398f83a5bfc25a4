/** An aggregated input as text records with their line numbers, and what every reader shares. */
import { parse } from 'csv-parse/sync';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { Area } from '../../domain/municipalities.js';
import { NameIndex } from '../../domain/names.js';
import { ParsedValue, TidyRow, parseValue } from '../../domain/tidy.js';
import { detectDelimiter } from '../csv-scan.js';

export interface Rec {
  fields: string[];
  line: number;
}

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
}

/** CSV text → records with line numbers; soft hyphens become hyphens. */
export function toRecords(text: string, file: string, delimiter?: string): { records: Rec[]; delimiter: string } {
  const clean = text.replace(/\u00ad/g, '-');
  const lines = clean.split(/\r?\n/).filter((l) => l.trim() !== '');
  const d = delimiter ?? guessDelimiter(lines.slice(0, 30));
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(clean, { delimiter: d, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new InputError({ file, line }, msg.csvUnreadable((e as Error).message.split('\n')[0]), msg.csvUnreadableHint());
  }
  const records = rows
    .map((r) => ({ fields: r.record.map((f) => f.trim()), line: r.info.lines }))
    .filter((r) => r.fields.some((f) => f !== ''));
  return { records: dropEmptyTrailingColumns(records), delimiter: d };
}

/**
 * A delimiter at the end of every line (Excel leaves them) makes a column with no name and no
 * value: it is not data, and must not come out as a column of missing values.
 */
function dropEmptyTrailingColumns(records: Rec[]): Rec[] {
  let width = Math.max(0, ...records.map((r) => r.fields.length));
  while (width > 1 && records.every((r) => (r.fields[width - 1] ?? '') === '')) width--;
  return records.map((r) => (r.fields.length > width ? { ...r, fields: r.fields.slice(0, width) } : r));
}

/**
 * The delimiter that splits most of the first lines into the same number of fields: a title
 * line with commas in it ("Ekonomiskt bistånd, Antal, Riket") must not outvote a `;` table.
 */
function guessDelimiter(lines: string[]): string {
  let best = detectDelimiter(lines[0] ?? '');
  let bestScore = 0;
  for (const d of [';', ',', '\t']) {
    const counts = lines.map((l) => l.split(d).length - 1).filter((c) => c > 0);
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, n] of freq) score = Math.max(score, n * (c + 1));
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
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

/** The area a source names, by code or name; undefined for a group row (counted as skipped). */
export function areaOf(code: string, name: string, ctx: ReadContext, line: number, column: number): Area | undefined {
  const c = code.trim();
  if (/^\d{1,4}$/.test(c)) {
    const a = ctx.names.areas.find((x) => x.code === c.padStart(4, '0'));
    if (a) return a;
    throw new InputError({ file: ctx.file, line, column }, msg.unknownAreaCode(c), msg.unknownAreaCodeHint());
  }
  const n = (name || code).trim();
  if (isGroupName(n) || isGroupName(c)) {
    ctx.skipped.set(n, (ctx.skipped.get(n) ?? 0) + 1);
    return undefined;
  }
  const a = ctx.names.find(n);
  if (a) return a;
  const s = ctx.names.suggest(n);
  throw new InputError({ file: ctx.file, line, column }, msg.unknownAreaName(n, s), msg.unknownAreaNameHint());
}

export function row(area: Area, measure: string, period: string, sex: TidyRow['sex'], v: { value: number | string | null; status: TidyRow['status'] }, extra: Record<string, string> = {}): TidyRow {
  return { kommunCode: area.code, kommunName: area.name, measure, period, sex, value: v.status === 'ok' ? v.value : null, status: v.status, extra };
}

/** Header names folded for matching: `Kön` → `kon`, `Område` → `omrade`. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, '_')
    .replace(/^_|_$/g, '');
}
