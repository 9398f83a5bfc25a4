/**
 * One pattern of hidden cells per register input (SPEC §6), decided once over every
 * municipality of the input and every total any command can print for it — each built-in region
 * (GR, storstäderna, each county, Riket, all municipalities of the input) and a custom region
 * given — so that whichever outputs of one input are published, they agree on what is hidden.
 *
 * The protection criterion is checked, not assumed: an attacker knows every shown cell, every
 * printed sum (reason groups add up to recipients; municipalities add up to each region),
 * that long-term and very long-term are at most the recipients, and that hidden cells are whole
 * numbers ≥ 1 (zeros are shown). For every hidden cell an integer program finds the smallest and
 * largest value consistent with all of it: a small count must be able to reach `minCount`, and no
 * hidden cell may be fixed. While some cell fails, the cheapest shown cell of a sum it sits in is
 * hidden too (the smallest non-zero count, then the earliest), and the audit runs again. A pattern
 * that cannot be protected is an error, never output.
 */
import highsModule, { type Highs } from 'highs';
import { Classification } from './classify.js';
import { Municipalities, Region } from './municipalities.js';
import { GROUPS, Group } from './reasons.js';
import { PRIMARY, SECONDARY, SHOWN, SUPPRESSED, SuppressOptions, type Count } from './suppress.js';

export type CountMeasure = 'recipients' | 'long_term' | 'very_long_term' | Group;
export const COUNT_MEASURES: readonly CountMeasure[] = ['recipients', 'long_term', 'very_long_term', ...GROUPS];

/** The area of a total: the sorted member codes with rows, so equal sets are one total. */
export const totalKey = (codes: readonly string[]) => `total:${[...codes].sort().join(',')}`;

interface Relation {
  /** cells with coefficient +1 … */
  plus: number[];
  /** … and −1; `= 0` (a sum) or `<= 0` (a subset) */
  minus: number[];
  kind: 'eq' | 'le';
}

export interface PatternStats {
  cells: number;
  primary: number;
  secondary: number;
  /** integer programs solved by the audit */
  programs: number;
}

export class Pattern {
  private readonly at = new Map<string, number>();
  private readonly values: number[] = [];
  private readonly state: number[] = [];
  readonly stats: PatternStats = { cells: 0, primary: 0, secondary: 0, programs: 0 };

  constructor(readonly enabled: boolean) {}

  /** @internal */ add(key: string, value: number): number {
    const i = this.values.length;
    this.at.set(key, i);
    this.values.push(value);
    this.state.push(SHOWN);
    return i;
  }
  /** @internal */ index(key: string): number | undefined {
    return this.at.get(key);
  }
  /** @internal */ value(i: number): number {
    return this.values[i];
  }
  /** @internal */ stateAt(i: number): number {
    return this.state[i];
  }
  /** @internal */ hide(i: number, how: number): void {
    this.state[i] = how;
  }
  /** @internal */ get size(): number {
    return this.values.length;
  }

  private key(measure: CountMeasure, area: string, year: number): string {
    return `${year}|${measure}|${area}`;
  }

  /** @internal */ cellKey(measure: CountMeasure, area: string, year: number): string {
    return this.key(measure, area, year);
  }

  /** Why a count is hidden (SHOWN, PRIMARY, SECONDARY), or undefined when the pattern has no such cell. */
  stateOf(measure: CountMeasure, area: string, year: number): number | undefined {
    const i = this.at.get(this.key(measure, area, year));
    return i === undefined ? undefined : this.state[i];
  }

  /**
   * A count as it may be printed. A municipality without a cell has no rows (0 where the
   * caller knows the municipality is covered). A total the pattern was not built for is refused:
   * printing it could undo the protection.
   */
  shown(measure: CountMeasure, area: string, year: number, value: number | null): Count {
    if (value === null) return null;
    const i = this.at.get(this.key(measure, area, year));
    if (i === undefined) {
      if (area.startsWith('total:') && this.enabled && value !== 0) throw new Error(`no total ${area} in the disclosure pattern`);
      return value;
    }
    return this.state[i] === SHOWN ? this.values[i] : SUPPRESSED;
  }
}

