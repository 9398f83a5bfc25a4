/**
 * Text from a user or an input file is data wherever it goes: a chart (SVG and Vega's
 * expressions, where U+2028 ends a line and a control character is no XML), a Markdown page, a
 * Word file, the terminal. It is made plain once where it enters, cut to a length a label can
 * hold, and escaped for each format where it leaves.
 */

/** Control characters, and the marks that reorder text (which can disguise what a line says). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** The text without control characters or direction marks, line breaks as spaces. */
export function plainText(s: string): string {
  return s.replace(BREAKS, ' ').replace(CONTROL, '');
}

/** At most `max` characters (code points): a longer text is cut and ends in "…". */
export function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** A name or title from a user or an input: plain, trimmed, at most `max` characters. */
export const nameText = (s: string, max = 120) => cut(plainText(s).replace(/ {2,}/g, ' ').trim(), max);

/**
 * Text for Markdown: plain, and every character Markdown or HTML would read as markup escaped,
 * so that `<script>`, `[x](javascript:…)` or a `|` in a table cell print as they are.
 */
export function markdownText(s: string): string {
  // (parentheses, # and + are markup only after a [ ] or at a line's start, which these never are)
  return plainText(s).replace(/[\\`*_[\]<>|&]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A line for the terminal: control characters, escape sequences and direction marks shown as `\u{…}`, never obeyed. */
export function terminalText(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Text as XML (SVG, a Word part) character data or an attribute's value. */
export const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every string of a JSON value made plain (a chart's spec, before it is laid out). */
export function plainDeep<T>(v: T): T {
  if (typeof v === 'string') return plainText(v) as T;
  if (Array.isArray(v)) return v.map(plainDeep) as T;
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainDeep(x)])) as T;
}
