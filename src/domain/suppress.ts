/**
 * Small-count suppression (SPEC §6): the options, the marker, and shares. Which counts are
 * hidden is decided once per input by domain/disclosure (primary: 1 to minCount−1; zero is
 * shown, it reveals no person; secondary: until an audit finds no hidden count recoverable).
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

export const SHOWN = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

/** A share in percent of `num` out of `den`; hidden when either count is, or the denominator is small. */
export function share(num: Count, den: Count, o: SuppressOptions): Count {
  if (num === null || den === null) return null;
  if (num === SUPPRESSED || den === SUPPRESSED) return SUPPRESSED;
  if (den === 0) return null;
  if (o.enabled && den < o.minDenominator) return SUPPRESSED;
  return (100 * num) / den;
}