/**
 * The regions whose totals some output can print: the built-in ones (`--region gr|storstad`),
 * all of the input (`--total` alone), and the one given. Counties are not printable yet; when
 * they are, they join here, and a region less the county inside it then differences to the
 * municipalities between them — which the audit sees and the pattern has to cover.
 */
export function printableRegions(munis: Municipalities, builtIn: readonly Region[], extra: readonly Region[]): string[][] {
  return [...builtIn.map((r) => [...r.codes]), munis.kommuner.map((k) => k.code), ...extra.map((r) => [...r.codes])];
}

type Solver = Highs;
// a CommonJS module: its export is the loader, which TypeScript types as the default's default
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Highs>;
let solver: Promise<Solver> | undefined;
const highs = () => (solver ??= highsLoader());

/**
 * The pattern for a classification: counts per municipality and year, and the totals of
 * `regions` (member codes; only those with rows count).
 */
export async function decidePattern(c: Classification, munis: Municipalities, o: SuppressOptions, regions: readonly string[][], withGroups: boolean): Promise<Pattern> {
  const p = new Pattern(o.enabled && o.minCount > 1);
  const relations: Relation[] = [];
  const years = [...new Set(c.rows.map((r) => r.year))];
  for (const y of years) {
    const rows = c.rows.filter((r) => r.year === y);
    const codes = rows.map((r) => munis.kommuner[r.kommun].code);
    const measures = COUNT_MEASURES.filter((m) => (m === 'very_long_term' ? rows.some((r) => r.veryLongTerm !== null) : m === 'recipients' || m === 'long_term' || withGroups));
    const valueOf = (r: (typeof rows)[number], m: CountMeasure) =>
      m === 'recipients' ? r.recipients : m === 'long_term' ? r.longTerm : m === 'very_long_term' ? (r.veryLongTerm ?? 0) : r.groups[GROUPS.indexOf(m as Group)];
    rows.forEach((r, ri) => {
      for (const m of measures) p.add(p.cellKey(m, codes[ri], y), valueOf(r, m));
    });
    const cell = (m: CountMeasure, area: string) => p.index(p.cellKey(m, area, y))!;
    for (const code of codes) {
      const rec = cell('recipients', code);
      relations.push({ plus: [cell('long_term', code)], minus: [rec], kind: 'le' });
      if (measures.includes('very_long_term')) relations.push({ plus: [cell('very_long_term', code)], minus: [rec], kind: 'le' });
      if (withGroups) relations.push({ plus: GROUPS.map((g) => cell(g, code)), minus: [rec], kind: 'eq' });
    }
    const seen = new Set<string>();
    for (const members of regions) {
      const present = members.filter((k) => codes.includes(k));
      const key = totalKey(present);
      if (!present.length || seen.has(key)) continue;
      seen.add(key);
      for (const m of measures) {
        const t = p.add(p.cellKey(m, key, y), present.reduce((a, k) => a + p.value(cell(m, k)), 0));
        relations.push({ plus: present.map((k) => cell(m, k)), minus: [t], kind: 'eq' });
      }
      relations.push({ plus: [cell('long_term', key)], minus: [cell('recipients', key)], kind: 'le' });
      if (measures.includes('very_long_term')) relations.push({ plus: [cell('very_long_term', key)], minus: [cell('recipients', key)], kind: 'le' });
      if (withGroups) relations.push({ plus: GROUPS.map((g) => cell(g, key)), minus: [cell('recipients', key)], kind: 'eq' });
    }
  }
  p.stats.cells = p.size;
  if (!p.enabled) return p;
  for (let i = 0; i < p.size; i++) if (p.value(i) > 0 && p.value(i) < o.minCount) p.hide(i, PRIMARY);
  await protect(p, relations, o.minCount);
  for (let i = 0; i < p.size; i++) {
    if (p.stateAt(i) === PRIMARY) p.stats.primary++;
    if (p.stateAt(i) === SECONDARY) p.stats.secondary++;
  }
  return p;
}

