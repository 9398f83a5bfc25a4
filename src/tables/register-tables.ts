/** The `classify` and `reasons` tables (SPEC §7): one row per municipality and year. */
import { Classification } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS } from '../domain/reasons.js';
import { SECONDARY, SumRelation, SuppressOptions, share, shown, suppressCells } from '../domain/suppress.js';
import { Column, Table } from './table.js';

const PCT_DECIMALS = 1;

/** A table plus how many cells suppression hid, for the summary and over-suppression. */
export interface SuppressedTable extends Table {
  hidden: { primary: number; secondary: number; cells: number };
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

export function classifyTable(c: Classification, munis: Municipalities, s: SuppressOptions): SuppressedTable {
  const columns: Column[] = [
    { name: 'kommun_code' },
    { name: 'kommun_name' },
    { name: 'year' },
    { name: 'recipients' },
    { name: 'long_term' },
    { name: 'long_term_pct', decimals: PCT_DECIMALS },
    { name: 'very_long_term' },
    { name: 'very_long_term_pct', decimals: PCT_DECIMALS },
  ];
  // long-term and very long-term are subsets of recipients, not parts of a printed sum
  const values = c.rows.flatMap((r) => [r.recipients, r.longTerm, r.veryLongTerm]);
  const state = suppressCells(values, [], s);
  const rows = c.rows.map((r, i) => {
    const k = munis.kommuner[r.kommun];
    const [recipients, longTerm, veryLong] = [0, 1, 2].map((j) => shown(values[i * 3 + j], state[i * 3 + j]));
    return [k.code, k.name, r.year, recipients, longTerm, share(longTerm, recipients, s), veryLong, share(veryLong, recipients, s)];
  });
  return { columns, rows, hidden: tally(state, values) };
}

export function reasonsTable(c: Classification, munis: Municipalities, s: SuppressOptions): SuppressedTable {
  const columns: Column[] = [
    { name: 'kommun_code' },
    { name: 'kommun_name' },
    { name: 'year' },
    { name: 'recipients' },
    ...GROUPS.map((g) => ({ name: g })),
    ...GROUPS.map((g) => ({ name: `${g}_pct`, decimals: PCT_DECIMALS })),
  ];
  // each row: recipients, then the groups, which add up to recipients
  const width = 1 + GROUPS.length;
  const values = c.rows.flatMap((r) => [r.recipients, ...r.groups]);
  const sums: SumRelation[] = c.rows.map((_, i) => ({ total: i * width, parts: GROUPS.map((_g, j) => i * width + 1 + j) }));
  const state = suppressCells(values, sums, s);
  const rows = c.rows.map((r, i) => {
    const k = munis.kommuner[r.kommun];
    const cell = (j: number) => shown(values[i * width + j], state[i * width + j]);
    const recipients = cell(0);
    const groups = GROUPS.map((_g, j) => cell(1 + j));
    return [k.code, k.name, r.year, recipients, ...groups, ...groups.map((g) => share(g, recipients, s))];
  });
  return { columns, rows, hidden: tally(state, values) };
}
