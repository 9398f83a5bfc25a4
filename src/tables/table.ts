/** A table as the commands print it: named columns, rows of cells. */

export type Cell = string | number | null;

export interface Column {
  name: string;
  /** decimals for numbers in this column; integers when absent */
  decimals?: number;
  /** numbers as they are (shortest exact form, `.` decimals), as sources give them */
  raw?: boolean;
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
}

export function cellText(c: Cell, col: Column, decimalSeparator = '.'): string {
  if (c === null) return '';
  if (typeof c === 'number') {
    const s = col.raw ? String(c) : col.decimals === undefined ? String(Math.round(c)) : c.toFixed(col.decimals);
    return decimalSeparator === '.' ? s : s.replace('.', decimalSeparator);
  }
  return c;
}
