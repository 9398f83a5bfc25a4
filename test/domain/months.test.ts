import { describe, expect, it } from 'vitest';
import { countMonths, isLongTerm, isVeryLongTerm, longestGap, monthsInYear, windowOf } from '../../src/domain/months.js';

/** Window months: 0 = Jan Y−2 … 24 = Jan Y … 35 = Dec Y. */
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const without = (xs: number[], drop: number[]) => xs.filter((x) => !drop.includes(x));

describe('long-term: at least 10 distinct months in Y', () => {
  it('9 months is not, 10 months is', () => {
    expect(isLongTerm(windowOf(range(24, 32)))).toBe(false);
    expect(isLongTerm(windowOf(range(24, 33)))).toBe(true);
  });
  it('months need not be consecutive', () => {
    expect(isLongTerm(windowOf([24, 26, 27, 28, 29, 30, 31, 33, 34, 35]))).toBe(true);
  });
  it('months before Y do not count', () => {
    expect(monthsInYear(windowOf([...range(0, 23), 35]))).toBe(1);
    expect(isLongTerm(windowOf([...range(15, 23), 35]))).toBe(false);
  });
  it('a month given twice counts once', () => {
    expect(countMonths(windowOf([24, 24, 25, 25, 25]))).toBe(2);
  });
});

describe('very long-term: ≥ 27 of 36 months, no interruption > 2 months', () => {
  it('26 months is not, 27 is (no gaps inside)', () => {
    expect(isVeryLongTerm(windowOf(range(10, 35)), 'internal')).toBe(false);
    expect(isVeryLongTerm(windowOf(range(9, 35)), 'internal')).toBe(true);
  });
  it('a gap of 2 months is allowed, a gap of 3 is not', () => {
    const all = range(0, 35);
    expect(isVeryLongTerm(windowOf(without(all, [10, 11])), 'internal')).toBe(true);
    expect(isVeryLongTerm(windowOf(without(all, [10, 11, 12])), 'internal')).toBe(false);
    expect(longestGap(windowOf(without(all, [10, 11, 12])), 'internal')).toBe(3);
  });
  it('several gaps of 2 are allowed while 27 months remain', () => {
    const months = without(range(0, 35), [3, 4, 10, 11, 20, 21, 30]); // 29 months
    expect(isVeryLongTerm(windowOf(months), 'internal')).toBe(true);
  });
  it('the gap at the year boundary counts like any other', () => {
    const all = range(0, 35);
    expect(isVeryLongTerm(windowOf(without(all, [22, 23, 24])), 'internal')).toBe(false);
    expect(isVeryLongTerm(windowOf(without(all, [23, 24])), 'internal')).toBe(true);
  });
  it('leading gap: allowed under internal, not under all', () => {
    const w = windowOf(range(5, 35)); // starts in June Y−2: 31 months
    expect(isVeryLongTerm(w, 'internal')).toBe(true);
    expect(isVeryLongTerm(w, 'all')).toBe(false);
    expect(isVeryLongTerm(windowOf(range(2, 35)), 'all')).toBe(true); // leading gap of 2
  });
  it('trailing gap: allowed under internal, not under all', () => {
    const w = windowOf(range(0, 31)); // ends in Aug Y: 32 months
    expect(isVeryLongTerm(w, 'internal')).toBe(true);
    expect(isVeryLongTerm(w, 'all')).toBe(false);
    expect(isVeryLongTerm(windowOf(range(0, 33)), 'all')).toBe(true); // trailing gap of 2
  });
  it('needs a month in Y (a recipient in Y)', () => {
    expect(isVeryLongTerm(windowOf(range(0, 23)), 'internal')).toBe(false);
  });
  it('a month given twice counts once', () => {
    expect(isVeryLongTerm(windowOf([...range(10, 35), 10, 11, 12]), 'internal')).toBe(false);
  });
});
