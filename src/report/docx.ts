/**
 * rapport.docx: the report as a Word document an analyst starts the yearly report from — a cover
 * (title, year, sources), a table of contents, page numbers; the region's outputs in the report's
 * order under real Word captions ("Tabell N:", "Diagram N:", numbered by SEQ fields as the GR
 * report numbers them, so that Word can list them); then a section per municipality; "Om
 * statistiken" last (the definitions, how small counts are hidden, the sources, what could not be
 * made and why). Tables as Word tables in Swedish number format, their columns as wide as their
 * longest word needs; charts as PNG 16 cm wide with their alt text. Written by docx's own packer
 * with the charts' PNGs, its core properties and every zip entry dated 1 January of the report's
 * year, so that the same report gives the same bytes.
 */
import { readerCells } from '../tables/table.js';
import { SV } from '../texts-sv.js';
import { xmlText } from '../text.js';
import { softHyphens } from './html.js';
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

/**
 * The tallest a picture is placed, in cm: with its caption and a line of text it fits an A4 page,
 * so that Word and LibreOffice keep the caption with it (a taller one went to the next page alone).
 */
const MAX_PICTURE_CM = 22.5;

/** A chart's PNG 16 cm wide (or as wide as the item says; narrower if it would be taller than a page holds), at its SVG's aspect, with its alt text. */
function picture(d: Docx, it: DocItem & { kind: 'chart' }, svg: string, png: Uint8Array): Block {
  const { width, height } = svgSize(svg);
  const w = Math.min(it.width ?? 16, (MAX_PICTURE_CM * width) / height) * CM;
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

/** The text width of an A4 page with Word's default margins, in twentieths of a point. */
const PAGE_TWIPS = 9026;
/** About the width of a character of 9 pt table text, in twips; a cell's padding. */
const CHAR_TWIPS_9PT = 105;
/** a cell's margins on either side (Word's default is 108), and what they and the borders take */
const CELL_MARGIN = 70;
const PAD_TWIPS = 2 * CELL_MARGIN + 40;

/** The pieces of a cell's text no line may break inside: words, cut at their soft hyphens (a piece before one carries its hyphen). */
const pieces = (text: string) => text.split(/[\s\u00a0]+/).flatMap((w) => w.split('\u00ad').map((p, i, all) => [...p].length + (i < all.length - 1 ? 1 : 0)));

/**
 * Column widths for a table's cells (header first) at a font size: each as wide as its longest
 * piece needs, so that no word breaks inside ("Kommu|nkod"), the rest of the page shared by how
 * much text each column holds; `fits` false when the pieces alone are wider than the page (then
 * they share it).
 */
export function columnWidths(columns: string[][], halfPoints = 18): { widths: number[]; fits: boolean } {
  const char = (CHAR_TWIPS_9PT * halfPoints) / 18;
  // the header is bold, its letters wider
  const need = columns.map(([head, ...cells]) => Math.max(1, ...pieces(head).map((n) => n * 1.2), ...cells.flatMap(pieces)) * char + PAD_TWIPS);
  const total = need.reduce((a, b) => a + b, 0);
  if (total > PAGE_TWIPS) return { widths: need.map((n) => Math.floor((n * PAGE_TWIPS) / total)), fits: false };
  const extra = columns.map((cells, i) => Math.max(0, Math.max(...cells.map((c) => [...c.replace(/\u00ad/g, '')].length)) * char + PAD_TWIPS - need[i]));
  const extraTotal = extra.reduce((a, b) => a + b, 0);
  const left = PAGE_TWIPS - total;
  return { widths: need.map((n, i) => Math.floor(n + (extraTotal ? (left * extra[i]) / extraTotal : left / need.length))), fits: true };
}

/** A table's text size and column widths: 9 pt, or 8 or 7 pt when a wide table's words would not fit otherwise. */
function tableLayout(columns: string[][]): { widths: number[]; halfPoints: number } {
  const halfPoints = [18, 16].find((h) => columnWidths(columns, h).fits) ?? 14;
  return { widths: columnWidths(columns, halfPoints).widths, halfPoints };
}

/**
 * A numbered caption ("Diagram 4: …") as Word writes one: the Caption style, its number a SEQ
 * field (with the number written, so it shows before Word updates its fields); another heading as
 * a heading.
 */
function caption(d: Docx, text: string, level: 2 | 3): InstanceType<Docx['Paragraph']> {
  const m = /^(Tabell|Diagram) (\d+): (.*)$/s.exec(text);
  if (!m) return new d.Paragraph({ text, heading: level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3, keepNext: true });
  const [, kind, n, title] = m;
  return new d.Paragraph({ style: 'Caption', keepNext: true, children: [new d.TextRun(`${kind} `), new d.SimpleField(`SEQ ${kind} \\* ARABIC`, n), new d.TextRun(`: ${title}`)] });
}

function itemBlocks(d: Docx, it: DocItem, level: 2 | 3, pictures: Pictures): Block[] {
  const small = (text: string) => new d.Paragraph({ style: 'Note', text });
  const out: Block[] = [caption(d, it.caption, level)];
  if (it.kind === 'skipped') {
    out.push(new d.Paragraph({ children: [new d.TextRun({ text: `${SV.docxNotMade}: ${it.reason}`, italics: true })] }));
    return out;
  }
  if (it.kind === 'table') {
    const t = it.table;
    const { numeric, text } = readerCells(t);
    // long words of text cells break at their joints (Sorterings-nyckel), never inside a syllable
    const shown = (s: string, i: number) => (numeric[i] ? s : softHyphens(s));
    const cells = t.columns.map((c, i) => [softHyphens(c.name), ...t.rows.map((r) => shown(text(r[i], i), i))]);
    const { widths, halfPoints } = tableLayout(cells);
    // the widths on the grid and on each cell: LibreOffice reads the cells'
    const cell = (s: string, i: number, bold = false) =>
      new d.TableCell({
        width: { size: widths[i], type: d.WidthType.DXA },
        margins: { left: CELL_MARGIN, right: CELL_MARGIN },
        children: [new d.Paragraph({ style: 'TableText', alignment: numeric[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text: s, bold, size: halfPoints })] })],
      });
    out.push(
      new d.Table({
        width: { size: PAGE_TWIPS, type: d.WidthType.DXA },
        columnWidths: widths,
        layout: d.TableLayoutType.FIXED,
        rows: [
          new d.TableRow({ tableHeader: true, children: cells.map((c, i) => cell(c[0], i, true)) }),
          ...t.rows.map((_, r) => new d.TableRow({ children: cells.map((c, i) => cell(c[r + 1], i)) })),
        ],
      }),
    );
  } else {
    const { svg, png } = pictureOf(pictures, it.picture);
    // the picture carries its source and notes; the draft of its text follows
    if (png) return [...out, picture(d, it, svg, png), ...drafts(d, it.draft)];
    out.push(new d.Paragraph({ children: [new d.TextRun({ text: SV.docxNoPng, italics: true })] }));
  }
  out.push(small(it.source), ...it.notes.map(small), ...drafts(d, it.draft));
  return out;
}

