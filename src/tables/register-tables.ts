/**
 * The `classify` and `reasons` tables (SPEC §7): one row per municipality and year, and with
 * `--total` a row per year that sums them. Suppression sees every printed sum: the reason
 * groups add up to recipients, and with a total row each column adds up to it.
 */
import { Classification, KommunYear } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS } from '../domain/reasons.js';
import { Count, SuppressOptions, SuppressionGrid, share } from '../domain/suppress.js';
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
  const grid = new SuppressionGrid();
  // output rows: the municipalities of each year, then that year's total; cells by index
  const rows: { label: [string, string]; year: number; cells: number[] }[] = [];
  const totals: { cell: number; parts: number[] }[] = [];
  for (const y of years) {
    const mine = c.rows.filter((r) => r.year === y);
    const first = rows.length;
    for (const r of mine) rows.push({ label: [munis.kommuner[r.kommun].code, munis.kommuner[r.kommun].name], year: y, cells: layout.counts(r).map((v) => grid.add(v)) });
    if (o.total) {
      const width = rows[first]?.cells.length ?? 0;
      const parts = rows.slice(first);
      const cells = Array.from({ length: width }, (_, j) => {
        const cell = grid.addTotal(parts.map((r) => r.cells[j]), true);
        totals.push({ cell, parts: parts.map((r) => r.cells[j]) });
        return cell;
      });
      rows.push({ label: ['', 'Totalt'], year: y, cells });
    }
  }
  if (layout.rowSum) {
    const [t, parts] = layout.rowSum;
    for (const r of rows) grid.addSum(r.cells[t], parts.map((p) => r.cells[p]));
  }
  // the row sums first, then the columns' totals, year by year, column by column
  for (const t of totals) grid.addSum(t.cell, t.parts);
  grid.suppress(s);
  const out = rows.map((r) => [r.label[0], r.label[1], r.year, ...layout.cells(r.cells.map((i) => grid.shown(i)), s)]);
  return { columns: layout.columns, rows: out, hidden: grid.hidden() };
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
