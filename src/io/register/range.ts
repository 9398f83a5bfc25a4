/**
 * One pass over a byte range of the register: chunks of the file → the fast row loop (or the
 * general scanner for odd rows) → the sink's batches. The main thread's stream and every
 * worker use it.
 */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { readSync } from 'node:fs';
import { AfterQuote, CsvScanner, LF, UnterminatedQuote } from '../csv-scan.js';
import { RegisterScanner, STOP_ROOM } from './fast.js';
import type { Handoff } from './handoff.js';
import { RegisterSink } from './sink.js';
import type { HeaderInfo, RangeResult, ReadOptions } from './types.js';

export const CHUNK = 1 << 22;
/** The longest row a register may have (bytes): a person-month row is a hundred. */
export const MAX_ROW = 1 << 26;
export const HEADER_READ = 1 << 16;
const HANDOFF_READ = 1 << 19;

/**
 * `buf` with room to read into after its first `len` bytes, beyond the STOP_ROOM bytes the
 * fast scanner writes after the data: twice the size when a row has filled it.
 */
export function withRoom(buf: Buffer<ArrayBuffer>, len: number, file: string): Buffer<ArrayBuffer> {
  if (len < buf.length - STOP_ROOM) return buf;
  // a row of this size is no register's (/dev/zero through a pipe, a binary file): stop, do not grow
  if (buf.length >= MAX_ROW) throw new InputError({ file }, msg.rowTooLong(MAX_ROW >> 20), msg.rowTooLongHint());
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger, 0, 0, len);
  return bigger;
}

/** A scan that turns a quote left open into a located error. */
export function scanRows(scanner: RegisterScanner, buf: Uint8Array, pos: number, len: number, eof: boolean, sink: RegisterSink, file: string): number {
  try {
    const next = scanner.scan(buf, pos, len, eof);
    sink.flush(buf);
    return next;
  } catch (e) {
    if (e instanceof UnterminatedQuote) throw new InputError({ file, line: e.line }, msg.unterminatedQuote(), msg.unterminatedQuoteHint());
    if (e instanceof AfterQuote) throw new InputError({ file, line: e.line, column: e.column }, msg.afterQuote(), msg.afterQuoteHint());
    throw e;
  }
}

/** The start of the line after the one holding byte `at`. */
export function nextLineStart(fd: number, at: number, size: number): number {
  const b = Buffer.allocUnsafe(1 << 16);
  for (let pos = at; pos < size; pos += b.length) {
    const n = readSync(fd, b, 0, b.length, pos);
    const i = b.subarray(0, n).indexOf(LF);
    if (i >= 0) return pos + i + 1;
  }
  return size;
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
    buf = withRoom(buf, len, name);
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