/** The draft of an output's text, in a style of its own ("Förslag till text") that the analyst finds and replaces. */
const drafts = (d: Docx, text: string | undefined) => (text ?? '').split('\n').filter(Boolean).map((line) => new d.Paragraph({ style: 'Draft', text: line }));

/** A section on a page of its own (a municipality's first on its parent's page: a heading is never left alone at a page's foot). */
function sectionBlocks(d: Docx, s: DocSection, level: 1 | 2, pictures: Pictures, newPage = true): Block[] {
  const out: Block[] = [new d.Paragraph({ text: s.heading, heading: level === 1 ? d.HeadingLevel.HEADING_1 : d.HeadingLevel.HEADING_2, keepNext: true, pageBreakBefore: newPage })];
  if (s.lead) out.push(new d.Paragraph({ text: s.lead, keepNext: !s.items.length }));
  for (const it of s.items) out.push(...itemBlocks(d, it, level === 1 ? 2 : 3, pictures));
  (s.sections ?? []).forEach((sub, i) => out.push(...sectionBlocks(d, sub, 2, pictures, i > 0 || s.items.length > 0)));
  return out;
}

/** The cover: the title, the year, the warning of an unsuppressed run, the sources. */
function cover(d: Docx, doc: ReportDocument): Block[] {
  const out: Block[] = [
    new d.Paragraph({ text: doc.title, heading: d.HeadingLevel.TITLE, spacing: { before: 2400, after: 480 } }),
    new d.Paragraph({ children: [new d.TextRun({ text: SV.docxCoverYear(doc.year), size: 28 })], spacing: { after: 960 } }),
  ];
  if (doc.warning) out.push(new d.Paragraph({ children: [new d.TextRun({ text: doc.warning, bold: true, color: 'B00020' })], spacing: { after: 480 } }));
  out.push(new d.Paragraph({ children: [new d.TextRun({ text: SV.docxCoverSources, bold: true })] }));
  for (const source of sourcesOf(doc)) out.push(new d.Paragraph({ text: source }));
  return out;
}

