/**
 * Reads a register extract (SPEC §3.1) into per-person state in one streaming pass: bytes in
 * large chunks → the fast row loop, or CsvScanner and RegisterSink.row for any odd row →
 * batches → PersonState. A large file is read by two threads on byte ranges (readParallel). No
 * string is made per row; only the header and the distinct reason labels are decoded.
 */
import { InputError, Location } from '../errors.js';
import * as msg from '../messages.js';
import { Municipalities } from '../domain/municipalities.js';
import { PersonState, PersonStateData, WindowLayout } from '../domain/person-state.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { ByteIntern, ByteInternData } from './byte-intern.js';
import { CsvScanner, LF, UnterminatedQuote, detectDelimiter, unquote } from './csv-scan.js';
import { Encoding, decode, hasUtf16Bom, hasUtf8Bom, isValidUtf8 } from './encoding.js';
import { ColumnIndex, RegisterColumn, aliasList, mapColumns } from './register-columns.js';
import { Handoff } from './range-handoff.js';
import { PARALLEL_MIN_BYTES, defaultThreads, takeReader } from './reader-threads.js';
import { RegisterScanner, STOP_ROOM } from './register-fast.js';
import { RegisterSink } from './register-sink.js';
import { ByteSource, openSource } from './source.js';

const CHUNK = 1 << 22;
const HEADER_READ = 1 << 16;
const HANDOFF_READ = 1 << 19;

export interface ReadOptions {
  layout: WindowLayout;
  municipalities: Municipalities;
  /** force a delimiter instead of detecting it */
  delimiter?: string;
  /** force an encoding instead of detecting it */
  encoding?: Encoding;
  /** the reason column must exist and is read (the `reasons` command); else it is skipped */
  requireHinder: boolean;
  /** read the reason column when there is one (the report) */
  readHinder?: boolean;
  /** when set, bad rows go here and the run goes on; otherwise the first bad row stops it */
  onReject?: (r: Rejected) => void;
  /** called now and then with bytes read so far */
  onProgress?: (bytes: number) => void;
  /** threads for large files (default: BISTAND_THREADS, else up to 2) */
  threads?: number;
  /** the smallest file read by several threads (default PARALLEL_MIN_BYTES) */
  minParallelBytes?: number;
  /** false: every row takes the general path (tests compare the two) */
  fastRows?: boolean;
  /**
   * Tests: the first worker's range starts at the line start at or after this byte, whenever
   * the worker gets ready (the main thread waits for it), instead of where the main thread has
   * got to by then.
   */
  firstCut?: number;
}

/** What a worker thread is asked to read. */
export interface WorkerJob {
  path: string;
  name: string;
  from: number;
  to: number;
  final: boolean;
  info: HeaderInfo;
  years: number[];
  requireHinder: boolean;
  readHinder: boolean;
  collectRejects: boolean;
  /** the Handoff's memory; the first worker (from = -1) waits on it for its start */
  shared: SharedArrayBuffer;
  worker: number;
  workers: number;
}

export type WorkerReply = (RangeResult & { to: number }) | { error: { message: string; hint?: string; where: Location } };

