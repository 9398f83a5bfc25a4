/**
 * From a register extract to the per-municipality tables of `classify` and `reasons`.
 *
 *   source (file | stdin)
 *     │  io/source
 *     ▼
 *   read + validate ── bad rows ──► --rejects FILE (or stop at the first)
 *     │  io/register: a large file in two byte ranges, one a thread, merged
 *     │    bytes → row loop (register/fast, plain rows) | CsvScanner + RegisterSink.row (the rest)
 *     │          → batch → id table (byte-intern) → PersonState (typed arrays, one record a person)
 *     ▼
 *   match reason labels            domain/reasons (+ --hinder-map)
 *     ▼
 *   classify + aggregate           domain/classify, domain/months
 *     ▼
 *   suppress small counts          domain/suppress
 *     ▼
 *   region filter (--region)       domain/municipalities
 *     ▼
 *   suppress small counts + table  tables/register-tables, domain/suppress
 *
 * `runRegister` runs the stages up to classify (the report uses it too), `runRegisterTable`
 * all of them. Both return their result and their notes; writing is the CLI's.
 */
import { ByteSource } from '../io/source.js';
import { NoteLog, Piped } from '../notes.js';
import { ReadOptions, RegisterRead, Rejected, readRegister } from '../io/register/index.js';
import { SuppressOptions } from '../domain/suppress.js';
import { Region } from '../domain/municipalities.js';
import { Pattern, decidePattern, printableRegions } from '../domain/disclosure.js';
import { decideParts } from '../domain/disclosure/parts.js';
import { onThread } from '../threads/pool.js';
import { SuppressedTable, classifyTable, leftOut, reasonsTable } from '../tables/register-tables.js';
import { loadHinderMap } from '../io/hinder-map.js';
import { Breakdown, Classification, classify } from '../domain/classify.js';
import { Coverage } from '../domain/coverage.js';
import { InputError } from '../errors.js';
import * as msg from '../messages.js';
import { GapRule } from '../domain/months.js';
import type { Encoding } from '../io/encoding.js';
import { layoutFor } from '../domain/person-state.js';
import { GROUP_INDEX, REASONS, ReasonMatcher } from '../domain/reasons.js';

/** What a run reads and how: the reader's options (io/register ReadOptions) but the window, which follows from the years. */
export interface RegisterRun extends Omit<ReadOptions, 'layout'> {
  years: number[];
  gapRule: GapRule;
  /** --hinder-map: local reason labels or codes */
  hinderMap?: string;
  /** years that must have rows (else an error): the ones asked for; the report's Y */
  requireYears?: number[];
  /** the years whose parts of each breakdown are counted (--by: the years asked for; a report: its Y) */
  breakdowns?: readonly number[];
  /**
   * years before `years` counted too where the input has rows (a report's trend), without notes;
   * a year of them the input lacks is left out, not an error
   */
  earlier?: number[];
  /**
   * decide the pattern of hidden cells for these settings, with the totals of these regions
   * besides the built-in ones; `meanwhile`: the caller reads other inputs while it is decided, so
   * it is decided on the pool (else here: a worker's start would be all it adds)
   */
  protect?: { suppress: SuppressOptions; regions: readonly Region[]; meanwhile?: boolean };
}

export interface RegisterResult {
  read: RegisterRead;
  classification: Classification;
  /** distinct labels that matched nothing, with their row counts, most rows first */
  unknownLabels: [string, number][];
  /** which municipalities and months have rows */
  coverage: Coverage;
  /** whether the input has a reason (försörjningshinder) column */
  hasReasons: boolean;
  /** the one pattern of hidden cells every output of this input uses */
  pattern: Pattern;
  /** the years counted: the run's, and those of `earlier` the input has rows for */
  years: number[];
}

/** The breakdowns an input's columns can give (else every person would be "unknown"). */
export function breakdownsOf(read: RegisterRead): Record<Breakdown, boolean> {
  const cols = read.columns;
  return { sex: cols.sex !== undefined, age: cols.age !== undefined || cols.birth_year !== undefined, household: cols.household_type !== undefined };
}

/**
 * The pattern of hidden cells for a run that protects: on the pool when the caller reads other
 * inputs meanwhile (a report), else here (a worker's start would be all a thread adds).
 */
async function decide(classification: Classification, run: RegisterRun, withGroups: boolean): Promise<Pattern> {
  const { suppress, regions, meanwhile } = run.protect!;
  const printable = printableRegions(run.municipalities, regions);
  if (!meanwhile) return decidePattern(classification, run.municipalities, suppress, printable, withGroups);
  // to the thread as plain values: the rows and the codes
  const munis = { kommuner: run.municipalities.kommuner.map((k) => ({ code: k.code })) };
  return Pattern.fromState(await onThread('pattern', { input: { rows: classification.rows }, munis, options: suppress, printable, withGroups }));
}

