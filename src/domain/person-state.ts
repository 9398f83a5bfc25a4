/**
 * What the register reader keeps per person, so that memory grows with persons and not with
 * rows. One fixed-size record a person, in one Int32Array, so that a row touches one or two
 * cache lines:
 *
 *   [ month bits: `words` × 32 bits over Jan(min Y − 2)…Dec(max Y) ]
 *   [ per reference year: info = lastMonth+1 (4 bits) | municipality index (12 bits) | age (8 bits)
 *     | two municipalities (1 bit) | sex (2 bits) | household type (3 bits) ]
 *   [ per reference year: 12 reason labels, Uint16 each (0 = none, else label id + 1) ]
 *
 * The latest record of a month wins the label; the latest month of a year gives the municipality
 * and the age. When rows of that month name two municipalities (a person who moved, a register
 * of two municipalities' extracts), the lower municipality code counts, then the lower age, then the
 * higher sex and household type —
 * whatever the rows' order — and the record is marked, so that the persons can be counted.
 */

export const UNKNOWN_AGE = 255;

/** The sex of a row as the register gives it (1/2, M/K, man/kvinna); 0 when not given or not read. */
export const SEX = { unknown: 0, man: 1, woman: 2 } as const;

/** A row's sex and household type (1–6, 0 unknown) as one number, the bits above the age. */
export const who = (sex: number, household: number) => sex | (household << 2);

export interface WindowLayout {
  /** reference years, ascending */
  years: readonly number[];
  /** global month number (year*12 + month−1) of the first month of the window */
  start: number;
  /** months in the window */
  months: number;
}

export function layoutFor(years: readonly number[]): WindowLayout {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const start = (sorted[0] - 2) * 12;
  return { years: sorted, start, months: (sorted[sorted.length - 1] + 1) * 12 - start };
}

const K_SHIFT = 4;
/** municipality indexes below this (290 municipalities) */
export const KOMMUN_SLOTS = 300;
const AGE_SHIFT = 16;
/** set on a year's info when its latest month had rows in two municipalities */
const TWO_KOMMUNER = 1 << 24;
const SEX_SHIFT = 25;
const HOUSEHOLD_SHIFT = 27;

/**
 * The year's info after a row (or another part's info) `next`: the later month wins; in the same
 * month the lower municipality, then the lower age, then the higher sex and household type (a
 * known one over none) — so that the row order does not matter.
 */
function combine(cur: number, next: number): number {
  const a = cur & 15;
  const b = next & 15;
  if (b > a) return next;
  if (b < a || b === 0) return cur;
  const ka = (cur >>> K_SHIFT) & 0xfff;
  const kb = (next >>> K_SHIFT) & 0xfff;
  const flag = ka !== kb || ((cur | next) & TWO_KOMMUNER) !== 0 ? TWO_KOMMUNER : 0;
  const agea = (cur >>> AGE_SHIFT) & 0xff;
  const ageb = (next >>> AGE_SHIFT) & 0xff;
  const keep = kb < ka || (kb === ka && (ageb < agea || (ageb === agea && next >>> SEX_SHIFT > cur >>> SEX_SHIFT))) ? next : cur;
  return (keep & ~TWO_KOMMUNER) | flag;
}

/** The raw arrays of a PersonState, to move it between threads. */
export interface PersonStateData {
  records: Int32Array;
  rowsByKommunMonth: Float64Array;
  /** the amounts paid per municipality and window month, in öre (an input with an amount column) */
  paidByKommunMonth?: Float64Array;
  withLabels: boolean;
}

export class PersonState {
  readonly words: number;
  readonly nYears: number;
  /** int32s per person */
  readonly stride: number;
  private readonly infoAt: number;
  private readonly labelAt: number;
  /** report-year index of each window month, -1 outside the reference years */
  readonly yearOfMonth: Int8Array;
  /** month of the year (0–11) of each window month */
  private readonly monthOfYear: Int8Array;
  capacity: number;
  records: Int32Array;
  labels: Uint16Array;
  /**
   * Rows seen per window month and municipality index (`m * KOMMUN_SLOTS + k`): tells which
   * municipalities and months the input covers, so that a missing extract is never read as 0.
   */
  rowsByKommunMonth: Float64Array;

  /** whether reason labels are kept (not for `classify`: a record is then a third the size) */
  readonly withLabels: boolean;

  /**
   * The amounts of the rows (an amount column), per window month and municipality as
   * rowsByKommunMonth, in whole öre: a sum of integers is the same in any order, so the
   * threads' parts add up to the bytes of one thread. Its second half counts the rows that had
   * an amount (in the household file, one a household and month).
   */
  paidByKommunMonth?: Float64Array;

