/**
 * The pattern of hidden cells as the rest of the code reads it: the cells (counts of a measure
 * for an area and year), the sums that tie them, and each cell's state (shown, hidden as small,
 * hidden to protect another).
 */
import { GROUPS, Group } from '../reasons.js';
import { SHOWN, SUPPRESSED, type Count } from '../suppress.js';

export type CountMeasure = 'recipients' | 'long_term' | 'very_long_term' | Group;
export const COUNT_MEASURES: readonly CountMeasure[] = ['recipients', 'long_term', 'very_long_term', ...GROUPS];

/** The area of a total: the sorted member codes with rows, so equal sets are one total. */
export const totalKey = (codes: readonly string[]) => `total:${[...codes].sort().join(',')}`;

/** Every cell of a relation, either side. */
export const members = (r: Relation) => [...r.plus, ...r.minus];

export interface Relation {
  /** cells with coefficient +1 … */
  plus: number[];
  /** … and −1; `= 0` (a sum) or `<= 0` (a subset) */
  minus: number[];
  kind: 'eq' | 'le';
  /** a whole (Riket) written as the sum of its parts (the counties) */
  parts?: true;
}

export interface PatternStats {
  cells: number;
  primary: number;
  secondary: number;
  /** integer programs solved by the audit */
  programs: number;
  /** totals hidden on the way and shown again at the end */
  released: number;
}

/** A pattern's contents, as a worker thread sends them (structured clone keeps no classes). */
export interface PatternState {
  enabled: boolean;
  keys: [string, number][];
  values: number[];
  state: number[];
  ranks: number[];
  stats: PatternStats;
}

/** The pattern as the outputs read it: what a count is shown as, and why it is hidden; nothing to change it. */
export interface PatternView {
  shown: Pattern['shown'];
  stateOf: Pattern['stateOf'];
}

export class Pattern implements PatternView {
  private readonly at = new Map<string, number>();
  private readonly values: number[] = [];
  private readonly state: number[] = [];
  /** which cell to hide first when one must be: 0 a municipality, then TOTAL_RANK's order */
  private readonly ranks: number[] = [];
  readonly stats: PatternStats = { cells: 0, primary: 0, secondary: 0, programs: 0, released: 0 };

  constructor(readonly enabled: boolean) {}

  /** @internal the pattern as plain arrays, to cross from the thread that decided it */
  toState(): PatternState {
    return { enabled: this.enabled, keys: [...this.at], values: this.values, state: this.state, ranks: this.ranks, stats: this.stats };
  }
  /** @internal */ static fromState(s: PatternState): Pattern {
    const p = new Pattern(s.enabled);
    for (const [key, i] of s.keys) p.at.set(key, i);
    p.values.push(...s.values);
    p.state.push(...s.state);
    p.ranks.push(...s.ranks);
    Object.assign(p.stats, s.stats);
    return p;
  }

  /** @internal */ add(key: string, value: number, rank = 0): number {
    const i = this.values.length;
    this.at.set(key, i);
    this.values.push(value);
    this.state.push(SHOWN);
    this.ranks.push(rank);
    return i;
  }
  /** @internal a total of one municipality is that municipality's cell */
  alias(key: string, i: number): void {
    this.at.set(key, i);
  }
  /** @internal */ rank(i: number): number {
    return this.ranks[i];
  }
  /** @internal a total printed by more than one region is as dear as the dearest of them */
  raise(i: number, rank: number): void {
    this.ranks[i] = Math.max(this.ranks[i], rank);
  }
  /** @internal */ index(key: string): number | undefined {
    return this.at.get(key);
  }
  /** @internal */ value(i: number): number {
    return this.values[i];
  }
  /** @internal */ stateAt(i: number): number {
    return this.state[i];
  }
  /** @internal */ hide(i: number, how: number): void {
    this.state[i] = how;
  }
  /** @internal */ get size(): number {
    return this.values.length;
  }

  private key(measure: CountMeasure, area: string, year: number): string {
    return `${year}|${measure}|${area}`;
  }

  /** @internal */ cellKey(measure: CountMeasure, area: string, year: number): string {
    return this.key(measure, area, year);
  }

  /** Why a count is hidden (SHOWN, PRIMARY, SECONDARY), or undefined when the pattern has no such cell. */
  stateOf(measure: CountMeasure, area: string, year: number): number | undefined {
    const i = this.at.get(this.key(measure, area, year));
    return i === undefined ? undefined : this.state[i];
  }

  /**
   * A count as it may be printed. A municipality without a cell has no rows (0 where the
   * caller knows the municipality is covered). A total the pattern was not built for is refused:
   * printing it could undo the protection.
   */
  shown(measure: CountMeasure, area: string, year: number, value: number | null): Count {
    if (value === null) return null;
    const i = this.at.get(this.key(measure, area, year));
    if (i === undefined) {
      if (area.startsWith('total:') && this.enabled && value !== 0) throw new Error(`no total ${area} in the disclosure pattern`);
      return value;
    }
    return this.state[i] === SHOWN ? this.values[i] : SUPPRESSED;
  }
}

/**
 * When a cell must be hidden to protect another and a total would do: first a region's total
 * the input holds only part of (a county of which a regional register has a few
 * municipalities), then all of the input, then a region the input holds whole — the figure a
 * report is made for.
 */
export const TOTAL_RANK = { partial: 1, input: 2, whole: 3 };
