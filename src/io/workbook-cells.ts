/** Excel cell values as text, the same for every reader: as Excel holds them, never reformatted. */

export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export type CellValue = null | undefined | string | number | boolean | Date | { [k: string]: unknown };

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return cellText(v.result as CellValue); // a formula
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p: { text?: string }) => p.text ?? '').join('');
  if ('text' in v) return String(v.text); // a hyperlink
  if ('error' in v) return '';
  return '';
}


/** A CSV field for `;`-delimited text. */
export const quoteField = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
