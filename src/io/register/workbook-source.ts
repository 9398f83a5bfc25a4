/**
 * A register extract saved as an Excel workbook, read as the `;` CSV of its first sheet with a
 * table, row by row through exceljs's streaming reader: the workbook is never held whole.
 */
import type { ByteSource } from '../source.js';
import { CellValue, cellText, quoteField } from '../workbook-cells.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';

export async function workbookSource(path: string, name: string): Promise<ByteSource> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  async function* lines(): AsyncGenerator<string> {
    for await (const sheet of reader) {
      let width = 0;
      let any = false;
      for await (const row of sheet as AsyncIterable<{ values: CellValue[] }>) {
        const values = row.values.slice(1).map((v) => cellText(v).replace(/\r?\n/g, ' '));
        if (!any) {
          // the header decides the width; a sheet without one is not the table
          if (values.filter((v) => v.trim() !== '').length < 2) continue;
          width = values.length;
          any = true;
        }
        yield Array.from({ length: Math.max(width, values.length) }, (_, i) => quoteField(values[i] ?? '')).join(';') + '\n';
      }
      if (any) return;
    }
  }
  const it = lines();
  let pending = Buffer.alloc(0);
  let done = false;
  return {
    name,
    async read(into, offset, max) {
      if (pending.length < max && !done) {
        const more: string[] = [];
        let size = pending.length;
        while (size < Math.min(max, 1 << 16) && !done) {
          let next: IteratorResult<string>;
          try {
            next = await it.next();
          } catch {
            // what checkWorkbook cannot see (a sheet's XML broken inside): located at the file
            throw new InputError({ file: name }, msg.brokenWorkbook('a sheet cannot be read (broken XML)'), msg.notAWorkbookHint());
          }
          if (next.done) done = true;
          else {
            more.push(next.value);
            size += next.value.length;
          }
        }
        pending = Buffer.concat([pending, Buffer.from(more.join(''), 'utf8')]);
      }
      const n = Math.min(max, pending.length);
      into.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    close: async () => {
      await it.return(undefined);
    },
  };
}
