/**
 * The register reader's shared types: what it is asked, what a pass over a range counts and
 * returns, and what passes between the main thread and a worker. Types only, so every module
 * of the reader imports them without a cycle.
 */
import type { Location } from '../../errors.js';
import type { Municipalities } from '../../domain/municipalities.js';
import type { PersonState, PersonStateData, WindowLayout } from '../../domain/person-state.js';
import type { ByteInternData } from '../byte-intern.js';
import type { Encoding } from '../encoding.js';
import type { ChosenColumns, ColumnIndex } from './columns.js';

export interface ReadOptions {
  layout: WindowLayout;
  municipalities: Municipalities;
  /** force a delimiter instead of detecting it */
  delimiter?: string;
  /** columns the user named by role (`--column`), where aliases would be ambiguous or wrong */
  columns?: ChosenColumns;
  /** force an encoding instead of detecting it */
  encoding?: Encoding;
  /** the reason column must exist and is read (the `reasons` command); else it is skipped */
  requireHinder: boolean;
  /** read the reason column when there is one (the report) */
  readHinder?: boolean;
  /** read the sex column (`--by sex`); else it is skipped, whatever it holds */
  readSex?: boolean;
  /** read the household type column (`--by household`); else it is skipped */
  readHousehold?: boolean;
  /**
   * a sex or household type that cannot be read is unknown, and counted (the report, whose
   * breakdowns are a part of it), not a rejected row (`--by`, which asked for that column)
   */
  partsOptional?: boolean;
  /** when set, bad rows go here and the run goes on; otherwise the first bad row stops it */
  onReject?: (r: Rejected) => void;
  /** called now and then with bytes read so far */
  onProgress?: (bytes: number) => void;
  /** threads for large files (default: BISTAND_THREADS, else up to 2) */
  threads?: number;
  /** the smallest file read by several threads (default PARALLEL_MIN_BYTES) */
  minParallelBytes?: number;
  /** false: every row takes the general path (tests compare the two) */
  fastRows?: boolean;
  /**
   * Tests: the first worker's range starts at the line start at or after this byte, whenever
   * the worker gets ready (the main thread waits for it), instead of where the main thread has
   * got to by then.
   */
  firstCut?: number;
}

/** What a worker thread is asked to read. */
export interface WorkerJob {
  path: string;
  name: string;
  from: number;
  to: number;
  final: boolean;
  info: HeaderInfo;
  years: number[];
  requireHinder: boolean;
  readHinder: boolean;
  readSex: boolean;
  readHousehold: boolean;
  partsOptional: boolean;
  collectRejects: boolean;
  /** the Handoff's memory; the first worker (from = -1) waits on it for its start */
  shared: SharedArrayBuffer;
  worker: number;
  workers: number;
}

export type WorkerReply = (RangeResult & { to: number }) | { error: { message: string; hint?: string; where: Location } };

export interface Rejected {
  where: Location;
  reason: string;
  fields: string[];
}

export interface RegisterRead extends RowCounts {
  state: PersonState;
  persons: number;
  /** distinct reason labels as decoded text, by label id */
  labels: string[];
  /** rows per label id */
  labelRows: number[];
  columns: ColumnIndex;
  header: string[];
  encoding: Encoding;
  /** reason labels read as UTF-8 in a file otherwise Windows-1252 */
  utf8Labels: number;
  delimiter: string;
  bytes: number;
  /** read from the household file (Postbeskrivning): an amount is a household's in a month */
  householdFile?: true;
}

/** What a pass counted, for the summary: no row is lost without being counted. */
export interface RowCounts {
  rowsRead: number;
  rowsUsed: number;
  rowsOutside: number;
  rowsRejected: number;
  emptyRows: number;
  /** municipality codes that had lost their leading zero (`180` for `0180`) */
  paddedCodes: number;
  /** rows whose person id was a personnummer in another form, read as its 10 digits */
  idForms: number;
  /** rows whose sex or household type could not be read, counted as unknown (partsOptional) */
  unreadParts: number;
  /** the earliest month (year*12 + month−1) of any valid row, inside the window or not */
  firstMonth: number;
  /** the latest month of any valid row (-Infinity when none) */
  lastMonth: number;
}

/** What the header tells: the columns and how the file is written. */
export interface HeaderInfo {
  header: string[];
  index: ColumnIndex;
  delimiter: string;
  bom: boolean;
  headerEncoding: Encoding;
  /** byte offset of the first data row */
  dataStart: number;
}

/** What one pass over a part of the file found (transferable between threads). */
export interface PartResult extends RowCounts {
  ids: ByteInternData;
  labels: ByteInternData;
  state: PersonStateData;
  labelRows: number[];
  rejects: Rejected[];
  /** lines consumed, header included for the first part */
  lines: number;
}

export interface RangeResult extends PartResult {
  endPos: number;
}
