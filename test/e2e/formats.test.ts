/** Tables for Excel: `--format xlsx` and `sv-csv`, and the report's tabeller.xlsx. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerForm } from '../../src/texts-sv.js';
import { ROOT, cliAsync, csvRows, command } from '../helpers.js';
import { sampleReport } from '../shared-report.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-formats-'));
const REGISTER = join(ROOT, 'data/sample/register.csv');

async function sheets(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describe('tables for Excel', () => {
  it('classify --format xlsx: typed numbers, codes and X as text, the header frozen; the same bytes each time', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    const [ra, rb] = await Promise.all([cliAsync(['classify', REGISTER, '--year', '2021', '--format', 'xlsx', '-o', a]), cliAsync(['classify', REGISTER, '--year', '2021', '--format', 'xlsx', '-o', b])]);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const wb = await sheets(a);
    const ws = wb.getWorksheet('classify')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Kommunkod', 'Kommun', 'År', 'Biståndsmottagare', 'Långvarigt', 'Långvarigt (%)', 'Mycket långvarigt', 'Mycket långvarigt (%)']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A2').value).toBe('1384');
    expect(typeof ws.getCell('D2').value).toBe('number');
    const csv = (await command(['classify', REGISTER, '--year', '2021'])).stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    const cells = csv.map((_, r) => (ws.getRow(r + 2).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    // the CSV writes shares with one decimal; the sheet holds the number with a one-decimal format
    expect(cells.map((r) => r.map((v, i) => (i === 5 || i === 7) && v !== 'X' && v !== '' ? Number(v).toFixed(1) : v))).toEqual(csv);
    expect(wb.getWorksheet('Teckenförklaring')!.getCell('A2').value).toBe('X');
  });

  it('reasons --format sv-csv: Swedish headers, `;`, decimal comma, BOM, codes as text', async () => {
    const r = await cliAsync(['reasons', REGISTER, '--year', '2021', '--format', 'sv-csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\ufeffKommunkod;Kommun;År;Biståndsmottagare;Arbetslöshet;Ohälsa;Sociala skäl;Övrigt;Uppgift saknas;Arbetslöshet (%);')).toBe(true);
    expect(r.stdout).toMatch(/\r\n="1384";Kungsbacka;2021;/);
    expect(r.stdout).toMatch(/;\d+,\d;/);
  });

  it('the report writes tabeller.xlsx: every table and chart’s data, a sheet each', async () => {
    const r = await sampleReport();
    const out = r.out;
    expect(r.status, r.stderr).toBe(0);
    const wb = await sheets(join(out, 'tabeller.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T9', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'Översikt', 'Teckenförklaring']);
    expect(wb.getWorksheet('T1')!.getCell('A1').value).toBe('T1 Socioekonomisk sorteringsnyckel per kommun');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('[tabeller.xlsx](tabeller.xlsx)');
    // each sheet read back is its output's CSV: the same cells, numbers typed, headers and coded values in Swedish
    const files = readdirSync(join(out, 'region')).filter((f) => f.endsWith('.csv') && !f.endsWith('.sv.csv'));
    for (const ws of wb.worksheets.filter((w) => /^[TD]\d+$/.test(w.name))) {
      const file = files.find((f) => f.startsWith(`${ws.name.toLowerCase()}-`))!;
      const [header, ...rows] = csvRows(readFileSync(join(out, 'region', file), 'utf8'));
      const expected = readerForm({ columns: header.map((name) => ({ name })), rows });
      expect((ws.getRow(3).values as unknown[]).slice(1), ws.name).toEqual(expected.columns.map((c) => c.name));
      const got = expected.rows.map((_, r) => (ws.getRow(r + 4).values as unknown[]).slice(1, header.length + 1));
      // the sheet holds the number with the CSV's decimals as its format
      const decimals = (r: number, i: number) => /\.(\d+)$/.exec(String(expected.rows[r][i]))?.[1].length ?? 0;
      const asCsv = got.map((row, r) => expected.columns.map((_, i) => (typeof row[i] === 'number' ? Number((row[i] as number).toFixed(decimals(r, i))) : row[i] === null || row[i] === undefined ? '' : String(row[i]))));
      // codes and series labels (a year as a label) stay text
      const want = expected.rows.map((r) => r.map((v, i) => (typeof v === 'string' && v !== '' && !header[i].endsWith('code') && header[i] !== 'series' && /^-?\d+(\.\d+)?$/.test(v) && !/^0\d/.test(v) ? Number(v) : v)));
      expect(asCsv, ws.name).toEqual(want);
      expect(ws.getRow(expected.rows.length + 4).values, `${ws.name}: no row beyond the CSV's`).toEqual([]);
    }
  });
});
