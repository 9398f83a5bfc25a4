/**
 * Small-count suppression (SPEC §6), one module for every table and chart.
 *
 * Primary: counts from 1 to minCount−1 are hidden as `X` (Socialstyrelsen's marker for
 * sekretess). Zero is shown: it reveals no person.
 * Secondary: wherever printed cells add up to a printed total (reason groups to recipients,
 * municipalities to a region, years, sexes), further cells are hidden until no such sum has
 * exactly one hidden member, so that no hidden cell can be worked out by subtraction, along
 * rows, columns or chains of them. The cells hidden are the cheapest: the smallest non-zero
 * counts first, then the earliest position, so the choice is deterministic.
 * Shares: hidden when their numerator or denominator is, or when the denominator is below
 * minDenominator.
 */

export const SUPPRESSED = 'X';
export type Count = number | typeof SUPPRESSED | null;

export interface SuppressOptions {
  enabled: boolean;
  minCount: number;
  /**
   * Shares on fewer persons are hidden. Default 10: below that one person moves a share by
   * more than 10 percentage points, so the share reads as a count more than as a rate.
   */
  minDenominator: number;
}

export const DEFAULT_SUPPRESS: SuppressOptions = { enabled: true, minCount: 5, minDenominator: 10 };

/** A printed sum: cell `total` is the sum of cells `parts` (indexes into the cell list). */
export interface SumRelation {
  total: number;
  parts: number[];
}

export const SHOWN = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

/**
 * Which cells to hide: SHOWN, PRIMARY or SECONDARY for each value. `null` values (not
 * available) are never hidden, and a relation holding one is not a printed sum.
 */
export function suppressCells(values: readonly (number | null)[], sums: readonly SumRelation[], o: SuppressOptions): Uint8Array {
  const state = new Uint8Array(values.length);
  if (!o.enabled) return state;
  values.forEach((v, i) => {
    if (v !== null && v > 0 && v < o.minCount) state[i] = PRIMARY;
  });
  const usable = sums.filter((s) => values[s.total] !== null && s.parts.every((p) => values[p] !== null));
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of usable) {
      let hidden = state[s.total] !== SHOWN ? 1 : 0;
      for (const p of s.parts) if (state[p] !== SHOWN) hidden++;
      if (hidden !== 1) continue;
      const pick = cheapest(s.parts, values, state) ?? (state[s.total] === SHOWN ? s.total : undefined);
      if (pick === undefined) continue;
      state[pick] = SECONDARY;
      changed = true;
    }
  }
  return state;
}

function cheapest(parts: readonly number[], values: readonly (number | null)[], state: Uint8Array): number | undefined {
  let best: number | undefined;
  for (const p of parts) {
    const v = values[p]!;
    if (state[p] !== SHOWN || v === 0) continue;
    if (best === undefined || v < values[best]! || (v === values[best]! && p < best)) best = p;
  }
  return best;
}

/** A count as printed, given its suppression state. */
export function shown(v: number | null, state: number): Count {
  if (v === null) return null;
  return state === SHOWN ? v : SUPPRESSED;
}

/** A share in percent of `num` out of `den`; hidden when either count is, or the denominator is small. */
export function share(num: Count, den: Count, o: SuppressOptions): Count {
  if (num === null || den === null) return null;
  if (num === SUPPRESSED || den === SUPPRESSED) return SUPPRESSED;
  if (den === 0) return null;
  if (o.enabled && den < o.minDenominator) return SUPPRESSED;
  return (100 * num) / den;
}

/**
 * Cells and the printed sums between them, laid out once and suppressed together: the command
 * tables and the report's charts both build one, so one input gets one pattern of hidden cells.
 */
export class SuppressionGrid {
  private readonly values: (number | null)[] = [];
  private readonly sums: SumRelation[] = [];
  private state: Uint8Array | undefined;

  /** A cell; its index. */
  add(v: number | null): number {
    this.values.push(v);
    return this.values.length - 1;
  }

  /**
   * A printed total of `parts` (not available when any part is); its index. With `later`, the
   * sum joins the others only at addSum: the order of the sums decides ties of the choice.
   */
  addTotal(parts: readonly number[], later = false): number {
    const vals = parts.map((i) => this.values[i]);
    const at = this.add(vals.some((v) => v === null) ? null : vals.reduce<number>((a, v) => a + (v as number), 0));
    if (!later) this.sums.push({ total: at, parts: [...parts] });
    return at;
  }

  /** Cells already in the grid that add up to a printed one. */
  addSum(total: number, parts: readonly number[]): void {
    this.sums.push({ total, parts: [...parts] });
  }

  suppress(o: SuppressOptions): this {
    this.state = suppressCells(this.values, this.sums, o);
    return this;
  }

  value(i: number): number | null {
    return this.values[i];
  }

  shown(i: number): Count {
    return shown(this.values[i], this.state![i]);
  }

  /** SHOWN, PRIMARY or SECONDARY: why a cell is hidden, for the chart's note. */
  stateOf(i: number): number {
    return this.state![i];
  }

  /** How many cells were hidden, for the summary. */
  hidden(): { primary: number; secondary: number; cells: number } {
    let primary = 0;
    let secondary = 0;
    let cells = 0;
    this.state!.forEach((s, i) => {
      if (this.values[i] === null) return;
      cells++;
      if (s === SECONDARY) secondary++;
      else if (s !== SHOWN) primary++;
    });
    return { primary, secondary, cells };
  }
}
