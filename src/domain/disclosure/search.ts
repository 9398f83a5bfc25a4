/**
 * The search for a protected pattern (see ../disclosure.ts): cells hidden one at a time until an
 * integer program over every shown cell and printed sum finds each hidden one protected.
 */
import highsModule, { type Highs } from 'highs';
import { PRIMARY, SECONDARY, SHOWN } from '../suppress.js';
import { Pattern, Relation, TOTAL_RANK, members } from './pattern.js';

type Solver = Highs;
// a CommonJS module: its export is the loader, which TypeScript types as the default's default
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Highs>;
let solver: Promise<Solver> | undefined;
const highs = () => (solver ??= highsLoader());

/**
 * HiGHS's feasibility jump heuristic took about half the time of a rescue program and found no
 * solution the search did not (docs/performance.md): the programs are tiny and the root node
 * decides them.
 */
const SOLVER_OPTIONS = { output_flag: false, mip_heuristic_run_feasibility_jump: false } as const;


/**
 * How far the search looks and how much it takes at a time: every bound of the search in one
 * place. Each was set on the sample and national registers so that the programs stay small
 * while every hidden count is protected (test/domain/disclosure*.test.ts).
 */
export const LIMITS = {
  /** Differences of nested totals with more members than this are left to the audit's programs. */
  DERIVED_MAX: 12,
  /** How far from an exposed cell, in sums, the cells that may be hidden for it lie. */
  RESCUE_REACH: 2,
  RESCUE_LARGE_TAKES: 6,
  /** How many partner counties one program of `viaPartner` takes. */
  PARTNERS: 3,
  FIX_TRIES: 8,
  FIX_TOTAL_TRIES: 4,
  /** Sums with more members than this are not walked through when the audit looks around a cell. */
  LOCAL_SUM: 60,
  LARGE_SUM_TAKES: 4,
  /**
   * In a component of more than LARGE_COMPONENT hidden cells a local program holds at most about
   * LOCAL_CELLS unknowns. With counties, a national register of small municipalities is one
   * component of hundreds of hidden cells, and programs over a county's columns and their rows
   * took minutes each. A cell not proved within this many counts as exposed (one more cell is
   * hidden): safe, at the cost of extra suppression on such registers.
   */
  LARGE_COMPONENT: 200,
  LOCAL_CELLS: 40,
} as const;

export interface Phase {
  /** relations from this index on are new: components without one were audited before */
  fresh: number;
  /** the cells this phase may hide */
  hideable: (i: number) => boolean;
}

/**
 * Hides cells until the audit finds every hidden one protected. Hiding a cell only widens what
 * the others can be (a constant becomes an unknown), so a cell found safe stays safe: each is
 * audited until it passes, not again after every change.
 */
export async function protect(p: Pattern, relations: Relation[], minCount: number, phase: Phase): Promise<void> {
  const byCell: number[][] = Array.from({ length: p.size }, () => []);
  relations.forEach((r, ri) => {
    for (const i of members(r)) byCell[i].push(ri);
  });
  await new Search(await highs(), p, relations, byCell, minCount).protectAll(phase);
}

/**
 * One search for a pattern: the solver, the pattern being decided, the sums it must hold, the
 * sums each cell is in, and the threshold, held once; its methods are the steps `protect` draws.
 */
class Search {
  constructor(
    readonly solve: Solver,
    readonly p: Pattern,
    readonly relations: Relation[],
    readonly byCell: number[][],
    readonly minCount: number,
  ) {}

