/**
 * Excel workbooks read as their CSV twins: each workbook is built here with exceljs from a real
 * CSV fixture (numbers as numbers, codes as text, a merged title row), and must give the rows
 * the CSV gives.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import { workbookAsCsv } from '../../../src/io/aggregated/workbook.js';
import { decodeDetected } from '../../../src/io/encoding.js';
import { ROOT } from '../../helpers.js';

const fixture = (name: string) => readFileSync(`${ROOT}test/fixtures/${name}`);
const tidyRows = (bytes: Uint8Array, name: string) => readAggregated(bytes, name).rows.map(({ at: _at, ...r }) => r);

/** A workbook of rows; a cell that reads as a number in Swedish or plain writing becomes a number. */
async function workbook(rows: string[][], opts: { titleRows?: string[]; sheetBefore?: boolean; text?: (col: number) => boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.sheetBefore) wb.addWorksheet('Info').addRow(['Källa: Socialstyrelsen']);
  const ws = wb.addWorksheet('Data');
  for (const t of opts.titleRows ?? []) {
    const r = ws.addRow([t]);
    ws.mergeCells(r.number, 1, r.number, Math.max(2, rows[0].length));
  }
  rows.forEach((r, i) =>
    ws.addRow(
      r.map((c, col) => {
        if (i === 0 || opts.text?.(col)) return c;
        const n = c.replace(/\s/g, '').replace(',', '.');
        return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : c;
      }),
    ),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csvRows = (text: string, d: string) => text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(d));

describe('Excel workbooks', () => {
  it('a Statistikdatabasen export: merged title row, numbers as numbers, the footer row', async () => {
    const csv = fixture('sdb_export_diagnoser_2018.csv');
    const [title, ...rest] = csvRows(decodeDetected(csv), ';');
    const xlsx = await workbook(rest, { titleRows: [title.join(';')], text: (c) => c === 2 });
    expect(tidyRows(await workbookAsCsv(xlsx, 'sdb.xlsx'), 'sdb.xlsx')).toEqual(tidyRows(csv, 'sdb.xlsx'));
  });

  it('a Kolada export, on the second sheet', async () => {
    // the first 800 rows: the file whole keeps the worker busy for seconds
    const csv = Buffer.from(fixture('kolada_kld_explorer_N31001.csv').toString('utf8').split('\n').slice(0, 800).join('\n') + '\n');
    const xlsx = await workbook(csvRows(decodeDetected(csv), ','), { sheetBefore: true });
    expect(tidyRows(await workbookAsCsv(xlsx, 'kolada.xlsx'), 'kolada.xlsx')).toEqual(tidyRows(csv, 'kolada.xlsx'));
  });

  it('an ÖJ result file: titles above the header, K-kod beside the name, Riket and Min – Max rows', async () => {
    const rows = [
      ['Kommun', 'K-kod', 'Rutin för X', 'Uppföljning av Y'],
      ['Riket', '00', 'Ja', 'Nej'],
      ['Min – Max', '', 'Ja – Nej', 'Ja – Nej'],
      ['Ale', '1440', 'Ja', 'Nej'],
      ['Mölndal', '1481', 'Delvis', ''],
    ];
    const xlsx = await workbook(rows, { titleRows: ['Öppna jämförelser 2022 – Ekonomiskt bistånd', 'Resultat per kommun'], text: () => true });
    const r = readAggregated(await workbookAsCsv(xlsx, 'oj.xlsx'), 'oj.xlsx', { as: 'oj' });
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.value])).toEqual([
      ['0000', 'Rutin för X', '2022', 'Ja'],
      ['0000', 'Uppföljning av Y', '2022', 'Nej'],
      ['1440', 'Rutin för X', '2022', 'Ja'],
      ['1440', 'Uppföljning av Y', '2022', 'Nej'],
      ['1481', 'Rutin för X', '2022', 'Delvis'],
      ['1481', 'Uppföljning av Y', '2022', null],
    ]);
    expect([...r.skipped.keys()]).toEqual(['Min – Max']);
  });

  it('codes typed as text keep their zeros; --sheet picks a sheet; a ZIP that is no workbook is an error', async () => {
    const xlsx = await workbook([['kpi', 'municipality_id', 'year', 'gender', 'value'], ['N31807', '0180', '2021', 'T', '5,2']], { sheetBefore: true, text: (c) => c === 1 });
    const text = Buffer.from(await workbookAsCsv(xlsx, 'k.xlsx', 'Data')).toString('utf8');
    expect(text).toBe('kpi;municipality_id;year;gender;value\nN31807;0180;2021;T;5.2\n');
    await expect(workbookAsCsv(xlsx, 'k.xlsx', 'Nope')).rejects.toThrow(/no sheet "Nope" \(the workbook has "Info", "Data"\)/);
    await expect(workbookAsCsv(Buffer.from('PK\x03\x04 not a workbook at all'), 'x.xlsx')).rejects.toThrow(/not a workbook bistand can read: it is cut short or no zip archive/);
  });

  it('a header in two rows under a merged cell: Folkmängd over the years', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Befolkning');
    ws.addRow(['region', 'ålder', 'Folkmängd', '']);
    ws.mergeCells('C1:D1');
    ws.addRow(['', '', '2020', '2021']);
    ws.addRow(['1440 Ale', 'totalt ålder', 32000, 32500]);
    ws.addRow(['1440 Ale', '18+ år', 25000, 25400]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const text = Buffer.from(await workbookAsCsv(xlsx, 'pop.xlsx')).toString('utf8');
    expect(text.split('\n')[0]).toBe('region;ålder;Folkmängd 2020;Folkmängd 2021');
    expect(readAggregated(Buffer.from(text), 'pop.xlsx').rows.map((r) => [r.measure, r.period, r.value])).toEqual([
      ['population', '2020', 32000],
      ['population_18plus', '2020', 25000],
      ['population', '2021', 32500],
      ['population_18plus', '2021', 25400],
    ]);
  });
});