export async function runRegister(source: ByteSource, run: RegisterRun): Promise<Piped<RegisterResult>> {
  const log = new NoteLog();
  const matcher = new ReasonMatcher();
  if (run.hinderMap) loadHinderMap(run.hinderMap, matcher);
  const layout = layoutFor([...(run.earlier ?? []), ...run.years]);
  // notes write counts below the threshold as "fewer than N" (a note is published as much as a table)
  const min = run.protect?.suppress.enabled ? run.protect.suppress.minCount : 1;
  // the pattern weighs the reason groups too, so that classify and reasons hide the same cells
  const protecting = run.protect !== undefined && run.protect.suppress.enabled;
  const read = await readRegister(source, { ...run, layout, readHinder: run.readHinder || protecting });

  const coverage = Coverage.of(read.state, run.municipalities);
  for (const y of run.requireYears ?? layout.years)
    if (!coverage.hasYear(y)) throw new InputError({ file: source.name }, msg.noRowsInYear(y, read.firstMonth, read.lastMonth), msg.noRowsInYearHint(y));

  const { labelGroup, unknownLabels } = groupLabels(read, matcher);
  // The 36-month rule can be decided when the input reaches back into Y−2 and has Y−1: an
  // extract of Y (or of Y−1 and Y) cannot say who was very long-term. Single months without
  // any row inside that history are only noted: a small extract may lack them honestly.
  const veryLongAvailable = layout.years.map((y, yi) => read.firstMonth <= (y - 2) * 12 + 11 && read.state.rowsInYear(yi, -1) > 0);
  const counted = classify(
    read.state,
    read.persons,
    { gapRule: run.gapRule, adultsOnly: read.columns.age !== undefined || read.columns.birth_year !== undefined, labelGroup, breakdowns: run.breakdowns },
    veryLongAvailable,
  );
  const years = layout.years.filter((y) => run.years.includes(y) || coverage.hasYear(y));
  const classification = onlyYears(counted, layout.years, years);

  log.add(
    'summary',
    source.name,
      { read: read.rowsRead, used: read.rowsUsed, outside: read.rowsOutside, rejected: read.rowsRejected, persons: read.persons, empty: read.emptyRows },
    `${layout.years[0] - 2}-01…${layout.years[layout.years.length - 1]}-12`,
  );
  if (read.utf8Labels) log.add('utf8Labels', source.name, read.utf8Labels);
  const withRows = run.municipalities.kommuner.filter((k) => layout.years.some((y) => coverage.has(k.code, y)));
  if (Number.isFinite(read.firstMonth)) log.add('coverage', source.name, withRows.length, read.firstMonth, read.lastMonth);
  layout.years.forEach((y, yi) => {
    // the earlier years are the trend's: what they lack is said by the chart that draws them
    if (!run.years.includes(y)) return;
    const uncovered = read.state.uncoveredHistory(yi);
    if (!veryLongAvailable[yi]) log.add('veryLongNotAvailable', y, uncovered);
    else if (uncovered.length) log.add('historyGaps', y, uncovered);
    const gaps = read.state.uncoveredYear(yi);
    // a year without any row is the report's "missing" (or the error of a year asked for), not an incomplete year
    if (gaps.length && gaps.length < 12) log.add('yearIncomplete', y, gaps);
    if (counted.children[yi]) log.add('childrenLeftOut', y, counted.children[yi], min);
    if (counted.twoKommuner[yi]) log.add('twoKommuner', y, counted.twoKommuner[yi], min);
    if (counted.unknownAge[yi]) log.add('unknownAgeCounted', y, counted.unknownAge[yi], min);
    for (const k of run.municipalities.kommuner) {
      const months = coverage.gaps(k.code, y);
      if (months.length) log.add('kommunMonthsMissing', `${k.name} (${k.code})`, y, months.map((m) => y * 12 + m - 1));
    }
  });
  if (read.paddedCodes) log.add('paddedCodes', read.paddedCodes, min);
  if (read.idForms) log.add('idForms', read.idForms, min);
  if (read.unreadParts) log.add('unreadParts', read.unreadParts, min);
  if (run.gapRule === 'all') log.add('gapRuleAll');
  const hasReasons = read.columns.hinder !== undefined;
  const pattern = protecting ? await decide(classification, run, hasReasons) : new Pattern(false);
  return { result: { read, classification, unknownLabels, coverage, hasReasons, pattern, years }, notes: log.notes };
}

/** A classification of the years `all` cut to `keep` (a subset, in order): their rows and their per-year counts. */
function onlyYears(c: Classification, all: readonly number[], keep: readonly number[]): Classification {
  if (keep.length === all.length) return c;
  const at = keep.map((y) => all.indexOf(y));
  const pick = <T>(xs: T[]) => at.map((i) => xs[i]);
  return { rows: c.rows.filter((r) => keep.includes(r.year)), veryLongAvailable: pick(c.veryLongAvailable), children: pick(c.children), unknownAge: pick(c.unknownAge), twoKommuner: pick(c.twoKommuner) };
}

