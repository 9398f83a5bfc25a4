/**
 * The chart font: DejaVu Sans, shipped as TTF (resvg draws no text without a font, and ignores
 * WOFF). Vega measures text with it too, in place of its canvas-less guess (0.8 em a
 * character), so labels, legends and titles get the room they need.
 */
import { readFileSync } from 'node:fs';
import opentype, { Font } from 'opentype.js';
import * as vega from 'vega';
import { FONT_FILES, SUBSET_FILES } from './font-files.js';
import { inSubset } from './font-subset.js';

type Fonts = { regular: Font; bold: Font };
let subset: Fonts | undefined;
let full: Fonts | undefined;

function parse(p: string): Font {
  const b = readFileSync(p);
  return opentype.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** The subset (regular, bold): parsed in a tenth of the whole font's time. */
export const subsetFonts = (): Fonts => (subset ??= { regular: parse(SUBSET_FILES[0]), bold: parse(SUBSET_FILES[1]) });
/** The whole of DejaVu Sans: several times the subset's parsing, on the report's main thread. */
export const wholeFonts = (): Fonts => (full ??= { regular: parse(FONT_FILES[0]), bold: parse(FONT_FILES[1]) });

/**
 * The fonts that measure `text`: the subset when it holds every character (its widths and
 * kerning are the whole font's: test/charts/font-subset.test.ts), the whole font only when a
 * text needs it.
 */
const fontsFor = (text: string): Fonts => (inSubset(text) ? subsetFonts() : wholeFonts());

const cache = new Map<string, number>();
/** Texts longer than this (characters) are measured in pieces of this length. */
const LONG_TEXT = 200;

/** Width in pixels of `text` at `size`, as resvg will draw it. */
export function textWidth(text: string, size: number, bold: boolean): number {
  const key = `${bold ? 'b' : 'r'}${size}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // opentype.js's shaping of one string grows with its square: a long text is measured in pieces
  // (the kerning between two pieces, a fraction of a pixel, is left out)
  if (text.length > LONG_TEXT) {
    let sum = 0;
    const chars = [...text];
    for (let i = 0; i < chars.length; i += LONG_TEXT) sum += textWidth(chars.slice(i, i + LONG_TEXT).join(''), size, bold);
    return sum;
  }
  const f = bold ? fontsFor(text).bold : fontsFor(text).regular;
  const w = f.getAdvanceWidth(text, size, { kerning: true });
  cache.set(key, w);
  return w;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

let installed = false;

/** Makes vega measure text with our font. */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: unknown }).textMetrics as { width: (item: TextItem, text: unknown) => number };
  metrics.width = (item, text) => {
    const t = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return t && size > 0 ? textWidth(t, size, bold) : 0;
  };
}
