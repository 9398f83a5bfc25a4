/**
 * The report's files: tables as .csv, .sv.csv and .md; charts as .vl.json, .svg, .png and the
 * .csv behind them; the profile folders; index.md. Everything goes into a StagedDir.
 */
import { slugify } from '../domain/fold.js';
import { chartSpec } from '../charts/spec.js';
import { RANKED_FROM, ranked } from '../charts/ranked-spec.js';
import { HighlightedCopies, PRINT_DPI, toPngAsync, toSvg } from '../charts/render.js';
import type { ChartData } from '../charts/types.js';
import { StagedDir } from '../io/staged-dir.js';
import { Sheet, tablesWorkbook } from '../io/xlsx-table.js';
import { formatExcelCsv, formatMarkdown, formatTable } from '../io/write-table.js';
import type { Table } from '../tables/table.js';
import { areaName, type Output, type ReportContext, type TableData } from './context.js';
import { comparisonsOf, keyFigures, overviewTable, profileTable, trendChart } from './profile.js';
import { similarGroupOf } from '../io/groups.js';
import { reportDocx } from './docx.js';
import { DocItem, DocSection, ReportDocument, numberedCaption } from './document.js';
import { reportHtml } from './html.js';
import type { SurveyChart } from '../charts/types.js';
import { surveySpec } from '../charts/survey-spec.js';
import { SV, readerForm } from '../texts-sv.js';
import { markdownText } from '../text.js';


/**
 * The chart's PNG on the thread pool while the next chart is laid out. Laying out is promises
 * only, which never give the event loop a turn: without one a drawn PNG's lane waits for the
 * whole report to be laid out before it takes its next chart (the sample report's PNGs were
 * then all drawn after the last chart was laid out).
 */
async function pngLater(dir: StagedDir, base: string, svg: string, onPng?: (p: Uint8Array) => void, dpi = PRINT_DPI): Promise<void> {
  dir.later(() =>
    toPngAsync(svg, Math.round((16 / 2.54) * dpi), dpi).then((p) => {
      dir.write(`${base}.png`, p);
      onPng?.(p);
    }),
  );
  await new Promise((r) => setImmediate(r));
}

export function writeTable(dir: StagedDir, base: string, o: TableData, t: Table): void {
  // the reader's forms with Swedish headers; the .csv keeps the machine names
  writeTablePair(dir, base, t, readerForm(t), o.title, [o.source, ...o.notes], o.codeColumn === undefined ? [] : [o.codeColumn]);
}

/** What a chart's files hold for the documents: the data behind it, its SVG and alt text. */
export interface ChartWritten {
  table: Table;
  svg: string;
  alt: string;
}

/** A table whose reader's form has headers of its own (the profiles' comparisons are named by area). */
function writeTablePair(dir: StagedDir, base: string, t: Table, reader: Table, title: string, notes: string[], codeCols: number[]): void {
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  dir.write(`${base}.sv.csv`, formatExcelCsv(reader, codeCols));
  dir.write(`${base}.md`, formatMarkdown(reader, title, notes));
}

/**
 * Screen resolution (150 dpi) for a ranked chart (a list of 290 bars a metre long at 300 dpi
 * holds 100 MB of pixels while it renders) and for the profiles of a large region, where 290
 * print-size PNGs would double the national report's time and memory.
 */
export const SCREEN_DPI = 150;