  constructor(
    readonly layout: WindowLayout,
    capacity = 1 << 12,
    data?: PersonStateData,
    withLabels = true,
    withPaid = false,
  ) {
    this.withLabels = data?.withLabels ?? withLabels;
    this.words = (layout.months + 31) >>> 5;
    this.nYears = layout.years.length;
    this.infoAt = this.words;
    this.labelAt = this.words + this.nYears;
    this.stride = this.words + this.nYears + (this.withLabels ? this.nYears * 6 : 0);
    this.yearOfMonth = new Int8Array(layout.months).fill(-1);
    this.monthOfYear = Int8Array.from({ length: layout.months }, (_, m) => m % 12);
    layout.years.forEach((y, yi) => {
      const o = y * 12 - layout.start;
      for (let m = 0; m < 12; m++) this.yearOfMonth[o + m] = yi;
    });
    this.records = data?.records ?? new Int32Array(capacity * this.stride);
    this.capacity = this.records.length / this.stride;
    this.labels = new Uint16Array(this.records.buffer, this.records.byteOffset, this.records.length * 2);
    this.rowsByKommunMonth = data?.rowsByKommunMonth ?? new Float64Array(KOMMUN_SLOTS * layout.months);
    this.paidByKommunMonth = data ? data.paidByKommunMonth : withPaid ? new Float64Array(2 * KOMMUN_SLOTS * layout.months) : undefined;
  }

  /** The raw arrays, to move them between threads. */
  data(): PersonStateData {
    return { records: this.records, rowsByKommunMonth: this.rowsByKommunMonth, ...(this.paidByKommunMonth ? { paidByKommunMonth: this.paidByKommunMonth } : {}), withLabels: this.withLabels };
  }

  /** A row's amount, in öre (NaN: the row has none): municipality index k, window month m. */
  addPaid(m: number, k: number, ore: number): void {
    if (ore !== ore) return;
    const paid = this.paidByKommunMonth!;
    paid[m * KOMMUN_SLOTS + k] += ore;
    paid[paid.length / 2 + m * KOMMUN_SLOTS + k]++;
  }

  /**
   * The amounts of municipality index k's rows in year index yi, in öre, and how many rows had
   * one; null without an amount column.
   */
  paidInYear(k: number, yi: number): { ore: number; rows: number } | null {
    const paid = this.paidByKommunMonth;
    if (!paid) return null;
    const first = this.layout.years[yi] * 12 - this.layout.start;
    const half = paid.length / 2;
    let ore = 0;
    let rows = 0;
    for (let m = first; m < first + 12; m++) {
      ore += paid[m * KOMMUN_SLOTS + k];
      rows += paid[half + m * KOMMUN_SLOTS + k];
    }
    return { ore, rows };
  }

  ensure(persons: number): void {
    if (persons <= this.capacity) return;
    let cap = this.capacity;
    while (cap < persons) cap *= 2;
    const bigger = new Int32Array(cap * this.stride);
    bigger.set(this.records);
    this.records = bigger;
    this.labels = new Uint16Array(bigger.buffer);
    this.capacity = cap;
  }

  /**
   * One row: person `p` had assistance in window month `m` (0-based, inside the window) in
   * municipality index `k`, aged `age` (UNKNOWN_AGE when not given), with reason label
   * `label` (0 = none, else label id + 1). The latest month's municipality and age: `combine`.
   */
  add(p: number, m: number, k: number, age: number, label: number, whoBits = 0): void {
    const base = p * this.stride;
    const r = this.records;
    r[base + (m >>> 5)] |= 1 << (m & 31);
    // month-major: extracts come sorted by month, so a month's counts stay in one small block
    this.rowsByKommunMonth[m * KOMMUN_SLOTS + k]++;
    const yi = this.yearOfMonth[m];
    if (yi < 0) return;
    const mi = this.monthOfYear[m];
    const at = base + this.infoAt + yi;
    r[at] = combine(r[at], mi + 1 + (k << K_SHIFT) + (age << AGE_SHIFT) + (whoBits << SEX_SHIFT));
    if (this.withLabels) this.labels[(base + this.labelAt + yi * 6) * 2 + mi] = label;
  }

  /** Reads the first word of the first n persons' records (see ByteIntern.prefetch). */
  prefetch(persons: Int32Array, n: number): number {
    const r = this.records;
    const stride = this.stride;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r[persons[i] * stride];
    return sum;
  }

  /** Latest month (0–11) of year index yi with assistance, or -1. */
  lastMonth(p: number, yi: number): number {
    return (this.records[p * this.stride + this.infoAt + yi] & 15) - 1;
  }

  kommun(p: number, yi: number): number {
    return (this.records[p * this.stride + this.infoAt + yi] >>> K_SHIFT) & 0xfff;
  }

  /** Whether the person's latest month of year index yi had rows in two municipalities. */
  twoKommuner(p: number, yi: number): boolean {
    return (this.records[p * this.stride + this.infoAt + yi] & TWO_KOMMUNER) !== 0;
  }

  age(p: number, yi: number): number {
    return (this.records[p * this.stride + this.infoAt + yi] >>> AGE_SHIFT) & 0xff;
  }

  /** SEX of the person's latest month of year index yi (with its municipality and age). */
  sex(p: number, yi: number): number {
    return (this.records[p * this.stride + this.infoAt + yi] >>> SEX_SHIFT) & 3;
  }

