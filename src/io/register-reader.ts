/**
 * Reads a register extract (SPEC §3.1) into per-person state in one streaming pass: bytes in
 * large chunks → CsvScanner → validate each row → PersonState. No string is made per row; only
 * the header and the distinct reason labels are decoded.
 */
import { InputError, Location } from '../errors.js';
import * as msg from '../messages.js';
import { Municipalities } from '../domain/municipalities.js';
import { PersonState, UNKNOWN_AGE, WindowLayout } from '../domain/person-state.js';
import { ByteIntern } from './byte-intern.js';
import { CsvScanner, LF, RowSink, UnterminatedQuote, detectDelimiter, unquote } from './csv-scan.js';
import { Encoding, decode, hasUtf16Bom, hasUtf8Bom, isValidUtf8 } from './encoding.js';
import { ColumnIndex, RegisterColumn, aliasList, mapColumns } from './register-columns.js';
import { ByteSource } from './source.js';

const CHUNK = 1 << 22;
const SPACE = 32;
const MAX_LABELS = 65534;

export interface ReadOptions {
  layout: WindowLayout;
  municipalities: Municipalities;
  /** force a delimiter instead of detecting it */
  delimiter?: string;
  /** force an encoding instead of detecting it */
  encoding?: Encoding;
  /** the reason column must exist (the `reasons` command) */
  requireHinder: boolean;
  /** when set, bad rows go here and the run goes on; otherwise the first bad row stops it */
  onReject?: (r: Rejected) => void;
  /** called now and then with bytes read so far */
  onProgress?: (bytes: number) => void;
}

export interface Rejected {
  where: Location;
  reason: string;
  fields: string[];
}

export interface RegisterRead {
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
  rowsRead: number;
  rowsUsed: number;
  rowsOutside: number;
  rowsRejected: number;
  emptyRows: number;
  /** municipality codes that had lost their leading zero (`180` for `0180`) */
  paddedCodes: number;
  bytes: number;
}

