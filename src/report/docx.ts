/**
 * rapport.docx: the report as a Word document an analyst starts the yearly report from — the
 * region's outputs in the report's order with their captions ("Tabell N:", "Diagram N:" as in the
 * GR report), then a section per municipality; tables as Word tables in Swedish number format,
 * charts as PNG 16 cm wide with their alt text, the source line and notes under each; what was
 * not made is said with its reason. The zip is rewritten with fixed dates, so the same report gives the same
 * bytes.
 */
import { readerCells } from '../tables/table.js';
import { SV } from '../texts-sv.js';
import type { DocItem, DocSection, ReportDocument } from './document.js';
import { readZip, zipChunks, zipPart, type ZipPart } from '../io/zip.js';

const CM = 360000; // EMU per cm

/** Width and height of a chart, from its SVG's root element (the PNG is drawn to its aspect). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1]);
  const width = num('width');
  const height = num('height');
  if (!(width > 0 && height > 0)) throw new Error('rapport.docx: a chart\'s SVG has no width and height');
  return { width, height };
}

type Docx = typeof import('docx');
type Block = InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>;

/**
 * The pictures by the few bytes that stand for each in the package docx writes. docx hashes a
 * picture (SHA-1) and deflates it in JavaScript, both on the main thread: the GR report's 11 MB
 * of PNGs took about 2 s after the last chart, with the other core idle. It is given the stand-in
 * instead, and the package is written again with the PNG itself, stored: a PNG is compressed
 * already.
 */
type Media = Map<string, { png?: Uint8Array }>;

function itemBlocks(d: Docx, it: DocItem, level: 2 | 3, media: Media, pictures: boolean): Block[] {
  const small = (text: string) => new d.Paragraph({ children: [new d.TextRun({ text, size: 16, color: '555555' })], spacing: { after: 40 } });
  const out: Block[] = [new d.Paragraph({ text: it.caption, heading: level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3, keepNext: true })];
  if (it.kind === 'skipped') {
    out.push(new d.Paragraph({ children: [new d.TextRun({ text: `${SV.docxNotMade}: ${it.reason}`, italics: true })] }));
    return out;
  }
  if (it.kind === 'table') {
    const t = it.table;
    const { numeric, text } = readerCells(t);
    const cell = (s: string, i: number, bold = false) =>
      new d.TableCell({ children: [new d.Paragraph({ alignment: numeric[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text: s, bold, size: 18 })] })] });
    out.push(
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: [
          new d.TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.name, i, true)) }),
          ...t.rows.map((r) => new d.TableRow({ children: r.map((c, i) => cell(text(c, i), i)) })),
        ],
      }),
    );
  } else if (pictures) {
    const { width, height } = svgSize(it.svg);
    const w = 16 * CM;
    const stand = `bistand-picture:${it.anchor}`;
    media.set(stand, it);
    out.push(
      new d.Paragraph({
        children: [
          new d.ImageRun({
            type: 'png',
            data: new TextEncoder().encode(stand),
            transformation: { width: Math.round((w / CM) * 37.8), height: Math.round(((w * height) / width / CM) * 37.8) },
            altText: { title: it.caption, description: it.alt, name: it.anchor },
          }),
        ],
      }),
    );
    // the picture carries its source and notes
    return out;
  } else out.push(new d.Paragraph({ children: [new d.TextRun({ text: SV.docxNoPng, italics: true })] }));
  out.push(small(it.source), ...it.notes.map(small));
  return out;
}

function sectionBlocks(d: Docx, s: DocSection, level: 1 | 2, media: Media, pictures: boolean): Block[] {
  const out: Block[] = [new d.Paragraph({ text: s.heading, heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2, keepNext: true, pageBreakBefore: level === 2 })];
  if (s.lead) out.push(new d.Paragraph({ text: s.lead }));
  for (const it of s.items) out.push(...itemBlocks(d, it, level === 1 ? 2 : 3, media, pictures));
  for (const sub of s.sections ?? []) out.push(...sectionBlocks(d, sub, 2, media, pictures));
  return out;
}

/**
 * The document as Word: title, the warning of an unsuppressed run, the sections, the closing
 * line. Given `pictures`, the charts' PNGs, which are still being drawn: the package is written
 * with a stand-in for each while the lanes draw (the main thread was idle then, and wrote the
 * Word file after the last PNG), and the PNGs go in once `pictures` settles. Returned as the
 * pieces of its zip archive, to be written one after the other.
 */
export async function reportDocx(doc: ReportDocument, pictures?: Promise<void>): Promise<Uint8Array[]> {
  // a PNG that fails while the package is written is this call's error, given at the await
  // below, not an unhandled rejection that ends the process first
  pictures?.catch(() => undefined);
  const d = await import('docx');
  const body: Block[] = [new d.Paragraph({ text: doc.title, heading: d.HeadingLevel.TITLE })];
  if (doc.warning) body.push(new d.Paragraph({ children: [new d.TextRun({ text: doc.warning, bold: true, color: 'B00020' })] }));
  const media: Media = new Map();
  for (const s of doc.sections) body.push(...sectionBlocks(d, s, 1, media, pictures !== undefined));
  body.push(new d.Paragraph({ text: doc.closing }));
  const packed = await d.Packer.toBuffer(new d.Document({ creator: 'bistand', title: doc.title, description: doc.title, sections: [{ children: body }] }));
  // the package's text parts are compressed while the last PNGs are drawn; the pictures then go in as they are
  const date = new Date(Date.UTC(doc.year, 0, 1));
  const parts = packageParts(packed, date, media);
  await pictures;
  return repacked(parts, date, media);
}

/** A part of the package: compressed already, or a picture's place with its stand-in. */
type Part = ZipPart | { name: string; stand: string };

/** The package's parts, its core properties dated `date` (1 January of the report's year), its pictures' places found. */
function packageParts(docx: Uint8Array, date: Date, media: Media): Part[] {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const parts: Part[] = [];
  for (const f of readZip(docx)) {
    if (f.name.startsWith('word/media/')) {
      const stand = Buffer.from(f.data).toString('utf8');
      if (media.has(stand)) {
        parts.push({ name: f.name, stand });
        continue;
      }
    }
    const data = f.name === 'docProps/core.xml' ? Buffer.from(Buffer.from(f.data).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`)) : f.data;
    parts.push(zipPart(f.name, data));
  }
  return parts;
}

/** The package written again with one date for every entry, and the pictures in it, stored: a PNG is compressed already. */
function repacked(parts: Part[], date: Date, media: Media): Uint8Array[] {
  let found = 0;
  const out = parts.map((p) => {
    if (!('stand' in p)) return p;
    const png = media.get(p.stand)?.png;
    if (!png) throw new Error(`rapport.docx: the picture ${p.stand.slice('bistand-picture:'.length)} was not drawn`);
    found++;
    return zipPart(p.name, png, true);
  });
  if (found !== media.size) throw new Error(`rapport.docx: ${media.size - found} pictures not found in the package docx wrote`);
  return zipChunks(out, date);
}