/**
 * Hides cells until the audit finds every hidden one protected. Hiding a cell only widens what
 * the others can be (a constant becomes an unknown), so a cell found safe stays safe: each is
 * audited until it passes, not again after every change.
 */
async function protect(p: Pattern, relations: Relation[], minCount: number): Promise<void> {
  const solve = await highs();
  const byCell: number[][] = Array.from({ length: p.size }, () => []);
  relations.forEach((r, ri) => {
    for (const i of [...r.plus, ...r.minus]) byCell[i].push(ri);
  });
  const hidden = (i: number) => p.stateAt(i) !== SHOWN;
  const safe = new Uint8Array(p.size);
  /** a hidden cell alone in a printed sum is fixed by it: no program needed */
  const alone = (c: number) =>
    byCell[c].some((ri) => relations[ri].kind === 'eq' && [...relations[ri].plus, ...relations[ri].minus].every((i) => i === c || !hidden(i)));
  for (;;) {
    let changed = false;
    for (const comp of components(p, relations, byCell, hidden)) {
      let byProgram = false;
      const exposed = comp.cells.find((c) => {
        if (safe[c]) return false;
        if (alone(c) || cappedBelow(p, relations, byCell, c, minCount)) return true;
        if (audit(solve, p, relations, byCell, comp, c, minCount)) safe[c] = 1;
        byProgram = !safe[c];
        return !safe[c];
      });
      if (exposed === undefined) continue;
      // a cell given away by a chain of sums (a region less the county inside it) is not helped
      // by the cheapest cell next to it: try the shown cells of its sums, cheapest first, for one that protects it
      const pick = (byProgram && fixFor(solve, p, relations, byCell, comp, exposed, minCount)) || cheapestFor(p, relations, byCell, exposed, comp);
      if (pick === undefined) {
        // nothing left to hide around it: the whole component decides, exactly
        if (!alone(exposed) && !cappedBelow(p, relations, byCell, exposed, minCount) && protectedIn(solve, p, relations, comp, exposed, minCount)) {
          safe[exposed] = 1;
          changed = true;
          break;
        }
        throw new Error('small-count suppression: no pattern protects every hidden count');
      }
      p.hide(pick, SECONDARY);
      changed = true;
      // the components change: lay them out again
      break;
    }
    if (!changed) return;
  }
}

const FIX_TRIES = 8;

/** The cheapest shown cell of c's component whose hiding alone makes c protected, if one does. */
function fixFor(solve: Solver, p: Pattern, relations: Relation[], byCell: number[][], comp: Component, c: number, minCount: number): number | undefined {
  const candidates = new Set<number>();
  for (const ri of comp.relations) {
    const r = relations[ri];
    if (r.kind !== 'eq') continue;
    for (const i of [...r.plus, ...r.minus]) if (p.stateAt(i) === SHOWN && p.value(i) > 0) candidates.add(i);
  }
  // the cheapest few: a fix that needs a dear cell is found by the fallback, one cell at a time
  const ordered = [...candidates].sort((a, b) => p.value(a) - p.value(b) || a - b).slice(0, FIX_TRIES);
  for (const d of ordered) {
    p.hide(d, SECONDARY);
    const ok = audit(solve, p, relations, byCell, { cells: [...comp.cells, d].sort((a, b) => a - b), relations: [...new Set([...comp.relations, ...byCell[d]])] }, c, minCount);
    p.hide(d, SHOWN);
    if (ok) return d;
  }
  return undefined;
}

/**
 * Whether hidden cell c is protected: a small count can reach `minCount`, and no cell is fixed.
 * One program usually settles it (the true value is feasible, so a larger maximum proves it).
 */