  /** The household type (1–6, 0 unknown) of the person's latest month of year index yi. */
  household(p: number, yi: number): number {
    return (this.records[p * this.stride + this.infoAt + yi] >>> HOUSEHOLD_SHIFT) & 7;
  }

  label(p: number, yi: number, month: number): number {
    if (!this.withLabels) return 0;
    return this.labels[(p * this.stride + this.labelAt + yi * 6) * 2 + month];
  }

  /** The 36-month window Jan(Y−2)…Dec(Y) of person p for year index yi, as a number. */
  window(p: number, yi: number): number {
    const first = this.layout.years[yi] * 12 - 24 - this.layout.start;
    const base = p * this.stride;
    const lo = this.bits32(base, first);
    const hi = this.bits32(base, first + 32) & 15;
    return hi * 0x100000000 + lo;
  }

  /** 32 month bits from window month `from` on (bits past the window read as 0), unsigned. */
  private bits32(base: number, from: number): number {
    const w = from >>> 5;
    const o = from & 31;
    const r = this.records;
    const a = w < this.words ? r[base + w] >>> o : 0;
    if (o === 0) return a >>> 0;
    const b = w + 1 < this.words ? r[base + w + 1] << (32 - o) : 0;
    return (a | b) >>> 0;
  }

  /**
   * Folds every person q of `later` (which read rows after this state's rows) into person
   * `map[q]` here: months add up, the latest month's municipality as `combine` decides, and the
   * later state wins the latest-record ties of the labels. `labelMap` turns the other state's label values into this state's. Batches prefetch
   * the records here first (see ByteIntern.prefetch).
   */
  mergeFrom(later: PersonState, map: Int32Array, labelMap: Uint16Array): void {
    const n = map.length;
    let max = -1;
    for (let q = 0; q < n; q++) if (map[q] > max) max = map[q];
    this.ensure(max + 1);
    let touched = 0;
    for (let q0 = 0; q0 < n; q0 += 256) {
      const q1 = Math.min(n, q0 + 256);
      touched += this.prefetch(map.subarray(q0, q1), q1 - q0);
      for (let q = q0; q < q1; q++) this.mergePerson(map[q], later, q, labelMap);
    }
    this.touched ^= touched;
  }

  /** keeps the prefetching loads from being optimised away */
  touched = 0;

  private mergePerson(p: number, later: PersonState, q: number, labelMap: Uint16Array): void {
    const a = p * this.stride;
    const b = q * later.stride;
    const r = this.records;
    const s = later.records;
    for (let w = 0; w < this.words; w++) r[a + w] |= s[b + w];
    for (let yi = 0; yi < this.nYears; yi++) {
      const at = a + this.infoAt + yi;
      const bt = b + later.infoAt + yi;
      r[at] = combine(r[at], s[bt]);
      if (!this.withLabels) continue;
      const la = (a + this.labelAt + yi * 6) * 2;
      const lb = (b + later.labelAt + yi * 6) * 2;
      for (let m = 0; m < 12; m++) {
        const l = later.labels[lb + m];
        if (l !== 0) this.labels[la + m] = labelMap[l];
      }
    }
  }

  /** Window months of year index yi's Y−2 and Y−1 that had no row at all. */
  uncoveredHistory(yi: number): number[] {
    return this.uncovered(this.layout.years[yi] * 12 - 24, 24);
  }

  /** Rows in the year `offset` years from year index yi's Y (−1 = Y−1). */
  rowsInYear(yi: number, offset: number): number {
    const first = (this.layout.years[yi] + offset) * 12 - this.layout.start;
    let n = 0;
    for (let m = Math.max(0, first); m < first + 12 && m < this.layout.months; m++) n += this.rowsInMonth(m);
    return n;
  }

  /** Rows of any municipality in window month m. */
  rowsInMonth(m: number): number {
    let n = 0;
    for (let k = 0; k < KOMMUN_SLOTS; k++) n += this.rowsByKommunMonth[m * KOMMUN_SLOTS + k];
    return n;
  }

  /** Rows of municipality index k in window month m. */
  rowsOf(k: number, m: number): number {
    return this.rowsByKommunMonth[m * KOMMUN_SLOTS + k];
  }

  /** Folds another part's coverage, and its amounts, into this one. */
  addCoverage(other: PersonState): void {
    const a = this.rowsByKommunMonth;
    const b = other.rowsByKommunMonth;
    for (let i = 0; i < a.length; i++) a[i] += b[i];
    const pa = this.paidByKommunMonth;
    const pb = other.paidByKommunMonth;
    if (pa && pb) for (let i = 0; i < pa.length; i++) pa[i] += pb[i];
  }

  uncoveredYear(yi: number): number[] {
    return this.uncovered(this.layout.years[yi] * 12, 12);
  }

  private uncovered(fromMonth: number, count: number): number[] {
    const out: number[] = [];
    for (let g = fromMonth; g < fromMonth + count; g++) if (this.rowsInMonth(g - this.layout.start) === 0) out.push(g);
    return out;
  }
}