  /** Hides cells until the audit finds every hidden one protected (see `protect`). */
  async protectAll(phase: Phase): Promise<void> {
    const { p, relations, byCell } = this;
    const hidden = (i: number) => p.stateAt(i) !== SHOWN;
    const safe = new Uint8Array(p.size);
    const unrescued = new Uint8Array(p.size);
    // what no new sum reaches was protected by the phase before
    for (const comp of this.components(hidden)) if (!comp.relations.some((ri) => ri >= phase.fresh)) for (const c of comp.cells) safe[c] = 1;
    /** a hidden cell alone in a printed sum is fixed by it: no program needed */
    const alone = (c: number) =>
      byCell[c].some((ri) => relations[ri].kind === 'eq' && members(relations[ri]).every((i) => i === c || !hidden(i)));
    for (;;) {
      // a national register's search runs for seconds: let timers and progress lines through
      await new Promise((r) => setImmediate(r));
      let changed = false;
      for (const comp of this.components(hidden)) {
        let byProgram = false;
        const exposed = comp.cells.find((c) => {
          if (safe[c]) return false;
          if (alone(c) || this.cappedBelow(c)) return true;
          if (this.audit(comp, c)) safe[c] = 1;
          byProgram = !safe[c];
          return !safe[c];
        });
        if (exposed === undefined) continue;
        // The fewest cells around it that let it move far enough, found by one program (first
        // through rows and county totals, then a few of Riket's members too); the movement found
        // is the proof, so the cell is safe from here on. Where no set within reach does it, or in a
        // component of a whole country (the programs there are dear), one cell at a time.
        const moved = unrescued[exposed] || comp.cells.length > LIMITS.LARGE_COMPONENT ? undefined : this.viaPartner(exposed, phase.hideable, this.rescue(exposed, phase.hideable, LIMITS.RESCUE_REACH, 0) ?? this.rescue(exposed, phase.hideable, LIMITS.RESCUE_REACH, LIMITS.RESCUE_LARGE_TAKES));
        unrescued[exposed] = 1;
        if (moved) {
          for (const i of moved) p.hide(i, SECONDARY);
          safe[exposed] = 1;
          changed = true;
          break;
        }
        // a cell given away by a chain of sums (a region less the county inside it) is not helped
        // by the cheapest cell next to it: try the shown cells of its sums, cheapest first, for one that protects it
        const pick = (byProgram && this.fixFor(comp, exposed, phase.hideable)) || this.cheapestFor(exposed, comp, phase.hideable);
        if (pick === undefined) {
          // nothing left to hide around it: the whole component decides, exactly
          if (!alone(exposed) && !this.cappedBelow(exposed) && this.protectedIn(comp, exposed)) {
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
      if (!changed) break;
    }
    await this.release(phase, alone);
  }

  /**
   * The search hides one cell at a time, and a region's or Riket's total hidden early may not be
   * needed once cells hidden later protect the same counts: each such total, the largest first, is
   * shown again when every hidden count of its component stays protected without it. Showing a
   * cell only narrows what the others can be, so each is checked again, with the same programs.
   */
  async release(phase: Phase, alone: (c: number) => boolean): Promise<void> {
    const { p, byCell } = this;
    const hidden = (i: number) => p.stateAt(i) !== SHOWN;
    const totals: number[] = [];
    for (let i = 0; i < p.size; i++) if (p.stateAt(i) === SECONDARY && p.rank(i) >= TOTAL_RANK.whole && phase.hideable(i)) totals.push(i);
    totals.sort((a, b) => p.rank(b) - p.rank(a) || p.value(b) - p.value(a) || a - b);
    for (const t of totals) {
      await new Promise((r) => setImmediate(r));
      p.hide(t, SHOWN);
      // only the components t's sums touch can change
      const sums = new Set(byCell[t]);
      const touched = this.components(hidden).filter((comp) => comp.relations.some((ri) => sums.has(ri)));
      const ok = touched.every((comp) => comp.cells.every((c) => !alone(c) && !this.cappedBelow(c) && this.audit(comp, c)));
      if (!ok) p.hide(t, SECONDARY);
      else p.stats.released++;
    }
  }

  /**
   * The cheapest set of shown cells near c whose hiding lets c move: a small count up to
   * `minCount`, any other hidden count by one. An integer program over the changes y of the cells
   * within LIMITS.RESCUE_REACH small sums of c (every other cell held): each printed sum keeps its total,
   * each subset relation holds at the new values, each hidden cell stays ≥ 1, and a shown cell may
   * change only if it is hidden (binary z, its cost: a municipality's cell before a total's, a
   * small count before a large). A solution is itself the proof that c is protected. Undefined
   * when no set within reach does it.
   */
  rescue(c: number, hideable: (i: number) => boolean, reach: number, takes: number): number[] | undefined {
    const { p, relations, byCell, minCount } = this;
    const area = new Set<number>([c]);
    let frontier = [c];
    // hidden first, then counts that can give up what c needs and stay ≥ 1
    const roomy = (i: number) => (p.stateAt(i) !== SHOWN ? 0 : p.value(i) >= minCount ? 1 : 2);
    for (let d = 0; d < reach; d++) {
      const next: number[] = [];
      for (const x of frontier)
        for (const ri of byCell[x]) {
          let inSum = members(relations[ri]).filter((y) => !area.has(y) && (p.stateAt(y) !== SHOWN || (p.value(y) > 0 && hideable(y))));
          // of a large total (Riket) the hidden members and the cheapest few others: enough to
          // move a count between counties (Gotland is a county of its own)
          if (inSum.length > LIMITS.LOCAL_SUM) inSum = inSum.sort((a, b) => roomy(a) - roomy(b) || p.rank(a) - p.rank(b) || p.value(a) - p.value(b) || a - b).slice(0, takes);
          for (const y of inSum) (area.add(y), next.push(y));
        }
      frontier = next;
    }
    return this.cheapestMove(c, area, () => 1);
  }

  /**
   * A county total alone among the county totals of Riket's sum (Gotland is a county of one
   * municipality) moves only against another county's total, which moves only against one of its
   * municipalities, whose row then balances: three sums away, beyond `rescue`'s reach, so that
   * the cheapest set within reach hid Riket's own counts. Here the area is c's own row, Riket's
   * cells and, for a few other counties at a time (the fewest municipalities first), every cell of
   * the county and of its municipalities; Riket's cells cost more than a county's in this program,
   * so that a partner county is taken where one can be. Given what `rescue` found (`near`), that
   * stands unless it hides one of Riket's cells and a partner county does without.
   */
  viaPartner(c: number, hideable: (i: number) => boolean, near: number[] | undefined): number[] | undefined {
    const { p, relations, byCell } = this;
    const sum = byCell[c].find((ri) => relations[ri].parts && relations[ri].plus.includes(c));
    if (sum === undefined) return near;
    const open = (i: number) => p.stateAt(i) !== SHOWN || (p.value(i) > 0 && hideable(i));
    /** the cells reached from `from` through sums of at most LIMITS.LOCAL_SUM members, none of them Riket's */
    const local = (from: number, reach: number) => {
      const area = new Set<number>([from]);
      let frontier = [from];
      for (let d = 0; d < reach; d++) {
        const next: number[] = [];
        for (const x of frontier)
          for (const ri of byCell[x]) {
            const r = relations[ri];
            if (r.parts || members(r).length > LIMITS.LOCAL_SUM) continue;
            for (const y of members(r)) if (!area.has(y) && open(y)) (area.add(y), next.push(y));
          }
        frontier = next;
      }
      return area;
    };
    const own = local(c, 1);
    // Riket's cells: the wholes of the sums of parts that c's row is in
    const wholes = new Set<number>();
    for (const x of own) for (const ri of byCell[x]) if (relations[ri].parts) for (const w of relations[ri].minus) if (open(w)) wholes.add(w);
    // what `rescue` found stands unless it hides Riket
    if (near && !near.some((i) => wholes.has(i))) return near;
    const size = new Map(relations[sum].plus.filter((x) => x !== c && open(x)).map((x) => [x, local(x, 1).size]));
    const partners = [...size.keys()].sort((a, b) => size.get(a)! - size.get(b)! || a - b);
    const dear = (i: number) => (wholes.has(i) ? 4 : 1);
    for (let at = 0; at < partners.length; at += LIMITS.PARTNERS) {
      const area = new Set<number>([...own, ...wholes]);
      // a county's cells of every measure, and its municipalities' rows
      for (const x of partners.slice(at, at + LIMITS.PARTNERS)) for (const y of local(x, 2)) for (const z of local(y, 1)) area.add(z);
      const moved = this.cheapestMove(c, area, dear);
      if (moved && !moved.some((i) => wholes.has(i))) return moved;
    }
    return near;
  }

  /**
   * The program of `rescue` over the cells of `area` (every other cell held at its value); `dear`
   * multiplies a cell's cost. The cells to hide, or undefined when none in the area let c move.
   *
   * A shown cell's change y is tied to its z by |y| ≤ goal·z. Where the sums are a table's
   * margins (rows, a county's municipalities, Riket's counties) a movement of c by `goal` is a sum
   * of cycles that each move a cell by one, so no cheaper set needs a larger change. A larger M
   * (the area's largest count) leaves the relaxation weak, and HiGHS enumerates sets: seconds a
   * program on a national register (docs/performance.md). Sums that cut across others
   * (storstäderna across counties, a custom group) can ask one cell to move further: then no set
   * is found here, and the search hides one cell at a time, as where no set within reach does it
   * — safe either way, since the audit's programs decide what is protected.
   */
  cheapestMove(c: number, area: Set<number>, dear: (i: number) => number): number[] | undefined {
    const { solve, p, relations, byCell, minCount } = this;
    const cells = [...area].sort((a, b) => a - b);
    const rels = new Set<number>();
    for (const x of cells) for (const ri of byCell[x]) rels.add(ri);
    const y = (i: number) => `y${i}`;
    const z = (i: number) => `z${i}`;
    const open = cells.filter((i) => p.stateAt(i) === SHOWN);
    const cost = (i: number) => dear(i) * (1 + 4 * p.rank(i)) ** 2 * (1 + Math.log1p(p.value(i)) / 20);
    const lines: string[] = [];
    let n = 0;
    for (const ri of [...rels].sort((a, b) => a - b)) {
      const r = relations[ri];
      const terms: string[] = [];
      let constant = 0;
      for (const i of r.plus) (area.has(i) ? terms.push(`+ ${y(i)}`) : 0), (constant += p.value(i));
      for (const i of r.minus) (area.has(i) ? terms.push(`- ${y(i)}`) : 0), (constant -= p.value(i));
      if (!terms.length) continue;
      // a sum keeps its total; a subset stays a subset at the new values
      lines.push(r.kind === 'eq' ? ` s${n++}: ${terms.join(' ')} = 0` : ` s${n++}: ${terms.join(' ')} <= ${-constant}`);
    }
    const goal = p.stateAt(c) === PRIMARY ? minCount - p.value(c) : 1;
    for (const i of open) lines.push(` u${i}: ${y(i)} - ${goal} ${z(i)} <= 0`, ` l${i}: ${y(i)} + ${goal} ${z(i)} >= 0`);
    const program = (sign: number) =>
      [
        'Minimize',
        ` obj: ${open.length ? open.map((i) => `${cost(i).toFixed(4)} ${z(i)}`).join(' + ') : '0 ' + y(c)}`,
        'Subject To',
        ...lines,
        ` goal: ${y(c)} = ${sign * goal}`,
        'Bounds',
        ...cells.map((i) => ` ${y(i)} >= ${1 - p.value(i)}`),
        ...(open.length ? ['Binary', ` ${open.map(z).join(' ')}`] : []),
        'General',
        ` ${cells.map(y).join(' ')}`,
        'End',
      ].join('\n');
    // a small count must reach the threshold upwards; any other may move either way
    for (const sign of p.stateAt(c) === PRIMARY ? [1] : [1, -1]) {
      if (sign * goal < 1 - p.value(c)) continue;
      p.stats.programs++;
      const r = solve.solve(program(sign), { ...SOLVER_OPTIONS, mip_max_nodes: 2000 });
      if (r.Status !== 'Optimal') continue;
      return open.filter((i) => Math.round(r.Columns[z(i)].Primal) === 1);
    }
    return undefined;
  }

  /**
   * The sums in which d, once hidden, would be the only hidden member: each forces one more cell
   * to be hidden. A cell whose sums already hold a hidden one closes the pattern instead of
   * extending it (in a county's column, the municipality whose row already has an X).
   */
  forced(d: number): number {
    const { p, relations, byCell } = this;
    let n = 0;
    for (const ri of byCell[d]) {
      const r = relations[ri];
      if (r.kind === 'eq' && r.plus.every((i) => i === d || p.stateAt(i) === SHOWN) && r.minus.every((i) => i === d || p.stateAt(i) === SHOWN)) n++;
    }
    return n;
  }

  /**
   * The order in which cells are hidden when one must be: a municipality's before a total's
   * (TOTAL_RANK), then the one that forces fewest more, then the smaller count, then the earlier.
   */
  cheaper(): (a: number, b: number) => number {
    const { p } = this;
    const memo = new Map<number, number>();
    const f = (i: number) => memo.get(i) ?? (memo.set(i, this.forced(i)), memo.get(i)!);
    return (a, b) => p.rank(a) - p.rank(b) || f(a) - f(b) || p.value(a) - p.value(b) || a - b;
  }

  /** The cheapest shown cell of c's component whose hiding alone makes c protected, if one does. */
  fixFor(comp: Component, c: number, hideable: (i: number) => boolean): number | undefined {
    const { p, relations, byCell } = this;
    const candidates = new Set<number>();
    // near c: in a component of hundreds of hidden cells the cheapest cells of the whole are
    // elsewhere in the country and close nothing around c
    for (const ri of this.near(c, comp)) {
      const r = relations[ri];
      if (r.kind !== 'eq') continue;
      for (const i of members(r)) if (p.stateAt(i) === SHOWN && p.value(i) > 0 && hideable(i)) candidates.add(i);
    }
    // First the corners: a cell that shares a sum with two of the hidden cells beside c (one in
    // c's row, one in its column) closes a rectangle the value can move round
    const beside = new Set<number>([c]);
    for (const ri of byCell[c]) {
      const r = relations[ri];
      if (members(r).length <= LIMITS.LOCAL_SUM) for (const i of members(r)) if (p.stateAt(i) !== SHOWN) beside.add(i);
    }
    const links = new Map<number, number>();
    for (const d of candidates) links.set(d, byCell[d].filter((ri) => members(relations[ri]).some((i) => beside.has(i))).length);
    const order = this.cheaper();
    const ordered = [...candidates].sort((a, b) => Math.min(2, links.get(b)!) - Math.min(2, links.get(a)!) || order(a, b));
    // the first few, and the first few totals (a region less another is undone only by hiding
    // one of the two): a fix that needs a dear cell is found by the fallback, one cell at a time
    const tries = [...ordered.filter((i) => p.rank(i) === 0).slice(0, LIMITS.FIX_TRIES), ...ordered.filter((i) => p.rank(i) > 0).slice(0, LIMITS.FIX_TOTAL_TRIES)];
    // No single cell may do (a count of 1 moved by 4 needs two corners of a rectangle): then the
    // one that lets c move furthest, so each step gets closer
    const reach = (part: Component) => this.bound(this.local(part, c, 4), c, 'Maximize');
    let best: number | undefined;
    let furthest = reach(comp);
    for (const d of tries) {
      p.hide(d, SECONDARY);
      const withD = { cells: [...comp.cells, d].sort((a, b) => a - b), relations: [...new Set([...comp.relations, ...byCell[d]])] };
      const ok = this.audit(withD, c);
      const hi = ok ? Infinity : reach(withD);
      p.hide(d, SHOWN);
      if (ok) return d;
      if (hi > furthest) [best, furthest] = [d, hi];
    }
    return best;
  }

  /**
   * Whether hidden cell c is protected: a small count can reach `minCount`, and no cell is fixed.
   * One program usually settles it (the true value is feasible, so a larger maximum proves it).
   */
  audit(comp: Component, c: number): boolean {
    // Around c, with the hidden cells further away held at their true values: a value that
    // problem allows, the whole allows too (the true values satisfy every sum), so a local proof
    // is a proof. Without one the cell counts as exposed and one more cell is hidden: that can
    // hide more than the least needed, never less, and keeps each program small on a national
    // register with thousands of hidden cells in one component.
    for (const reach of [2, 4]) {
      const part = this.local(comp, c, reach);
      if (this.protectedIn(part, c)) return true;
      if (part.cells.length === comp.cells.length) return false;
    }
    return false;
  }

  /** The part of c's component its programs look at: all of it, or around c in a large one. */
  local(comp: Component, c: number, reach: number): Component {
    return this.neighbourhood(c, reach, comp.cells.length > LIMITS.LARGE_COMPONENT ? LIMITS.LOCAL_CELLS : Infinity);
  }

  protectedIn(part: Component, c: number): boolean {
    const { p, minCount } = this;
    p.stats.programs++;
    const hi = this.bound(part, c, 'Maximize');
    if (p.stateAt(c) === PRIMARY) return hi >= minCount;
    if (hi > p.value(c)) return true;
    p.stats.programs++;
    return this.bound(part, c, 'Minimize') < p.value(c);
  }

  /**
   * The hidden cells within `reach` sums of c, and the sums that touch them. Rows and small totals
   * (a county) first, to the full reach: the few cells a value can move through (the corners of a
   * rectangle of municipalities and measures) lie there. Then, where room is left, a few hidden
   * members of each large total (Riket) for the value to move between counties.
   */
  neighbourhood(c: number, reach: number, most: number): Component {
    const { p, relations, byCell } = this;
    const cells = new Set<number>([c]);
    const walk = (large: boolean) => {
      let frontier = [...cells];
      for (let d = 0; d < reach && frontier.length; d++) {
        const next: number[] = [];
        for (const x of frontier)
          for (const ri of byCell[x]) {
            const inSum = members(relations[ri]);
            if (inSum.length > LIMITS.LOCAL_SUM !== large) continue;
            let taken = 0;
            for (const y of inSum) {
              if (p.stateAt(y) === SHOWN || cells.has(y)) continue;
              if (cells.size >= most || (large && ++taken > LIMITS.LARGE_SUM_TAKES)) break;
              cells.add(y);
              next.push(y);
            }
          }
        frontier = next;
      }
    };
    walk(false);
    walk(true);
    const rels = new Set<number>();
    for (const x of cells) for (const ri of byCell[x]) rels.add(ri);
    return { cells: [...cells].sort((a, b) => a - b), relations: [...rels].sort((a, b) => a - b) };
  }

  /**
   * Whether one sum alone caps a small hidden count below `minCount`: its other hidden members
   * are at least 1 each, so c is at most the sum's rest minus their number. Settles the common
   * exposures (a row of small groups) without a program.
   */
  cappedBelow(c: number): boolean {
    const { p, relations, byCell, minCount } = this;
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

  /** Hidden cells linked by relations that hold more than one unknown… or any: a sum of one hidden cell fixes it. */
  components(hidden: (i: number) => boolean): Component[] {
    const { p, relations, byCell } = this;
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
          for (const d of members(relations[ri]))
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
  bound(comp: Component, c: number, sense: 'Maximize' | 'Minimize'): number {
    const { solve, p, relations } = this;
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
    const r = solve.solve(program, SOLVER_OPTIONS);
    if (r.Status === 'Optimal') return Math.round(r.ObjectiveValue);
    // the true values are feasible, so "infeasible or unbounded" is unbounded: nothing caps the cell
    if (sense === 'Maximize' && /unbounded/i.test(r.Status)) return Infinity;
    throw new Error(`small-count suppression: the audit's program is ${r.Status}`);
  }

  /**
   * The cell to hide next for an exposed cell c: from a sum where c is the only hidden member
   * (that sum alone fixes it), else from the sum holding c with the fewest hidden members; a
   * municipality's count before a total, the smallest non-zero count, then the earliest. Hiding a cell of the sum that gives c away
   * keeps the extra suppression in the row or column where it is needed.
   */
  cheapestFor(c: number, comp: Component, hideable: (i: number) => boolean): number | undefined {
    const { p, relations, byCell } = this;
    const hiddenIn = (r: Relation) => members(r).filter((i) => p.stateAt(i) !== SHOWN).length;
    const order = this.cheaper();
    const cheapest = (ris: number[]) => {
      let pick: number | undefined;
      for (const ri of ris)
        for (const i of members(relations[ri])) {
          if (p.stateAt(i) !== SHOWN || p.value(i) === 0 || !hideable(i)) continue;
          if (pick === undefined || order(i, pick) < 0) pick = i;
        }
      return pick;
    };
    const sums = byCell[c].filter((ri) => relations[ri].kind === 'eq' && cheapest([ri]) !== undefined);
    if (sums.length) {
      const fewest = Math.min(...sums.map((ri) => hiddenIn(relations[ri])));
      return cheapest(sums.filter((ri) => hiddenIn(relations[ri]) === fewest));
    }
    return cheapest(this.near(c, comp).filter((ri) => relations[ri].kind === 'eq'));
  }

  /** The sums around c where a cell to hide for it is sought: two sums away in a large component. */
  near(c: number, comp: Component): number[] {
    return comp.cells.length > LIMITS.LARGE_COMPONENT ? this.neighbourhood(c, 2, LIMITS.LOCAL_CELLS).relations : comp.relations;
  }
}






interface Component {
  cells: number[];
  relations: number[];
}
