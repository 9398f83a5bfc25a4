/**
 * Tables as an Excel workbook (exceljs): one sheet a table, numbers typed as numbers with their
 * decimals, codes and the markers X, – and . as text (a legend sheet says what they mean), the
 * header row frozen and bold, column widths set to the text. The zip's entry times are fixed, so
 * the same tables give the same bytes.
 */
import type { Table } from '../tables/table.js';

export interface Sheet {
  /** the sheet's name: at most 31 characters, none of []:*?/\ */
  name: string;
  table: Table;
  /** a line above the table (the table's title), when given */
  title?: string;
}

const LEGEND: [string, string][] = [
  ['X', 'Dolt: färre än 5 personer, eller dolt så att ett annat dolt tal inte kan räknas fram'],
  ['–', 'Uppgift saknas'],
  ['.', 'Ej tillämpligt'],
];

const safeName = (s: string, taken: Set<string>) => {
  let n = s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Blad';
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${n.slice(0, 28)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
};

export async function tablesWorkbook(sheets: Sheet[], legend = true): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bistand';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(safeName(s.name, taken));
    const offset = s.title ? 2 : 0;
    if (s.title) {
      ws.addRow([s.title]).font = { bold: true };
      ws.addRow([]);
    }
    const head = ws.addRow(s.table.columns.map((c) => c.name));
    head.font = { bold: true };
    for (const r of s.table.rows) {
      const row = ws.addRow(r.map((v) => (v === null ? null : v)));
      r.forEach((v, i) => {
        const d = s.table.columns[i].decimals;
        if (typeof v === 'number' && d !== undefined) row.getCell(i + 1).numFmt = d === 0 ? '0' : `0.${'0'.repeat(d)}`;
      });
    }
    ws.views = [{ state: 'frozen', ySplit: offset + 1 }];
    s.table.columns.forEach((c, i) => {
      const widest = Math.max(c.name.length, ...s.table.rows.map((r) => String(r[i] ?? '').length));
      ws.getColumn(i + 1).width = Math.min(60, widest + 2);
    });
  }
  if (legend) {
    const ws = wb.addWorksheet(safeName('Teckenförklaring', taken));
    ws.addRow(['Tecken', 'Betydelse']).font = { bold: true };
    for (const l of LEGEND) ws.addRow(l);
    ws.getColumn(1).width = 8;
    ws.getColumn(2).width = 90;
  }
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** Every entry's modification time set to 1 January 1980 (the zip's zero), in the central directory and the local headers. */
export function fixZipTimes(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let k = 0; k < entries && zip.readUInt32LE(p) === 0x02014b50; k++) {
    zip.writeUInt16LE(0, p + 12);
    zip.writeUInt16LE(DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(0, local + 10);
      zip.writeUInt16LE(DATE, local + 12);
    }
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
