/** rapport.docx: the region's outputs in the report's order, captioned, charts with alt text; the whole report the same bytes each run. */
import JSZip from 'jszip';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../shared-report.js';
import { SV } from '../../src/texts-sv.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-docx-'));
let out = '';
/** Every file under `root`, as paths relative to it, sorted. */
const walk = (root: string, d = ''): string[] =>
  readdirSync(join(root, d), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(root, join(d, e.name)) : [join(d, e.name)]))
    .sort();

describe('rapport.docx', () => {
  it('captions every output in order, draws each chart as a PNG with its alt text; every file the same bytes in a second run', async () => {
    const [a, b] = await Promise.all([sampleReport('full'), sampleReport('no-png')]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    out = a.out;
    const files = walk(a.out);
    // The second run, another process, draws no PNGs (--no-png, no --pdf): it writes every file of
    // the first but the pictures, each the same bytes, but for those that list or hold the
    // pictures: index.md links the SVGs instead, the manifest lists no PNG, rapport.docx holds
    // none. The pictures are the same bytes by their parts: a PNG is the bytes drawing its SVG
    // gives, on any thread (test/threads/png.test.ts), and rapport.docx is dated by the report's
    // year, never by the clock (test/report/docx.test.ts).
    const pictures = (f: string) => f.endsWith('.png') || f === 'rapport.pdf';
    expect(walk(b.out)).toEqual(files.filter((f) => !pictures(f)));
    const listing = ['.bistand-manifest.json', 'index.md', 'rapport.docx'];
    expect(walk(b.out).filter((f) => !listing.includes(f) && !readFileSync(join(a.out, f)).equals(readFileSync(join(b.out, f))))).toEqual([]);
    // index.md the same but for the pictures (and, where the first ran with --pdf, its line for rapport.pdf)
    const withPictures = readFileSync(join(b.out, 'index.md'), 'utf8')
      .replace(/\.svg\)/g, '.png)')
      .replace(/\(diagram: /g, '(diagram: .png, ')
      .replace(SV.indexDocx(false), SV.indexDocx(true))
      .replace(SV.indexHtml, a.pdf ? `${SV.indexHtml}\n\n${SV.indexPdf}` : SV.indexHtml);
    expect(withPictures).toBe(readFileSync(join(a.out, 'index.md'), 'utf8'));
    const bytes = readFileSync(join(a.out, 'rapport.docx'));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    // Word's captions: the Caption style, the number a SEQ field (with the number written, as the GR report numbers them)
    const paragraphs = xml.split(/<w:p[ >]/);
    const captions = paragraphs.filter((p) => p.includes('<w:pStyle w:val="Caption"/>')).map((p) => p.replace(/<[^>]+>/g, '').split(':')[0]);
    expect(captions).toEqual(['Tabell 1', 'Tabell 2', 'Tabell 3', 'Tabell 4', 'Tabell 5', 'Tabell 6', 'Tabell 7', 'Tabell 8', 'Tabell 9', 'Tabell 10', ...Array.from({ length: 12 }, (_, i) => `Diagram ${i + 1}`)]);
    expect(xml.match(/w:instr="SEQ (Tabell|Diagram) \\\* ARABIC"/g)).toHaveLength(22);
    // a table of contents, page numbers in the footer, "Om statistiken" last
    expect(xml).toContain('Table of Contents');
    expect(await zip.file('word/footer1.xml')!.async('string')).toMatch(/PAGE/);
    expect(paragraphs.findLastIndex((p) => p.includes('Heading1'))).toBe(paragraphs.findLastIndex((p) => p.includes('>Om statistiken<')));
    // every table's columns fixed to widths that add up to the page
    for (const grid of xml.match(/<w:tblGrid>.*?<\/w:tblGrid>/g) ?? []) {
      const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
    }
    const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    // nine region charts (D1, D2, D6–D12), then each municipality's section: its charts and its trend
    // its heading and its line in the contents
    expect(xml.match(/>1384 Kungsbacka</g)?.length).toBe(2);
    expect(xml).toContain('>Kommunerna<');
    expect(images.length).toBeGreaterThanOrEqual(9 + 13);
    expect(xml).toMatch(/descr="Kompetensområdets vikt\. Medelvärde per område/);
    // the region's charts 16 cm wide, each municipality's trend 12 cm on its compact page (360 000
    // EMU a cm; Word rounds to whole pixels of 9 525 EMU)
    const widths = [...xml.matchAll(/<wp:extent cx="(\d+)"/g)].map((m) => Math.round(Number(m[1]) / 36000) / 10);
    expect(widths.length).toBe(images.length);
    // (a chart taller than a page holds beside its caption is placed narrower: D8 a little)
    expect(widths.slice(0, 12).every((w) => w >= 15.8 && w <= 16)).toBe(true);
    expect(widths.slice(12)).toEqual(Array(13).fill(12));
    // in the document the caption is the chart's title: the picture has none (its own files keep it)
    const d1 = readFileSync(join(a.out, 'region/d1-andel-av-befolkningen.svg'), 'utf8');
    expect(d1).toContain('>Andel av befolkningen med ekonomiskt bistånd i Göteborgsregionen<');
    expect(readFileSync(join(a.out, 'rapport.html'), 'utf8')).not.toContain('>Andel av befolkningen med ekonomiskt bistånd i Göteborgsregionen</text>');
    // a picture carries its source line: not written again under it (the tables' sources are)
    const blocks = xml.split(/(?<=<\/w:p>|<\/w:tbl>)/);
    const after = (mark: string) => blocks.flatMap((b, i) => (b.includes(mark) ? [blocks[i + 1] ?? ''] : []));
    expect(after('<w:drawing>').length).toBe(images.length);
    expect(after('<w:drawing>').filter((b) => b.includes('>Källa: '))).toEqual([]);
    expect(after('</w:tbl>').filter((b) => b.includes('>Källa: ')).length).toBeGreaterThan(0);
  });

  // found on PATH without starting it: a first start builds LibreOffice's profile for many seconds
  const soffice = (process.env.PATH ?? '').split(':').some((d) => existsSync(join(d, 'soffice')));
  if (!soffice) console.warn('soffice not installed: the LibreOffice check of rapport.docx does not run (apt-get install -y libreoffice-writer-nogui)');
  it.runIf(soffice)('opens in LibreOffice and converts to PDF (when soffice is installed)', async () => {
    const file = join(out, 'rapport.docx');
    // The pages are laid out with every picture at its size; the PDF's copies of them are made at
    // 75 dpi, not re-encoded at their 300: the PDF is read for its text and pages only, and
    // re-encoding 78 charts was 4 of LibreOffice's 11 s.
    const pdf = 'pdf:writer_pdf_Export:' + JSON.stringify({ ReduceImageResolution: { type: 'boolean', value: 'true' }, MaxImageResolution: { type: 'long', value: '75' } });
    // asynchronously: a conversion of many seconds under spawnSync keeps the worker from answering vitest
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('soffice', ['--headless', '--convert-to', pdf, '--outdir', dir, file], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(status).toBe(0);
    expect(existsSync(join(dir, 'rapport.pdf'))).toBe(true);
    expect(readFileSync(join(dir, 'rapport.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // the pages as LibreOffice lays them out (poppler's pdftotext): a cover, numbered pages, and no
    // word of a table broken inside (a break at a soft hyphen prints its hyphen)
    const pdftotext = spawnSync('pdftotext', [join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' });
    if (pdftotext.error) return console.warn('pdftotext not installed: the PDF text of rapport.docx is not read (apt-get install -y poppler-utils)');
    const pages = pdftotext.stdout.split('\f').filter((p) => p.trim());
    expect(pages[0]).toContain('Ekonomiskt bistånd 2021');
    expect(pages.length).toBeLessThanOrEqual(35);
    expect(pages.at(-1)).toMatch(/Sida \d+/);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0].replace(/<[^>]+>/g, '').replace(/\u00ad/g, ''));
    const words = [...new Set(cells.flatMap((c) => c.split(/[\s\u00a0]+/)).filter((w) => /^\p{L}{6,}$/u.test(w)))];
    expect(words).toEqual(expect.arrayContaining(['Kommunkod', 'Kungsbacka', 'Sorteringsnyckel']));
    const broken = words.filter((w) => [...w].some((_, i) => i >= 2 && i <= w.length - 2 && pdftotext.stdout.includes(`${w.slice(0, i)}\n${w.slice(i)}`)));
    expect(broken).toEqual([]);
  }, 150_000);
});
