/**
 * rapport.docx waits for the charts' PNGs: a PNG that fails is the Word file's error (a full
 * disk, a dead worker), not an unhandled rejection that ends the run with a stack trace; the
 * PNGs go into the package as they were drawn.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/report/docx.js';
import type { ReportDocument } from '../../src/report/document.js';
import { encodePng } from '../../src/charts/png.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"></svg>';

function doc(item: { png?: Uint8Array }): ReportDocument {
  const chart = Object.defineProperty({ kind: 'chart' as const, anchor: 'd1', caption: 'Diagram 1: Test', svg: SVG, alt: 'Testdiagram', source: 'Källa: test', notes: [] }, 'png', { get: () => item.png, enumerable: true });
  return { title: 'Test', year: 2021, sections: [{ anchor: 'regionen', heading: 'Regionen', items: [chart] }], closing: 'Slut.' };
}

describe('rapport.docx and the PNGs still being drawn', () => {
  it('takes in the PNG that arrives after it was asked for', async () => {
    const item: { png?: Uint8Array } = {};
    const png = encodePng(2, 1, new Uint8Array(8).fill(255), 300);
    const drawn = new Promise<void>((resolve) => setTimeout(() => ((item.png = png), resolve()), 20));
    const zip = await JSZip.loadAsync(Buffer.from(await reportDocx(doc(item), drawn)));
    const media = zip.file(/^word\/media\//);
    expect(media).toHaveLength(1);
    expect(Buffer.from(await media[0].async('uint8array')).equals(png)).toBe(true);
  });

  it('gives a PNG that failed as its own error', async () => {
    const failed = Promise.reject(new Error('no space left on device'));
    await expect(reportDocx(doc({}), failed)).rejects.toThrow('no space left on device');
  });
});
