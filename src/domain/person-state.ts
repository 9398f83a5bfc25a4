/**
 * What the register reader keeps per person, in typed arrays so that memory grows with persons
 * and not with rows: a bit set of months with assistance over the whole window
 * Jan(min Y − 2)…Dec(max Y), and per reference year the latest month, its municipality and age,
 * and the reason label of each month (the latest record of a month wins).
 */

export const UNKNOWN_AGE = 255;

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

export class PersonState {
  readonly words: number;
  readonly nYears: number;
  /** report-year index of each window month, -1 outside the reference years */
  readonly yearOfMonth: Int8Array;
  capacity: number;
  bits: Uint32Array;
  lastMonth: Int8Array;
  kommun: Int16Array;
  age: Uint8Array;
  labels: Uint16Array;
  /** rows seen per window month (any person): tells whether the input covers a month */
  readonly rowsPerMonth: Float64Array;

  constructor(
    readonly layout: WindowLayout,
    capacity = 1 << 12,
  ) {
    this.words = (layout.months + 31) >>> 5;
    this.nYears = layout.years.length;
    this.yearOfMonth = new Int8Array(layout.months).fill(-1);
    layout.years.forEach((y, yi) => {
      const o = y * 12 - layout.start;
      for (let m = 0; m < 12; m++) this.yearOfMonth[o + m] = yi;
    });
    this.rowsPerMonth = new Float64Array(layout.months);
    this.capacity = capacity;
    this.bits = new Uint32Array(capacity * this.words);
    this.lastMonth = new Int8Array(capacity * this.nYears).fill(-1);
    this.kommun = new Int16Array(capacity * this.nYears).fill(-1);
    this.age = new Uint8Array(capacity * this.nYears).fill(UNKNOWN_AGE);
    this.labels = new Uint16Array(capacity * this.nYears * 12);
  }

  ensure(persons: number): void {
    if (persons <= this.capacity) return;
    let cap = this.capacity;
    while (cap < persons) cap *= 2;
    const grow = <T extends Uint32Array | Int8Array | Int16Array | Uint8Array | Uint16Array>(
      a: T,
      per: number,
      make: (n: number) => T,
      fill?: number,
    ): T => {
      const b = make(cap * per);
      if (fill !== undefined) b.fill(fill);
      b.set(a);
      return b;
    };
    this.bits = grow(this.bits, this.words, (n) => new Uint32Array(n));
    this.lastMonth = grow(this.lastMonth, this.nYears, (n) => new Int8Array(n), -1);
    this.kommun = grow(this.kommun, this.nYears, (n) => new Int16Array(n), -1);
    this.age = grow(this.age, this.nYears, (n) => new Uint8Array(n), UNKNOWN_AGE);
    this.labels = grow(this.labels, this.nYears * 12, (n) => new Uint16Array(n));
    this.capacity = cap;
  }

  /**
   * One row: person `p` had assistance in window month `m` (0-based, inside the window) in
   * municipality index `k`, aged `age` (UNKNOWN_AGE when not given), with reason label
   * `label` (0 = no reason column, else label id + 1). Later rows win ties.
   */
  add(p: number, m: number, k: number, age: number, label: number): void {
    this.bits[p * this.words + (m >>> 5)] |= 1 << (m & 31);
    this.rowsPerMonth[m]++;
    const yi = this.yearOfMonth[m];
    if (yi < 0) return;
    const mi = m % 12;
    const at = p * this.nYears + yi;
    if (mi >= this.lastMonth[at]) {
      this.lastMonth[at] = mi;
      this.kommun[at] = k;
      this.age[at] = age;
    }
    this.labels[at * 12 + mi] = label;
  }

  /** The 36-month window Jan(Y−2)…Dec(Y) of person p for year index yi, as a number. */
  window(p: number, yi: number): number {
    const first = this.layout.years[yi] * 12 - 24 - this.layout.start;
    const base = p * this.words;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 36; i++) {
      const m = first + i;
      if ((this.bits[base + (m >>> 5)] >>> (m & 31)) & 1) {
        if (i < 32) lo |= 1 << i;
        else hi |= 1 << (i - 32);
      }
    }
    return hi * 0x100000000 + (lo >>> 0);
  }

  /** Window months of the reference years before `yi`'s Y−2 that had no row at all. */
  uncoveredHistory(yi: number): number[] {
    const first = this.layout.years[yi] * 12 - 24 - this.layout.start;
    const out: number[] = [];
    for (let m = first; m < first + 24; m++) if (this.rowsPerMonth[m] === 0) out.push(this.layout.start + m);
    return out;
  }

  uncoveredYear(yi: number): number[] {
    const first = this.layout.years[yi] * 12 - this.layout.start;
    const out: number[] = [];
    for (let m = first; m < first + 12; m++) if (this.rowsPerMonth[m] === 0) out.push(this.layout.start + m);
    return out;
  }
}
