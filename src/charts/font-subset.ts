/**
 * The characters of the shipped font subset (assets/fonts/*-subset.ttf, made by
 * scripts/subset-fonts.mjs): Latin-1, Latin Extended-A, the dashes, quotes and signs the charts
 * print. resvg reads and parses its fonts for every chart, and the whole of DejaVu Sans (1.4 MB
 * with bold) costs more than drawing a profile chart; the subset draws the same pixels.
 */
export const SUBSET_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
];

const inRange = (cp: number) => SUBSET_RANGES.some(([a, b]) => cp >= a && cp <= b);

/** Whether every character of `text` beyond ASCII control characters is in the subset. */
export function inSubset(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e) continue;
    if (cp === 0x0a || cp === 0x0d || cp === 0x09) continue;
    if (!inRange(cp)) return false;
  }
  return true;
}
