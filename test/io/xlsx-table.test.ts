/**
 * The workbook writer, read back with exceljs (as a user's Excel would open it): text that XML
 * must escape, columns past Z, numbers with their formats, empty cells, names Excel refuses.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tablesWorkbook } from '../../src/io/xlsx-table.js';
import type { Table } from '../../src/tables/table.js';

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('tables as a workbook', () => {
  it('holds every cell as it was given: text escaped, numbers typed with their decimals, empty cells empty', async () => {
    const columns = Array.from({ length: 30 }, (_, i) => ({ name: `kolumn ${i + 1}`, decimals: i === 1 ? 1 : undefined }));
    const table: Table = {
      columns,
      rows: [
        ['<Öckerö & "Tjörn">', 12.25, ...Array.from({ length: 28 }, (_, i) => i)],
        [' med mellanslag ', null, 'X', '–', '.', 'rad\nbrytning', 'bell\u0007', ...Array.from({ length: 23 }, () => null)],
      ],
    };
    const wb = await read(await tablesWorkbook([{ name: 'T1: a/b?', table, title: 'T1 Titel' }]));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('T1  a b');
    expect(ws.getCell('A1').value).toBe('T1 Titel');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('AD3').value).toBe('kolumn 30');
    expect(ws.getCell('A4').value).toBe('<Öckerö & "Tjörn">');
    expect(ws.getCell('B4').value).toBe(12.25);
    expect(ws.getCell('B4').numFmt).toBe('0.0');
    expect(ws.getCell('AD4').value).toBe(27);
    expect(ws.getCell('A5').value).toBe(' med mellanslag ');
    expect(ws.getCell('B5').value).toBe(null);
    expect(ws.getCell('C5').value).toBe('X');
    expect(ws.getCell('F5').value).toBe('rad\nbrytning');
    expect(ws.getCell('G5').value).toBe('bell');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['T1  a b', 'Teckenförklaring']);
  });

  it('gives the same bytes for the same tables', async () => {
    const table: Table = { columns: [{ name: 'a' }], rows: [['x'], [1]] };
    const a = await tablesWorkbook([{ name: 'A', table }]);
    const b = await tablesWorkbook([{ name: 'A', table }]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
