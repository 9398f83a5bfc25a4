/**
 * The report's files: tables as .csv, .sv.csv and .md; charts as .vl.json, .svg, .png and the
 * .csv behind them; the profile folders; index.md. Everything goes into a StagedDir.
 */
import { slugify } from '../domain/fold.js';
import { chartSpec } from '../charts/spec.js';
import { PRINT_WIDTH_PX, toPngAsync, toSvg } from '../charts/render.js';
import type { ChartData } from '../charts/types.js';
import { StagedDir } from '../io/staged-dir.js';
import { Sheet, tablesWorkbook } from '../io/xlsx-table.js';
import { formatExcelCsv, formatMarkdown, formatTable } from '../io/write-table.js';
import { Table, withHeaders } from '../tables/table.js';
import type { Output, ReportContext, TableData } from './context.js';
import { trendFor } from './outputs/trend.js';
import { DocItem, reportDocx } from './docx.js';
import type { SurveyChart } from '../charts/types.js';
import { surveySpec } from '../charts/survey-spec.js';
import { SV, columnSv } from '../texts-sv.js';


/** The chart's PNG on the thread pool while the next chart is laid out. */
function pngLater(dir: StagedDir, base: string, svg: string, onPng?: (p: Uint8Array) => void): void {
  dir.later(() =>
    toPngAsync(svg, PRINT_WIDTH_PX).then((p) => {
      dir.write(`${base}.png`, p);
      onPng?.(p);
    }),
  );
}

export function writeTable(dir: StagedDir, base: string, o: TableData, t: Table): void {
  const codeCols = o.codeColumn === undefined ? [] : [o.codeColumn];
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  // the reader's forms with Swedish headers; the .csv keeps the machine names
  const sv = withHeaders(t, columnSv);
  dir.write(`${base}.sv.csv`, formatExcelCsv(sv, codeCols));
  dir.write(`${base}.md`, formatMarkdown(sv, o.title, [o.source, ...o.notes]));
}

