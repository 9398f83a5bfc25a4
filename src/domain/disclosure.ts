/**
 * One pattern of hidden cells per register input (SPEC §6), decided once over every
 * municipality of the input and every total any command can print for it without being told
 * more — each built-in region (GR, storstäderna, each county, Riket, all municipalities of the
 * input) — so that whichever outputs of one input are published, they agree on what is hidden.
 * The pattern does not depend on the command or the region a run asks for. A custom region (a
 * file, a group) is laid on top: its own totals are checked against that pattern and hidden
 * where they would give a hidden count away, so the municipalities' cells stay the same in
 * every run.
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
import { Classification } from './classify.js';
import { GR, Municipalities, Region, STORSTAD } from './municipalities.js';
import { GROUPS, Group } from './reasons.js';
import { PRIMARY, SECONDARY, SuppressOptions } from './suppress.js';
import { LIMITS, protect } from './disclosure/search.js';
import { COUNT_MEASURES, CountMeasure, Pattern, Relation, TOTAL_RANK, totalKey } from './disclosure/pattern.js';

export { COUNT_MEASURES, Pattern, totalKey, type CountMeasure, type PatternState, type PatternStats, type PatternView } from './disclosure/pattern.js';

/**
 * Totals some output can print. `base`: the ones any run of any command can print without being
 * told more — all of the input (`--total`), GR, storstäderna, every county and Riket — so the
 * pattern is the same in every run. `extra`: the custom regions of this run (a file, a group).
 */
export interface Printable {
  base: readonly PrintableTotal[];
  extra: readonly PrintableTotal[];
}

/** The members of a total; `input`: every municipality with rows. */
export interface PrintableTotal {
  codes: readonly string[] | 'input';
  /** one of a partition of the country (the counties): a total made of whole parts is written as their sum */
  part?: true;
}

export function printableRegions(munis: Municipalities, given: readonly Region[]): Printable {
  const counties = new Map<string, string[]>();
  for (const k of munis.kommuner) if (k.countyCode) counties.set(k.countyCode, [...(counties.get(k.countyCode) ?? []), k.code]);
  const base: PrintableTotal[] = [{ codes: 'input' }, ...[GR, STORSTAD].map((r) => ({ codes: r.codes })), { codes: munis.kommuner.map((k) => k.code) }, ...[...counties.values()].map((codes) => ({ codes, part: true as const }))];
  return { base, extra: given.map((r) => ({ codes: r.codes })) };
}

/**
 * The pattern for a classification: counts per municipality and year, and the totals `printable`
 * names (only members with rows count). The base totals are protected first; a custom region's
 * totals then only hide cells of their own.
 */
/** What the pattern is decided from: the counts per municipality and year, and each municipality's code. */
export type PatternInput = Pick<Classification, 'rows'>;
export interface PatternMunicipalities {
  kommuner: readonly { code: string }[];
}

