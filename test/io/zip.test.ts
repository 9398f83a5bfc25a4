/**
 * The Word file's zip writer and reader: what they write another zip reader (JSZip, and the
 * system's unzip where there is one) reads back byte for byte, with the one date given; what
 * they read is what JSZip wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip, zipPart } from '../../src/io/zip.js';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const files = [
  { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types/>'.repeat(50)) },
  { name: 'word/document.xml', data: text('<w:p>Försörjningsstöd åt 1 234 hushåll</w:p>'.repeat(400)) },
  { name: 'word/media/bild-ö.png', data: new Uint8Array(3000).map((_, i) => (i * 7919) % 256) },
  { name: 'empty.txt', data: new Uint8Array(0) },
];
const date = new Date(Date.UTC(2021, 0, 1));

describe('zip archives', () => {
  it('are read back by JSZip: every file, its bytes, its order and the date given', async () => {
    const zip = writeZip(files.map((f) => zipPart(f.name, f.data, f.name.endsWith('.png'))), date);
    const read = await JSZip.loadAsync(zip);
    const names = Object.keys(read.files);
    expect(names).toEqual(files.map((f) => f.name));
    for (const f of files) {
      const entry = read.file(f.name)!;
      expect(Buffer.from(await entry.async('uint8array')).equals(Buffer.from(f.data))).toBe(true);
      expect(entry.date.toISOString()).toBe('2021-01-01T00:00:00.000Z');
    }
  });

  it('compress text and store what is marked stored', () => {
    const doc = zipPart('word/document.xml', files[1].data);
    expect(doc.method).toBe(8);
    expect(doc.body.length).toBeLessThan(files[1].data.length / 10);
    const png = zipPart('word/media/a.png', files[2].data, true);
    expect(png.method).toBe(0);
    expect(png.body).toBe(files[2].data);
  });

  it('give the same bytes for the same files', () => {
    const a = writeZip(files.map((f) => zipPart(f.name, f.data)), date);
    const b = writeZip(files.map((f) => zipPart(f.name, f.data)), date);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('read what JSZip wrote, folders left out', async () => {
    const z = new JSZip();
    for (const f of files) z.file(f.name, f.data, { compression: f.name.endsWith('.png') ? 'STORE' : 'DEFLATE' });
    const bytes = await z.generateAsync({ type: 'uint8array' });
    const read = readZip(bytes);
    expect(read.map((f) => f.name)).toEqual(files.map((f) => f.name));
    read.forEach((f, i) => expect(Buffer.from(f.data).equals(Buffer.from(files[i].data))).toBe(true));
  });

  it('refuse what is not a zip archive', () => {
    expect(() => readZip(text('not a zip at all, just some text that is long enough'))).toThrow(/not a zip archive/);
  });

  it('pass the system unzip tool\'s test, when it is installed', () => {
    let unzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      unzip = false;
    }
    if (!unzip) return;
    const dir = mkdtempSync(join(tmpdir(), 'bistand-zip-'));
    try {
      const path = join(dir, 'a.zip');
      writeFileSync(path, writeZip(files.map((f) => zipPart(f.name, f.data, f.name.endsWith('.png'))), date));
      expect(execFileSync('unzip', ['-tq', path], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
