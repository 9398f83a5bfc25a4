/**
 * From an aggregated input to one tidy table (SPEC §7, `tidy`).
 *
 *   bytes ──► detect the layout (--as forces it)        io/aggregated/read
 *     ▼
 *   read: titles, footers, markers, names → codes      io/aggregated/{sdb,kolada,oj,population}
 *     ▼
 *   tidy rows ──► table (value as given, status typed)  here
 */
import { STATUSES } from '../domain/tidy.js';
import { AggregatedOptions, type AggregatedRead, extraColumnName, readAggregated, toTable } from '../io/aggregated/read.js';
import { NoteLog, Piped } from '../notes.js';
import { Column, Table } from '../tables/table.js';

export function runTidy(bytes: Uint8Array, name: string, o: AggregatedOptions): Piped<Table> {
  const log = new NoteLog();
  const read = readAggregated(bytes, name, o);
  const t = toTable(read.rows);
  const names = t.columnNames();
  const columns: Column[] = names.map((n) => (n === 'value' ? { name: n, raw: true } : { name: n }));
  const data = names.map((n) => t.array(n) as (string | number | null)[]);
  const table: Table = { columns, rows: Array.from({ length: t.numRows() }, (_, i) => data.map((col) => col[i])) };
  log.add('tidySummary', name, read.layout, read.rows.length, STATUSES.map((s) => [s, read.rows.filter((r) => r.status === s).length]));
  const renamed = [...new Set(read.rows.flatMap((r) => Object.keys(r.extra)))].filter((e) => extraColumnName(e) !== e);
  if (renamed.length) log.add('columnsRenamed', renamed);
  noteRead(log, name, read);
  if (read.skipped.size) log.add('groupRowsSkipped', [...read.skipped.values()].reduce((a, b) => a + b, 0), [...read.skipped.keys()].join('; '));
  return { result: table, notes: log.notes };
}

/** What reading a file of statistics noticed, as notes: the same for `tidy` and the report's inputs. */
export function noteRead(log: NoteLog, name: string, read: AggregatedRead): void {
  if (read.deleted) log.add('koladaDeleted', name, read.deleted);
  if (read.emptyRows) log.add('emptyRowsSkipped', name, read.emptyRows);
  if (read.zeros) log.add('populationZeros', name, read.zeros);
  if (read.months) log.add('populationMonths', name, read.months);
  if (read.noAdults) log.add('populationNoAdults', name, read.noAdults);
  if (read.noise) log.add('populationNoise', name);
}
