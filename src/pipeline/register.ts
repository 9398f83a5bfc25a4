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
 *   table                          tables/register-tables
 *     ▼
 *   write (whole or nothing)       io/write-table
 */
import { ByteSource } from '../io/source.js';
import { Encoding } from '../io/encoding.js';
import { RegisterRead, Rejected, readRegister } from '../io/register/index.js';
import { loadHinderMap } from '../io/hinder-map.js';
import { Classification, classify } from '../domain/classify.js';
import { GapRule } from '../domain/months.js';
import { Municipalities } from '../domain/municipalities.js';
import { layoutFor } from '../domain/person-state.js';
import { GROUP_INDEX, REASONS, ReasonMatcher } from '../domain/reasons.js';
import * as msg from '../messages.js';

export interface RegisterRun {
  years: number[];
  gapRule: GapRule;
  municipalities: Municipalities;
  requireHinder: boolean;
  readHinder?: boolean;
  delimiter?: string;
  encoding?: Encoding;
  hinderMap?: string;
  onReject?: (r: Rejected) => void;
  onProgress?: (bytes: number) => void;
  /** threads for large files, and what counts as large (tests force the threaded path) */
  threads?: number;
  minParallelBytes?: number;
  /** false: no fast row path (tests compare the two paths) */
  fastRows?: boolean;
  /** tests: where the first worker's range starts (see ReadOptions.firstCut) */
  firstCut?: number;
  /** notes for stderr */
  note: (line: string) => void;
}

export interface RegisterResult {
  read: RegisterRead;
  classification: Classification;
  /** distinct labels that matched nothing, with their row counts, most rows first */
  unknownLabels: [string, number][];
}

export async function runRegister(source: ByteSource, run: RegisterRun): Promise<RegisterResult> {
  const matcher = new ReasonMatcher();
  if (run.hinderMap) loadHinderMap(run.hinderMap, matcher);
  const layout = layoutFor(run.years);
  const read = await readRegister(source, {
    layout,
    municipalities: run.municipalities,
    delimiter: run.delimiter,
    encoding: run.encoding,
    requireHinder: run.requireHinder,
    readHinder: run.readHinder,
    onReject: run.onReject,
    onProgress: run.onProgress,
    threads: run.threads,
    minParallelBytes: run.minParallelBytes,
    fastRows: run.fastRows,
    firstCut: run.firstCut,
  });

  const { labelGroup, unknownLabels } = groupLabels(read, matcher);
  // The 36-month rule can be decided when the input reaches back into Y−2 and has Y−1: an
  // extract of Y (or of Y−1 and Y) cannot say who was very long-term. Single months without
  // any row inside that history are only noted: a small extract may lack them honestly.
  const veryLongAvailable = layout.years.map((y, yi) => read.firstMonth <= (y - 2) * 12 + 11 && read.state.rowsInYear(yi, -1) > 0);
  const classification = classify(
    read.state,
    read.persons,
    { gapRule: run.gapRule, adultsOnly: read.columns.age !== undefined || read.columns.birth_year !== undefined, labelGroup },
    veryLongAvailable,
  );

  run.note(
    msg.summary(
      source.name,
      { read: read.rowsRead, used: read.rowsUsed, outside: read.rowsOutside, rejected: read.rowsRejected, persons: read.persons, empty: read.emptyRows },
      `${layout.years[0] - 2}-01…${layout.years[layout.years.length - 1]}-12`,
    ),
  );
  layout.years.forEach((y, yi) => {
    const uncovered = read.state.uncoveredHistory(yi);
    if (!veryLongAvailable[yi]) run.note(msg.veryLongNotAvailable(y, uncovered));
    else if (uncovered.length) run.note(msg.historyGaps(y, uncovered));
    const gaps = read.state.uncoveredYear(yi);
    if (gaps.length) run.note(msg.yearIncomplete(y, gaps));
    if (classification.children[yi]) run.note(msg.childrenLeftOut(y, classification.children[yi]));
    if (classification.unknownAge[yi]) run.note(msg.unknownAgeCounted(y, classification.unknownAge[yi]));
  });
  if (read.paddedCodes) run.note(msg.paddedCodes(read.paddedCodes));
  return { read, classification, unknownLabels };
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
