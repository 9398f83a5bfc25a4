/**
 * Small-count suppression (SPEC §6): counts from 1 to minCount−1 are hidden as `X`
 * (Socialstyrelsen's marker for sekretess), and so is every share built on a hidden count.
 * Zero is shown: it reveals no person.
 */

export const SUPPRESSED = 'X';
export type Count = number | typeof SUPPRESSED | null;

export interface SuppressOptions {
  enabled: boolean;
  minCount: number;
}

export const DEFAULT_SUPPRESS: SuppressOptions = { enabled: true, minCount: 5 };

export function isHidden(n: number, o: SuppressOptions): boolean {
  return o.enabled && n > 0 && n < o.minCount;
}

export function count(n: number | null, o: SuppressOptions): Count {
  if (n === null) return null;
  return isHidden(n, o) ? SUPPRESSED : n;
}

/** A share in percent of `num` out of `den`; hidden when either count is. */
export function share(num: Count, den: Count): Count {
  if (num === null || den === null) return null;
  if (num === SUPPRESSED || den === SUPPRESSED) return SUPPRESSED;
  if (den === 0) return null;
  return (100 * num) / den;
}
