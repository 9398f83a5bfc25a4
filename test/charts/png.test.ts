/**
 * The PNG encoder: chunks with right CRCs, the pixels back as they went in, the print
 * resolution, and a file another PNG reader (resvg's) draws to the same pixels.
 */
import { Resvg } from '@resvg/resvg-js';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/charts/png.js';

function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const n = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    out.push({ type, data: png.subarray(at + 8, at + 8 + n), crcOk: png.readUInt32BE(at + 8 + n) === crc32(png.subarray(at + 4, at + 8 + n)) });
    at += 12 + n;
  }
  return out;
}

describe('encodePng', () => {
  // a chart's pixels: runs of white, a bar, and noise where text would be
  const width = 37;
  const height = 23;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  let seed = 7;
  for (let i = 0; i < rgba.length; i += 4) {
    const x = (i / 4) % width;
    if (x > 10 && x < 20) rgba.set([31, 84, 140, 255], i);
    if (x > 28) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      rgba.set([seed & 255, (seed >> 8) & 255, (seed >> 16) & 255, 255], i);
    }
  }

  it('writes IHDR, pHYs at 300 dpi, IDAT and IEND, each with its CRC, and the pixels back', () => {
    const png = encodePng(width, height, rgba, 300);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(cs.every((c) => c.crcOk)).toBe(true);
    expect([cs[0].data.readUInt32BE(0), cs[0].data.readUInt32BE(4), cs[0].data[8], cs[0].data[9]]).toEqual([width, height, 8, 6]);
    expect([cs[1].data.readUInt32BE(0), cs[1].data.readUInt32BE(4), cs[1].data[8]]).toEqual([11811, 11811, 1]);
    const rows = inflateSync(cs[2].data);
    expect(rows.length).toBe((width * 4 + 1) * height);
    const back = Buffer.concat(Array.from({ length: height }, (_, y) => rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))));
    expect(Buffer.compare(back, Buffer.from(rgba))).toBe(0);
  });

  it('is drawn by another reader to the same pixels', () => {
    const png = encodePng(width, height, rgba, 300);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="data:image/png;base64,${png.toString('base64')}" width="${width}" height="${height}"/></svg>`;
    const drawn = new Resvg(svg).render().pixels;
    expect(Buffer.compare(drawn, Buffer.from(rgba))).toBe(0);
  });

  it('refuses pixels that do not fill the size', () => {
    expect(() => encodePng(width, height + 1, rgba, 300)).toThrow(/bytes for/);
  });
});