export async function readRegister(source: ByteSource, opts: ReadOptions): Promise<RegisterRead> {
  let buf = Buffer.allocUnsafe(CHUNK);
  let len = 0;
  let eof = false;
  let bytes = 0;
  const fill = async () => {
    if (len === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = await source.read(buf, len, buf.length - len);
    if (n === 0) eof = true;
    len += n;
    bytes += n;
  };

  // the header: the first line, whole
  const lineEnd = () => {
    const i = buf.indexOf(LF);
    return i >= 0 && i < len ? i : -1;
  };
  while (!eof && lineEnd() < 0) await fill();
  if (len === 0) throw new InputError({ file: source.name, line: 1 }, msg.emptyFile(), msg.emptyFileHint());
  if (hasUtf16Bom(buf.subarray(0, len))) throw new InputError({ file: source.name, line: 1 }, msg.utf16(), msg.utf16Hint());
  const bom = hasUtf8Bom(buf.subarray(0, len));
  let pos = bom ? 3 : 0;
  let headerEnd = lineEnd();
  if (headerEnd < 0) headerEnd = len;
  const headerBytes = buf.subarray(pos, headerEnd);
  const headerEncoding: Encoding = opts.encoding ?? (bom || isValidUtf8(headerBytes) ? 'utf8' : 'windows-1252');
  const headerText = decode(headerBytes, headerEncoding).replace(/\r$/, '');
  const delimiter = opts.delimiter ?? detectDelimiter(headerText);
  const header = splitLine(headerText, delimiter);
  const { index } = mapColumns(header);
  checkColumns(source.name, index, header, delimiter, opts.requireHinder);

  const sink = new RegisterSink(source.name, opts, index, header);
  const scanner = new CsvScanner(delimiter.charCodeAt(0), header.length);
  scanner.line = 1;
  pos = headerEnd + 1;
  try {
    for (;;) {
      const next = scanner.scan(buf, pos, len, eof, sink);
      if (eof) break;
      buf.copy(buf, 0, next, len);
      len -= next;
      pos = 0;
      await fill();
      opts.onProgress?.(bytes);
    }
  } catch (e) {
    if (e instanceof UnterminatedQuote) throw new InputError({ file: source.name, line: e.line }, msg.unterminatedQuote(), msg.unterminatedQuoteHint());
    throw e;
  } finally {
    await source.close();
  }

  // Labels are decoded once, at the end; a file with no BOM whose labels are not valid
  // UTF-8 was written in Windows-1252 (ASCII-only headers tell nothing).
  const labelBytes = Array.from({ length: sink.labelIntern.size }, (_, i) => sink.labelIntern.bytes(i));
  const encoding: Encoding =
    opts.encoding ?? (bom ? 'utf8' : headerEncoding === 'windows-1252' || !labelBytes.every(isValidUtf8) ? 'windows-1252' : 'utf8');
  return {
    state: sink.state,
    persons: sink.ids.size,
    labels: labelBytes.map((b) => unquote(decode(b, encoding))),
    labelRows: sink.labelRows.slice(0, sink.labelIntern.size),
    columns: index,
    header,
    encoding,
    delimiter,
    rowsRead: sink.rowsRead,
    rowsUsed: sink.rowsUsed,
    rowsOutside: sink.rowsOutside,
    rowsRejected: sink.rowsRejected,
    emptyRows: sink.emptyRows,
    paddedCodes: sink.paddedCodes,
    bytes,
  };
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

/** Digits of buf[s, e) as a number; -1 when empty or not all digits. */
function digits(buf: Uint8Array, s: number, e: number): number {
  if (s >= e || e - s > 9) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** `2021-03`, `2021-3`, `202103`, `2021M03` → global month number; -1 when not a period. */
function parsePeriod(buf: Uint8Array, s: number, e: number): number {
  const year = digits(buf, s, s + 4);
  if (year < 1900 || year > 2200) return -1;
  let m = s + 4;
  if (m < e && (buf[m] < 48 || buf[m] > 57)) m++;
  const month = digits(buf, m, e);
  if (month < 1 || month > 12 || e - m > 2) return -1;
  return year * 12 + month - 1;
}

class RegisterSink implements RowSink {
  readonly state: PersonState;
  readonly ids = new ByteIntern(1 << 14);
  readonly labelIntern = new ByteIntern(64);
  labelRows: number[] = [];
  rowsRead = 0;
  rowsUsed = 0;
  rowsOutside = 0;
  rowsRejected = 0;
  emptyRows = 0;
  paddedCodes = 0;
  private readonly nCols: number;
  private readonly cId: number;
  private readonly cKommun: number;
  private readonly cYear: number;
  private readonly cMonth: number;
  private readonly cPeriod: number;
  private readonly cHinder: number;
  private readonly cAge: number;
  private readonly cBirth: number;
  private readonly start: number;
  private readonly months: number;

  constructor(
    private readonly file: string,
    private readonly opts: ReadOptions,
    index: ColumnIndex,
    private readonly header: readonly string[],
  ) {
    this.nCols = header.length;
    this.state = new PersonState(opts.layout, 1 << 14);
    this.cId = index.person_id!;
    this.cKommun = index.kommun!;
    this.cPeriod = index.period ?? -1;
    this.cYear = index.period === undefined ? index.year! : -1;
    this.cMonth = index.period === undefined ? index.month! : -1;
    this.cHinder = index.hinder ?? -1;
    this.cAge = index.age ?? -1;
    this.cBirth = index.age === undefined ? (index.birth_year ?? -1) : -1;
    this.start = opts.layout.start;
    this.months = opts.layout.months;
  }

  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, line: number): void {
    this.rowsRead++;
    // trim spaces around every field; Excel and fixed-width exports pad
    const nf = Math.min(n, this.nCols);
    let allEmpty = true;
    for (let f = 0; f < nf; f++) {
      let s = starts[f];
      let e = ends[f];
      while (s < e && buf[s] === SPACE) s++;
      while (e > s && buf[e - 1] === SPACE) e--;
      starts[f] = s;
      ends[f] = e;
      if (e > s) allEmpty = false;
    }
    if (allEmpty) {
      // rows of only delimiters, as Excel leaves below a table
      this.rowsRead--;
      this.emptyRows++;
      return;
    }
    if (n !== this.nCols) return this.reject(buf, starts, ends, nf, line, undefined, msg.fieldCount(this.nCols, n), msg.fieldCountHint());

    const cId = this.cId;
    if (ends[cId] === starts[cId]) return this.reject(buf, starts, ends, nf, line, cId, msg.emptyId(), msg.emptyIdHint());

    const cK = this.cKommun;
    let code = digits(buf, starts[cK], ends[cK]);
    const codeLen = ends[cK] - starts[cK];
    if (code < 0 || codeLen < 3 || codeLen > 4) return this.reject(buf, starts, ends, nf, line, cK, msg.badKommun(this.text(buf, starts[cK], ends[cK])), msg.badKommunHint());
    const k = this.opts.municipalities.indexOfNumber(code);
    if (k < 0) return this.reject(buf, starts, ends, nf, line, cK, msg.unknownKommun(this.text(buf, starts[cK], ends[cK])), msg.unknownKommunHint());

    let g: number;
    if (this.cPeriod >= 0) {
      g = parsePeriod(buf, starts[this.cPeriod], ends[this.cPeriod]);
      if (g < 0) return this.reject(buf, starts, ends, nf, line, this.cPeriod, msg.badPeriod(this.text(buf, starts[this.cPeriod], ends[this.cPeriod])), msg.badPeriodHint());
    } else {
      const year = digits(buf, starts[this.cYear], ends[this.cYear]);
      if (year < 1900 || year > 2200 || ends[this.cYear] - starts[this.cYear] !== 4)
        return this.reject(buf, starts, ends, nf, line, this.cYear, msg.badYear(this.text(buf, starts[this.cYear], ends[this.cYear])), msg.badYearHint());
      const ms = starts[this.cMonth];
      const me = ends[this.cMonth];
      if (me - ms > 2) {
        // a month column that holds whole periods (`2021-03`) must agree with the year
        g = parsePeriod(buf, ms, me);
        if (g < 0 || Math.floor(g / 12) !== year)
          return this.reject(buf, starts, ends, nf, line, this.cMonth, msg.badMonth(this.text(buf, ms, me)), msg.badMonthHint());
      } else {
        const month = digits(buf, ms, me);
        if (month < 1 || month > 12) return this.reject(buf, starts, ends, nf, line, this.cMonth, msg.badMonth(this.text(buf, ms, me)), msg.badMonthHint());
        g = year * 12 + month - 1;
      }
    }

    let age = UNKNOWN_AGE;
    if (this.cAge >= 0 && ends[this.cAge] > starts[this.cAge]) {
      age = digits(buf, starts[this.cAge], ends[this.cAge]);
      if (age < 0 || age > 130) return this.reject(buf, starts, ends, nf, line, this.cAge, msg.badAge(this.text(buf, starts[this.cAge], ends[this.cAge])), msg.badAgeHint());
    } else if (this.cBirth >= 0 && ends[this.cBirth] > starts[this.cBirth]) {
      const by = digits(buf, starts[this.cBirth], ends[this.cBirth]);
      const a = Math.floor(g / 12) - by;
      if (by < 1850 || a < 0 || a > 130) return this.reject(buf, starts, ends, nf, line, this.cBirth, msg.badBirthYear(this.text(buf, starts[this.cBirth], ends[this.cBirth])), msg.badAgeHint());
      age = a;
    }

    if (code < 1000 && codeLen === 3) this.paddedCodes++;

    const m = g - this.start;
    if (m < 0 || m >= this.months) {
      this.rowsOutside++;
      return;
    }
    let label = 0;
    if (this.cHinder >= 0) {
      const id = this.labelIntern.intern(buf, starts[this.cHinder], ends[this.cHinder]);
      if (id >= MAX_LABELS) throw new InputError({ file: this.file, line, column: this.cHinder + 1 }, msg.tooManyLabels(MAX_LABELS), msg.tooManyLabelsHint());
      this.labelRows[id] = (this.labelRows[id] ?? 0) + 1;
      label = id + 1;
    }
    const p = this.ids.intern(buf, starts[cId], ends[cId]);
    if (p >= this.state.capacity) this.state.ensure(p + 1);
    this.state.add(p, m, k, age, label);
    this.rowsUsed++;
  }

  /** A field's text for a message; never called on the person id column. */
  private text(buf: Uint8Array, s: number, e: number): string {
    const t = decode(buf.subarray(s, Math.min(e, s + 24)), 'utf8');
    return e - s > 24 ? t + '…' : t;
  }

  private reject(buf: Uint8Array, starts: Int32Array, ends: Int32Array, nf: number, line: number, col: number | undefined, reason: string, hint: string): void {
    const where: Location = { file: this.file, line, column: col === undefined ? undefined : col + 1, columnName: col === undefined ? undefined : this.header[col] };
    if (!this.opts.onReject) throw new InputError(where, reason, hint);
    this.rowsRejected++;
    const fields: string[] = [];
    for (let f = 0; f < nf; f++) fields.push(unquote(decode(buf.subarray(starts[f], ends[f]), 'utf8')));
    this.opts.onReject({ where, reason, fields });
  }
}

