/** The register's header line: encoding, delimiter, which field holds which column. */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { detectDelimiter } from '../csv-scan.js';
import { Encoding, decode, hasUtf16Bom, hasUtf8Bom, isValidUtf8 } from '../encoding.js';
import { ColumnIndex, RegisterColumn, aliasList, mapColumns } from './columns.js';
import type { HeaderInfo, ReadOptions } from './types.js';
import { isZip } from '../workbook-cells.js';

/** The header line's names, delimiter and encoding, before any column is looked for. */
export function headerLine(file: string, first: Uint8Array, lineEnd: number, opts: Pick<ReadOptions, 'encoding' | 'delimiter'>) {
  if (first.length === 0) throw new InputError({ file, line: 1 }, msg.emptyFile(), msg.emptyFileHint());
  if (hasUtf16Bom(first)) throw new InputError({ file, line: 1 }, msg.utf16(), msg.utf16Hint());
  // a workbook on stdin (a file is read through its sheet, in index.ts)
  if (isZip(first)) throw new InputError({ file }, msg.registerWorkbook(), msg.registerWorkbookHint());
  const bom = hasUtf8Bom(first);
  const headerEnd = lineEnd < 0 ? first.length : lineEnd;
  const headerBytes = first.subarray(bom ? 3 : 0, headerEnd);
  const headerEncoding: Encoding = opts.encoding ?? (bom || isValidUtf8(headerBytes) ? 'utf8' : 'windows-1252');
  const headerText = decode(headerBytes, headerEncoding).replace(/\r$/, '');
  const delimiter = opts.delimiter ?? detectDelimiter(headerText);
  return { header: splitLine(headerText, delimiter), delimiter, bom, headerEncoding, dataStart: headerEnd + 1 };
}

export function readHeader(file: string, first: Uint8Array, lineEnd: number, opts: Pick<ReadOptions, 'encoding' | 'delimiter' | 'requireHinder' | 'columns'>): HeaderInfo {
  const { header, delimiter, bom, headerEncoding, dataStart } = headerLine(file, first, lineEnd, opts);
  const headerEnd = dataStart - 1;
  const { index, ambiguous, notFound } = mapColumns(header, opts.columns);
  if (notFound.length) {
    const [role, name] = notFound[0];
    throw new InputError({ file, line: 1 }, msg.chosenColumnMissing(role, name, msg.shownNames(header.map((h) => h.trim()))), msg.chosenColumnMissingHint());
  }
  for (const [role, fields] of ambiguous) {
    const names = fields.map((f) => header[f].trim());
    throw new InputError({ file, line: 1, column: fields[1] + 1 }, msg.ambiguousColumn(role, names, fields.map((f) => f + 1)), msg.ambiguousColumnHint(role, names, fields.map((f) => f + 1)));
  }
  checkColumns(file, index, header, delimiter, opts.requireHinder);
  return { header, index, delimiter, bom, headerEncoding, dataStart: headerEnd + 1 };
}

function checkColumns(file: string, index: ColumnIndex, header: string[], delimiter: string, requireHinder: boolean): void {
  const need: RegisterColumn[] = ['person_id', 'kommun'];
  if (index.period === undefined) need.push('year', 'month');
  if (requireHinder) need.push('hinder');
  const missing = need.filter((c) => index[c] === undefined);
  if (missing.length === 0) return;
  if (Object.keys(index).length === 0 && header.some((h) => /^\s*\d+\s*$/.test(h))) throw new InputError({ file, line: 1 }, msg.noHeader(), msg.noHeaderHint());
  const found = msg.shownNames(header.map((h) => h.trim()));
  const col = missing[0];
  throw new InputError(
    { file, line: 1 },
    msg.missingColumn(col, found, delimiter),
    col === 'year' || col === 'month' ? msg.missingPeriodHint(aliasList('year'), aliasList('month'), aliasList('period')) : msg.missingColumnHint(aliasList(col)),
  );
}

/** One line of text split at the delimiter, honouring quotes (the header only). */
export function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}
