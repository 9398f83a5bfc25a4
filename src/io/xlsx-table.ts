/**
 * Tables as an Excel workbook, written by exceljs: one sheet a table, numbers typed as numbers
 * with their decimals, codes and the markers X, – and . as text (a legend sheet says what they
 * mean), the title and header bold, the header frozen, column widths set to the text, the
 * table's source and notes below it. exceljs dates the workbook and its zip entries with the
 * clock; the workbook is dated 1 January 1980 and its zip written again with that date (fflate),
 * so that the same tables give the same bytes.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Table } from '../tables/table.js';

export interface Sheet {
  /** the sheet's name: at most 31 characters, none of []:*?/\ */
  name: string;
  table: Table;
  /** a line above the table (the table's title), when given */
  title?: string;
  /** lines below the table: its source and notes */
  notes?: string[];
}

/** What the markers mean; X with the report's own threshold (--min-count), or without one when nothing was hidden by it. */
const legendRows = (minCount?: number): [string, string][] => [
  ['X', minCount === undefined ? 'Dolt (sekretess)' : `Dolt: färre än ${minCount} personer, eller dolt så att ett annat dolt tal inte kan räknas fram`],
  ['–', 'Uppgift saknas'],
  ['.', 'Ej tillämpligt'],
];

const safeName = (s: string, taken: Set<string>) => {
  let n = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${n.slice(0, 28)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
};

/** Text as a cell can hold it: XML has no place for control characters. */
const cellText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const EPOCH = new Date(Date.UTC(1980, 0, 1));

/** The workbook of the sheets; with `legend`, a sheet of what the markers mean (`minCount`: the report's threshold for X). */
export async function tablesWorkbook(sheets: Sheet[], legend: { minCount?: number } | false = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bistand';
  wb.created = EPOCH;
  wb.modified = EPOCH;
  const taken = new Set<string>();
  for (const s of sheets) {
    const top = s.title ? 3 : 1;
    const ws = wb.addWorksheet(safeName(s.name, taken), { views: [{ state: 'frozen', ySplit: top }] });
    if (s.title) {
      ws.addRow([cellText(s.title)]).font = { bold: true };
      ws.addRow([]);
    }
    ws.addRow(s.table.columns.map((c) => cellText(c.name))).font = { bold: true };
    for (const r of s.table.rows) {
      const row = ws.addRow(r.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? v : null) : v === null || v === undefined ? null : cellText(String(v)))));
      r.forEach((v, i) => {
        const d = s.table.columns[i].decimals;
        if (typeof v === 'number' && d !== undefined) row.getCell(i + 1).numFmt = d === 0 ? '0' : `0.${'0'.repeat(d)}`;
      });
    }
    if (s.notes?.length) {
      ws.addRow([]);
      for (const n of s.notes) ws.addRow([cellText(n)]);
    }
    ws.columns = s.table.columns.map((c, i) => ({ width: Math.min(60, Math.max(c.name.length, ...s.table.rows.map((r) => String(r[i] ?? '').length)) + 2) }));
  }
  if (legend) {
    const ws = wb.addWorksheet(safeName('Teckenförklaring', taken));
    ws.addRow(['Tecken', 'Betydelse']).font = { bold: true };
    for (const l of legendRows(legend.minCount)) ws.addRow(l);
    ws.columns = [{ width: 8 }, { width: 90 }];
  }
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // the same parts in the same order, every entry dated 1980: the same bytes for the same tables
  const parts = unzipSync(written);
  const dated: Zippable = {};
  // (the folders JSZip lists as entries of their own are left out: a part's path names its folder)
  for (const [name, data] of Object.entries(parts)) if (!name.endsWith('/')) dated[name] = [data, { mtime: EPOCH, level: 6 }];
  return zipSync(dated);
}