export async function writeChart(dir: StagedDir, base: string, c: ChartData, highlight?: { code: string; name: string }, png = true, onPng?: (p: Uint8Array) => void): Promise<Table> {
  const spec = chartSpec(c, highlight);
  dir.write(`${base}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
  const svg = await toSvg(spec);
  dir.write(`${base}.svg`, svg);
  // PNGs render on the thread pool while the next chart is laid out
  if (png) pngLater(dir, base, svg, onPng);
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
  return t;
}

/** A chart's alt text, as its spec holds it (`description`). */
function altOf(dir: StagedDir, base: string): string {
  return (JSON.parse(dir.read(`${base}.vl.json`)) as { description?: string }).description ?? '';
}

/** A survey diagram: the spec, SVG, PNG and the CSV behind it (n per item). */
export async function writeSurveyChart(dir: StagedDir, base: string, c: SurveyChart, draft: boolean, png = true, onPng?: (p: Uint8Array) => void): Promise<Table> {
  const spec = surveySpec(c, draft);
  dir.write(`${base}.vl.json`, JSON.stringify(spec, null, 2) + '\n');
  const svg = await toSvg(spec);
  dir.write(`${base}.svg`, svg);
  if (png) pngLater(dir, base, svg, onPng);
  const gap = c.template === 'gap';
  const t: Table = {
    columns: [
      { name: 'item' },
      { name: c.template === 'tenure' ? 'share_pct' : gap ? 'importance_mean' : 'mean', decimals: c.template === 'tenure' ? 0 : 2 },
      { name: c.template === 'tenure' ? 'staff' : 'n' },
      ...(gap ? [{ name: 'fulfilment_mean', decimals: 2 }, { name: 'fulfilment_n' }, { name: 'gap', decimals: 2 }] : []),
    ],
    rows: c.bars.map((b) => [b.label, b.value, b.n, ...(gap ? [b.second ?? null, b.n2 ?? 0, b.gap ?? null] : [])]),
  };
  dir.write(`${base}.csv`, formatTable(t, 'csv'));
  return t;
}

/** Every output of the region, a folder per municipality, and index.md listing them (in Swedish). */
export async function writeReport(dir: StagedDir, ctx: ReportContext, outputs: Output[]): Promise<void> {
  const index: string[] = [SV.indexTitle(ctx.year, ctx.region.name), ''];
  const img = ctx.png === false ? 'svg' : 'png';
  // every table and every chart's data in one workbook, a sheet each
  const sheets: Sheet[] = [];
  // the Word document: the region's outputs in order
  const doc: DocItem[] = [];
  if (!ctx.suppress.enabled) index.push(SV.indexUnsuppressed(ctx.suppress.minCount - 1), '');
  index.push(SV.indexRegion, '');
  for (const o of outputs) {
    if (o.kind === 'skipped') {
      index.push(SV.indexSkipped(o.id.toUpperCase(), o.title, o.reasonSv));
      doc.push({ kind: 'skipped', id: o.id, title: o.title, reason: o.reasonSv });
      continue;
    }
    const base = `region/${o.id}-${o.slug}`;
    if (o.kind === 'table') writeTable(dir, base, o, o.table);
    const item: DocItem = o.kind === 'table' ? { kind: 'table', id: o.id, title: o.title, table: withHeaders(o.table, columnSv), source: o.source, notes: o.notes } : { kind: 'chart', id: o.id, title: o.title, alt: '', source: o.source, notes: o.notes };
    doc.push(item);
    const onPng = (p: Uint8Array) => item.kind === 'chart' && (item.png = p);
    const data =
      o.kind === 'table'
        ? o.table
        : o.kind === 'survey'
          ? await writeSurveyChart(dir, base, o, !ctx.suppress.enabled, ctx.png !== false, onPng)
          : await writeChart(dir, base, { ...o, draft: !ctx.suppress.enabled }, undefined, ctx.png !== false, onPng);
    if (item.kind === 'chart') item.alt = altOf(dir, base);
    sheets.push({ name: o.id.toUpperCase(), title: `${o.id.toUpperCase()} ${o.title}`, table: withHeaders(data, columnSv) });
    index.push(`- **${o.id.toUpperCase()}** [${o.title}](${base}.${o.kind === 'table' ? 'md' : img}) (${o.kind === 'table' ? SV.indexTable : SV.indexChart})`);
  }
  if (ctx.facts.registerYears.length) {
    // what the register covers, so that a missing extract is seen before a figure is quoted
    const missing = ctx.region.codes.filter((k) => !ctx.facts.covered(k, ctx.year)).map((k) => ctx.areas(k)?.name ?? k);
    index.push('', SV.indexCoverage(ctx.region.codes.length - missing.length, ctx.region.codes.length, ctx.year, missing.join(', ')));
  }
  index.push('', SV.indexKommuner, '');
  const d1 = outputs.find((o): o is ChartData & { id: 'd1' } => o.kind === 'chart' && o.id === 'd1');
  for (const code of ctx.region.codes) {
    const area = ctx.areas(code)!;
    const folder = `kommun/${code}-${slugify(area.name)}`;
    const listed: string[] = [];
    for (const o of outputs) {
      if (o.kind === 'chart' && o.codes.includes(code) && o.template === 'grouped') {
        await writeChart(dir, `${folder}/${o.id}-${o.slug}`, { ...o, draft: !ctx.suppress.enabled }, { code, name: area.name }, ctx.png !== false);
        listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.${img})`);
      }
      if (o.kind === 'table' && o.codeColumn !== undefined) {
        const rows = o.table.rows.filter((r) => r[o.codeColumn!] === code);
        writeTable(dir, `${folder}/${o.id}-${o.slug}`, o, { ...o.table, rows });
        listed.push(`[${o.id.toUpperCase()}](${folder}/${o.id}-${o.slug}.md)`);
      }
    }
    if (d1) {
      const trend = { ...trendFor(ctx, d1, code), draft: !ctx.suppress.enabled };
      await writeChart(dir, `${folder}/${trend.id}-${trend.slug}`, trend, undefined, ctx.png !== false);
      listed.push(`[${SV.indexTrend}](${folder}/${trend.id}-${trend.slug}.${img})`);
    }
    index.push(`- ${code} ${area.name}: ${listed.length ? listed.join(', ') : SV.indexNothing}`);
  }
  if (sheets.length) {
    dir.write('tabeller.xlsx', await tablesWorkbook(sheets));
    index.push('', SV.indexWorkbook);
  }
  // a document only when some output was made; the charts' PNGs are drawn on the lanes, so it waits for them
  if (sheets.length) {
    await dir.settled();
    dir.write('rapport.docx', await reportDocx(SV.indexTitle(ctx.year, ctx.region.name).replace(/^#\s*/, ''), doc, ctx.year));
    index.push('', SV.indexDocx);
  }
  index.push('', SV.indexDefinition);
  dir.write('index.md', index.join('\n') + '\n');
}
