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
