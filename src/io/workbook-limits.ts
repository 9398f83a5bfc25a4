/**
 * An Excel workbook is checked before exceljs reads it: a 2 KB file can declare a cell at
 * XFD1048576 or inflate to gigabytes, and a broken or entity-laden one must give a located
 * one-line error, not an internal one. The zip's central directory is read and every part
 * inflated with a cap on its output (its declared size: a part that inflates past what it
 * declares is refused); the parts may hold no document type or entity declaration; every sheet's
 * cells must lie within MAX_COLUMNS columns and MAX_ROWS rows, and no text may be longer than
 * Excel's own limit.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';
import * as msg from '../messages.js';

/** At most this many bytes inflated, all parts together. */
export const MAX_INFLATED = 512 << 20;
const MAX_PARTS = 5000;
/** Columns and rows a sheet's cells may reach: tables of statistics and register extracts fit well within. */
export const MAX_COLUMNS = 1000;
export const MAX_ROWS = 2_000_000;
/** Excel's own longest cell text. */
export const MAX_CELL_TEXT = 32_767;

const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const LOCAL = 0x04034b50;

/** A column's letters as its number (A = 1, XFD = 16384). */
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function checkWorkbook(bytes: Uint8Array, file: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new InputError({ file }, msg.brokenWorkbook(why), msg.notAWorkbookHint());
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  if (end < 0) throw broken('it is cut short or no zip archive');
  const count = buf.readUInt16LE(end + 10);
  if (count > MAX_PARTS) throw broken(`it has ${count} parts`);
  let at = buf.readUInt32LE(end + 16);
  let inflated = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw broken('its table of contents is damaged');
    const method = buf.readUInt16LE(at + 10);
    const csize = buf.readUInt32LE(at + 20);
    const usize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    inflated += usize;
    if (inflated > MAX_INFLATED) throw new InputError({ file }, msg.workbookTooLarge(MAX_INFLATED >> 20), msg.workbookTooLargeHint());
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw broken(`its part ${name} is damaged`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + csize > buf.length) throw broken('it is cut short');
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    let data: Buffer;
    try {
      const raw = buf.subarray(start, start + csize);
      data = method === 0 ? raw : method === 8 ? inflateRawSync(raw, { maxOutputLength: Math.max(1, usize) }) : (() => { throw new Error('method'); })();
    } catch {
      throw broken(`its part ${name} does not inflate to the size it declares`);
    }
    checkPart(data.toString('utf8'), name, file);
  }
}

function checkPart(xml: string, name: string, file: string): void {
  // a document type can declare entities that expand without end; Excel writes none
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new InputError({ file }, msg.brokenWorkbook(`its part ${name} declares a document type or entities`), msg.notAWorkbookHint());
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
    let maxCol = 0;
    let maxRow = 0;
    for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+)(\d+)"/g)) {
      const col = columnNumber(m[1]);
      const row = Number(m[2]);
      if (col > maxCol) maxCol = col;
      if (row > maxRow) maxRow = row;
    }
    for (const m of xml.matchAll(/<row\b[^>]*\br="(\d+)"/g)) if (Number(m[1]) > maxRow) maxRow = Number(m[1]);
    if (maxCol > MAX_COLUMNS || maxRow > MAX_ROWS) throw new InputError({ file }, msg.workbookTooWide(name, maxCol, maxRow, MAX_COLUMNS, MAX_ROWS), msg.workbookTooWideHint());
  }
  if (/^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(name)) {
    for (const m of xml.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g))
      if (m[1].length > MAX_CELL_TEXT * 6) throw new InputError({ file }, msg.workbookLongText(MAX_CELL_TEXT), msg.workbookTooWideHint());
  }
}