export async function decidePattern(c: PatternInput, munis: PatternMunicipalities, o: SuppressOptions, printable: Printable, withGroups: boolean): Promise<Pattern> {
  const p = new Pattern(o.enabled && o.minCount > 1);
  const relations: Relation[] = [];
  const years = [...new Set(c.rows.map((r) => r.year))];
  const layouts = years.map((y) => {
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
    return { y, codes, measures, cell, totals: [] as { key: string; present: Set<string>; fresh: boolean }[], parts: [] as string[][] };
  });

  /** Adds the totals of `list` to every year; the sums of nested totals are written out too. */
  const addTotals = (list: readonly PrintableTotal[], fresh: boolean) => {
    for (const { y, codes, measures, cell, totals, parts } of layouts) {
      // the parts first, so that a total made of them can be written as their sum
      for (const t of [...list.filter((t) => t.part), ...list.filter((t) => !t.part)]) {
        const present = t.codes === 'input' ? [...codes] : t.codes.filter((k) => codes.includes(k));
        if (!present.length) continue;
        const key = totalKey(present);
        if (t.part) parts.push(present);
        const rank = t.codes === 'input' ? TOTAL_RANK.input : present.length < t.codes.length ? TOTAL_RANK.partial : TOTAL_RANK.whole;
        const known = p.index(p.cellKey('recipients', key, y));
        if (known !== undefined) {
          for (const m of measures) p.raise(cell(m, key), rank);
          continue;
        }
        if (present.length === 1) {
          for (const m of measures) p.alias(p.cellKey(m, key, y), cell(m, present[0]));
          continue;
        }
        // Riket as the sum of its counties, not of 290 municipalities: the same equations, but a
        // count hidden in one county is tied to another only through a hidden county total, so the
        // programs work county by county
        const whole = t.part ? [] : partsOf(present, parts);
        for (const m of measures) {
          const t = p.add(p.cellKey(m, key, y), present.reduce((a, k) => a + p.value(cell(m, k)), 0), rank);
          relations.push(whole.length ? { plus: whole.map((part) => cell(m, totalKey(part))), minus: [t], kind: 'eq', parts: true } : { plus: present.map((k) => cell(m, k)), minus: [t], kind: 'eq' });
        }
        relations.push({ plus: [cell('long_term', key)], minus: [cell('recipients', key)], kind: 'le' });
        if (measures.includes('very_long_term')) relations.push({ plus: [cell('very_long_term', key)], minus: [cell('recipients', key)], kind: 'le' });
        if (withGroups) relations.push({ plus: GROUPS.map((g) => cell(g, key)), minus: [cell('recipients', key)], kind: 'eq' });
        totals.push({ key, present: new Set(present), fresh });
      }
      // A region less a region inside it is the sum of the few municipalities between them (a
      // regional register's GR less its part of Västra Götaland is Kungsbacka). The programs see
      // that anyway; written out, the cheap checks see it too, and the cell to hide next is one
      // of the two totals.
      for (const a of totals)
        for (const b of totals) {
          if (a === b || !(a.fresh || b.fresh) || b.present.size >= a.present.size || a.present.size - b.present.size > LIMITS.DERIVED_MAX) continue;
          if (![...b.present].every((k) => a.present.has(k))) continue;
          const between = [...a.present].filter((k) => !b.present.has(k));
          for (const m of measures) relations.push({ plus: [...between.map((k) => cell(m, k)), cell(m, b.key)], minus: [cell(m, a.key)], kind: 'eq' });
        }
      for (const t of totals) t.fresh = false;
    }
  };
  const primary = (from: number) => {
    for (let i = from; i < p.size; i++) if (p.value(i) > 0 && p.value(i) < o.minCount) p.hide(i, PRIMARY);
  };

  addTotals(printable.base, true);
  if (p.enabled) {
    primary(0);
    await protect(p, relations, o.minCount, { fresh: 0, hideable: () => true });
  }
  const firstExtra = p.size;
  const firstExtraRelation = relations.length;
  addTotals(printable.extra, true);
  if (p.enabled && p.size > firstExtra) {
    primary(firstExtra);
    await protect(p, relations, o.minCount, { fresh: firstExtraRelation, hideable: (i) => i >= firstExtra });
  }
  p.stats.cells = p.size;
  for (let i = 0; i < p.size; i++) {
    if (p.stateAt(i) === PRIMARY) p.stats.primary++;
    if (p.stateAt(i) === SECONDARY) p.stats.secondary++;
  }
  return p;
}

/**
 * The parts that make up `present` exactly, for a total of more than LIMITS.LOCAL_SUM members (Riket, a
 * national register's input) made of two or more; else none. A regional total keeps its
 * municipalities: there the sum of a county's part and a municipality ties nothing new together.
 */
function partsOf(present: readonly string[], parts: readonly string[][]): string[][] {
  if (present.length <= LIMITS.LOCAL_SUM) return [];
  const inside = new Set(present);
  const used = parts.filter((part) => part.some((k) => inside.has(k)));
  if (used.length < 2 || used.some((part) => part.some((k) => !inside.has(k)))) return [];
  return used.reduce((n, part) => n + part.length, 0) === present.length ? used : [];
}

