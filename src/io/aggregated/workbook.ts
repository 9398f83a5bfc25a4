/**
 * Excel workbooks (Statistikdatabasen's "Exportera till Excel", the ÖJ result files, Kolada
 * exports) as the CSV text the readers already know: one sheet (the first with a table, or
 * `--sheet`), its title row kept as the title line, further rows above the header dropped, each
 * cell as Excel holds it — text stays text (codes keep their zeros), numbers are written plainly
 * with `.` decimals, dates as ISO dates, never guessed from numbers; formulas by their result.
 */
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { CellValue, cellText, isZip, quoteField as quote } from '../workbook-cells.js';
import { checkWorkbook } from '../workbook-limits.js';



/** The workbook's sheet as `;` CSV text (UTF-8); any other bytes are returned as they are. */
export async function workbookAsCsv(bytes: Uint8Array, file: string, sheet?: string): Promise<Uint8Array> {
  if (!isZip(bytes)) return bytes;
  checkWorkbook(bytes, file);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as unknown as ArrayBuffer);
  } catch {
    throw new InputError({ file }, msg.notAWorkbook(), msg.notAWorkbookHint());
  }
  const sheets = wb.worksheets;
  // the cells there are, row by row: an empty row or cell costs nothing (a stray cell far out
  // would otherwise make every row as wide as it)
  const rowsOf = (ws: (typeof sheets)[number]): string[][] => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell, c) => {
        while (cells.length < c - 1) cells.push('');
        cells[c - 1] = cellText(cell.value as CellValue).replace(/\r?\n/g, ' ').trim();
      });
      rows.push(cells);
    });
    return rows;
  };
  let ws = sheets.find((s) => s.actualRowCount > 1) ?? sheets[0];
  if (sheet !== undefined) {
    const n = /^\d+$/.test(sheet) ? Number(sheet) : NaN;
    ws = sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase()) ?? (n >= 1 ? sheets[n - 1] : undefined)!;
    if (!ws) throw new InputError({ file }, msg.noSuchSheet(sheet, sheets.map((s) => s.name)), msg.noSuchSheetHint());
  }
  if (!ws) throw new InputError({ file }, msg.emptyFile(), msg.notAWorkbookHint());
  const rows = rowsOf(ws).filter((r) => r.some((c) => c !== ''));
  // the header: the first row with two different cells (a merged title repeats one); rows above
  // it are titles, the first kept as the title line
  const distinct = (r: string[]) => [...new Set(r.filter((c) => c !== ''))];
  const headerAt = rows.findIndex((r) => distinct(r).length >= 2);
  if (headerAt < 0) throw new InputError({ file }, msg.emptyFile(), msg.notAWorkbookHint());
  const width = rows.slice(headerAt).reduce((w, r) => Math.max(w, r.length), 0);
  const body = rows.slice(headerAt);
  // a header in two rows: a cell merged over columns (Excel repeats its value in each) above the
  // columns' own names (`Folkmängd` over `2020`, `2021`), the row below empty where the first is not
  const [h1, h2] = body;
  const merged = h1 && h1.some((c, i) => c !== '' && c === h1[i + 1]);
  if (merged && h2 && h2[0] === '' && h2.some((c) => c !== '')) body.splice(0, 2, h1.map((c, i) => [c, h2[i] ?? ''].filter((x, k, a) => x !== '' && a.indexOf(x) === k).join(' ')));
  const lines: string[] = [];
  if (headerAt > 0) lines.push(quote(distinct(rows[0]).join(', ')));
  for (const r of body) lines.push(Array.from({ length: width }, (_, i) => quote(r[i] ?? '')).join(';'));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}
