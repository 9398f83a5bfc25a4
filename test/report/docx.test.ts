/**
 * rapport.docx takes each chart's PNG into the package as it was drawn, is dated by the report's year
 * whenever it is packed, says so in Swedish when the run drew none (--no-png), and refuses a plan whose
 * chart was never drawn.
 */
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { columnWidths, reportDocx } from '../../src/report/docx.js';
import type { Picture, ReportDocument } from '../../src/report/document.js';
import { encodePng } from '../../src/charts/png.js';
import { SV } from '../../src/texts-sv.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"></svg>';

const doc: ReportDocument = {
  title: 'Test',
  year: 2021,
  sections: [{ anchor: 'regionen', heading: 'Regionen', items: [{ kind: 'chart', anchor: 'd1', caption: 'Diagram 1: Test', picture: 'region/d1-test', alt: 'Testdiagram', source: 'Källa: test', notes: [] }] }],
  closing: 'Slut.',
};
const docx = async (pictures: Map<string, Picture>) => JSZip.loadAsync(Buffer.from(await reportDocx(doc, pictures)));

describe('rapport.docx and the charts', () => {
  it('holds the PNG as it was drawn', async () => {
    const png = encodePng(2, 1, new Uint8Array(8).fill(255), 300);
    const media = (await docx(new Map([['region/d1-test', { svg: SVG, png }]]))).file(/^word\/media\//);
    expect(media.map((m) => m.name)).toHaveLength(1);
    expect(Buffer.from(await media[0].async('uint8array')).equals(png)).toBe(true);
  });

  it('dates every part by the report\'s year, never by the clock', async () => {
    const png = encodePng(2, 1, new Uint8Array(8).fill(255), 300);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-11-30T23:59:59Z') });
    let zip: JSZip;
    try {
      zip = await docx(new Map([['region/d1-test', { svg: SVG, png }]]));
    } finally {
      vi.useRealTimers();
    }
    const parts = Object.values(zip.files);
    expect(parts.filter((f) => f.date.toISOString() !== '2021-01-01T00:00:00.000Z').map((f) => f.name)).toEqual([]);
    const texts = await Promise.all(parts.filter((f) => !f.name.startsWith('word/media/')).map((f) => f.async('string')));
    expect(texts.filter((t) => t.includes('2031'))).toEqual([]);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z');
  });

  it('says in Swedish that a chart has no picture when the run drew none', async () => {
    const zip = await docx(new Map([['region/d1-test', { svg: SVG }]]));
    expect(zip.file(/^word\/media\//)).toHaveLength(0);
    expect(await zip.file('word/document.xml')!.async('string')).toContain(SV.docxNoPng);
  });

  it('refuses a chart that was never drawn', async () => {
    await expect(reportDocx(doc, new Map())).rejects.toThrow('region/d1-test was not drawn');
  });
});

describe("a table's column widths", () => {
  it('give each column its longest word, the rest by how much text it holds, within the page', () => {
    const { widths, fits } = columnWidths([
      ['Kommunkod', '1384', '1480'],
      ['Kommun', 'Kungsbacka', 'Göteborg – socialförvaltning Centrum'],
      ['2021', '1,0', '6,0'],
    ]);
    expect(fits).toBe(true);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
    // "Kommunkod" in bold needs more than "2021"; the names column takes what is left
    expect(widths[0]).toBeGreaterThan(widths[2]);
    expect(widths[1]).toBeGreaterThan(widths[0] + widths[2]);
  });

  it('say when the longest words alone are wider than the page', () => {
    const long = Array.from({ length: 12 }, () => ['Sorteringsnyckelvärde', '1,0']);
    expect(columnWidths(long).fits).toBe(false);
    expect(columnWidths(long).widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
  });

  it('says what was not made and why, in Swedish', async () => {
    const skipped: ReportDocument = { ...doc, sections: [{ ...doc.sections[0], items: [{ kind: 'skipped', anchor: 'd3', caption: 'Diagram 3: Långvarigt', reason: 'behöver registeruppgifter' }] }] };
    const xml = await (await JSZip.loadAsync(Buffer.from(await reportDocx(skipped, new Map())))).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${SV.docxNotMade}: behöver registeruppgifter`);
  });
});