export async function writeChart(dir: StagedDir, base: string, c: ChartData, highlight?: { code: string; name: string }, png = true, onPng?: (p: Uint8Array) => void, dpi = PRINT_DPI, copies?: HighlightedCopies): Promise<ChartWritten> {
  const spec = chartSpec(c, highlight);
  dir.write(`${base}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
  const svg = highlight && copies ? await copies.svg(spec, highlight.code) : await toSvg(spec);
  dir.write(`${base}.svg`, svg);
  // PNGs render on the thread pool while the next chart is laid out
  if (png) await pngLater(dir, base, svg, onPng, ranked(c) ? SCREEN_DPI : dpi);
  const t: Table = {
    columns: [
      { name: 'kommun_code' },
      { name: 'kommun_name' },
      { name: 'year' },
      { name: 'series' },
      { name: 'numerator' },
      { name: 'denominator' },
      { name: 'share_pct', decimals: 1 },
      { name: 'status' },
      { name: 'region_figure' },
      { name: 'drawn' },
    ],
    rows: c.points.map((p) => [p.code, p.name, p.year, p.series, p.numerator, p.denominator, p.pct, p.status, p.method ?? '', p.drawn === false ? 'no' : 'yes']),
  };
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  return { table: t, svg, alt: typeof spec.description === 'string' ? spec.description : '' };
}

/** A survey diagram: the spec, SVG, PNG and the CSV behind it (n per item). */
export async function writeSurveyChart(dir: StagedDir, base: string, c: SurveyChart, draft: boolean, png = true, onPng?: (p: Uint8Array) => void): Promise<ChartWritten> {
  const spec = surveySpec(c, draft);
  dir.write(`${base}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
  const svg = await toSvg(spec);
  dir.write(`${base}.svg`, svg);
  if (png) await pngLater(dir, base, svg, onPng);
  const gap = c.template === 'gap';
  const t: Table = {
    columns: [
      { name: 'item' },
      { name: c.template === 'tenure' ? 'share_pct' : gap ? 'importance_mean' : 'mean', decimals: c.template === 'tenure' ? 0 : 2 },
      { name: c.template === 'tenure' ? 'staff' : 'n' },
      ...(gap ? [{ name: 'fulfilment_mean', decimals: 2 }, { name: 'fulfilment_n' }, { name: 'gap', decimals: 2 }] : []),
      ...(c.respondents ? [{ name: 'respondents_used' }, { name: 'respondents_left_out' }] : []),
    ],
    rows: c.bars.map((b) => [b.label, b.value, b.n, ...(gap ? [b.second ?? null, b.n2 ?? 0, b.gap ?? null] : []), ...(c.respondents ? [c.respondents.used, c.respondents.leftOut] : [])]),
  };
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  return { table: t, svg, alt: typeof spec.description === 'string' ? spec.description : '' };
}

/** A survey diagram written ahead, and its PNG once drawn. */
export interface WrittenAhead {
  written: Promise<ChartWritten>;
  holder: { png?: Uint8Array };
}

/**
 * The survey's diagrams written (their PNGs started) while the register's pattern is still being
 * decided: they need no register count, and the main thread would otherwise wait.
 */
export function surveyChartsAhead(dir: StagedDir, ctx: ReportContext, outputs: Output[]): Map<string, WrittenAhead> {
  return new Map(outputs.flatMap((o) => (o.kind === 'survey' ? [[o.id, surveyChartAhead(dir, ctx, o)] as const] : [])));
}

function surveyChartAhead(dir: StagedDir, ctx: ReportContext, o: Output & { kind: 'survey' }): WrittenAhead {
  const ahead = pending((onPng) => writeSurveyChart(dir, `region/${o.id}-${o.slug}`, o, !ctx.suppress.enabled, ctx.png !== false, onPng));
  // awaited by writeReport; a failure before it gets there is its error, not an unhandled one
  ahead.written.catch(() => undefined);
  return ahead;
}

/** A chart being written, and the holder its PNG lands in. */
function pending(write: (onPng: (p: Uint8Array) => void) => Promise<ChartWritten>): WrittenAhead {
  const holder: { png?: Uint8Array } = {};
  return { written: write((p) => (holder.png = p)), holder };
}

/** Every output of the region, a folder per municipality, index.md listing them, and the report as documents (in Swedish). */
export async function writeReport(dir: StagedDir, ctx: ReportContext, outputs: Output[], ahead = new Map<string, WrittenAhead>()): Promise<void> {
  const title = SV.reportTitle(ctx.year, ctx.region.name);
  const index: string[] = [`# ${markdownText(title)}`, ''];
  const img = ctx.png === false ? 'svg' : 'png';
  const png = ctx.png !== false;
  const draft = !ctx.suppress.enabled;
  // every table and every chart's data in one workbook, a sheet each
  const sheets: Sheet[] = [];
  // the documents: the region's outputs in order, then the municipalities
  const region: DocSection = { anchor: 'regionen', heading: SV.docRegion, items: [] };
  const kommuner: DocSection = { anchor: 'kommunerna', heading: SV.docKommuner, items: [], sections: [] };
  const chartItem = (anchor: string, caption: string, w: ChartWritten, o: { source: string; notes: string[] }): DocItem & { kind: 'chart' } => ({ kind: 'chart', anchor, caption, svg: w.svg, alt: w.alt, source: o.source, notes: o.notes });
  if (draft) index.push(SV.indexUnsuppressed(ctx.suppress.minCount - 1), '');
  index.push(SV.indexRegion, '');
  for (const o of outputs) {
    await signalsHeard();
    if (o.kind === 'skipped') {
      index.push(SV.indexSkipped(o.id.toUpperCase(), markdownText(o.title), markdownText(o.reasonSv)));
      region.items.push({ kind: 'skipped', anchor: o.id, caption: numberedCaption(o.id, o.title), reason: o.reasonSv });
      continue;
    }
    const base = `region/${o.id}-${o.slug}`;
    const caption = numberedCaption(o.id, o.title);
    let data: Table;
    if (o.kind === 'table') {
      writeTable(dir, base, o, o.table);
      region.items.push({ kind: 'table', anchor: o.id, caption, table: readerForm(o.table), source: o.source, notes: o.notes });
      data = o.table;
    } else {
      // a survey diagram was written ahead of the pattern (or is now, as it would have been)
      const { written, holder } = o.kind === 'survey' ? (ahead.get(o.id) ?? surveyChartAhead(dir, ctx, o)) : pending((onPng) => writeChart(dir, base, { ...o, draft }, undefined, png, onPng));
      const w = await written;
      region.items.push(withPng(chartItem(o.id, caption, w, o), holder));
      data = w.table;
    }
    sheets.push({ name: o.id.toUpperCase(), title: `${o.id.toUpperCase()} ${o.title}`, table: readerForm(data), notes: [o.source, ...o.notes] });
    index.push(`- **${o.id.toUpperCase()}** [${markdownText(o.title)}](${base}.${o.kind === 'table' ? 'md' : img}) (${o.kind === 'table' ? SV.indexTable : SV.indexChart})`);
    if (o.kind === 'chart') {
      const members = o.codes.filter((k) => ctx.region.codes.includes(k)).length;
      for (const g of o.gaps ?? []) index.push(`  - ${markdownText(SV.indexGaps(g.years.join(', '), g.codes.length, members, g.codes.map((k) => areaName(ctx, k)).join(', ')))}`);
    }
  }
  if (ctx.facts.registerYears.length) {
    // what the register covers, so that a missing extract is seen before a figure is quoted
    const missing = ctx.region.codes.filter((k) => !ctx.facts.covered(k, ctx.year)).map((k) => ctx.areas(k)?.name ?? k);
    const line = SV.indexCoverage(ctx.region.codes.length - missing.length, ctx.region.codes.length, ctx.year, missing.join(', '));
    index.push('', line);
    region.lead = line;
  }
  // the key figures: a table per municipality against its comparisons, and the region's overview
  const figures = keyFigures(ctx);
  const cache = new Map<string, number | null>();
  if (figures.length) {
    const { table, reader } = overviewTable(ctx, figures);
    const title = SV.overviewTitle(ctx.region.name, ctx.year);
    writeTablePair(dir, 'region/oversikt', table, reader, title, [SV.profileSource], [0]);
    region.items.push({ kind: 'table', anchor: 'oversikt', caption: title, table: reader, source: SV.profileSource, notes: [] });
    sheets.push({ name: SV.overviewSheet, title, table: reader, notes: [SV.profileSource] });
    index.push('', `- [${markdownText(title)}](region/oversikt.md) (${SV.indexTable})`);
  }
  index.push('', SV.indexKommuner, '');
  const d1 = outputs.find((o): o is ChartData & { id: 'd1' } => o.kind === 'chart' && o.id === 'd1');
  const share = figures.find((k) => k.id === 'population_share');
  const similar = (name: string) => similarGroupOf(ctx.groups, name);
  const large = ctx.region.codes.length > RANKED_FROM;
  // each chart's highlighted copies are laid out by one view, kept from municipality to municipality
  const copies = new Map<string, HighlightedCopies>();
  const copiesOf = (id: string) => copies.get(id) ?? copies.set(id, new HighlightedCopies()).get(id)!;
  for (const code of ctx.region.codes) {
    await signalsHeard();
    const area = ctx.areas(code)!;
    const folder = `kommun/${code}-${slugify(area.name)}`;
    const profile: DocSection = { anchor: `kommun-${code}`, heading: `${code} ${area.name}`, items: [] };
    const listed: string[] = [];
    const cmps = comparisonsOf(ctx, code, ctx.groups, similar);
    if (figures.length) {
      const { table, reader } = profileTable(ctx, code, figures, cmps, cache);
      const title = SV.profileTitle(area.name, ctx.year);
      writeTablePair(dir, `${folder}/nyckeltal`, table, reader, title, [SV.profileSource], []);
      profile.items.push({ kind: 'table', anchor: `k${code}-nyckeltal`, caption: title, table: reader, source: SV.profileSource, notes: [] });
      listed.push(`[${SV.indexKeyFigures}](${folder}/nyckeltal.md)`);
    }
    for (const o of outputs) {
      // a chart of many areas is ranked: a copy per municipality would only repeat it
      // (one municipality's report: the region's chart is already its own)
      if (o.kind === 'chart' && o.codes.includes(code) && o.codes.length > 1 && o.template === 'grouped' && !ranked(o)) {
        const holder: { png?: Uint8Array } = {};
        const w = await writeChart(dir, `${folder}/${o.id}-${o.slug}`, { ...o, draft }, { code, name: area.name }, png, (p) => (holder.png = p), PRINT_DPI, copiesOf(o.id));
        profile.items.push(withPng(chartItem(`k${code}-${o.id}`, o.title, w, o), holder));
        listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.${img})`);
      }
      if (o.kind === 'table' && o.codeColumn !== undefined) {
        const rows = o.table.rows.filter((r) => r[o.codeColumn!] === code);
        writeTable(dir, `${folder}/${o.id}-${o.slug}`, o, { ...o.table, rows });
        profile.items.push({ kind: 'table', anchor: `k${code}-${o.id}`, caption: o.title, table: readerForm({ ...o.table, rows }), source: o.source, notes: o.notes });
        listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.md)`);
      }
    }
    if (d1 && share) {
      const trend = { ...trendChart(ctx, code, share, cmps, cache, d1.source, d1.notes.filter((n) => !/ovägt medel|sammanvägt/.test(n))), draft };
      const holder: { png?: Uint8Array } = {};
      const w = await writeChart(dir, `${folder}/${trend.id}-${trend.slug}`, trend, undefined, png, (p) => (holder.png = p), large ? SCREEN_DPI : PRINT_DPI);
      profile.items.push(withPng(chartItem(`k${code}-trend`, trend.title, w, trend), holder));
      listed.push(`[${SV.indexTrend}](${folder}/${trend.id}-${trend.slug}.${img})`);
    }
    index.push(`- ${code} ${area.name}: ${listed.length ? listed.join(', ') : SV.indexNothing}`);
    if (!profile.items.length) profile.lead = SV.docNothing;
    kommuner.sections!.push(profile);
  }
  for (const c of copies.values()) c.finalize();
  // the documents and the workbook only when some output was made
  if (sheets.length) {
    dir.write('tabeller.xlsx', await tablesWorkbook(sheets, { minCount: ctx.suppress.enabled ? ctx.suppress.minCount : undefined }));
    const doc: ReportDocument = { title, year: ctx.year, warning: draft ? SV.docUnsuppressed(ctx.suppress.minCount - 1) : undefined, sections: [region, kommuner], closing: SV.indexDefinition };
    const html = reportHtml(doc);
    dir.write('rapport.html', html);
    // the charts' PNGs are drawn on the lanes: the Word file is written meanwhile and takes them in at the end
    dir.write('rapport.docx', await reportDocx(doc, png ? dir.settled() : undefined));
    if (ctx.pdf) dir.write('rapport.pdf', await ctx.pdf(html, ctx.year));
    index.push('', SV.indexHtml, '', SV.indexDocx, '', SV.indexWorkbook);
    if (ctx.pdf) index.push('', SV.indexPdf);
  }
  index.push('', SV.indexDefinition);
  dir.write('index.md', index.join('\n') + '\n');
}

/**
 * A turn of the event loop: without PNGs to wait for, the report is one long chain of promises
 * that resolve at once, and a SIGINT or SIGTERM would be heard only after the report was
 * published. Between outputs and municipalities the signal handler gets its turn.
 */
export const signalsHeard = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The item, given its PNG once the lane has drawn it (the Word file is written after they settle). */
function withPng<T extends { png?: Uint8Array }>(item: T, holder: { png?: Uint8Array }): T {
  return Object.defineProperty(item, 'png', { get: () => holder.png, enumerable: true });
}