function audit(solve: Solver, p: Pattern, relations: Relation[], byCell: number[][], comp: Component, c: number, minCount: number): boolean {
  // Around c, with the hidden cells further away held at their true values: a value that
  // problem allows, the whole allows too (the true values satisfy every sum), so a local proof
  // is a proof. Without one the cell counts as exposed and one more cell is hidden: that can
  // hide more than the least needed, never less, and keeps each program small on a national
  // register with thousands of hidden cells in one component.
  for (const reach of [2, 4]) {
    const local = neighbourhood(p, relations, byCell, c, reach);
    if (protectedIn(solve, p, relations, local, c, minCount)) return true;
    if (local.cells.length === comp.cells.length) return false;
  }
  return false;
}

function protectedIn(solve: Solver, p: Pattern, relations: Relation[], part: Component, c: number, minCount: number): boolean {
  p.stats.programs++;
  const hi = bound(solve, p, relations, part, c, 'Maximize');
  if (p.stateAt(c) === PRIMARY) return hi >= minCount;
  if (hi > p.value(c)) return true;
  p.stats.programs++;
  return bound(solve, p, relations, part, c, 'Minimize') < p.value(c);
}

/** Sums with more members than this are not walked through when the audit looks around a cell. */
const LOCAL_SUM = 60;
const LARGE_SUM_TAKES = 4;

/** The hidden cells within `reach` sums of c, and the sums that touch them. */
function neighbourhood(p: Pattern, relations: Relation[], byCell: number[][], c: number, reach: number): Component {
  const cells = new Set<number>([c]);
  let frontier = [c];
  for (let d = 0; d < reach && frontier.length; d++) {
    const next: number[] = [];
    for (const x of frontier)
      for (const ri of byCell[x]) {
        // through rows and small totals whole; through a large total (Riket) only a few of its
        // hidden members, enough for the value to move between them and back through their rows
        const members = [...relations[ri].plus, ...relations[ri].minus];
        let taken = 0;
        for (const y of members) {
          if (p.stateAt(y) === SHOWN || cells.has(y)) continue;
          if (members.length > LOCAL_SUM && ++taken > LARGE_SUM_TAKES) break;
          cells.add(y);
          next.push(y);
        }
      }
    frontier = next;
  }
  const rels = new Set<number>();
  for (const x of cells) for (const ri of byCell[x]) rels.add(ri);
  return { cells: [...cells].sort((a, b) => a - b), relations: [...rels].sort((a, b) => a - b) };
}

/**
 * Whether one sum alone caps a small hidden count below `minCount`: its other hidden members
 * are at least 1 each, so c is at most the sum's rest minus their number. Settles the common
 * exposures (a row of small groups) without a program.
 */
function cappedBelow(p: Pattern, relations: Relation[], byCell: number[][], c: number, minCount: number): boolean {
  if (p.stateAt(c) !== PRIMARY) return false;
  for (const ri of byCell[c]) {
    const r = relations[ri];
    const side = r.plus.includes(c) ? r.plus : r.minus;
    const other = side === r.plus ? r.minus : r.plus;
    // c sits with others on one side; the other side, all shown, is their known total
    if (other.some((i) => p.stateAt(i) !== SHOWN)) continue;
    if (r.kind === 'le' && side !== r.plus) continue;
    const total = other.reduce((a, i) => a + p.value(i), 0) - side.filter((i) => i !== c && p.stateAt(i) === SHOWN).reduce((a, i) => a + p.value(i), 0);
    const hiddenOthers = side.filter((i) => i !== c && p.stateAt(i) !== SHOWN).length;
    if (total - hiddenOthers < minCount) return true;
  }
  return false;
}

interface Component {
  cells: number[];
  relations: number[];
}