function startWorker(job: WorkerJob): { result: Promise<WorkerReply>; cancel(): void } {
  const w = takeReader();
  const result = new Promise<WorkerReply>((resolve, reject) => {
    w.once('message', (m: WorkerReply) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
  w.postMessage(job);
  return { result, cancel: () => void w.terminate() };
}

export interface Rejected {
  where: Location;
  reason: string;
  fields: string[];
}

export interface RegisterRead extends RowCounts {
  state: PersonState;
  persons: number;
  /** distinct reason labels as decoded text, by label id */
  labels: string[];
  /** rows per label id */
  labelRows: number[];
  columns: ColumnIndex;
  header: string[];
  encoding: Encoding;
  delimiter: string;
  bytes: number;
}

/** What a pass counted, for the summary: no row is lost without being counted. */
export interface RowCounts {
  rowsRead: number;
  rowsUsed: number;
  rowsOutside: number;
  rowsRejected: number;
  emptyRows: number;
  /** municipality codes that had lost their leading zero (`180` for `0180`) */
  paddedCodes: number;
  /** the earliest month (year*12 + month−1) of any valid row, inside the window or not */
  firstMonth: number;
}

/** What the header tells: the columns and how the file is written. */
export interface HeaderInfo {
  header: string[];
  index: ColumnIndex;
  delimiter: string;
  bom: boolean;
  headerEncoding: Encoding;
  /** byte offset of the first data row */
  dataStart: number;
}

export async function readRegister(source: ByteSource, opts: ReadOptions): Promise<RegisterRead> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let len = 0;
  let eof = false;
  let bytes = 0;
  const fill = async (max = Infinity) => {
    buf = withRoom(buf, len);
    const room = Math.min(max, buf.length - STOP_ROOM - len);
    const n = source.readSync ? source.readSync(buf, len, room) : await source.read(buf, len, room);
    if (n === 0) eof = true;
    len += n;
    bytes += n;
  };

  try {
    // the header: the first line, whole
    const lineEnd = () => {
      const i = buf.indexOf(LF);
      return i >= 0 && i < len ? i : -1;
    };
    // small reads: with threads, the ranges are read again anyway
    while (!eof && lineEnd() < 0) await fill(HEADER_READ);
    const info = readHeader(source.name, buf.subarray(0, len), lineEnd(), opts);

    const threads = opts.threads ?? defaultThreads();
    if (source.path && source.size !== undefined && threads > 1 && source.size >= (opts.minParallelBytes ?? PARALLEL_MIN_BYTES)) {
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

/**
 * `buf` with room to read into after its first `len` bytes, beyond the STOP_ROOM bytes the
 * fast scanner writes after the data: twice the size when a row has filled it.
 */
function withRoom(buf: Buffer<ArrayBuffer>, len: number): Buffer<ArrayBuffer> {
  if (len < buf.length - STOP_ROOM) return buf;
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, len);
  return bigger;
}

async function reopen(source: ByteSource): Promise<ByteSource> {
  const again = await openSource(source.path!);
  return { ...again, name: source.name };
}

/** A scan that turns a quote left open into a located error. */
function scanRows(scanner: RegisterScanner, buf: Uint8Array, pos: number, len: number, eof: boolean, sink: RegisterSink, file: string): number {
  try {
    const next = scanner.scan(buf, pos, len, eof);
    sink.flush(buf);
    return next;
  } catch (e) {
    if (e instanceof UnterminatedQuote) throw new InputError({ file, line: e.line }, msg.unterminatedQuote(), msg.unterminatedQuoteHint());
    throw e;
  }
}

export function readHeader(file: string, first: Uint8Array, lineEnd: number, opts: Pick<ReadOptions, 'encoding' | 'delimiter' | 'requireHinder'>): HeaderInfo {
  if (first.length === 0) throw new InputError({ file, line: 1 }, msg.emptyFile(), msg.emptyFileHint());
  if (hasUtf16Bom(first)) throw new InputError({ file, line: 1 }, msg.utf16(), msg.utf16Hint());
  const bom = hasUtf8Bom(first);
  const headerEnd = lineEnd < 0 ? first.length : lineEnd;
  const headerBytes = first.subarray(bom ? 3 : 0, headerEnd);
  const headerEncoding: Encoding = opts.encoding ?? (bom || isValidUtf8(headerBytes) ? 'utf8' : 'windows-1252');
  const headerText = decode(headerBytes, headerEncoding).replace(/\r$/, '');
  const delimiter = opts.delimiter ?? detectDelimiter(headerText);
  const header = splitLine(headerText, delimiter);
  const { index } = mapColumns(header);
  checkColumns(file, index, header, delimiter, opts.requireHinder);
  return { header, index, delimiter, bom, headerEncoding, dataStart: headerEnd + 1 };
}

/** What one pass over a part of the file found (transferable between threads). */
export interface PartResult extends RowCounts {
  ids: ByteInternData;
  labels: ByteInternData;
  state: PersonStateData;
  labelRows: number[];
  rejects: Rejected[];
  /** lines consumed, header included for the first part */
  lines: number;
}

/** Labels decoded once, at the end; with no BOM, labels that are not valid UTF-8 mean Windows-1252. */
function finish(part: PartResult, info: HeaderInfo, opts: ReadOptions, bytes: number): RegisterRead {
  const labelIntern = new ByteIntern(0, part.labels);
  const labelBytes = Array.from({ length: labelIntern.size }, (_, i) => labelIntern.bytes(i));
  const encoding: Encoding =
    opts.encoding ?? (info.bom ? 'utf8' : info.headerEncoding === 'windows-1252' || !labelBytes.every(isValidUtf8) ? 'windows-1252' : 'utf8');
  return {
    state: new PersonState(opts.layout, 0, part.state),
    persons: part.ids.size,
    labels: labelBytes.map((b) => unquote(decode(b, encoding))),
    labelRows: part.labelRows.slice(0, labelIntern.size),
    columns: info.index,
    header: info.header,
    encoding,
    delimiter: info.delimiter,
    rowsRead: part.rowsRead,
    rowsUsed: part.rowsUsed,
    rowsOutside: part.rowsOutside,
    rowsRejected: part.rowsRejected,
    emptyRows: part.emptyRows,
    paddedCodes: part.paddedCodes,
    firstMonth: part.firstMonth,
    bytes,
  };
}

/**
 * Two (or more) threads on byte ranges cut at line ends: this thread reads the first range,
 * workers the others; their per-person state is merged into this one's, later ranges winning
 * the ties of input order. The cut between this thread and the first worker is made when that
 * worker is ready (see Handoff); further cuts are fixed. Undefined when a cut falls inside a
 * quoted field.
 */
async function readParallel(path: string, name: string, size: number, info: HeaderInfo, opts: ReadOptions, threads: number): Promise<RegisterRead | undefined> {
  const fd = openSync(path, 'r');
  try {
    // fixed cuts after the first worker's range: [dataStart, c1 | c2 | … | size]
    const fixed: number[] = [];
    for (let t = 2; t < threads; t++) fixed.push(nextLineStart(fd, Math.max(fixed[fixed.length - 1] ?? info.dataStart, Math.floor(info.dataStart + ((size - info.dataStart) * t) / threads)), size));
    const ends = [...fixed, size];
    const handoff = Handoff.create(threads - 1);
    const workers = ends.map((to, i) =>
      startWorker({
        path,
        name,
        from: i === 0 ? -1 : fixed[i - 1],
        to,
        final: to === size,
        info,
        years: [...opts.layout.years],
        requireHinder: opts.requireHinder,
        readHinder: opts.readHinder ?? false,
        collectRejects: opts.onReject !== undefined,
        shared: handoff.buffer,
        worker: i,
        workers: threads - 1,
      }),
    );
    const cancel = () => {
      handoff.setCut(ends[0]); // a worker still waiting for its start is let go
      for (const w of workers) w.cancel();
    };
    let first: RangeResult;
    try {
      const progress = opts.onProgress && ((b: number) => opts.onProgress!(b + handoff.workersProgress()));
      first = readRange(fd, name, info.dataStart, ends[0], threads === 2, info, opts, 2, progress, handoff);
    } catch (e) {
      cancel();
      throw e;
    }
    if (first.endPos !== handoff.cut) {
      cancel();
      return undefined;
    }
    const base = absorb(first, opts);
    let lines = first.lines;
    for (const w of workers) {
      const part = await w.result;
      if ('error' in part) {
        cancel();
        const e = part.error;
        throw new InputError({ ...e.where, line: e.where.line === undefined ? undefined : e.where.line + lines }, e.message, e.hint);
      }
      if (part.endPos !== part.to) return undefined;
      merge(base, part, lines, opts.onReject);
      lines += part.lines;
    }
    return finish(base.part(), info, opts, size);
  } finally {
    closeSync(fd);
  }
}

/** The start of the line after the one holding byte `at`. */
function nextLineStart(fd: number, at: number, size: number): number {
  const b = Buffer.allocUnsafe(1 << 16);
  for (let pos = at; pos < size; pos += b.length) {
    const n = readSync(fd, b, 0, b.length, pos);
    const i = b.subarray(0, n).indexOf(LF);
    if (i >= 0) return pos + i + 1;
  }
  return size;
}

export interface RangeResult extends PartResult {
  endPos: number;
}

/**
 * One pass over bytes [from, to) of an open file, with positioned reads. With a handoff (the
 * main thread), `to` moves to the cut it makes once the first worker is ready, and the range
 * ends there; if the worker never gets ready, the range runs to `to` and the worker gets none.
 */
export function readRange(
  fd: number,
  name: string,
  from: number,
  to: number,
  final: boolean,
  info: HeaderInfo,
  opts: ReadOptions,
  firstLine: number,
  onProgress?: (bytes: number) => void,
  handoff?: Handoff,
): RangeResult {
  const sink = new RegisterSink(name, opts, info.index, info.header, to - from);
  const scanner = new RegisterScanner(new CsvScanner(info.delimiter.charCodeAt(0), info.header.length), sink);
  scanner.line = firstLine - 1;
  let buf = Buffer.allocUnsafe(CHUNK);
  let len = 0;
  let filePos = from;
  let consumed = from;
  const started = performance.now();
  let chunkStarted = started;
  let rate = 0; // bytes a millisecond over the last chunk
  // the range ends at the cut, a line start; the worker starts there
  const cutAt = (at: number) => {
    to = nextLineStart(fd, at, to);
    final = false;
    handoff!.setCut(to);
  };
  if (handoff && opts.firstCut !== undefined) {
    handoff.waitReady();
    cutAt(Math.max(from, Math.min(to, opts.firstCut)) - 1);
  }
  for (;;) {
    if (handoff?.workerReady()) {
      // The worker starts where this thread started: cold code, every person new. So it
      // gets the rest of this range halved, less half of what that start cost here (in
      // bytes: what the current rate would have read since the start, less what was read).
      // The cut is past every byte already read.
      const startCost = Math.max(0, rate * (performance.now() - started) - (filePos - from));
      cutAt(Math.min(to, filePos + Math.floor((to - filePos + startCost) / 2)));
    }
    buf = withRoom(buf, len);
    // small reads while a worker may still get ready: it is looked for between reads
    const want = handoff && handoff.cut === undefined ? HANDOFF_READ : Infinity;
    const n = readSync(fd, buf, len, Math.min(buf.length - STOP_ROOM - len, to - filePos, want), filePos);
    filePos += n;
    len += n;
    const eof = filePos >= to;
    const next = scanRows(scanner, buf, 0, len, eof && final, sink, name);
    consumed += next;
    const now = performance.now();
    rate = n / Math.max(1e-3, now - chunkStarted);
    chunkStarted = now;
    onProgress?.(filePos - from);
    if (eof || n === 0) break;
    buf.copy(buf, 0, next, len);
    len -= next;
  }
  handoff?.setCut(to);
  return { ...sink.result(), lines: scanner.line, endPos: consumed };
}

/** The first part's state, ready to take in the others. */
function absorb(first: PartResult, opts: ReadOptions) {
  const ids = new ByteIntern(0, first.ids);
  const labels = new ByteIntern(0, first.labels);
  const state = new PersonState(opts.layout, 0, first.state);
  const p = { ...first, labelRows: [...first.labelRows] };
  return {
    ids,
    labels,
    state,
    p,
    part(): PartResult {
      return { ...p, ids: ids.data(), labels: labels.data(), state: { records: state.records, rowsPerMonth: state.rowsPerMonth, withLabels: state.withLabels } };
    },
  };
}

function merge(base: ReturnType<typeof absorb>, part: PartResult, lineOffset: number, onReject?: (r: Rejected) => void): void {
  const theirLabels = new ByteIntern(0, part.labels);
  const labelMap = new Uint16Array(theirLabels.size + 1);
  for (let j = 0; j < theirLabels.size; j++) {
    const id = base.labels.intern(theirLabels.bytes(j), 0, theirLabels.bytes(j).length);
    labelMap[j + 1] = id + 1;
    base.p.labelRows[id] = (base.p.labelRows[id] ?? 0) + (part.labelRows[j] ?? 0);
  }
  const theirState = new PersonState(base.state.layout, 0, part.state);
  base.state.mergeFrom(theirState, base.ids.mapFrom(new ByteIntern(0, part.ids)), labelMap);
  for (let m = 0; m < base.state.rowsPerMonth.length; m++) base.state.rowsPerMonth[m] += theirState.rowsPerMonth[m];
  base.p.rowsRead += part.rowsRead;
  base.p.rowsUsed += part.rowsUsed;
  base.p.rowsOutside += part.rowsOutside;
  base.p.rowsRejected += part.rowsRejected;
  base.p.emptyRows += part.emptyRows;
  base.p.paddedCodes += part.paddedCodes;
  base.p.firstMonth = Math.min(base.p.firstMonth, part.firstMonth);
  for (const r of part.rejects) onReject?.({ ...r, where: { ...r.where, line: r.where.line === undefined ? undefined : r.where.line + lineOffset } });
}

function checkColumns(file: string, index: ColumnIndex, header: string[], delimiter: string, requireHinder: boolean): void {
  const need: RegisterColumn[] = ['person_id', 'kommun'];
  if (index.period === undefined) need.push('year', 'month');
  if (requireHinder) need.push('hinder');
  const missing = need.filter((c) => index[c] === undefined);
  if (missing.length === 0) return;
  const found = header.map((h) => h.trim()).join(', ');
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
