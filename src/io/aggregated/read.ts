/**
 * Any aggregated input (SPEC §3.2) → tidy rows, as an arquero table with explicit column
 * types. Which layout a file has is detected from its content (`--as` forces it).
 *
 *   bytes → text (BOM, UTF-8 or Windows-1252) → JSON documents | CSV records
 *         → detect layout → sdb | kolada (json, csv) | oj | population → TidyRow[]
 */
import * as aq from 'arquero';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { NameIndex } from '../../domain/names.js';
import { TidyRow } from '../../domain/tidy.js';
import { DATA_DIR, loadMunicipalities } from '../reference.js';
import { looksLikeKoladaCsv, looksLikeKoladaJson, parseJsonDocuments, readKoladaCsv, readKoladaJson } from './kolada.js';
import { looksLikeOj, readOj } from './oj.js';
import { looksLikeJsonStat, looksLikePopulation, looksLikePxWebJson, readPopulation, readPopulationJson, readPopulationPx } from './population.js';
import { looksLikePcAxis, parsePcAxis, readPcAxisValues } from './pcaxis.js';
import { ReadContext, Rec, toRecords } from './records.js';
import { decodeDetected } from '../encoding.js';
import { readSmallCsv } from '../small-csv.js';
import { isSdbFooter, isTitle, readSdb } from './sdb.js';
import { mapColumns } from '../register/index.js';
import { foldHeader } from '../../domain/fold.js';

import { Layout } from '../../domain/tidy.js';
export { LAYOUTS, type Layout } from '../../domain/tidy.js';

export interface AggregatedRead {
  layout: string;
  rows: TidyRow[];
  /** group rows skipped, by name */
  skipped: Map<string, number>;
  /** SCB values of 0 inhabitants read as not applicable (the area did not exist yet) */
  zeros?: number;
  /** rows of delimiters only, skipped */
  emptyRows?: number;
  /** Kolada values flagged isdeleted, dropped */
  deleted?: number;
  /** a population by month: the month each year without December was taken at */
  months?: string[];
  /** a population's age groups that give no 18+ (its total only) */
  noAdults?: string[];
  /** SCB's Cell Key Method in the table: parts need not sum to the total */
  noise?: boolean;
  /** the day `bistand fetch` fetched the file (its `bistand.fetched`) */
  fetched?: string;
}

export interface AggregatedOptions {
  as?: Layout;
  period?: string;
  nameMap?: string;
}

let index: NameIndex | undefined;
let kpiTitles: Map<string, string> | undefined;

export function nameIndex(): NameIndex {
  if (index) return index;
  const text = readFileSync(DATA_DIR + 'socialstyrelsen_regions.csv', 'utf8');
  const recs: string[][] = parse(text, { from_line: 2 });
  index = new NameIndex(
    loadMunicipalities().areas,
    recs.map((r) => [r[1], r[0]] as [string, string]),
  );
  return index;
}

function loadKpiTitles(): Map<string, string> {
  if (kpiTitles) return kpiTitles;
  const recs: string[][] = parse(readFileSync(DATA_DIR + 'kolada_kpi_ekonomiskt_bistand.csv', 'utf8'), { from_line: 2, relax_column_count: true });
  kpiTitles = new Map(recs.map((r) => [r[0], r[1]]));
  return kpiTitles;
}

/** The day a file `bistand fetch` wrote was fetched (its `bistand.fetched`), or undefined for any other file. */
function fetchedOn(docs: unknown[]): string | undefined {
  const fetched = (docs[0] as { bistand?: { fetched?: unknown } } | undefined)?.bistand?.fetched;
  return typeof fetched === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fetched) ? fetched : undefined;
}

