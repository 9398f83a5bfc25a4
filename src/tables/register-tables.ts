/**
 * The `classify` and `reasons` tables (SPEC §7): one row per municipality and year, and with
 * `--total` a row per year that sums them. Suppression sees every printed sum: the reason
 * groups add up to recipients, and with a total row each column adds up to it.
 */
import { Classification, KommunYear } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS } from '../domain/reasons.js';
import { Count, SECONDARY, SumRelation, SuppressOptions, share, shown, suppressCells } from '../domain/suppress.js';
import { Cell, Column, Table } from './table.js';

const PCT_DECIMALS = 1;

/** A table plus how many cells suppression hid, for the summary and over-suppression. */
export interface SuppressedTable extends Table {
  hidden: { primary: number; secondary: number; cells: number };
}

export interface TableOptions {
  /** a row per year summing the municipalities above it */
  total: boolean;
}

function tally(state: Uint8Array, values: (number | null)[]) {
  let primary = 0;
  let secondary = 0;
  let cells = 0;
  state.forEach((s, i) => {
    if (values[i] === null) return;
    cells++;
    if (s === SECONDARY) secondary++;
    else if (s !== 0) primary++;
  });
  return { primary, secondary, cells };
}

interface Layout {
  /** counts of one output row, in column order */
  counts: (r: KommunYear) => (number | null)[];
  /** within a row: [total index, part indexes] of a printed sum, if the counts partition */
  rowSum?: [number, number[]];
  columns: Column[];
  /** the printed cells after the labels, from the counts as shown */
  cells: (shownCounts: Count[], s: SuppressOptions) => Cell[];
}

function build(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions, layout: Layout): SuppressedTable {
  const years = [...new Set(c.rows.map((r) => r.year))];
  // output rows: the municipalities of each year, then that year's total
  const rows: { label: [string, string]; year: number; counts: (number | null)[] }[] = [];
  const totals: { at: number; parts: number[] }[] = [];
  for (const y of years) {
    const mine = c.rows.filter((r) => r.year === y);
    const first = rows.length;
    for (const r of mine) rows.push({ label: [munis.kommuner[r.kommun].code, munis.kommuner[r.kommun].name], year: y, counts: layout.counts(r) });
    if (o.total) {
      const width = rows[first]?.counts.length ?? 0;
      const sums = Array.from({ length: width }, (_, j) => {
        const vs = rows.slice(first).map((r) => r.counts[j]);
        return vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + (v as number), 0);
      });
      totals.push({ at: rows.length, parts: Array.from({ length: mine.length }, (_, i) => first + i) });
      rows.push({ label: ['', 'Totalt'], year: y, counts: sums });
    }
  }
  const width = rows[0]?.counts.length ?? 0;
  const values = rows.flatMap((r) => r.counts);
  const sums: SumRelation[] = [];
  if (layout.rowSum) {
    const [t, parts] = layout.rowSum;
    rows.forEach((_, i) => sums.push({ total: i * width + t, parts: parts.map((p) => i * width + p) }));
  }
  for (const t of totals) for (let j = 0; j < width; j++) sums.push({ total: t.at * width + j, parts: t.parts.map((i) => i * width + j) });
  const state = suppressCells(values, sums, s);
  const out = rows.map((r, i) => [r.label[0], r.label[1], r.year, ...layout.cells(r.counts.map((v, j) => shown(v, state[i * width + j])), s)]);
  return { columns: layout.columns, rows: out, hidden: tally(state, values) };
}

export function classifyTable(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions = { total: false }): SuppressedTable {
  return build(c, munis, s, o, {
    // long-term and very long-term are subsets of recipients, not parts of a printed sum
    counts: (r) => [r.recipients, r.longTerm, r.veryLongTerm],
    columns: [
      { name: 'kommun_code' },
      { name: 'kommun_name' },
      { name: 'year' },
      { name: 'recipients' },
      { name: 'long_term' },
      { name: 'long_term_pct', decimals: PCT_DECIMALS },
      { name: 'very_long_term' },
      { name: 'very_long_term_pct', decimals: PCT_DECIMALS },
    ],
    cells: ([recipients, longTerm, veryLong], sp) => [recipients, longTerm, share(longTerm, recipients, sp), veryLong, share(veryLong, recipients, sp)],
  });
}

export function reasonsTable(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions = { total: false }): SuppressedTable {
  return build(c, munis, s, o, {
    counts: (r) => [r.recipients, ...r.groups],
    // the groups add up to recipients
    rowSum: [0, GROUPS.map((_g, j) => 1 + j)],
    columns: [
      { name: 'kommun_code' },
      { name: 'kommun_name' },
      { name: 'year' },
      { name: 'recipients' },
      ...GROUPS.map((g) => ({ name: g })),
      ...GROUPS.map((g) => ({ name: `${g}_pct`, decimals: PCT_DECIMALS })),
    ],
    cells: ([recipients, ...groups], sp) => [recipients, ...groups, ...groups.map((g) => share(g, recipients, sp))],
  });
}