/** Every source line of the document's outputs ("Källa: …"), once each, in the order they first appear. */
function sourcesOf(doc: ReportDocument): string[] {
  const all = (s: DocSection): DocItem[] => [...s.items, ...(s.sections ?? []).flatMap(all)];
  return [...new Set(doc.sections.flatMap(all).flatMap((it) => (it.kind !== 'skipped' && /^Källa/.test(it.source) ? [it.source] : [])))];
}

/** "Om statistiken": the definitions, how small counts are hidden, the sources, what was not made and why. */
function about(d: Docx, doc: ReportDocument): Block[] {
  const out: Block[] = [new d.Paragraph({ text: SV.docxAbout, heading: d.HeadingLevel.HEADING_1, pageBreakBefore: true, keepNext: true }), new d.Paragraph({ text: doc.closing })];
  if (doc.minCount !== undefined) out.push(new d.Paragraph({ text: SV.docxAboutSmall(doc.minCount) }));
  out.push(new d.Paragraph({ text: SV.docxCoverSources, heading: d.HeadingLevel.HEADING_2, keepNext: true }), ...sourcesOf(doc).map((source) => new d.Paragraph({ text: source })));
  const skipped = doc.sections.flatMap((s) => s.items).filter((it): it is DocItem & { kind: 'skipped' } => it.kind === 'skipped');
  if (skipped.length) out.push(new d.Paragraph({ text: SV.docxAboutNotMade, heading: d.HeadingLevel.HEADING_2, keepNext: true }), ...skipped.map((it) => new d.Paragraph({ text: `${it.caption}: ${it.reason}` })));
  return out;
}

/**
 * bistand's own look: a sans-serif body (Arial, which LibreOffice shows as Liberation Sans), the
 * headings in one blue, captions bold, the draft text in a style of its own. templates/rapport.dotx
 * holds the same styles, for an organisation to make its own from (npm run template).
 */