/** Hidden cells linked by relations that hold more than one unknown… or any: a sum of one hidden cell fixes it. */
function components(p: Pattern, relations: Relation[], byCell: number[][], hidden: (i: number) => boolean): Component[] {
  const seen = new Uint8Array(p.size);
  const out: Component[] = [];
  for (let s = 0; s < p.size; s++) {
    if (!hidden(s) || seen[s]) continue;
    const cells: number[] = [];
    const rels = new Set<number>();
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      cells.push(c);
      for (const ri of byCell[c]) {
        rels.add(ri);
        for (const d of [...relations[ri].plus, ...relations[ri].minus])
          if (hidden(d) && !seen[d]) {
            seen[d] = 1;
            stack.push(d);
          }
      }
    }
    out.push({ cells: cells.sort((a, b) => a - b), relations: [...rels].sort((a, b) => a - b) });
  }
  return out;
}

/** The largest (or smallest) whole value of cell c consistent with everything shown. */
function bound(solve: Solver, p: Pattern, relations: Relation[], comp: Component, c: number, sense: 'Maximize' | 'Minimize'): number {
  const name = (i: number) => `x${i}`;
  const lines: string[] = [];
  // the unknowns: the part's hidden cells; the rest (shown, or hidden and held) are constants
  const free = new Set(comp.cells);
  comp.relations.forEach((ri, n) => {
    const r = relations[ri];
    let constant = 0;
    const terms: string[] = [];
    for (const i of r.plus) if (!free.has(i)) constant += p.value(i); else terms.push(`+ ${name(i)}`);
    for (const i of r.minus) if (!free.has(i)) constant -= p.value(i); else terms.push(`- ${name(i)}`);
    if (terms.length) lines.push(` r${n}: ${terms.join(' ')} ${r.kind === 'eq' ? '=' : '<='} ${-constant}`);
  });
  const vars = comp.cells.map(name);
  const program = [sense, ` obj: ${name(c)}`, 'Subject To', ...lines, 'Bounds', ...vars.map((v) => ` ${v} >= 1`), 'General', ` ${vars.join(' ')}`, 'End'].join('\n');
  const r = solve.solve(program, { output_flag: false });
  if (r.Status === 'Optimal') return Math.round(r.ObjectiveValue);
  // the true values are feasible, so "infeasible or unbounded" is unbounded: nothing caps the cell
  if (sense === 'Maximize' && /unbounded/i.test(r.Status)) return Infinity;
  throw new Error(`small-count suppression: the audit's program is ${r.Status}`);
}

/**
 * The cell to hide next for an exposed cell c: from a sum where c is the only hidden member
 * (that sum alone fixes it), else from the sum holding c with the fewest hidden members; the
 * smallest non-zero count of it, then the earliest. Hiding a cell of the sum that gives c away
 * keeps the extra suppression in the row or column where it is needed.
 */
function cheapestFor(p: Pattern, relations: Relation[], byCell: number[][], c: number, comp: Component): number | undefined {
  const members = (r: Relation) => [...r.plus, ...r.minus];
  const hiddenIn = (r: Relation) => members(r).filter((i) => p.stateAt(i) !== SHOWN).length;
  const cheapest = (ris: number[]) => {
    let pick: number | undefined;
    for (const ri of ris)
      for (const i of members(relations[ri])) {
        if (p.stateAt(i) !== SHOWN || p.value(i) === 0) continue;
        if (pick === undefined || p.value(i) < p.value(pick) || (p.value(i) === p.value(pick) && i < pick)) pick = i;
      }
    return pick;
  };
  const sums = byCell[c].filter((ri) => relations[ri].kind === 'eq' && cheapest([ri]) !== undefined);
  if (sums.length) {
    const fewest = Math.min(...sums.map((ri) => hiddenIn(relations[ri])));
    return cheapest(sums.filter((ri) => hiddenIn(relations[ri]) === fewest));
  }
  return cheapest(comp.relations.filter((ri) => relations[ri].kind === 'eq'));
}
