/**
 * Workbooks that attack the reader (issue 38, 4): a stray cell at XFD1048576, a part that
 * inflates past what it declares or declares gigabytes, a truncated or garbage file, entity
 * declarations, broken XML — each a located one-line error, in `tidy`'s reader and the register's.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookAsCsv } from '../../src/io/aggregated/workbook.js';
import { unzipSync, zipSync } from 'fflate';
import { openSource } from '../../src/io/source.js';
import { readRegister } from '../../src/io/register/index.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { layoutFor } from '../../src/domain/person-state.js';
import type { BistandError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-xlsx-'));

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Blad1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (ws: ExcelJS.Worksheet) => {
  ws.addRow(['kpi', 'municipality_id', 'year', 'gender', 'value']);
  ws.addRow(['N31807', '1480', '2021', 'T', 4.1]);
};

/** The workbook's parts, by name. */
const partsOf = (xlsx: Buffer) => Object.entries(unzipSync(xlsx)).filter(([name]) => !name.endsWith('/')).map(([name, data]) => ({ name, data }));

/** The workbook with one part's bytes replaced (and its sizes as given). */
function withPart(xlsx: Buffer, name: string, data: Buffer): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(partsOf(xlsx).map((f) => [f.name, f.name === name ? new Uint8Array(data) : f.data]))));
}

/** Sets the uncompressed size the central directory declares for a part. */
function declare(xlsx: Buffer, name: string, size: number): Buffer {
  const b = Buffer.from(xlsx);
  for (let at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const n = b.readUInt16LE(at + 28);
    if (b.toString('utf8', at + 46, at + 46 + n) === name) b.writeUInt32LE(size, at + 24);
  }
  return b;
}

const refused = async (bytes: Buffer) => {
  const e = await workbookAsCsv(bytes, 'hostile.xlsx').then(
    () => undefined,
    (x: Error) => x,
  );
  expect(e, 'refused').toBeDefined();
  expect(e!.constructor.name).toBe('InputError');
  expect((e as BistandError).where?.file).toBe('hostile.xlsx');
  return e!.message;
};

describe('hostile workbooks', () => {
  it('a stray cell at XFD1048576 is refused at once, naming where', async () => {
    const xlsx = await workbook((ws) => {
      table(ws);
      ws.getCell('XFD1048576').value = 1;
    });
    expect(xlsx.length).toBeLessThan(10_000);
    expect(await refused(xlsx)).toContain('column 16384, row 1048576');
  });

  it('a stray cell far below the table costs nothing', async () => {
    const xlsx = await workbook((ws) => {
      table(ws);
      ws.getCell('A1000000').value = 'x';
    });
    const csv = Buffer.from(await workbookAsCsv(xlsx, 'far.xlsx')).toString();
    expect(csv.split('\n').length).toBeLessThan(10);
  });

  it('a part that inflates past its declared size (a zip bomb) is refused', async () => {
    const xlsx = await workbook(table);
    const sheet = partsOf(xlsx).find((f) => f.name.startsWith('xl/worksheets/'))!;
    const bomb = withPart(xlsx, sheet.name, Buffer.concat([Buffer.from(sheet.data), Buffer.alloc(20 << 20, 32)]));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refused(declare(bomb, sheet.name, 1000))).toContain('does not inflate to the size it declares');
    expect(await refused(declare(bomb, sheet.name, 0xfffffff0))).toContain('unpacks to more than');
  });

  it('a truncated file, garbage after a zip signature, entities, broken XML', async () => {
    const xlsx = await workbook(table);
    expect(await refused(xlsx.subarray(0, xlsx.length >> 1))).toMatch(/cut short|damaged/);
    expect(await refused(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(3000, 7)]))).toContain('not a workbook');
    const sheet = partsOf(xlsx).find((f) => f.name.startsWith('xl/worksheets/'))!;
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet>&lol2;</worksheet>';
    expect(await refused(withPart(xlsx, sheet.name, Buffer.from(lol)))).toContain('declares a document type or entities');
    expect(await refused(withPart(xlsx, sheet.name, Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>')))).toMatch(/not an Excel workbook|not a workbook/);
  });

  it('a register workbook with broken XML or a stray far cell: a located error, not an internal one', async () => {
    const reg = await workbook((ws) => {
      ws.addRow(['person_id', 'kommun', 'year', 'month']);
      for (let i = 0; i < 10; i++) ws.addRow([String(i), '1480', '2021', '3']);
    });
    const sheet = partsOf(reg).find((f) => f.name.startsWith('xl/worksheets/'))!;
    const opts = { years: [2021], gapRule: 'internal' as const, municipalities: loadMunicipalities(), requireHinder: false, layout: layoutFor([2021]) };
    for (const [name, bytes] of [
      ['broken.xlsx', withPart(reg, sheet.name, Buffer.from(Buffer.from(sheet.data).toString().replace('</sheetData>', '<row r="99"><c r="A99"><v>1</sheetData>')))],
      ['far.xlsx', withPart(reg, sheet.name, Buffer.from(Buffer.from(sheet.data).toString().replace('</sheetData>', '<row r="12"><c r="ALM12"><v>1</v></c></row></sheetData>')))],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const e = await readRegister(await openSource(path), opts as never).then(
        () => undefined,
        (x: Error) => x,
      );
      expect(e?.constructor.name, name).toBe('InputError');
      expect((e as BistandError).where?.file).toBe(path);
    }
  });
});

describe('inputs that are no files', () => {
  it('a device as an input is refused at once', async () => {
    const { readFileOrFail } = await import('../../src/io/source.js');
    expect(() => readFileOrFail('/dev/zero')).toThrow(/it is a device, not a file or a pipe/);
    await expect(openSource('/dev/zero')).rejects.toThrow(/it is a device/);
  });
});

