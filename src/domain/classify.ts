/**
 * From per-person state to per-municipality counts (SPEC §1–2): recipients in Y, long-term,
 * very long-term, and recipients by the reason group their months vote for.
 */
import { GapRule, hasMonth, isLongTerm, isVeryLongTerm } from './months.js';
import { PersonState, UNKNOWN_AGE } from './person-state.js';
import { GROUPS } from './reasons.js';

export const ADULT_AGE = 18;
const MISSING = GROUPS.indexOf('missing');

export interface ClassifyOptions {
  gapRule: GapRule;
  /** only adults count (an age or birth-year column exists) */
  adultsOnly: boolean;
  /** group index of each stored label value (0 = no reason column); length = labels + 1 */
  labelGroup: Int8Array;
  /** the years whose parts of each breakdown are counted too (`--by`, the report's Y): a tenth of the time of a national register's year */
  breakdowns?: readonly number[];
}

/**
 * The parts of a municipality's recipients `--by` prints: by sex as the register gives it, by age
 * group (18–24 as Socialstyrelsen's young adults), by household type in Kolada's order
 * (N31911–N31916; the register's codes 1–6); "unknown" where the register gives none, so that the
 * parts add up to the whole. Each person counts in the part of the latest month of the year.
 */
export const BREAKDOWNS = {
  sex: ['K', 'M', 'unknown'],
  age: ['18-24', '25-64', '65+', 'unknown'],
  household: ['single_woman_with_children', 'single_woman_without_children', 'single_man_with_children', 'single_man_without_children', 'couple_with_children', 'couple_without_children', 'unknown'],
} as const;
export type Breakdown = keyof typeof BREAKDOWNS;

/** The age group of an age (UNKNOWN_AGE: unknown), as an index into BREAKDOWNS.age. */
export const ageGroup = (age: number) => (age === UNKNOWN_AGE ? 3 : age < 25 ? 0 : age < 65 ? 1 : 2);

/** The counts of some of a municipality's recipients: all of them, or one part of a breakdown. */
export interface Counts {
  recipients: number;
  longTerm: number;
  /** null when the input does not reach back to Jan Y−2 */
  veryLongTerm: number | null;
  /** recipients per reason group, in GROUPS order */
  groups: number[];
}

export interface KommunYear extends Counts {
  /** index into Municipalities.kommuner */
  kommun: number;
  year: number;
  /** the recipients by each breakdown, in the order of its parts (BREAKDOWNS), when counted */
  by?: Record<Breakdown, Counts[]>;
  /**
   * the amounts of the municipality's rows in the year, in öre, and the rows that had one (in the
   * household file, households and months); null without an amount column
   */
  paid: { ore: number; rows: number } | null;
}

export interface Classification {
  rows: KommunYear[];
  /** per reference year: whether the 36-month rule could be decided */
  veryLongAvailable: boolean[];
  /** per reference year: persons left out as children */
  children: number[];
  /** per reference year: recipients whose age was not given (counted as adults) */
  unknownAge: number[];
  /** per reference year: recipients whose latest month had rows in two municipalities (counted in the lower code) */
  twoKommuner: number[];
}

/** Group winning a person-year's monthly votes; ties go to the group voted for latest. */
export function winningGroup(monthGroups: ArrayLike<number>): number {
  return winner(monthGroups, new Int32Array(GROUPS.length), new Int32Array(GROUPS.length));
}

/** `winningGroup` with its two scratch arrays given (one pair for all persons). */
function winner(monthGroups: ArrayLike<number>, votes: Int32Array, latest: Int32Array): number {
  votes.fill(0);
  latest.fill(-1);
  for (let m = 0; m < monthGroups.length; m++) {
    const g = monthGroups[m];
    if (g < 0) continue;
    votes[g]++;
    latest[g] = m;
  }
  let best = MISSING;
  for (let g = 0; g < votes.length; g++) {
    if (votes[g] === 0) continue;
    if (votes[best] === 0 || votes[g] > votes[best] || (votes[g] === votes[best] && latest[g] > latest[best])) best = g;
  }
  return best;
}

function count(c: Counts, long: boolean, veryLong: boolean, group: number): void {
  c.recipients++;
  if (long) c.longTerm++;
  if (veryLong) c.veryLongTerm!++;
  c.groups[group]++;
}

export function classify(state: PersonState, persons: number, opts: ClassifyOptions, veryLongAvailable: boolean[]): Classification {
  const { years } = state.layout;
  const nYears = years.length;
  // one slot per municipality and year: codes index a table of at most 4096
  const byKey: (KommunYear | undefined)[] = [];
  const children = new Array<number>(nYears).fill(0);
  const unknownAge = new Array<number>(nYears).fill(0);
  const twoKommuner = new Array<number>(nYears).fill(0);
  const monthGroups = new Int8Array(12);
  const votes = new Int32Array(GROUPS.length);
  const latest = new Int32Array(GROUPS.length);
  for (let p = 0; p < persons; p++) {
    for (let yi = 0; yi < nYears; yi++) {
      if (state.lastMonth(p, yi) < 0) continue;
      const age = state.age(p, yi);
      if (opts.adultsOnly) {
        if (age === UNKNOWN_AGE) unknownAge[yi]++;
        else if (age < ADULT_AGE) {
          children[yi]++;
          continue;
        }
      }
      const k = state.kommun(p, yi);
      if (state.twoKommuner(p, yi)) twoKommuner[yi]++;
      const key = k * nYears + yi;
      let row = byKey[key];
      if (!row) {
        const counts = (): Counts => ({ recipients: 0, longTerm: 0, veryLongTerm: veryLongAvailable[yi] ? 0 : null, groups: [0, 0, 0, 0, 0] });
        row = { kommun: k, year: years[yi], ...counts(), paid: state.paidInYear(k, yi), ...(opts.breakdowns?.includes(years[yi]) ? { by: { sex: BREAKDOWNS.sex.map(counts), age: BREAKDOWNS.age.map(counts), household: BREAKDOWNS.household.map(counts) } } : {}) };
        byKey[key] = row;
      }
      const window = state.window(p, yi);
      const long = isLongTerm(window);
      const veryLong = row.veryLongTerm !== null && isVeryLongTerm(window, opts.gapRule);
      let group: number;
      // without a reason column every month votes "missing" (labelGroup[0])
      if (!state.withLabels) group = opts.labelGroup[0];
      else {
        for (let m = 0; m < 12; m++) monthGroups[m] = hasMonth(window, 24 + m) ? opts.labelGroup[state.label(p, yi, m)] : -1;
        group = winner(monthGroups, votes, latest);
      }
      count(row, long, veryLong, group);
      if (row.by) {
        // SEX 2 = woman, 1 = man, 0 = unknown: BREAKDOWNS.sex's K, M, unknown
        const sex = state.sex(p, yi);
        count(row.by.sex[sex === 2 ? 0 : sex === 1 ? 1 : 2], long, veryLong, group);
        count(row.by.age[ageGroup(age)], long, veryLong, group);
        // household 1–6: parts 0–5; 0 (unknown): the last
        const household = state.household(p, yi);
        count(row.by.household[household === 0 ? 6 : household - 1], long, veryLong, group);
      }
    }
  }
  const rows = byKey.filter((r): r is KommunYear => r !== undefined).sort((a, b) => a.year - b.year || a.kommun - b.kommun);
  return { rows, veryLongAvailable, children, unknownAge, twoKommuner };
}