export function ownStyles() {
  return {
    default: {
      document: { run: { font: 'Arial', size: 20 }, paragraph: { spacing: { after: 120 } } },
      title: { run: { font: 'Arial', size: 52, color: '1F3864' } },
      heading1: { run: { font: 'Arial', size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
      heading2: { run: { font: 'Arial', size: 26, bold: true, color: '2E74B5' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
      heading3: { run: { font: 'Arial', size: 22, bold: true, color: '2E74B5' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    },
    paragraphStyles: [
      // the text bistand drafts: found (and replaced) by its style
      { id: 'Draft', name: SV.draftLabel, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '2F5496' }, paragraph: { spacing: { before: 80, after: 160 } } },
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 20, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      // a table's cells (their size is set by the table: 9, 8 or 7 pt as its columns need) and the source and notes under it
      { id: 'TableText', name: 'Tabelltext', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { before: 0, after: 0 } } },
      { id: 'Note', name: 'Not', basedOn: 'Normal', quickFormat: true, run: { size: 16, color: '555555' }, paragraph: { spacing: { after: 40 } } },
    ],
  };
}

/**
 * templates/rapport.dotx: a Word template with bistand's styles and a page that shows each, for
 * an organisation to restyle and give back with --template.
 */
export async function ownTemplate(): Promise<Uint8Array> {
  const d = await import('docx');
  const { unzipSync, zipSync } = await import('fflate');
  const para = (text: string, style?: string, heading?: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel]) => new d.Paragraph({ text, ...(style ? { style } : {}), ...(heading ? { heading } : {}) });
  const document = new d.Document({
    creator: 'bistand',
    styles: ownStyles(),
    sections: [
      {
        children: [
          para(SV.templateTitle, undefined, d.HeadingLevel.TITLE),
          para(SV.templateIntro),
          para('Rubrik 1 (Heading1)', undefined, d.HeadingLevel.HEADING_1),
          para('Rubrik 2 (Heading2)', undefined, d.HeadingLevel.HEADING_2),
          para('Rubrik 3 (Heading3)', undefined, d.HeadingLevel.HEADING_3),
          para('Brödtext (Normal).'),
          para('Diagram 1: Bildtext (Caption)', 'Caption'),
          para('Tabelltext (TableText)', 'TableText'),
          para('Källa och noter (Note)', 'Note'),
          para(`${SV.draftLabel} (Draft).`, 'Draft'),
        ],
      },
    ],
  });
  const packed = new Uint8Array(await d.Packer.toBuffer(document));
  const parts = unzipSync(packed);
  // a template is a document whose main part says so
  const types = new TextDecoder().decode(parts['[Content_Types].xml']).replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml');
  parts['[Content_Types].xml'] = new TextEncoder().encode(types);
  parts['docProps/core.xml'] = new TextEncoder().encode(coreXml(SV.templateTitle, new Date(Date.UTC(2026, 0, 1))));
  const mtime = new Date(Date.UTC(2026, 0, 1));
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { mtime }]])));
}

/** The document as Word: cover, contents, the sections, "Om statistiken"; the charts as their PNGs; page numbers in the footer. */
export async function reportDocx(doc: ReportDocument, pictures: Pictures, styles?: string): Promise<Uint8Array> {
  const d = await import('docx');
  // the contents' own title is no heading: it would list itself
  const body: Block[] = [new d.Paragraph({ children: [new d.TextRun({ text: SV.docxContents, size: 32, color: '2E74B5' })], spacing: { after: 240 } })];
  const contents = new d.TableOfContents(SV.docxContents, { hyperlink: true, headingStyleRange: '1-2' });
  for (const s of doc.sections) body.push(...sectionBlocks(d, s, 1, pictures));
  body.push(...about(d, doc));
  const date = new Date(Date.UTC(doc.year, 0, 1));
  const footer = new d.Footer({ children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [`${SV.docxPage} `, d.PageNumber.CURRENT] })] })] });
  const document = new d.Document({
    creator: 'bistand',
    title: doc.title,
    description: doc.title,
    // a template's styles (--template), or bistand's own
    ...(styles ? { externalStyles: styles } : { styles: ownStyles() }),
    sections: [
      { children: cover(d, doc) },
      { properties: { type: d.SectionType.NEXT_PAGE, page: { pageNumbers: { start: 1 } } }, footers: { default: footer }, children: [body[0], contents, ...body.slice(1)] },
    ],
  });
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
