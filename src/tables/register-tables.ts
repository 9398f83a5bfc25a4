/**
 * The `classify` and `reasons` tables (SPEC §7): one row per municipality and year, and with
 * `--total` a row per year that sums them, each count shown or hidden as the input's pattern says.
 */
import { BREAKDOWNS, Breakdown, Classification, Counts } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS } from '../domain/reasons.js';
import { Count, PRIMARY, SECONDARY, SuppressOptions, share } from '../domain/suppress.js';
import { CountMeasure, Pattern, PatternView, totalKey } from '../domain/disclosure.js';
import { PartsPattern, partArea } from '../domain/disclosure/parts.js';
import { Cell, Column, Table } from './table.js';

const PCT_DECIMALS = 1;

/** A table plus how many cells suppression hid, for the summary and over-suppression. */
export interface SuppressedTable extends Table {
  hidden: { primary: number; secondary: number; cells: number };
}

export interface TableOptions {
  /** a row per year summing the municipalities above it */
  total: boolean;
  /** a row per part of the breakdown (--by), its part in a last column, each count as the parts' pattern shows it */
  by?: { breakdown: Breakdown; parts: PartsPattern };
}

/** The column that names a row's part of a breakdown. */
const BY_COLUMN: Record<Breakdown, string> = { sex: 'sex', age: 'age_group', household: 'household_type' };

interface Layout {
  /** the measures of one output row, in column order, and their counts */
  measures: CountMeasure[];
  counts: (r: Counts) => (number | null)[];
  columns: Column[];
  /** the printed cells after the labels, from the counts as shown */
  cells: (shownCounts: Count[], s: SuppressOptions) => Cell[];
}

/**
 * The table: each count as the input's one pattern shows it (domain/disclosure), so this table,
 * the other command's and the report hide the same cells whichever are published together.
 */
function build(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions, pattern: Pattern, layout: Layout): SuppressedTable {
  const years = [...new Set(c.rows.map((r) => r.year))];
  const hidden = { primary: 0, secondary: 0, cells: 0 };
  const count = (m: CountMeasure, area: string, y: number, v: number | null, view: PatternView = pattern): Count => {
    const shown = view.shown(m, area, y, v);
    if (v !== null) {
      hidden.cells++;
      const st = view.stateOf(m, area, y);
      if (st === PRIMARY) hidden.primary++;
      if (st === SECONDARY) hidden.secondary++;
    }
    return shown;
  };
  // the parts' totals are printed only as they are (the command refuses them under suppression)
  if (o.by && o.total && s.enabled) throw new Error('the parts of a total are printed without suppression only');
  const by = o.by?.breakdown;
  const partsLeftOut = o.by ? leftOut(o.by.parts, layout.measures.includes(GROUPS[0])) : undefined;
  const parts: [string | undefined, (r: (typeof c.rows)[number]) => Counts][] = by ? BREAKDOWNS[by].map((v, vi) => [v, (r) => r.by![by][vi]]) : [[undefined, (r) => r]];
  const out: Cell[][] = [];
  for (const y of years) {
    const mine = c.rows.filter((r) => r.year === y);
    for (const r of mine) {
      const code = munis.kommuner[r.kommun].code;
      // parts the pattern of parts could not protect are left out (the command's note says which)
      if (partsLeftOut?.has(`${code}|${y}`)) continue;
      for (const [part, of] of parts) {
        const counts = layout.counts(of(r)).map((v, j) => (part ? count(layout.measures[j], partArea(code, by!, part), y, v, o.by!.parts.view) : count(layout.measures[j], code, y, v)));
        out.push([code, munis.kommuner[r.kommun].name, y, ...layout.cells(counts, s), ...(part ? [part] : [])]);
      }
    }
    if (o.total && mine.length)
      for (const [part, of] of parts) {
        const key = totalKey(mine.map((r) => munis.kommuner[r.kommun].code));
        const sums = layout.measures.map((_m, j) => {
          const vals = mine.map((r) => layout.counts(of(r))[j]);
          return vals.some((v) => v === null) ? null : vals.reduce<number>((a, v) => a + (v as number), 0);
        });
        out.push(['', 'Totalt', y, ...layout.cells(sums.map((v, j) => count(layout.measures[j], key, y, v)), s), ...(part ? [part] : [])]);
      }
  }
  return { columns: by ? [...layout.columns, { name: BY_COLUMN[by] }] : layout.columns, rows: out, hidden };
}

/** The municipality-years whose parts a table leaves out: those of its reason groups too, where it prints them. */
export const leftOut = (parts: PartsPattern, withGroups: boolean) => (withGroups ? new Set([...parts.leftOut, ...parts.groupsLeftOut]) : parts.leftOut);

export function classifyTable(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions, pattern: Pattern): SuppressedTable {
  return build(c, munis, s, o, pattern, {
    measures: ['recipients', 'long_term', 'very_long_term'],
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

export function reasonsTable(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions, pattern: Pattern): SuppressedTable {
  return build(c, munis, s, o, pattern, {
    measures: ['recipients', ...GROUPS],
    counts: (r) => [r.recipients, ...r.groups],
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
