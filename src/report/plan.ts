/**
 * The report planned as values: every file of the region and of each municipality (tables with
 * their reader's form, charts as Vega-Lite specs with the data behind them), the document that
 * rapport.html and rapport.docx render, the workbook's sheets and index.md. Pure: no bytes, no
 * threads; emit.ts turns a plan into files.
 */
import type { TopLevelSpec } from 'vega-lite';
import { slugify } from '../domain/fold.js';
import { chartSpec, documentSpec } from '../charts/spec.js';
import { RANKED_FROM, ranked } from '../charts/ranked-spec.js';
import { PRINT_DPI } from '../charts/render.js';
import type { ChartData, SurveyChart } from '../charts/types.js';
import { surveySpec } from '../charts/survey-spec.js';
import type { Sheet } from '../io/xlsx-table.js';
import type { Table } from '../tables/table.js';
import { SV, readerForm } from '../texts-sv.js';
import { markdownText } from '../text.js';
import { similarGroupOf } from '../io/groups.js';
import { areaName, type Output, type ReportContext } from './context.js';
import { COST_TREND, DURATION_TRENDS, comparisonsOf, costFigure, keyFigures, overviewTable, profileTable, trendChart, trendFigure } from './profile.js';
import { draftText, profileDraft, surveyDraft, tableDraft } from './draft.js';
import { membersMissingNote } from './points.js';
import { DocItem, DocSection, ReportDocument, WIDE_TABLE, numberedCaption } from './document.js';

/** A table's three files: .csv (machine names), .sv.csv and .md (the reader's form). */
export interface PlannedTable {
  kind: 'table';
  base: string;
  table: Table;
  reader: Table;
  title: string;
  /** lines under the table in .md: its source and notes */
  notes: string[];
  /** columns of the .sv.csv that hold codes, kept as text for Excel */
  codeColumns: number[];
}

/** A chart's files: its spec (.vl.json), .svg, .png and the data behind it (.csv). */
export interface PlannedChart {
  kind: 'chart';
  base: string;
  spec: TopLevelSpec;
  data: Table;
  /** the PNG's resolution */
  dpi: number;
  /** a copy of a region chart that highlights one municipality: all copies of a chart are laid out by one view */
  copyOf?: { chart: string; code: string };
}

export type PlannedFile = PlannedTable | PlannedChart;

/** A chart as rapport.html and rapport.docx show it (no title: the caption is its title), drawn for them only. */
export interface PlannedPicture {
  /** the name a document's chart item gives */
  name: string;
  spec: TopLevelSpec;
  dpi: number;
}

export interface ReportPlan {
  /** tables and charts in report order: the region's, then each municipality's */
  files: PlannedFile[];
  /** what rapport.html and rapport.docx hold; a chart names its picture */
  document: ReportDocument;
  /** the documents' charts, in document order */
  pictures: PlannedPicture[];
  /** the draft text of a folder's outputs as Markdown (region/text.md, each municipality's), for those who write elsewhere */
  texts: { path: string; lines: string[] }[];
  /** tabeller.xlsx, a sheet a table; empty when nothing was made (then no documents either) */
  sheets: Sheet[];
  /** the minimum count the workbook's legend states, when small counts are hidden */
  minCount?: number;
  index: string[];
  png: boolean;
  pdf: boolean;
}

/**
 * Screen resolution (150 dpi) for a ranked chart (a list of 290 bars a metre long at 300 dpi
 * holds 100 MB of pixels while it renders) and for the profiles of a large region, where 290
 * print-size PNGs would double the national report's time and memory.
 */
export const SCREEN_DPI = 150;

/** A municipality's trend on its compact page, in cm. */
const COMPACT_TREND_CM = 12;

/** The data behind a chart, as its .csv and its workbook sheet hold it. */
export function chartTable(c: ChartData): Table {
  return {
    columns: [
      { name: 'kommun_code' },
      { name: 'kommun_name' },
      { name: 'year' },
      { name: 'series' },
      { name: 'numerator' },
      { name: 'denominator' },
      c.unit === 'kr' ? { name: 'value_kr', decimals: 0 } : { name: 'share_pct', decimals: 1 },
      { name: 'status' },
      { name: 'region_figure' },
      { name: 'drawn' },
    ],
    rows: c.points.map((p) => [p.code, p.name, p.year, p.series, p.numerator, p.denominator, p.pct, p.status, p.method ?? '', p.drawn === false ? 'no' : 'yes']),
  };
}

