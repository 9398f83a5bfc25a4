/**
 * rapport.docx: the region's part of the report as a Word document an analyst starts the yearly
 * report from — a heading, then each output in the report's order with its caption ("Tabell N:",
 * "Diagram N:" as in the GR report), tables as Word tables in Swedish number format, charts as
 * PNG 16 cm wide with their alt text, the source line and notes under each; what was not made is
 * said with its reason. The zip is rewritten with fixed dates, so the same report gives the same
 * bytes.
 */
import type { Table } from '../tables/table.js';
import { cellText } from '../tables/table.js';
import { SV } from '../texts-sv.js';

export type DocItem =
  | { kind: 'table'; id: string; title: string; table: Table; source: string; notes: string[] }
  | { kind: 'chart'; id: string; title: string; png?: Uint8Array; alt: string; source: string; notes: string[] }
  | { kind: 'skipped'; id: string; title: string; reason: string };

const CM = 360000; // EMU per cm
const caption = (id: string, title: string) => `${id.startsWith('t') ? 'Tabell' : 'Diagram'} ${id.slice(1)}: ${title}`;

/** Width and height of a PNG, from its header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.length);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export async function reportDocx(title: string, items: DocItem[], year: number): Promise<Uint8Array> {
  const d = await import('docx');
  const small = (text: string) => new d.Paragraph({ children: [new d.TextRun({ text, size: 16, color: '555555' })], spacing: { after: 40 } });
  const body: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [new d.Paragraph({ text: title, heading: d.HeadingLevel.TITLE })];
  for (const it of items) {
    body.push(new d.Paragraph({ text: caption(it.id, it.title), heading: d.HeadingLevel.HEADING_2, keepNext: true }));
    if (it.kind === 'skipped') {
      body.push(new d.Paragraph({ children: [new d.TextRun({ text: `${SV.docxNotMade}: ${it.reason}`, italics: true })] }));
      continue;
    }
    if (it.kind === 'table') {
      const t = it.table;
      const numeric = t.columns.map((_, i) => t.rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === 'X' || r[i] === '–' || r[i] === '.'));
      const cell = (text: string, i: number, bold = false) =>
        new d.TableCell({ children: [new d.Paragraph({ alignment: numeric[i] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [new d.TextRun({ text, bold, size: 18 })] })] });
      const text = (c: Table['rows'][number][number], i: number) => {
        const s = cellText(c, t.columns[i], ',');
        return typeof c === 'number' && Math.abs(c) >= 1000 && !/kod$/i.test(t.columns[i].name) ? s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : s;
      };
      body.push(
        new d.Table({
          width: { size: 100, type: d.WidthType.PERCENTAGE },
          rows: [
            new d.TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c.name, i, true)) }),
            ...t.rows.map((r) => new d.TableRow({ children: r.map((c, i) => cell(text(c, i), i)) })),
          ],
        }),
      );
    } else if (it.png) {
      const { width, height } = pngSize(it.png);
      const w = 16 * CM;
      body.push(
        new d.Paragraph({
          children: [
            new d.ImageRun({
              type: 'png',
              data: it.png,
              transformation: { width: Math.round((w / CM) * 37.8), height: Math.round(((w * height) / width / CM) * 37.8) },
              altText: { title: it.title, description: it.alt, name: it.id },
            }),
          ],
        }),
      );
    } else body.push(new d.Paragraph({ children: [new d.TextRun({ text: SV.docxNoPng, italics: true })] }));
    body.push(small(it.source), ...it.notes.map(small));
  }
  const doc = new d.Document({ creator: 'bistand', title, description: title, sections: [{ children: body }] });
  const packed = await d.Packer.toBuffer(doc);
  return fixedDates(packed, year);
}

/** The package rewritten with one date for every entry and in its core properties. */
async function fixedDates(docx: Uint8Array, year: number): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(docx);
  const date = new Date(Date.UTC(year, 0, 1));
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}$2`);
    zip.file('docProps/core.xml', xml, { date });
  }
  zip.forEach((_, f) => {
    f.date = date;
  });
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
}
