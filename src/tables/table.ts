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

/**
 * How a reader's form (Markdown, Word, HTML) shows a table: numbers in Swedish form (decimal
 * comma, a no-break space between thousands, codes as they are) and which columns are numeric, so
 * they are set right-aligned. `X`, `–` and `.` are numeric columns' placeholders.
 */
export function readerCells(t: Table): { numeric: boolean[]; text: (c: Cell, i: number) => string } {
  const numeric = t.columns.map((_, i) => t.rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === 'X' || r[i] === '–' || r[i] === '.' || r[i] === ''));
  const text = (c: Cell, i: number) => {
    const s = cellText(c, t.columns[i], ',');
    return typeof c === 'number' && Math.abs(c) >= 1000 && !/(code|kod)$/i.test(t.columns[i].name) ? s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : s;
  };
  return { numeric, text };
}