/** The data behind a survey diagram: the mean (or share) of each item, with its n. */
export function surveyTable(c: SurveyChart): Table {
  const gap = c.template === 'gap';
  return {
    columns: [
      { name: 'item' },
      { name: c.template === 'tenure' ? 'share_pct' : gap ? 'importance_mean' : 'mean', decimals: c.template === 'tenure' ? 0 : 2 },
      { name: c.template === 'tenure' ? 'staff' : 'n' },
      ...(gap ? [{ name: 'fulfilment_mean', decimals: 2 }, { name: 'fulfilment_n' }, { name: 'gap', decimals: 2 }] : []),
      ...(c.respondents ? [{ name: 'respondents_used' }, { name: 'respondents_left_out' }] : []),
    ],
    rows: c.bars.map((b) => [b.label, b.value, b.n, ...(gap ? [b.second ?? null, b.n2 ?? 0, b.gap ?? null] : []), ...(c.respondents ? [c.respondents.used, c.respondents.leftOut] : [])]),
  };
}

const altOf = (spec: TopLevelSpec) => (typeof spec.description === 'string' ? spec.description : '');

/** Collects the files of a plan and the document items that show them. */
class Planner {
  readonly files: PlannedFile[] = [];
  readonly pictures: PlannedPicture[] = [];

  table(base: string, o: { title: string; source: string; notes: string[] }, table: Table, reader = readerForm(table), codeColumns: number[] = []): PlannedTable {
    const t: PlannedTable = { kind: 'table', base, table, reader, title: o.title, notes: [o.source, ...o.notes], codeColumns };
    this.files.push(t);
    return t;
  }

  chart(base: string, spec: TopLevelSpec, data: Table, dpi: number, copyOf?: PlannedChart['copyOf']): PlannedChart {
    const c: PlannedChart = { kind: 'chart', base, spec, data, dpi, ...(copyOf ? { copyOf } : {}) };
    this.files.push(c);
    return c;
  }

  /** A document's item showing chart `c`, and the picture it shows. */
  chartItem(anchor: string, caption: string, c: PlannedChart, o: { source: string; notes: string[] }, width?: number): DocItem {
    const picture: PlannedPicture = { name: `${c.base}#dokument`, spec: documentSpec(c.spec), dpi: c.dpi };
    this.pictures.push(picture);
    return { kind: 'chart', anchor, caption, picture: picture.name, alt: altOf(c.spec), source: o.source, notes: o.notes, ...(width ? { width } : {}) };
  }
}

const tableItem = (anchor: string, caption: string, t: PlannedTable, o: { source: string; notes: string[] }): DocItem => ({ kind: 'table', anchor, caption, table: t.reader, source: o.source, notes: o.notes });

