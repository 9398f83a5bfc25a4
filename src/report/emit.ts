/**
 * A planned report turned into files, the one place with bytes, threads and scheduling:
 *
 *   plan.files ──► tables: .csv .sv.csv .md
 *              └─► charts: .vl.json ──► .svg (laid out here, in order) ──► .png (on the thread pool)
 *   plan.pictures ──► the documents' charts (no title): .svg ──► .png, kept in memory
 *   plan.document + its pictures ──► rapport.html (──► rapport.pdf), rapport.docx
 *   plan.sheets ──► tabeller.xlsx;  plan.texts ──► text.md of each folder;  plan.index ──► index.md
 *
 * Each chart's PNG is drawn on the pool while the next chart is laid out; the Word file, which
 * holds the PNGs, is written once they are all drawn.
 */
import { HighlightedCopies, toPngAsync, toSvg } from '../charts/render.js';
import { StagedDir } from '../io/staged-dir.js';
import { tablesWorkbook } from '../io/xlsx-table.js';
import { formatExcelCsv, formatMarkdown, formatTable } from '../io/write-table.js';
import type { Picture } from './document.js';
import { reportDocx } from './docx.js';
import { reportHtml } from './html.js';
import type { PlannedChart, PlannedTable, ReportPlan } from './plan.js';

/** Prints rapport.html as rapport.pdf (--pdf). */
export type Printer = (html: string, year: number) => Promise<Uint8Array>;

/** A chart 16 cm wide at `dpi`. */
const widthPx = (dpi: number) => Math.round((16 / 2.54) * dpi);

export interface EmitOptions {
  /** prints rapport.html to rapport.pdf, when the plan asks for it */
  print?: Printer;
  /** a template's word/styles.xml for rapport.docx (--template) */
  styles?: string;
}

export async function emit(plan: ReportPlan, dir: StagedDir, { print, styles }: EmitOptions = {}): Promise<void> {
  const pictures = new Map<string, Picture>();
  const drawing: Promise<void>[] = [];
  try {
    await writeFiles(plan, dir, drawing);
    if (plan.sheets.length) await drawPictures(plan, pictures, drawing);
    await Promise.all(drawing);
  } catch (e) {
    // a PNG still being drawn would write into the stage the caller is about to remove
    await Promise.allSettled(drawing);
    throw e;
  }
  if (plan.sheets.length) {
    dir.write('tabeller.xlsx', await tablesWorkbook(plan.sheets, { minCount: plan.minCount }));
    const html = reportHtml(plan.document, pictures);
    dir.write('rapport.html', html);
    dir.write('rapport.docx', await reportDocx(plan.document, pictures, styles));
    if (plan.pdf && print) dir.write('rapport.pdf', await print(html, plan.document.year));
  }
  for (const t of plan.texts) dir.write(t.path, t.lines.join('\n').trimEnd() + '\n');
  dir.write('index.md', plan.index.join('\n') + '\n');
}

/** The tables' and charts' files; each chart's PNG started on the pool, its promise in `drawing`. */
async function writeFiles(plan: ReportPlan, dir: StagedDir, drawing: Promise<void>[]): Promise<void> {
  // each chart's highlighted copies are laid out by one view, kept from municipality to municipality
  const copies = new Map<string, HighlightedCopies>();
  try {
    for (const f of plan.files) {
      // a turn of the event loop: the pool's finished PNGs are taken in, and a SIGINT is heard
      await signalsHeard();
      if (f.kind === 'table') {
        writeTable(dir, f);
        continue;
      }
      const svg = await chartSvg(f, copies);
      dir.write(`${f.base}.vl.json`, JSON.stringify(f.spec, null, 2) + '\n');
      dir.write(`${f.base}.svg`, svg);
      dir.write(`${f.base}.csv`, formatTable(f.data, 'csv'));
      if (plan.png) draw(drawing, svg, f.dpi, (png) => dir.write(`${f.base}.png`, png));
    }
  } finally {
    for (const c of copies.values()) c.finalize();
  }
}

/** The documents' charts, laid out and drawn like the files' but kept for the documents. */
async function drawPictures(plan: ReportPlan, pictures: Map<string, Picture>, drawing: Promise<void>[]): Promise<void> {
  for (const p of plan.pictures) {
    await signalsHeard();
    const picture: Picture = { svg: await toSvg(p.spec) };
    pictures.set(p.name, picture);
    if (plan.png) draw(drawing, picture.svg, p.dpi, (png) => (picture.png = png));
  }
}

/** A PNG started on the pool; its failure is given where `drawing` is awaited, not as an unhandled rejection meanwhile. */
function draw(drawing: Promise<void>[], svg: string, dpi: number, done: (png: Uint8Array) => void): void {
  const png = toPngAsync(svg, widthPx(dpi), dpi).then(done);
  png.catch(() => undefined);
  drawing.push(png);
}

function chartSvg(f: PlannedChart, copies: Map<string, HighlightedCopies>): Promise<string> {
  if (!f.copyOf) return toSvg(f.spec);
  const view = copies.get(f.copyOf.chart) ?? copies.set(f.copyOf.chart, new HighlightedCopies()).get(f.copyOf.chart)!;
  return view.svg(f.spec, f.copyOf.code);
}

function writeTable(dir: StagedDir, t: PlannedTable): void {
  dir.write(`${t.base}.csv`, formatTable(t.table, 'csv'));
  dir.write(`${t.base}.sv.csv`, formatExcelCsv(t.reader, t.codeColumns));
  dir.write(`${t.base}.md`, formatMarkdown(t.reader, t.title, t.notes));
}

/**
 * A turn of the event loop: laying out is promises only, which never give the event loop a
 * turn, so without one a SIGINT or SIGTERM would be heard only after the report was published
 * and the pool's drawn PNGs would wait for the last chart to be laid out.
 */
export const signalsHeard = () => new Promise<void>((resolve) => setImmediate(resolve));
