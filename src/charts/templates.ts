/**
 * What every chart spec shares: the templates in `specs/`, the look (config), the alt text and
 * notes wrapped to the chart's width with the chart's own font.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SV, kr } from '../texts-sv.js';
import type { ChartData } from './types.js';
import { textWidth } from './fonts.js';

const SPEC_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));
const templates = new Map<string, Record<string, unknown>>();

export function template(name: string): Record<string, unknown> {
  if (!templates.has(name)) templates.set(name, JSON.parse(readFileSync(`${SPEC_DIR}${name}.vl.json`, 'utf8')));
  return structuredClone(templates.get(name)!);
}

export function config(): Record<string, unknown> {
  return template('config');
}

/** The charts' shared look (fonts, locale, colours), for specs built outside the templates. */
export const chartConfig = config;

export const sv = (n: number, d = 1) => n.toFixed(d).replace('.', ',');
/** A chart's value as its label and alt text quote it: `4,2 %`, or `3 247 kr`. */
export const valueText = (n: number, unit?: 'kr') => (unit === 'kr' ? kr(n) : `${sv(n)}\u00a0%`);

/** Alt text: what the chart shows, and its largest and smallest values. */
export function describe(c: ChartData): string {
  const ok = c.points.filter((p) => p.pct !== null);
  if (!ok.length) return SV.altNoValues(c.title, c.subtitle);
  const max = ok.reduce((a, b) => (b.pct! > a.pct! ? b : a));
  const min = ok.reduce((a, b) => (b.pct! < a.pct! ? b : a));
  const lbl = (p: (typeof ok)[number]) => `${p.name}${p.series && p.series !== String(p.year) ? `, ${p.series}` : ''}, ${p.year}`;
  return SV.altBars(c.title, c.subtitle, `${lbl(max)} ${valueText(max.pct!, c.unit).replaceAll('\u00a0', ' ')}`, `${lbl(min)} ${valueText(min.pct!, c.unit).replaceAll('\u00a0', ' ')}`, c.template === 'trend');
}

/**
 * The smallest text of any chart, in px. Word and the PDF place a chart 16 cm wide; a chart up to
 * 700 px wide then prints its smallest text at 7 pt or more (16 cm = 453.5 pt; 11 × 453.5 / 700).
 */
export const TEXT_SIZE = 11;

export const NOTE_FONT_SIZE = TEXT_SIZE;

/** Words into lines no wider than `width` pixels, measured with the chart's font. */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').flatMap((w) => splitWord(w, width, size))) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, false) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A word wider than the line, in pieces that fit: measured a character at a time, so that a
 * word of thousands of characters costs as many measurements, not their square.
 */
function splitWord(word: string, width: number, size: number): string[] {
  if (word.length < 20 || textWidth(word, size, false) <= width) return [word];
  const pieces: string[] = [];
  const widths = new Map<string, number>();
  let piece = '';
  let w = 0;
  for (const ch of word) {
    let cw = widths.get(ch);
    if (cw === undefined) widths.set(ch, (cw = textWidth(ch, size, false)));
    if (piece && w + cw > width) {
      pieces.push(piece);
      piece = '';
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