/** Every output of the region, a folder per municipality, index.md listing them, and the report as documents (in Swedish). */
export function planReport(ctx: ReportContext, outputs: Output[]): ReportPlan {
  const p = new Planner();
  const title = SV.reportTitle(ctx.year, ctx.region.name);
  const index: string[] = [`# ${markdownText(title)}`, ''];
  const png = ctx.png !== false;
  const img = png ? 'png' : 'svg';
  const draft = !ctx.suppress.enabled;
  const sheets: Sheet[] = [];
  const region: DocSection = { anchor: 'regionen', heading: SV.docRegion, items: [] };
  const kommuner: DocSection = { anchor: 'kommunerna', heading: SV.docKommuner, items: [], sections: [] };
  if (draft) index.push(SV.indexUnsuppressed(ctx.suppress.minCount - 1), '');
  index.push(SV.indexRegion, '');
  for (const o of outputs) {
    if (o.kind === 'skipped') {
      index.push(SV.indexSkipped(o.id.toUpperCase(), markdownText(o.title), markdownText(o.reasonSv)));
      region.items.push({ kind: 'skipped', anchor: o.id, caption: numberedCaption(o.id, o.title), reason: o.reasonSv });
      continue;
    }
    const base = `region/${o.id}-${o.slug}`;
    const caption = numberedCaption(o.id, o.title);
    let data: Table;
    if (o.kind === 'table') {
      const { reader, codeColumns } = readerOf(o, o.table);
      const t = p.table(base, o, o.table, reader, codeColumns);
      const text = tableDraft(ctx, o);
      region.items.push({ ...tableItem(o.id, caption, t, o), ...(text ? { draft: text } : {}) });
      data = o.table;
    } else {
      const c =
        o.kind === 'survey'
          ? p.chart(base, surveySpec(o, draft), surveyTable(o), PRINT_DPI)
          : p.chart(base, chartSpec({ ...o, draft }), chartTable(o), ranked(o) ? SCREEN_DPI : PRINT_DPI);
      const text = o.kind === 'chart' ? draftText(ctx, o) : surveyDraft(o);
      region.items.push({ ...p.chartItem(o.id, caption, c, o), ...(text ? { draft: text } : {}) });
      data = c.data;
    }
    sheets.push({ name: o.id.toUpperCase(), title: `${o.id.toUpperCase()} ${o.title}`, table: readerForm(data), notes: [o.source, ...o.notes] });
    index.push(`- **${o.id.toUpperCase()}** [${markdownText(o.title)}](${base}.${o.kind === 'table' ? 'md' : img}) (${o.kind === 'table' ? SV.indexTable : SV.indexChart(png)})`);
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
    const t = p.table('region/oversikt', { title, source: SV.profileSource, notes: [] }, table, reader, [0]);
    region.items.push(tableItem('oversikt', title, t, { source: SV.profileSource, notes: [] }));
    sheets.push({ name: SV.overviewSheet, title, table: reader, notes: [SV.profileSource] });
    index.push('', `- [${markdownText(title)}](region/oversikt.md) (${SV.indexTable})`);
  }
  index.push('', SV.indexKommuner, '');
  const texts: ReportPlan['texts'] = [];
  const regionText = draftMarkdown(region);
  if (regionText.length) texts.push({ path: 'region/text.md', lines: regionText });
  const d1 = outputs.find((o): o is ChartData & { id: 'd1' } => o.kind === 'chart' && o.id === 'd1');
  const share = figures.find((k) => k.id === 'population_share');
  const cost = ctx.facts.has('N31008') ? costFigure(ctx) : undefined;
  // the long-term trends' source: D4's (the register's, or Kolada's N31814 / U31801)
  const durationSource = outputs.find((o): o is ChartData & { id: 'd4' } => o.kind === 'chart' && o.id === 'd4')?.source ?? SV.koladaSource('N31814, U31801', ctx.credit, ctx.koladaFetched);
  const membersLeftOut = d1 && membersMissingNote(ctx, d1.points);
  const similar = (name: string) => similarGroupOf(ctx.groups, name);
  const large = ctx.region.codes.length > RANKED_FROM;
  const appendix = ctx.appendix ?? 'compact';
  // the documents' section of a municipality: compact, its key figures and trend (its folder holds every file)
  const full = appendix === 'full';
  for (const code of ctx.region.codes) {
    const area = ctx.areas(code)!;
    const folder = `kommun/${code}-${slugify(area.name)}`;
    const profile: DocSection = { anchor: `kommun-${code}`, heading: `${code} ${area.name}`, items: [] };
    const listed: string[] = [];
    const cmps = comparisonsOf(ctx, code, ctx.groups, similar);
    if (figures.length) {
      const { table, reader } = profileTable(ctx, code, figures, cmps, cache);
      const title = SV.profileTitle(area.name, ctx.year);
      const t = p.table(`${folder}/nyckeltal`, { title, source: SV.profileSource, notes: [] }, table, reader);
      const text = profileDraft(ctx, code, figures, cmps, cache);
      profile.items.push({ ...tableItem(`k${code}-nyckeltal`, title, t, { source: SV.profileSource, notes: [] }), ...(text ? { draft: text } : {}) });
      listed.push(`[${SV.indexKeyFigures}](${folder}/nyckeltal.md)`);
    }
    for (const o of outputs) {
      // a chart of many areas is ranked: a copy per municipality would only repeat it
      // (one municipality's report: the region's chart is already its own)
      if (o.kind === 'chart' && o.codes.includes(code) && o.codes.length > 1 && o.template === 'grouped' && !ranked(o)) {
        const c = p.chart(`${folder}/${o.id}-${o.slug}`, chartSpec({ ...o, draft }, { code, name: area.name }), chartTable(o), PRINT_DPI, { chart: o.id, code });
        if (full) profile.items.push(p.chartItem(`k${code}-${o.id}`, o.title, c, o));
        listed.push(`[${o.id.toUpperCase()}](${c.base}.${img})`);
      }
      if (o.kind === 'table' && o.codeColumn !== undefined) {
        const own = { ...o.table, rows: o.table.rows.filter((r) => r[o.codeColumn!] === code) };
        const r = readerOf(o, own);
        const t = p.table(`${folder}/${o.id}-${o.slug}`, o, own, r.reader, r.codeColumns);
        if (full) profile.items.push(tableItem(`k${code}-${o.id}`, o.title, t, o));
        listed.push(`[${o.id.toUpperCase()}](${t.base}.md)`);
      }
    }
    if (d1 && share) {
      // D1's notes but those of the region's figure and of its members without a value (a
      // municipality's trend listed every municipality of Riket without one)
      const notes = d1.notes.filter((n) => !/ovägt medel|sammanvägt/.test(n) && n !== membersLeftOut);
      const long = trendFigure(ctx, share);
      const trend: ChartData = { ...trendChart(ctx, code, long.figure, cmps, cache, d1.source, long.note ? [...notes, long.note] : notes), draft };
      const c = p.chart(`${folder}/${trend.id}-${trend.slug}`, chartSpec(trend), chartTable(trend), large ? SCREEN_DPI : PRINT_DPI);
      // a compact page holds the key figures and the trend: the trend 12 cm wide (its text still 7 pt or more)
      profile.items.push(p.chartItem(`k${code}-trend`, trend.title, c, trend, full ? undefined : COMPACT_TREND_CM));
      listed.push(`[${SV.indexTrend}](${c.base}.${img})`);
    }
    if (cost) {
      // what it costs over the same years, against Kolada's county and Riket: in the folder, and
      // in the document with the full appendix (the compact page holds the key figures and one trend)
      const t: ChartData = { ...trendChart(ctx, code, cost, cmps, cache, SV.koladaSource('N31008', ctx.credit, ctx.koladaFetched), [SV.markersKolada], COST_TREND), id: 'trend', draft };
      if (t.points.some((pt) => pt.code === code && pt.pct !== null)) {
        const c = p.chart(`${folder}/${t.id}-${t.slug}`, chartSpec(t), chartTable(t), large ? SCREEN_DPI : PRINT_DPI);
        if (full) profile.items.push(p.chartItem(`k${code}-kostnad`, t.title, c, t));
        listed.push(`[${SV.indexCostTrend}](${c.base}.${img})`);
      }
    }
    for (const { figure, kind, index: word } of DURATION_TRENDS) {
      // long-term and very long-term over the trend's years: in the folder, and in the document with
      // the full appendix; only where the inputs reach back before the report's three years (within
      // them, the folder's copy of D4 draws the same figures)
      const k = figures.find((f) => f.id === figure);
      if (!k || !ctx.trendYears.some((y) => y < ctx.years[0])) continue;
      const { figure: drawn, note } = trendFigure(ctx, k);
      const t: ChartData = { ...trendChart(ctx, code, drawn, cmps, cache, durationSource, note ? [note] : [], kind), draft };
      if (!t.points.some((pt) => pt.code === code && pt.pct !== null && pt.year < ctx.years[0])) continue;
      const c = p.chart(`${folder}/${t.id}-${t.slug}`, chartSpec(t), chartTable(t), large ? SCREEN_DPI : PRINT_DPI);
      if (full) profile.items.push(p.chartItem(`k${code}-${kind.slug}`, t.title, c, t));
      listed.push(`[${word}](${c.base}.${img})`);
    }
    index.push(`- ${code} ${area.name}: ${listed.length ? listed.join(', ') : SV.indexNothing}`);
    if (!profile.items.length) profile.lead = SV.docNothing;
    if (appendix !== 'none') kommuner.sections!.push(profile);
    const text = draftMarkdown(profile);
    if (text.length) texts.push({ path: `${folder}/text.md`, lines: text });
  }
  const pdf = ctx.pdf === true;
  // the documents and the workbook only when some output was made
  if (sheets.length) {
    index.push('', SV.indexHtml, ...(pdf ? ['', SV.indexPdf] : []), '', SV.indexDocx(png), '', SV.indexWorkbook);
  }
  index.push('', SV.indexDefinition);
  const minCount = ctx.suppress.enabled ? ctx.suppress.minCount : undefined;
  const document: ReportDocument = { title, year: ctx.year, warning: draft ? SV.docUnsuppressed(ctx.suppress.minCount - 1) : undefined, sections: appendix === 'none' ? [region] : [region, kommuner], closing: SV.indexDefinition, ...(minCount ? { minCount } : {}) };
  return { files: p.files, document, pictures: p.pictures, texts, sheets, minCount, index, png, pdf };
}

