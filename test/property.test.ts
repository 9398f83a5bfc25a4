/**
 * The fast path (byte scanner, typed arrays) against the plain reference classifier on random
 * registers: random persons, months across and outside the window, two rows in a month,
 * movers, children, every spelling, unknown and blank labels, any row order, any layout, and
 * reads cut at random places.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { REF_LABEL_GROUP, RefRow, referenceClassify } from './reference/classifier.js';
import { expectSameTable, fastClassify, threadedClassify } from './helpers.js';

const LABELS = [...Object.keys(REF_LABEL_GROUP), 'Annat', 'Okänt 99'];
const KOMMUNER = ['0180', '1280', '1480', '1481', '2580'];

/** A person: scattered months, or a long spell with interruptions of 1–4 months. */
const person = (history: boolean) =>
  fc.record({
    kommun: fc.constantFrom(...KOMMUNER),
    mover: fc.option(fc.record({ kommun: fc.constantFrom(...KOMMUNER), at: fc.integer({ min: 0, max: 35 }) })),
    scattered: fc.array(history ? fc.integer({ min: -3, max: 38 }) : fc.integer({ min: 24, max: 35 }), { maxLength: 14 }),
    spell: fc.option(
      fc.record({
        from: fc.integer({ min: history ? 0 : 24, max: 14 + (history ? 0 : 24) }),
        to: fc.integer({ min: 24, max: 35 }),
        gaps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 35 }), len: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
      }),
    ),
    labels: fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 }),
    age: fc.integer({ min: 10, max: 80 }),
    twice: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 3 }),
  });

type P = fc.Arbitrary<ReturnType<typeof person> extends fc.Arbitrary<infer T> ? T : never>;

/** Rows of persons, then shuffled by a seed: row order must not matter (but for ties). */
function rowsOf(ps: (P extends fc.Arbitrary<infer T> ? T : never)[], seed: number): RefRow[] {
  const rows: RefRow[] = [];
  ps.forEach((p, i) => {
    const months = new Set(p.scattered);
    if (p.spell) {
      for (let m = p.spell.from; m <= p.spell.to; m++) months.add(m);
      for (const g of p.spell.gaps) for (let m = g.at; m < g.at + g.len; m++) months.delete(m);
    }
    const once = [...months].map((m) => ({ m, again: false }));
    const twice = p.twice.filter((t) => months.has(t)).map((m) => ({ m, again: true }));
    for (const { m, again } of [...once, ...twice]) {
      const kommun = p.mover && m >= p.mover.at ? p.mover.kommun : p.kommun;
      rows.push({
        id: `P${i}`,
        // a second row in a month may name another municipality and age: which row comes
        // later in the input decides
        kommun: again ? KOMMUNER[(KOMMUNER.indexOf(kommun) + 1) % KOMMUNER.length] : kommun,
        year: 2019 + Math.floor(m / 12),
        month: (((m % 12) + 12) % 12) + 1,
        hinder: p.labels[(m + rows.length) % p.labels.length],
        age: again ? p.age + 1 : p.age,
      });
    }
  });
  let x = seed;
  for (let i = rows.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) >>> 0;
    const j = x % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** Full 36-month coverage: one filler person with a row every month, so very long-term is decidable. */
const filler: RefRow[] = Array.from({ length: 36 }, (_, m) => ({ id: 'F', kommun: '2580', year: 2019 + Math.floor(m / 12), month: (m % 12) + 1, hinder: '', age: 40 }));

function serialise(rows: RefRow[], d: string, eol: string, quoteAll: boolean): string {
  const q = (s: string | number) => (quoteAll || String(s).includes(d) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  const lines = [['person_id', 'kommun', 'year', 'month', 'hinder', 'age'].join(d)];
  for (const r of rows) lines.push([r.id, r.kommun, r.year, r.month, r.hinder ?? '', r.age ?? ''].map(q).join(d));
  return lines.join(eol) + eol;
}

describe('fast path = reference', () => {
  it('on random registers, both gap rules, any layout and chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((history) => fc.tuple(fc.constant(history), fc.array(person(history), { minLength: 1, maxLength: 30 }))),
        fc.integer({ min: 0, max: 1 << 30 }),
        fc.constantFrom(';', ',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom<'internal' | 'all'>('internal', 'all'),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async ([history, persons], seed, d, eol, quoteAll, gapRule, pieces, withFiller) => {
          const rows = rowsOf(persons, seed);
          // with history but no filler, whether Y−2 and Y−1 are covered depends on the persons
          const all = history && withFiller ? [...filler, ...rows] : rows;
          const expected = referenceClassify(all, 2021, gapRule, true);
          const bytes = Buffer.from(serialise(all, d, eol, quoteAll));
          expectSameTable(await fastClassify(bytes, 2021, { gapRule }, pieces), expected);
          return true;
        },
      ),
      { numRuns: 150, seed: 20261122 },
    );
  });

  it('on random registers read by 2 and 3 threads (cuts anywhere, ties across cuts)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((history) => fc.tuple(fc.constant(history), fc.array(person(history), { minLength: 1, maxLength: 30 }))),
        fc.integer({ min: 0, max: 1 << 30 }),
        fc.constantFrom(';', ','),
        fc.constantFrom<'internal' | 'all'>('internal', 'all'),
        fc.integer({ min: 2, max: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async ([history, persons], seed, d, gapRule, threads, cutAt) => {
          const rows = rowsOf(persons, seed);
          const all = history ? [...filler, ...rows] : rows;
          const expected = referenceClassify(all, 2021, gapRule, true);
          const bytes = Buffer.from(serialise(all, d, '\n', false));
          // the first worker starts anywhere: a small file is otherwise read whole before it boots
          const firstCut = Math.floor(cutAt * bytes.length);
          expectSameTable(await threadedClassify(bytes, 2021, threads, { gapRule, firstCut }), expected);
          return true;
        },
      ),
      { numRuns: 40, seed: 20261123 },
    );
  });
});
