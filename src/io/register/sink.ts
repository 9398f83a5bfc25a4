/**
 * Validates the rows of a register extract and applies them to per-person state: the general
 * path (`row`, any row the CSV scanner finds) and the batch both paths feed (`push`, `flush`).
 */
import { canonicalId } from './person-id.js';
import { InputError, Location } from '../../errors.js';
import * as msg from '../../messages.js';
import { PersonState, SEX, UNKNOWN_AGE, who } from '../../domain/person-state.js';
import { ByteIntern } from '../byte-intern.js';
import { RowSink, unquote } from '../csv-scan.js';
import { decode, isValidUtf8 } from '../encoding.js';
import { ColumnIndex } from './columns.js';
import { digits, parsePeriod } from './period.js';
import type { PartResult, ReadOptions } from './types.js';

const SPACE = 32;
const MAX_LABELS = 65534;

const BATCH = 128;

/**
 * Room for persons at the start. Growing from small tables to a national register's cost a
 * rehash per step and, worse, a page fault for every 4 KB page of every table on the way
 * (5 µs each on these virtual machines, and two threads' faults queue for the same lock). A
 * large range starts with room for 3 · 2^17 persons (an 8 MB id table at load 3/4): a row is
 * rarely under 64 bytes, and a person has at least one.
 */
const MAX_INITIAL_PERSONS = 3 << 17;

function initialPersons(bytes: number | undefined): number {
  if (bytes === undefined) return 1 << 14;
  let cap = 1 << 14;
  while (cap < MAX_INITIAL_PERSONS && cap * 64 < bytes) cap <<= 1;
  return Math.min(cap, MAX_INITIAL_PERSONS);
}

/**
 * The sex written in buf[s, e) — 1/2 (SCB's and the household file's codes), M/K, man/kvinna,
 * män/kvinnor, in any case — as SEX; -1 when it is none of them.
 */
export function sexOf(buf: Uint8Array, s: number, e: number): number {
  if (e - s > 8) return -1;
  let word = '';
  for (let i = s; i < e; i++) word += String.fromCharCode(buf[i]);
  // 'ä' as Latin-1 or UTF-8: män reads as man
  const w = word.toLowerCase().replace(/\xc3\xa4|\xe4/g, 'a');
  if (w === '1' || w === 'm' || w === 'man' || w === 'male') return SEX.man;
  if (w === '2' || w === 'k' || w === 'kvinna' || w === 'kvinnor' || w === 'female') return SEX.woman;
  return -1;
}

/**
 * An amount in kronor as case systems write it — `1234`, `1234,50`, `1234.5`, `-350` (a
 * correction), spaces between thousands — in whole öre; NaN when it is not one.
 */
export function oreOf(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = buf[i] === 45;
  if (negative) i++;
  let ore = 0;
  let decimals = -1;
  let digits = 0;
  for (; i < e; i++) {
    const b = buf[i];
    if (b >= 48 && b <= 57) {
      if (decimals >= 0 && ++decimals > 2) return NaN;
      ore = ore * 10 + (b - 48);
      digits++;
    } else if ((b === 44 || b === 46) && decimals < 0) decimals = 0;
    // a space or a no-break space (Latin-1 or UTF-8) between thousands
    else if ((b === 32 || b === 0xa0 || (b === 0xc2 && buf[i + 1] === 0xa0)) && decimals < 0) {
      if (b === 0xc2) i++;
    } else return NaN;
  }
  if (!digits) return NaN;
  ore *= decimals <= 0 ? 100 : decimals === 1 ? 10 : 1;
  return negative ? -ore : ore;
}