export function readAggregated(bytes: Uint8Array, file: string, o: AggregatedOptions = {}): AggregatedRead {
  const names = nameIndex();
  const ctx: ReadContext = { file, names, period: o.period, kpiTitles: loadKpiTitles(), skipped: new Map() };
  if (o.nameMap) applyNameMap(o.nameMap, names);
  // the rows, with what the reader noticed on the way (read after the rows are made)
  const found = (layout: string, rows: TidyRow[], emptyRows?: number): AggregatedRead => ({
    layout,
    rows,
    skipped: ctx.skipped,
    emptyRows,
    deleted: ctx.deleted,
    zeros: ctx.zeros,
    months: ctx.months,
    noAdults: ctx.noAdults,
    noise: ctx.noise,
    fetched: ctx.fetched,
  });
  const text = decodeDetected(bytes);
  if (text.trim() === '') throw new InputError({ file, line: 1 }, msg.emptyFile(), 'give a Statistikdatabasen, Kolada, ÖJ or population file');

  if (/^\s*[[{]/.test(text) && (o.as === undefined || o.as === 'kolada' || o.as === 'population')) {
    const docs = parseJsonDocuments(text, file);
    ctx.fetched = fetchedOn(docs);
    if (o.as !== 'population' && looksLikeKoladaJson(docs)) {
      const rows = readKoladaJson(docs, ctx);
      return found('kolada (API v3 JSON)', rows);
    }
    if (o.as !== 'kolada' && docs.length === 1 && looksLikeJsonStat(docs[0])) return found('population (JSON-stat 2.0)', readPopulationJson(docs[0], ctx));
    if (o.as !== 'kolada' && docs.length === 1 && looksLikePxWebJson(docs[0])) return found('population (PxWeb API v1 JSON)', readPopulationJson(docs[0], ctx));
    throw new InputError({ file, line: 1 }, msg.unknownLayout(known()), msg.unknownLayoutHint());
  }
  if (looksLikePcAxis(text)) {
    const cube = parsePcAxis(text, file);
    const population = o.as === 'population' || (o.as === undefined && /population|folkm[äa]ngd|befolkning/i.test(`${cube.contents} ${cube.title}`));
    return population ? found('population (PC-Axis)', readPopulationPx(cube, ctx)) : found('PC-Axis', readPcAxisValues(cube, ctx));
  }
  const { records, emptyRows } = toRecords(text, file);
  refuseRegister(records, file);
  let layout = o.as ?? detect(records, file);
  let rows: TidyRow[];
  try {
    rows = layout === 'sdb' ? readSdb(records, ctx) : layout === 'kolada' ? readKoladaCsv(records, ctx) : layout === 'oj' ? readOj(records, ctx) : readPopulation(records, ctx);
  } catch (e) {
    // an SCB table of ages that give no population (15–48 years by marital status): its values,
    // as any table's, unless the file was given as a population
    if (!(o.as === undefined && layout === 'population' && e instanceof InputError && isTitle(records))) throw e;
    layout = 'sdb';
    rows = readSdb(records, ctx);
    return found('SCB table (values: its ages give no population)', rows, emptyRows);
  }
  const label = { sdb: 'Statistikdatabasen export', kolada: 'Kolada CSV', oj: 'Öppna jämförelser survey', population: 'population' }[layout];
  return found(label, rows, emptyRows);
}

/**
 * A register extract given where statistics belong (`tidy`, `--kolada`, `--oj` …) would have its
 * person ids printed as values or names: refused whatever `--as` says.
 */
function refuseRegister(records: Rec[], file: string): void {
  const header = (isTitle(records) ? records[1] : records[0])?.fields ?? [];
  const { index } = mapColumns(header);
  // the household file: Personnr1, Personnr2, …
  const household = header.findIndex((h) => /^personnr\d+$/.test(foldHeader(h)));
  if (household >= 0) throw new InputError({ file, line: 1, column: household + 1, columnName: header[household] }, msg.registerNotStatistics(), msg.registerNotStatisticsHint());
  const id = index.person_id;
  if (id === undefined) return;
  // a bare "id" is a register's only with a municipality and a month beside it
  if (foldHeader(header[id]) === 'id' && (index.kommun === undefined || (index.month === undefined && index.period === undefined))) return;
  throw new InputError({ file, line: 1, column: id + 1, columnName: header[id] }, msg.registerNotStatistics(), msg.registerNotStatisticsHint());
}

function known(): string {
  return 'Statistikdatabasen export, Kolada API v3 JSON, Kolada CSV (kpi, municipality_id, year, gender, value or Variabelkod, Kommun, År, Värde), ÖJ survey (Ja/Nej/Delvis), population (region, år, folkmängd; SCB PxWeb CSV, JSON, JSON-stat or PC-Axis), any PC-Axis table';
}

function detect(records: Rec[], file: string): Layout {
  if (records.length === 0) throw new InputError({ file, line: 1 }, msg.emptyFile(), '');
  const body = isTitle(records) ? records.slice(1) : records;
  const header = body[0]?.fields ?? [];
  if (isSdbFooter(records[records.length - 1])) return 'sdb';
  if (!isTitle(records) && scbRegionYears(body)) return 'population';
  if (looksLikeKoladaCsv(header)) return 'kolada';
  if (looksLikePopulation(header)) return 'population';
  if (looksLikeOj(body)) return 'oj';
  if (isTitle(records) || /^(region|kommun|lan|län|område)$/i.test(header[0] ?? '')) return 'sdb';
  // a web form's export of the survey (Google Forms, Microsoft Forms, codes Q7_3): its own reader
  if (header.some((h) => /^\s*(\d+\.\s*i vilken kommun|q\d+_\d+$|tidst[äa]mpel$|timestamp$|start time$)/i.test(h))) throw new InputError({ file, line: 1 }, msg.surveyNotTidy(), msg.surveyNotTidyHint());
  throw new InputError({ file, line: 1 }, msg.unknownLayout(known()), msg.unknownLayoutHint());
}

/**
 * SCB's web export of a population without its title: a region column of SCB's labels
 * (`"01 Stockholm county"`, `"0114 Upplands Väsby"`) and year columns of whole numbers.
 */
function scbRegionYears(body: Rec[]): boolean {
  const [head, ...data] = body;
  if (!head || data.length === 0 || !/^(region|kommun|län|lan|county|municipality)$/i.test(head.fields[0]?.trim() ?? '')) return false;
  if (head.fields.length < 2 || !head.fields.slice(1).every((h) => /^(19|20)\d{2}$/.test(h.trim()))) return false;
  return data.every((r) => /^\d{2,4} \S/.test(r.fields[0] ?? '') && r.fields.slice(1).every((v) => /^\d[\d\s]*$/.test(v.trim())));
}

function applyNameMap(path: string, names: NameIndex): void {
  for (const r of readSmallCsv(path)) {
    const [name, code] = r.fields;
    const area = names.areas.find((a) => a.code === (code ?? '').padStart(4, '0'));
    if (!name || !area) {
      if (r.line === 1) continue; // a header
      throw new InputError({ file: path, line: r.line }, msg.nameMapBad(), msg.nameMapBadHint());
    }
    names.alias(name, area);
  }
}

/** The tidy rows as an arquero table: every column built from typed arrays, never guessed. */
export function toTable(rows: TidyRow[]): aq.ColumnTable {
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra)))];
  const cols: Record<string, unknown[]> = {
    kommun_code: rows.map((r) => r.kommunCode),
    kommun_name: rows.map((r) => r.kommunName),
    measure: rows.map((r) => r.measure),
    period: rows.map((r) => r.period),
    sex: rows.map((r) => r.sex),
    value: rows.map((r) => r.value),
    status: rows.map((r) => r.status),
  };
  for (const e of extras) cols[extraColumnName(e)] = rows.map((r) => r.extra[e] ?? '');
  return aq.table(cols);
}

const TIDY_COLUMNS = new Set(['kommun_code', 'kommun_name', 'measure', 'period', 'sex', 'value', 'status']);

/** An input's own column beside the tidy ones: renamed `input_<name>` when it has one of their names. */
export function extraColumnName(e: string): string {
  return TIDY_COLUMNS.has(e.trim().toLowerCase()) ? `input_${e}` : e;
}
