/**
 * The month rules of SPEC §1, on a person's months with assistance in the 36 months
 * Jan(Y−2)…Dec(Y), given as a 36-bit set (bit 0 = Jan Y−2, bit 35 = Dec Y) held in a plain
 * number (exact: 36 < 53 bits).
 */

export const LONG_TERM_MONTHS = 10;
export const VERY_LONG_TERM_MONTHS = 27;
export const MAX_GAP = 2;
export const WINDOW_MONTHS = 36;

export type GapRule = 'internal' | 'all';
export const GAP_RULES: readonly GapRule[] = ['internal', 'all'];

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countMonths(window: number): number {
  return popcount32(window % 0x100000000) + popcount32(Math.floor(window / 0x100000000));
}

/** Months with assistance in the reference year (the last 12 bits of the window). */
export function monthsInYear(window: number): number {
  return popcount32(Math.floor(window / 0x1000000) & 0xfff);
}

export function isLongTerm(window: number): boolean {
  return monthsInYear(window) >= LONG_TERM_MONTHS;
}

/**
 * Longest run of months without assistance that counts as an interruption. Under `internal`
 * only runs between the first and last month with assistance count; under `all` the runs
 * before the first and after the last month count too.
 */
export function longestGap(window: number, rule: GapRule): number {
  let first = -1;
  let last = -1;
  for (let m = 0; m < WINDOW_MONTHS; m++) {
    if (hasMonth(window, m)) {
      if (first < 0) first = m;
      last = m;
    }
  }
  if (first < 0) return WINDOW_MONTHS;
  let longest = rule === 'all' ? Math.max(first, WINDOW_MONTHS - 1 - last) : 0;
  let run = 0;
  for (let m = first; m <= last; m++) {
    if (hasMonth(window, m)) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

export function hasMonth(window: number, m: number): boolean {
  // >>> takes the number modulo 2^32: the low word for months 0–31
  return m < 32 ? ((window >>> m) & 1) === 1 : ((Math.floor(window / 0x100000000) >>> (m - 32)) & 1) === 1;
}

/** Very long-term: a recipient in Y, ≥ 27 months in the window, no interruption > 2 months. */
export function isVeryLongTerm(window: number, rule: GapRule): boolean {
  return (
    monthsInYear(window) > 0 && countMonths(window) >= VERY_LONG_TERM_MONTHS && longestGap(window, rule) <= MAX_GAP
  );
}

/** A window from a list of month offsets (0 = Jan Y−2); for tests and the sample generator. */
export function windowOf(months: Iterable<number>): number {
  let lo = 0;
  let hi = 0;
  for (const m of months) {
    if (m < 0 || m >= WINDOW_MONTHS) continue;
    if (m < 32) lo = (lo | (1 << m)) >>> 0;
    else hi |= 1 << (m - 32);
  }
  return hi * 0x100000000 + lo;
}

export function formatMonth(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}