export class RegisterSink implements RowSink {
  private batched = 0;
  private readonly bStart = new Int32Array(BATCH);
  private readonly bEnd = new Int32Array(BATCH);
  private readonly bMonth = new Int32Array(BATCH);
  private readonly bKommun = new Int32Array(BATCH);
  private readonly bAge = new Int32Array(BATCH);
  private readonly bLabel = new Int32Array(BATCH);
  private readonly bPaid = new Float64Array(BATCH);
  /** the row's sex and household type (person-state.ts `who`) */
  private readonly bWho = new Int32Array(BATCH);
  private readonly bPerson = new Int32Array(BATCH);
  private readonly bHash = new Int32Array(BATCH);
  private readonly bK0 = new Int32Array(BATCH);
  private readonly bK1 = new Int32Array(BATCH);
  /** keeps the touching loads from being optimised away */
  touched = 0;
  readonly state: PersonState;
  readonly ids: ByteIntern;
  readonly labelIntern = new ByteIntern(64);
  labelRows: number[] = [];
  rowsRead = 0;
  rowsUsed = 0;
  rowsOutside = 0;
  rowsRejected = 0;
  emptyRows = 0;
  paddedCodes = 0;
  /** rows whose id was a personnummer in another form (person-id.ts) */
  idForms = 0;
  /** rows whose sex or household type could not be read (counted as unknown: opts.partsOptional) */
  unreadParts = 0;
  firstMonth = Infinity;
  lastMonth = -Infinity;
  readonly nCols: number;
  readonly cId: number;
  readonly cKommun: number;
  readonly cYear: number;
  readonly cMonth: number;
  readonly cPeriod: number;
  readonly cHinder: number;
  readonly cAge: number;
  readonly cBirth: number;
  readonly cAmount: number;
  readonly cSex: number;
  readonly cHousehold: number;
  readonly start: number;
  readonly months: number;

  constructor(
    private readonly file: string,
    readonly opts: ReadOptions,
    index: ColumnIndex,
    private readonly header: readonly string[],
    /** bytes this sink will read, when known: sizes the tables */
    bytes?: number,
  ) {
    this.nCols = header.length;
    const cap = initialPersons(bytes);
    this.ids = new ByteIntern(cap);
    this.cId = index.person_id!;
    this.cKommun = index.kommun!;
    this.cPeriod = index.period ?? -1;
    this.cYear = index.period === undefined ? index.year! : -1;
    this.cMonth = index.period === undefined ? index.month! : -1;
    this.cHinder = opts.requireHinder || opts.readHinder ? (index.hinder ?? -1) : -1;
    this.cAmount = index.amount ?? -1;
    this.cSex = opts.readSex ? (index.sex ?? -1) : -1;
    this.cHousehold = opts.readHousehold ? (index.household_type ?? -1) : -1;
    this.state = new PersonState(opts.layout, cap, undefined, this.cHinder >= 0, this.cAmount >= 0);
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

    let sex: number = SEX.unknown;
    if (this.cSex >= 0 && ends[this.cSex] > starts[this.cSex]) {
      sex = sexOf(buf, starts[this.cSex], ends[this.cSex]);
      if (sex < 0 && this.opts.partsOptional) {
        sex = SEX.unknown;
        this.unreadParts++;
      } else if (sex < 0) return this.reject(buf, starts, ends, nf, line, this.cSex, msg.badPersonSex(this.text(buf, starts[this.cSex], ends[this.cSex])), msg.badPersonSexHint());
    }

    let household = 0;
    const cH = this.cHousehold;
    if (cH >= 0 && ends[cH] > starts[cH]) {
      household = ends[cH] - starts[cH] === 1 ? buf[starts[cH]] - 48 : -1;
      if ((household < 1 || household > 6) && this.opts.partsOptional) {
        household = 0;
        this.unreadParts++;
      } else if (household < 1 || household > 6) return this.reject(buf, starts, ends, nf, line, cH, msg.badHouseholdType(this.text(buf, starts[cH], ends[cH])), msg.badHouseholdTypeHint());
    }

    let paid = NaN;
    if (this.cAmount >= 0 && ends[this.cAmount] > starts[this.cAmount]) {
      paid = oreOf(buf, starts[this.cAmount], ends[this.cAmount]);
      if (Number.isNaN(paid)) return this.reject(buf, starts, ends, nf, line, this.cAmount, msg.badAmount(this.text(buf, starts[this.cAmount], ends[this.cAmount])), msg.badAmountHint());
    }

    if (code < 1000 && codeLen === 3) this.paddedCodes++;
    if (g < this.firstMonth) this.firstMonth = g;
    if (g > this.lastMonth) this.lastMonth = g;

    const m = g - this.start;
    if (m < 0 || m >= this.months) {
      this.rowsOutside++;
      return;
    }
    const label = this.cHinder >= 0 ? this.label(buf, starts[this.cHinder], ends[this.cHinder], line) : 0;
    // one person in every form of the personnummer: the id's bytes rewritten in place (every
    // change drops bytes, so a shorter id is a rewritten one)
    const idEnd = canonicalId(buf, starts[cId], ends[cId]);
    if (idEnd !== ends[cId]) this.idForms++;
    this.push(buf, starts[cId], idEnd, m, k, age, label, paid, who(sex, household));
  }

