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

/** The same table with its headers as the reader reads them (see texts-sv `columnSv`). */
export function withHeaders(t: Table, header: (name: string) => string): Table {
  return { ...t, columns: t.columns.map((c) => ({ ...c, name: header(c.name) })) };
}
