/**
 * The pattern of a national register, checked by an attacker who writes Riket as the sum of its
 * 290 municipalities (the pattern writes it as the sum of the counties: the same equations, and
 * this test is what says so), every county, GR and storstäderna as theirs, and knows rows,
 * subsets and that hidden counts are whole numbers ≥ 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Classification, KommunYear } from '../../src/domain/classify.js';
import { decidePattern, printableRegions, totalKey, type CountMeasure } from '../../src/domain/disclosure.js';
import { GR, STORSTAD } from '../../src/domain/municipalities.js';
import { GROUPS } from '../../src/domain/reasons.js';
import { DEFAULT_SUPPRESS, SHOWN } from '../../src/domain/suppress.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { Published, Solver, expectProtected, loadHighs } from './attacker.js';

const MIN = DEFAULT_SUPPRESS.minCount;
const YEAR = 2021;

/** A seeded national year: large municipalities, and small counts in the counties given and here and there. */
function nationalYear(smallCounties: string[]): Classification {
  const munis = loadMunicipalities();
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const smallCounty = new Set(smallCounties);
  const rows: KommunYear[] = munis.kommuner.map((k, kommun) => {
    const small = smallCounty.has(k.countyCode) || rand() < 0.04;
    // each group large, or in a small place now and then 0–4
    const groups = GROUPS.map((_, g) => (small && g >= 2 && rand() < 0.7 ? Math.floor(rand() * 5) : 20 + Math.floor(rand() * 400)));
    const recipients = groups.reduce((a, b) => a + b, 0);
    const longTerm = small && rand() < 0.3 ? 1 + Math.floor(rand() * 4) : Math.floor(recipients * 0.4);
    return { kommun, year: YEAR, recipients, longTerm, veryLongTerm: Math.floor(longTerm / 2), groups };
  });
  return { rows, veryLongAvailable: [true], children: [0], unknownAge: [0] };
}

// Gotland is a county of one municipality: a small count there sits alone among the counties'
// totals, and what balances it is another county's total and the cells behind it, three sums
// away (before the partner counties' program, Riket's cells of those measures were hidden)
for (const smallCounties of [
  ['10', '23'],
  ['09', '10', '23'],
]) {
  describe(`a national register with small counts in counties ${smallCounties.join(', ')}: Riket as the sum of the counties`, () => {
    const munis = loadMunicipalities();
    const measures: CountMeasure[] = ['recipients', 'long_term', 'very_long_term', ...GROUPS];
    const codes = munis.kommuner.map((k) => k.code);
    const counties = [...new Set(munis.kommuner.map((k) => k.countyCode))].map((c) => munis.kommuner.filter((k) => k.countyCode === c).map((k) => k.code));
    const areas: string[][] = [codes, GR.codes, STORSTAD.codes, ...counties];
    const truth = new Map<string, number>();
    const pub = new Published();
    let solve: Solver;

    beforeAll(async () => {
      solve = await loadHighs();
      const c = nationalYear([...smallCounties]);
      const p = await decidePattern(c, munis, DEFAULT_SUPPRESS, printableRegions(munis, []), true);
      const value = (r: KommunYear, m: CountMeasure) => (m === 'recipients' ? r.recipients : m === 'long_term' ? r.longTerm : m === 'very_long_term' ? r.veryLongTerm! : r.groups[GROUPS.indexOf(m as (typeof GROUPS)[number])]);
      const publish = (m: CountMeasure, area: string, v: number) => {
        const key = `${m}|${area}`;
        truth.set(key, v);
        // a one-municipality county's total is the municipality's cell
        const state = p.stateOf(m, area, YEAR);
        if (state === undefined) throw new Error(`no cell ${key}`);
        pub.cell(key, state === SHOWN ? String(v) : 'X');
      };
      for (const r of c.rows) for (const m of measures) publish(m, munis.kommuner[r.kommun].code, value(r, m));
      for (const a of areas.filter((a) => a.length > 1))
        for (const m of measures) publish(m, totalKey(a), c.rows.filter((r) => a.includes(munis.kommuner[r.kommun].code)).reduce((s, r) => s + value(r, m), 0));
      // what a reader knows: rows, subsets, and each total as the sum of its municipalities
      for (const a of [...codes.map((k) => [k]), ...areas.filter((a) => a.length > 1)]) {
        const at = a.length === 1 ? a[0] : totalKey(a);
        pub.sums.push({ total: `recipients|${at}`, parts: GROUPS.map((g) => `${g}|${at}`) });
        pub.atMost.push([`long_term|${at}`, `recipients|${at}`], [`very_long_term|${at}`, `recipients|${at}`]);
        if (a.length > 1) for (const m of measures) pub.sums.push({ total: `${m}|${at}`, parts: a.map((k) => `${m}|${k}`) });
      }
    }, 120_000);

    it('hides the small counts and keeps Riket and the large counties visible', () => {
      expect(pub.conflicts).toEqual([]);
      const small = [...pub.hidden].filter((x) => truth.get(x)! > 0 && truth.get(x)! < MIN);
      expect(small.length).toBeGreaterThan(20);
      for (const [k, v] of truth) if (v > 0 && v < MIN) expect(pub.hidden.has(k), k).toBe(true);
      const riket = (m: CountMeasure) => `${m}|${totalKey(codes)}`;
      for (const m of measures) expect(pub.shown.get(riket(m)), `Riket ${m}`).toBe(truth.get(riket(m)));
      expect(pub.shown.get(`recipients|${totalKey(counties.find((c) => c.includes('0180'))!)}`)).toBeGreaterThan(0);
    });

    it('no hidden count is fixed or bounded below the threshold', async () => {
      expect(pub.hidden.size).toBeGreaterThan(0);
      for (const x of pub.hidden) {
        // yield: vitest's worker must answer its runner within 60 s
        await new Promise((r) => setImmediate(r));
        expectProtected(solve, pub, x, truth.get(x)!, MIN);
      }
    }, 120_000);
  });
}