/** A section's draft text as Markdown: a heading, then each output's caption and its draft (none: nothing). */
function draftMarkdown(s: DocSection): string[] {
  const items = s.items.filter((it): it is DocItem & { kind: 'table' | 'chart' } => it.kind !== 'skipped' && Boolean(it.draft));
  if (!items.length) return [];
  return [`# ${markdownText(SV.draftLabel)}: ${markdownText(s.heading)}`, '', ...items.flatMap((it) => [`## ${markdownText(it.caption)}`, '', ...it.draft!.split('\n').filter(Boolean).flatMap((l) => [markdownText(l), '']) ])];
}

/**
 * A table's reader form and its columns of codes (kept as text in the .sv.csv). A table of many
 * columns (T5) leaves its codes out: on an A4 page every column must fit its longest word; the
 * .csv keeps them.
 */
function readerOf(o: { codeColumn?: number }, table: Table): { reader: Table; codeColumns: number[] } {
  const code = o.codeColumn;
  if (code === undefined) return { reader: readerForm(table), codeColumns: [] };
  if (table.columns.length <= WIDE_TABLE) return { reader: readerForm(table), codeColumns: [code] };
  return { reader: readerForm({ columns: table.columns.filter((_, i) => i !== code), rows: table.rows.map((r) => r.filter((_, i) => i !== code)) }), codeColumns: [] };
}