/** Group of every label id seen (index 0: no reason column → missing). */
function groupLabels(read: RegisterRead, matcher: ReasonMatcher): { labelGroup: Int8Array; unknownLabels: [string, number][] } {
  const labelGroup = new Int8Array(read.labels.length + 1);
  labelGroup[0] = GROUP_INDEX.missing;
  const unknown: [string, number][] = [];
  read.labels.forEach((label, id) => {
    const r = matcher.match(label);
    if (r < 0) unknown.push([label, read.labelRows[id] ?? 0]);
    labelGroup[id + 1] = GROUP_INDEX[r < 0 ? 'other' : REASONS[r].group];
  });
  unknown.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { labelGroup, unknownLabels: unknown };
}

/** The two tables of the register commands, and the notes that belong with each. */
export const REGISTER_TABLES = {
  classify: {
    requireHinder: false,
    table: classifyTable,
    notes: (_r: RegisterResult, run: RegisterTableRun, log: NoteLog) => log.add('veryLongDefinition', run.gapRule),
  },
  reasons: {
    requireHinder: true,
    table: reasonsTable,
    notes: (r: RegisterResult, run: RegisterTableRun, log: NoteLog) => {
      if (r.unknownLabels.length) {
        log.add('unknownLabels', r.unknownLabels.length);
        for (const [label, rows] of r.unknownLabels) log.add('unknownLabel', label, rows, run.suppress.enabled ? run.suppress.minCount : 1);
      }
      log.add('illHealthNote');
    },
  },
} as const;

export type RegisterTableName = keyof typeof REGISTER_TABLES;

export interface RegisterTableRun extends Omit<RegisterRun, 'requireHinder' | 'onReject'> {
  table: RegisterTableName;
  suppress: SuppressOptions;
  /** only these municipalities */
  region?: Region;
  /** a row per year summing the municipalities */
  total: boolean;
  /** a row per part of a breakdown (--by) */
  by?: Breakdown;
  /** bad rows are collected in the result and the run goes on (--rejects); else the first stops it */
  collectRejects: boolean;
}

export interface RegisterTableResult {
  table: SuppressedTable;
  /** bad rows, when collected */
  rejected: Rejected[];
  /** the input's header, for the rejects file */
  header: string[];
  /** the input's encoding: the rejects file is written in it */
  encoding: Encoding;
}

/** Every stage of `classify` and `reasons`: read, classify, keep the region's rows, suppress, tabulate. */
export async function runRegisterTable(source: ByteSource, run: RegisterTableRun): Promise<Piped<RegisterTableResult>> {
  const kind = REGISTER_TABLES[run.table];
  const rejected: Rejected[] = [];
  const log = new NoteLog();
  const { result, notes } = await runRegister(source, {
    ...run,
    requireHinder: kind.requireHinder,
    readSex: run.by === 'sex',
    readHousehold: run.by === 'household',
    breakdowns: run.by ? run.years : undefined,
    onReject: run.collectRejects ? (r) => rejected.push(r) : undefined,
    protect: { suppress: run.suppress, regions: run.region ? [run.region] : [] },
  });
  log.push(...notes);
  // a breakdown the file cannot give would be all "unknown": said, not printed
  if (run.by && !breakdownsOf(result.read)[run.by])
    throw new InputError({ file: source.name, line: 1 }, msg.byNoColumn(run.by), msg.byNoColumnHint(run.by));
  const munis = run.municipalities;
  const region = run.region;
  const classification = region
    ? { ...result.classification, rows: result.classification.rows.filter((r) => region.codes.includes(munis.kommuner[r.kommun].code)) }
    : result.classification;
  if (region)
    for (const y of run.years) {
      const missing = result.coverage.missing(region.codes, y);
      if (missing.length) log.add('regionMissing', region.name, y, missing.map((c) => `${munis.byCode(c)?.name ?? c} (${c})`), region.codes.length, run.total);
    }
  // a breakdown's parts hide cells of their own, under the pattern (disclosure/parts.ts)
  const parts = run.by ? await decideParts(classification.rows, (k) => munis.kommuner[k].code, run.by, result.pattern, run.suppress, result.hasReasons) : undefined;
  const out = parts && leftOut(parts, run.table === 'reasons');
  if (run.by && out?.size) {
    const names = classification.rows.filter((r) => out.has(`${munis.kommuner[r.kommun].code}|${r.year}`)).map((r) => `${munis.kommuner[r.kommun].name} ${r.year}`);
    log.add('byLeftOut', run.by, out.size, classification.rows.length, names);
  }
  const table = kind.table(classification, munis, run.suppress, { total: run.total, by: run.by && parts && { breakdown: run.by, parts } }, result.pattern);
  if (run.suppress.enabled && table.hidden.primary + table.hidden.secondary > 0)
    log.add('suppressionSummary', table.hidden.primary, table.hidden.secondary, table.hidden.cells, run.suppress.minCount);
  kind.notes(result, run, log);
  if (!run.suppress.enabled) log.add('suppressionOff');
  return { result: { table, rejected, header: result.read.header, encoding: result.read.encoding }, notes: log.notes };
}
