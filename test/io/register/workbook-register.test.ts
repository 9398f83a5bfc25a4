/** A register extract saved as an Excel workbook reads as the CSV it was saved from. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, command } from '../../helpers.js';

describe('a register as .xlsx', () => {
  it('gives the counts of its CSV, read row by row', async () => {
    const csv = join(ROOT, 'data/sample/register.csv');
    const file = join(mkdtempSync(join(tmpdir(), 'bistand-xlsx-')), 'register.xlsx');
    // two municipalities' rows: enough for every column's types, a fifth of the bytes
    const all = readFileSync(csv, 'utf8').trim().split('\n').map((l) => l.split(';'));
    const rows = [all[0], ...all.slice(1).filter((r) => r[1] === '1407' || r[1] === '1481')];
    const small = join(dirname(file), 'register.csv');
    writeFileSync(small, rows.map((r) => r.join(';')).join('\n') + '\n');
    // as Excel saves it: ids, years, months and ages as numbers; codes as text; a title row first
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('Utdrag');
    ws.addRow(['Ekonomiskt bistånd, utdrag 2017–2021']).commit();
    rows.forEach((r, i) => ws.addRow(i === 0 ? r : [Number(r[0]), r[1], Number(r[2]), Number(r[3]), r[4], r[5] === '' ? null : Number(r[5]), r[6]]).commit());
    ws.commit();
    await wb.commit();
    const [a, b] = await Promise.all([command(['reasons', small, '--year', '2019-2021']), command(['reasons', file, '--year', '2019-2021'])]);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.split('\n').length).toBe(8);
  });
});
