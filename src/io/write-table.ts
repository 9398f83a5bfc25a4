/**
 * Tables out: CSV/TSV with `.` decimals for scripts, JSON, or an aligned text table for the
 * terminal. Output is built whole before a byte is written (io/output.ts writes it).
 */
import { Table, cellText, readerCells } from '../tables/table.js';
import { readerForm } from '../texts-sv.js';
import { markdownText } from '../text.js';

export const FORMATS = ['csv', 'tsv', 'json', 'table', 'sv-csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

function quoteCsv(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Columns that hold codes (`kommun_code`): text in Excel, leading zeros kept. */
const codeColumnsOf = (t: Table) => t.columns.flatMap((c, i) => (/(^|_)code$/.test(c.name) ? [i] : []));

/** A table in any format: text, or an Excel workbook's bytes (`sheet` names its one sheet). */
export async function renderTable(t: Table, format: Format, sheet = 'Tabell'): Promise<string | Uint8Array> {
  // the human forms carry Swedish headers; csv, tsv, json and table keep SPEC §7's names
  if (format === 'xlsx') {
    const { tablesWorkbook } = await import('./xlsx-table.js');
    return tablesWorkbook([{ name: sheet, table: readerForm(t) }]);
  }
  if (format === 'sv-csv') return formatExcelCsv(readerForm(t), codeColumnsOf(t));
  return formatTable(t, format);
}

export function formatTable(t: Table, format: Exclude<Format, 'xlsx'>): string {
  switch (format) {
    case 'sv-csv':
      return formatExcelCsv(t, codeColumnsOf(t));
    case 'csv':
    case 'tsv': {
      const d = format === 'csv' ? ',' : '\t';
      const lines = [t.columns.map((c) => quoteCsv(c.name, d)).join(d)];
      for (const r of t.rows) lines.push(r.map((c, i) => quoteCsv(cellText(c, t.columns[i]), d)).join(d));
      return lines.join('\n') + '\n';
    }
    case 'json': {
      const objs = t.rows.map((r) => {
        const o: Record<string, string | number | null> = {};
        t.columns.forEach((c, i) => {
          const v = r[i];
          o[c.name] = typeof v === 'number' && c.decimals !== undefined ? Number(v.toFixed(c.decimals)) : v;
        });
        return o;
      });
      return JSON.stringify(objs, null, 2) + '\n';
    }
    case 'table': {
      const cells = [t.columns.map((c) => c.name), ...t.rows.map((r) => r.map((c, i) => cellText(c, t.columns[i])))];
      const numeric = t.columns.map((_, i) => t.rows.every((r) => r[i] === null || typeof r[i] === 'number' || r[i] === 'X'));
      const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
      return cells
        .map((r) => r.map((s, i) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join('  ').trimEnd())
        .join('\n') + '\n';
    }
  }
}

/**
 * A CSV for Swedish Excel: `;`, decimal comma, BOM, CRLF. Code columns stay text (`="0180"`,
 * which Excel shows as 0180), and any other cell that Excel would run as a formula
 * (= + - @ at the start) is neutralised with a leading apostrophe.
 */
export function formatExcelCsv(t: Table, codeColumns: number[] = []): string {
  const q = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (c: Table['rows'][number][number], i: number) => {
    const text = cellText(c, t.columns[i], ',');
    if (codeColumns.includes(i) && /^\d+$/.test(text)) return `="${text}"`;
    if (typeof c === 'string' && /^[=+\-@\t\r]/.test(text)) return q(`'${text}`);
    return q(text);
  };
  const lines = [t.columns.map((c) => q(c.name)).join(';'), ...t.rows.map((r) => r.map(cell).join(';'))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** A Markdown table, numbers right-aligned with decimal comma. */
export function formatMarkdown(t: Table, title?: string, notes: string[] = []): string {
  // cells, titles and notes hold input text: escaped, never markup
  const esc = markdownText;
  const { numeric, text } = readerCells(t);
  const lines: string[] = [];
  if (title) lines.push(`## ${esc(title)}`, '');
  lines.push(`| ${t.columns.map((c) => esc(c.name)).join(' | ')} |`);
  lines.push(`|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of t.rows) lines.push(`| ${r.map((c, i) => esc(text(c, i))).join(' | ')} |`);
  if (notes.length) lines.push('', ...notes.map((n) => `${esc(n)}  `));
  return lines.join('\n') + '\n';
}