  /** The stored value of the reason label at buf[s, e): its id + 1. */
  label(buf: Uint8Array, s: number, e: number, line: number): number {
    const id = this.labelIntern.intern(buf, s, e);
    if (id >= MAX_LABELS) throw new InputError({ file: this.file, line, column: this.cHinder + 1 }, msg.tooManyLabels(MAX_LABELS), msg.tooManyLabelsHint());
    this.labelRows[id] = (this.labelRows[id] ?? 0) + 1;
    return id + 1;
  }

  /** A valid row inside the window: the id at buf[idStart, idEnd), window month m. */
  push(buf: Uint8Array, idStart: number, idEnd: number, m: number, k: number, age: number, label: number, paid = NaN, whoBits = 0): void {
    const b = this.batched++;
    this.bStart[b] = idStart;
    this.bEnd[b] = idEnd;
    this.bMonth[b] = m;
    this.bKommun[b] = k;
    this.bAge[b] = age;
    this.bLabel[b] = label;
    this.bPaid[b] = paid;
    this.bWho[b] = whoBits;
    this.rowsUsed++;
    if (this.batched === BATCH) this.flush(buf);
  }

  /**
   * Applies the batched rows in passes — hash, touch the id slots, intern, touch the person
   * records, add — so that the cache misses of a batch overlap instead of queueing. Called
   * when the batch is full and before the scanner's buffer is reused.
   */
  flush(buf: Uint8Array): void {
    const n = this.batched;
    if (n === 0) return;
    const ids = this.ids;
    for (let i = 0; i < n; i++) {
      this.bHash[i] = ids.hash(buf, this.bStart[i], this.bEnd[i]);
      this.bK0[i] = ids.k0;
      this.bK1[i] = ids.k1;
    }
    let touched = ids.prefetch(this.bHash, n);
    const state = this.state;
    for (let i = 0; i < n; i++) {
      const p = ids.internHashed(buf, this.bStart[i], this.bEnd[i], this.bHash[i], this.bK0[i], this.bK1[i]);
      if (p >= state.capacity) state.ensure(p + 1);
      this.bPerson[i] = p;
    }
    touched += state.prefetch(this.bPerson, n);
    for (let i = 0; i < n; i++) state.add(this.bPerson[i], this.bMonth[i], this.bKommun[i], this.bAge[i], this.bLabel[i], this.bWho[i]);
    if (this.cAmount >= 0) for (let i = 0; i < n; i++) state.addPaid(this.bMonth[i], this.bKommun[i], this.bPaid[i]);
    this.batched = 0;
    this.touched ^= touched;
  }

  result(): PartResult {
    return {
      ids: this.ids.data(),
      labels: this.labelIntern.data(),
      state: this.state.data(),
      labelRows: this.labelRows,
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsOutside: this.rowsOutside,
      rowsRejected: this.rowsRejected,
      emptyRows: this.emptyRows,
      paddedCodes: this.paddedCodes,
      idForms: this.idForms,
      unreadParts: this.unreadParts,
      firstMonth: this.firstMonth,
      lastMonth: this.lastMonth,
      rejects: [],
      lines: 0,
    };
  }

  /** A field's text for a message; never called on the person id column. */
  private text(buf: Uint8Array, s: number, e: number): string {
    const b = buf.subarray(s, Math.min(e, s + 1000));
    return decode(b, this.opts.encoding ?? (isValidUtf8(b) ? 'utf8' : 'windows-1252'));
  }

  private reject(buf: Uint8Array, starts: Int32Array, ends: Int32Array, nf: number, line: number, col: number | undefined, reason: string, hint: string): void {
    const where: Location = { file: this.file, line, column: col === undefined ? undefined : col + 1, columnName: col === undefined ? undefined : this.header[col] };
    if (!this.opts.onReject) throw new InputError(where, reason, hint);
    this.rowsRejected++;
    const fields: string[] = [];
    // each field as it is written: the rejects file is written back in the input's encoding
    for (let f = 0; f < nf; f++) {
      const b = buf.subarray(starts[f], ends[f]);
      fields.push(unquote(decode(b, this.opts.encoding ?? (isValidUtf8(b) ? 'utf8' : 'windows-1252'))));
    }
    this.opts.onReject({ where, reason, fields });
  }
}

