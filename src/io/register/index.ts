/**
 * Reads a register extract (SPEC §3.1) into per-person state in one streaming pass: bytes in
 * large chunks → the fast row loop, or CsvScanner and RegisterSink.row for any odd row →
 * batches → PersonState. A large file is read by two threads on byte ranges (parallel.ts). No
 * string is made per row; only the header and the distinct reason labels are decoded.
 *
 * The package: types (shared, types only); columns + header (the header line); period + sink
 * (validation, the batch); rowloop + fast (the fast row path); range (one pass over bytes);
 * handoff, threads, worker, parallel (threads); merge (ranges into one result). Outside code
 * imports this module only, and the entry point threads.ts.
 */
import { CR, LF } from '../csv-scan.js';
import { CsvScanner } from '../csv-scan.js';
import { ByteSource, openSource } from '../source.js';
import { headerLine, readHeader } from './header.js';
import { HouseholdLayout, householdLayout, householdSource } from './household.js';
import { InputError, Location } from '../../errors.js';
import { isZip } from '../workbook-cells.js';
import { workbookSource } from './workbook-source.js';
import { finish } from './merge.js';
import { readParallel } from './parallel.js';
import { CHUNK, HEADER_READ, scanRows, withRoom } from './range.js';
import { RegisterScanner, STOP_ROOM } from './fast.js';
import { RegisterSink } from './sink.js';
import { PARALLEL_MIN_BYTES, defaultThreads } from '../../threads/pool.js';
import type { ReadOptions, RegisterRead } from './types.js';
import { checkWorkbook } from '../workbook-limits.js';
import { readFileOrFail } from '../source.js';

export type { ReadOptions, RegisterRead, Rejected, RowCounts } from './types.js';
/** the header names a register extract has: other readers refuse a register given as statistics */
export { REGISTER_COLUMNS, isRegisterColumn, mapColumns, type RegisterColumn } from './columns.js';

export async function readRegister(source: ByteSource, opts: ReadOptions): Promise<RegisterRead> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let len = 0;
  let eof = false;
  let bytes = 0;
  // CR-only line ends (Excel for Mac's "CSV (Macintosh)"): every CR is read as a line feed
  let crOnly = false;
  const fill = async (max = Infinity) => {
    buf = withRoom(buf, len, source.name);
    const room = Math.min(max, buf.length - STOP_ROOM - len);
    const n = source.readSync ? source.readSync(buf, len, room) : await source.read(buf, len, room);
    if (n === 0) eof = true;
    if (crOnly) crToLf(buf, len, len + n);
    len += n;
    bytes += n;
  };
  const find = (byte: number) => {
    const i = buf.indexOf(byte);
    return i >= 0 && i < len ? i : -1;
  };
  /** how the first line ends, once the bytes read tell */
  const firstBreak = (): 'lf' | 'cr' | undefined => {
    const lf = find(LF);
    const cr = find(CR);
    if (cr >= 0 && (lf < 0 || cr < lf)) return cr + 1 < len ? (buf[cr + 1] === LF ? 'lf' : 'cr') : eof ? 'cr' : undefined;
    return lf >= 0 || eof ? 'lf' : undefined;
  };

  try {
    // the header: the first line, whole; small reads: with threads, the ranges are read again
    let kind = firstBreak();
    while (kind === undefined) {
      await fill(HEADER_READ);
      kind = firstBreak();
    }
    // a workbook saved from Excel: read as the CSV of its sheet, row by row
    if (len >= 4 && isZip(buf) && source.path) {
      checkWorkbook(readFileOrFail(source.path), source.name);
      return await readRegister(await workbookSource(source.path, source.name), { ...opts, threads: 1 });
    }
    if (kind === 'cr') {
      crOnly = true;
      crToLf(buf, 0, len);
    }
    const line1 = headerLine(source.name, buf.subarray(0, len), find(LF), opts);
    const household = householdLayout(line1.header, line1.delimiter, opts.columns?.hinder);
    if (household) return await readHouseholds(source, buf.subarray(0, len), line1.dataStart, household, opts);
    const info = readHeader(source.name, buf.subarray(0, len), find(LF), opts);

    const threads = opts.threads ?? defaultThreads();
    // the threads read the file's own bytes: a CR-only file is read here, in one pass
    if (!crOnly && source.path && source.size !== undefined && threads > 1 && source.size >= (opts.minParallelBytes ?? PARALLEL_MIN_BYTES)) {
      const r = await readParallel(source.path, source.name, source.size, info, opts, threads);
      if (r) return r;
      // a row spans the cut (a line break inside quotes): read it in one pass instead
      len = 0;
      eof = false;
      bytes = 0;
      await source.close();
      source = await reopen(source);
      while (!eof && len < info.dataStart) await fill();
    }

    const sink = new RegisterSink(source.name, opts, info.index, info.header, source.size);
    const scanner = new RegisterScanner(new CsvScanner(info.delimiter.charCodeAt(0), info.header.length), sink);
    scanner.line = 1;
    let pos = info.dataStart;
    for (;;) {
      const next = scanRows(scanner, buf, pos, len, eof, sink, source.name);
      if (eof) break;
      buf.copy(buf, 0, next, len);
      len -= next;
      pos = 0;
      await fill();
      opts.onProgress?.(bytes);
    }
    return finish(sink.result(), info, opts, bytes);
  } finally {
    await source.close();
  }
}

/** The household file as the person rows it holds, messages and rejects at its own lines. */
async function readHouseholds(from: ByteSource, first: Uint8Array, dataStart: number, layout: HouseholdLayout, opts: ReadOptions): Promise<RegisterRead> {
  const hh = householdSource(from, first, dataStart, layout);
  const at = (where: Location): Location => {
    const o = where.line === undefined ? undefined : hh.origin(where.line);
    if (!o) return where;
    const adult = layout.adults.find((a) => a.n === o.n);
    const byRole: Record<string, number | undefined> = { person_id: adult?.id, kommun: layout.kommun, year: layout.year, month: layout.month, district: layout.district, sex: adult?.sex, age: adult?.age, hinder: adult?.hinder, amount: layout.paid, household_type: layout.children };
    const col = where.columnName === undefined ? undefined : byRole[where.columnName];
    return { file: from.name, line: o.line, ...(col !== undefined && col >= 0 ? { column: col + 1, columnName: layout.names[col] } : {}) };
  };
  try {
    const read = await readRegister(hh.source, { ...opts, delimiter: '\t', columns: undefined, threads: 1, onReject: opts.onReject && ((r) => opts.onReject!({ ...r, where: at(r.where) })) });
    return { ...read, householdFile: true };
  } catch (e) {
    if (e instanceof InputError && e.where) throw new InputError(at(e.where), e.message, e.hint);
    throw e;
  }
}

function crToLf(buf: Uint8Array, from: number, to: number): void {
  for (let i = buf.indexOf(CR, from); i >= 0 && i < to; i = buf.indexOf(CR, i + 1)) buf[i] = LF;
}

async function reopen(source: ByteSource): Promise<ByteSource> {
  const again = await openSource(source.path!);
  return { ...again, name: source.name };
}
