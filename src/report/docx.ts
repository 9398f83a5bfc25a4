/**
 * rapport.docx: the report as a Word document an analyst starts the yearly report from — the
 * region's outputs in the report's order with their captions ("Tabell N:", "Diagram N:" as in the
 * GR report), then a section per municipality; tables as Word tables in Swedish number format,
 * charts as PNG 16 cm wide with their alt text, the source line and notes under each; what was
 * not made is said with its reason. Written by docx's own packer with the charts' PNGs, its core
 * properties and every zip entry dated 1 January of the report's year, so that the same report
 * gives the same bytes.
 */
import { readerCells } from '../tables/table.js';
import { SV } from '../texts-sv.js';
import { xmlText } from '../text.js';
import { type DocItem, type DocSection, type Pictures, type ReportDocument, pictureOf } from './document.js';

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

/** A chart's PNG 16 cm wide, at its SVG's aspect, with its alt text. */
function picture(d: Docx, it: DocItem & { kind: 'chart' }, svg: string, png: Uint8Array): Block {
  const { width, height } = svgSize(svg);
  const w = 16 * CM;
  return new d.Paragraph({
    children: [
      new d.ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.round((w / CM) * 37.8), height: Math.round(((w * height) / width / CM) * 37.8) },
        altText: { title: it.caption, description: it.alt, name: it.anchor },
      }),
    ],
  });
}

function itemBlocks(d: Docx, it: DocItem, level: 2 | 3, pictures: Pictures): Block[] {
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
  } else {
    const { svg, png } = pictureOf(pictures, it.picture);
    // the picture carries its source and notes
    if (png) return [...out, picture(d, it, svg, png)];
    out.push(new d.Paragraph({ children: [new d.TextRun({ text: SV.docxNoPng, italics: true })] }));
  }
  out.push(small(it.source), ...it.notes.map(small));
  return out;
}

function sectionBlocks(d: Docx, s: DocSection, level: 1 | 2, pictures: Pictures): Block[] {
  const out: Block[] = [new d.Paragraph({ text: s.heading, heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2, keepNext: true, pageBreakBefore: level === 2 })];
  if (s.lead) out.push(new d.Paragraph({ text: s.lead }));
  for (const it of s.items) out.push(...itemBlocks(d, it, level === 1 ? 2 : 3, pictures));
  for (const sub of s.sections ?? []) out.push(...sectionBlocks(d, sub, 2, pictures));
  return out;
}

/** The document as Word: title, the warning of an unsuppressed run, the sections, the closing line; the charts as their PNGs. */
export async function reportDocx(doc: ReportDocument, pictures: Pictures): Promise<Uint8Array> {
  const d = await import('docx');
  const body: Block[] = [new d.Paragraph({ text: doc.title, heading: d.HeadingLevel.TITLE })];
  if (doc.warning) body.push(new d.Paragraph({ children: [new d.TextRun({ text: doc.warning, bold: true, color: 'B00020' })] }));
  for (const s of doc.sections) body.push(...sectionBlocks(d, s, 1, pictures));
  body.push(new d.Paragraph({ text: doc.closing }));
  const date = new Date(Date.UTC(doc.year, 0, 1));
  const document = new d.Document({ creator: 'bistand', title: doc.title, description: doc.title, sections: [{ children: body }] });
  const packed = await d.Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreXml(doc.title, date) }]);
  return zipDated(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), date);
}

/** The package's core properties, dated `date` (docx dates them with the clock). */
function coreXml(title: string, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:description>${xmlText(title)}</dc:description><dc:creator>bistand</dc:creator><cp:lastModifiedBy>bistand</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The zip with every entry's time and date set to `date` (the packer takes them from the clock):
 * the two fields of each local header and central directory entry, found through the central
 * directory: zipping the package again to set them would copy a national report's pictures
 * three times over (docs/performance.md).
 */
function zipDated(zip: Uint8Array, date: Date): Uint8Array {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = 0;
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = b.length - 22;
  while (end >= 0 && b.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('rapport.docx: the packer wrote no zip');
  let at = b.readUInt32LE(end + 16);
  for (let k = b.readUInt16LE(end + 10); k > 0; k--) {
    const local = b.readUInt32LE(at + 42);
    b.writeUInt16LE(time, at + 12);
    b.writeUInt16LE(day, at + 14);
    b.writeUInt16LE(time, local + 10);
    b.writeUInt16LE(day, local + 12);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return zip;
}
