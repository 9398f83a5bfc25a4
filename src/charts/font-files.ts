/**
 * The shipped font's files, and which of them draw a chart's text. Light on purpose: the PNG
 * workers import it, and they must not load vega or opentype.js.
 */
import { fileURLToPath } from 'node:url';
import { inSubset } from './font-subset.js';

export const FONT_FAMILY = 'DejaVu Sans';
const fontPath = (f: string) => fileURLToPath(new URL(`../../assets/fonts/${f}`, import.meta.url));
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(fontPath);
export const SUBSET_FILES = ['DejaVuSans-subset.ttf', 'DejaVuSans-Bold-subset.ttf'].map(fontPath);

/** The fonts (regular, bold) that draw `text`: the small subset when it holds every character. */
export function fontFilesFor(text: string): string[] {
  return inSubset(text) ? SUBSET_FILES : FONT_FILES;
}
