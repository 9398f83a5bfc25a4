/**
 * The one reader of small CSV files — reference lists, mapping files, region files and the
 * aggregated inputs: records with their line numbers, the delimiter guessed, quotes honoured.
 * (The register has its own byte-level reader: io/register.)
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import * as msg from '../messages.js';
import { detectDelimiter } from './csv-scan.js';
import { decodeDetected } from './encoding.js';
import { readFileOrFail } from './source.js';

export interface Rec {
  fields: string[];
  line: number;
}

/** A small CSV file a user gives (UTF-8 or Windows-1252) as records. */
export function readSmallCsv(path: string): Rec[] {
  return toRecords(decodeDetected(readFileOrFail(path)), path).records;
}

/** CSV text → records with line numbers; soft hyphens become hyphens. */
export function toRecords(text: string, file: string, delimiter?: string): { records: Rec[]; delimiter: string; emptyRows: number } {
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
  const all = rows.map((r) => ({ fields: r.record.map((f) => f.trim()), line: r.info.lines }));
  const records = all.filter((r) => r.fields.some((f) => f !== ''));
  // rows of delimiters only (Excel leaves them below a table): skipped, and counted
  const emptyRows = all.filter((r) => r.fields.length > 1 && r.fields.every((f) => f === '')).length;
  return { records: dropEmptyTrailingColumns(records), delimiter: d, emptyRows };
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
