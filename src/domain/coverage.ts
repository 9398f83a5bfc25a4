/**
 * Which municipalities and months a register extract covers. A municipality with no row in a
 * year is not a municipality without recipients: its extract is missing (the most common
 * accident of a regional collection), so its figures are "uppgift saknas", never 0.
 */
import type { Municipalities } from './municipalities.js';
import type { PersonState } from './person-state.js';

export class Coverage {
  /** `code|year` → bit m−1 set when month m has rows */
  private readonly months = new Map<string, number>();
  /** months (bits) of each calendar year with rows of some municipality */
  private readonly yearMonths = new Map<number, number>();

  /** Coverage of the calendar years of the state's window. */
  static of(state: PersonState, munis: Municipalities): Coverage {
    const cov = new Coverage();
    const { start, months } = state.layout;
    munis.kommuner.forEach((k, i) => {
      for (let m = 0; m < months; m++) {
        if (state.rowsOf(i, m) === 0) continue;
        const g = start + m;
        cov.mark(k.code, Math.floor(g / 12), g % 12);
      }
    });
    return cov;
  }

  mark(code: string, year: number, month0: number): void {
    const key = `${code}|${year}`;
    this.months.set(key, (this.months.get(key) ?? 0) | (1 << month0));
    this.yearMonths.set(year, (this.yearMonths.get(year) ?? 0) | (1 << month0));
  }

  /** Whether the municipality has any row in the year. */
  has(code: string, year: number): boolean {
    return (this.months.get(`${code}|${year}`) ?? 0) !== 0;
  }

  /** Whether any municipality has a row in the year. */
  hasYear(year: number): boolean {
    return this.yearMonths.has(year);
  }

  /** Months (1–12) of the year that the input has for some municipality but not for this one. */
  gaps(code: string, year: number): number[] {
    const mine = this.months.get(`${code}|${year}`) ?? 0;
    if (mine === 0) return [];
    const all = this.yearMonths.get(year) ?? 0;
    const out: number[] = [];
    for (let m = 0; m < 12; m++) if (all & (1 << m) && !(mine & (1 << m))) out.push(m + 1);
    return out;
  }

  /** The codes of `codes` without a row in the year. */
  missing(codes: readonly string[], year: number): string[] {
    return codes.filter((c) => !this.has(c, year));
  }
}
