/**
 * The parts of a breakdown (`--by sex|age|household`) under the input's one pattern (SPEC §6).
 * The pattern of the municipalities and totals is decided first and is not changed here: a
 * breakdown hides only cells of its own, so `classify` prints the same cells with or without
 * `--by`, whichever breakdown is asked for.
 *
 * A municipality's parts of a year are printed only where the municipality's counts of that year
 * are shown. Then each sum a reader knows of them — the parts add up to the municipality's count
 * of each measure; within a part, the reason groups add up to its recipients, and long-term and
 * very long-term are at most them — has shown counts as its totals, so the parts of one
 * municipality-year share no unknown with anything else published: not with the municipalities'
 * hidden cells, not with another municipality, not with another breakdown of the same
 * municipality. Each municipality-year is decided alone, by the same search and audit as the
 * pattern (search.ts), in two steps: the counts `classify` prints (recipients, long-term, very
 * long-term), then the reason groups `reasons` adds, the counts fixed and the audit over both. A
 * part from 1 to the threshold is hidden, and more parts until no hidden one can be fixed or
 * proved below the threshold. Where no choice of parts does it (five recipients split 1 and 4:
 * hide both and the 1 is at most 4), or where a count of the municipality is hidden, its parts
 * are left out — of every table, or of `reasons` alone when only the groups cannot be shown —
 * and the caller says so.
 *
 *   rows with parts ──► eligible? (all counts shown) ──► one small pattern each ──► protect ──► view
 *                             └─ no: left out                                  └─ cannot: left out
 */
import { BREAKDOWNS, Breakdown, Counts, KommunYear } from '../classify.js';
import { GROUPS, Group } from '../reasons.js';
import { PRIMARY, SHOWN, type SuppressOptions } from '../suppress.js';
import { CountMeasure, Pattern, PatternView, Relation } from './pattern.js';
import { protect } from './search.js';

/** The area of one part of a municipality in the pattern of its parts. */
export const partArea = (code: string, by: Breakdown, part: string) => `${code}|${by}=${part}`;

export interface PartsPattern {
  /** each part's counts as they may be printed (areas: partArea) */
  view: PatternView;
  /** municipality-years (`${code}|${year}`) whose parts are left out of every table */
  leftOut: Set<string>;
  /** … and those whose parts keep their counts but not their reason groups (left out of `reasons`) */
  groupsLeftOut: Set<string>;
}

const valueOf = (c: Counts, m: CountMeasure) =>
  m === 'recipients' ? c.recipients : m === 'long_term' ? c.longTerm : m === 'very_long_term' ? (c.veryLongTerm ?? 0) : c.groups[GROUPS.indexOf(m as Group)];

/**
 * The parts' pattern for `rows` (each with its `by` counted), given the input's pattern `main`.
 * `withGroups`: the input has reasons, so the parts' reason groups are decided too (whichever
 * command asks: `classify` and `reasons` print the same parts the same way).
 */
export async function decideParts(rows: readonly KommunYear[], codeOf: (kommun: number) => string, by: Breakdown, main: PatternView, o: SuppressOptions, withGroups: boolean): Promise<PartsPattern> {
  const view = new Pattern(o.enabled && o.minCount > 1);
  const leftOut = new Set<string>();
  const groupsLeftOut = new Set<string>();
  for (const r of rows) {
    const code = codeOf(r.kommun);
    const unit = `${code}|${r.year}`;
    const counts: CountMeasure[] = ['recipients', 'long_term', ...(r.veryLongTerm !== null ? (['very_long_term'] as const) : [])];
    const parts = BREAKDOWNS[by].map((name, i) => ({ area: partArea(code, by, name), counts: r.by![by][i] }));
    if (!view.enabled) {
      for (const { area, counts: c } of parts) for (const m of [...counts, ...(withGroups ? GROUPS : [])]) view.add(view.cellKey(m, area, r.year), valueOf(c, m));
      continue;
    }
    const shown = (ms: readonly CountMeasure[]) => ms.every((m) => main.stateOf(m, code, r.year) === SHOWN);
    const unitPattern = new UnitParts(r, code, parts);
    // the counts first (what classify prints); then the reason groups beside them, the counts fixed
    if (!shown(counts) || !(await unitPattern.decide(counts, o.minCount))) {
      leftOut.add(unit);
      continue;
    }
    if (withGroups && (!shown(GROUPS) || !(await unitPattern.decide(GROUPS, o.minCount)))) groupsLeftOut.add(unit);
    for (const { key, value, state } of unitPattern.cells()) view.hide(view.add(key, value), state);
  }
  return { view, leftOut, groupsLeftOut };
}

/**
 * One municipality-year's parts as a small pattern of their own: the municipality's counts shown
 * (the constants of the sums, never hidden here), each part's cells, the sums that tie them.
 */
class UnitParts {
  private readonly p = new Pattern(true);
  private readonly relations: Relation[] = [];
  private readonly whole = new Map<CountMeasure, number>();
  private readonly cell: Map<CountMeasure, number>[];
  private readonly keys: string[] = [];
  private readonly mine: number[] = [];

  constructor(
    private readonly r: KommunYear,
    private readonly code: string,
    private readonly parts: { area: string; counts: Counts }[],
  ) {
    this.cell = parts.map(() => new Map());
  }

  /** Adds the measures' cells and decides them, earlier cells fixed; false when none protects them (they then stay out). */
  async decide(measures: readonly CountMeasure[], minCount: number): Promise<boolean> {
    const { p, r } = this;
    const fresh = this.relations.length;
    const added: number[] = [];
    for (const m of measures) this.whole.set(m, p.add(p.cellKey(m, this.code, r.year), valueOf(r, m)));
    const firstPart = p.size;
    this.parts.forEach(({ area, counts }, j) => {
      for (const m of measures) {
        const key = p.cellKey(m, area, r.year);
        const i = p.add(key, valueOf(counts, m));
        this.cell[j].set(m, i);
        added.push(i);
        this.keys[i] = key;
      }
    });
    for (const m of measures) this.relations.push({ plus: this.cell.map((c) => c.get(m)!), minus: [this.whole.get(m)!], kind: 'eq' });
    for (const c of this.cell) {
      const rec = c.get('recipients')!;
      if (measures.includes('long_term')) this.relations.push({ plus: [c.get('long_term')!], minus: [rec], kind: 'le' });
      if (measures.includes('very_long_term')) this.relations.push({ plus: [c.get('very_long_term')!], minus: [rec], kind: 'le' });
      if (measures.includes(GROUPS[0])) this.relations.push({ plus: GROUPS.map((g) => c.get(g)!), minus: [rec], kind: 'eq' });
    }
    let small = false;
    for (const i of added)
      if (p.value(i) > 0 && p.value(i) < minCount) {
        p.hide(i, PRIMARY);
        small = true;
      }
    if (small) {
      try {
        await protect(p, this.relations, minCount, { fresh, hideable: (i) => i >= firstPart });
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('small-count suppression: no pattern')) return false;
        throw e;
      }
    }
    this.mine.push(...added);
    return true;
  }

  /** The decided parts' cells: key, value and state. */
  cells(): { key: string; value: number; state: number }[] {
    return this.mine.map((i) => ({ key: this.keys[i], value: this.p.value(i), state: this.p.stateAt(i) }));
  }
}
