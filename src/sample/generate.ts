/**
 * A seeded generator of synthetic register extracts with the shape of the real thing: long
 * spells with gaps of 1–4 months, short spells, movers between municipalities, children, two
 * payments in one month, every reason spelling of SPEC §2, blank reasons, rows ordered by month
 * and not by person. No real person is in it: ids are opaque numbers.
 */
import { GR } from '../domain/municipalities.js';
import { REASONS } from '../domain/reasons.js';

export interface SampleOptions {
  persons: number;
  /** the last year; rows cover Jan(year−years+1)…Dec(year) */
  year: number;
  /** years of rows (3: the window of one reference year; 5: three reference years) */
  years: number;
  /** municipality codes to spread persons over */
  kommuner: readonly string[];
  seed: number;
  delimiter: string;
  header: 'canonical' | 'swedish';
  period: 'year-month' | 'period';
  age: 'age' | 'birth_year' | 'none';
  lineEnding: '\n' | '\r\n';
  /** share of person-months given a label no catalogue knows (tests the unknown-label report) */
  unknownLabels: number;
  /** an amount column (belopp): the kronor of each row, a payment */
  amounts?: boolean;
}

export const DEFAULT_SAMPLE: SampleOptions = {
  persons: 4000,
  year: 2021,
  years: 3,
  kommuner: GR.codes,
  seed: 1,
  delimiter: ';',
  header: 'canonical',
  period: 'year-month',
  age: 'age',
  lineEnding: '\n',
  unknownLabels: 0,
};

/** Rough relative sizes of the GR municipalities (inhabitants, thousands), so Göteborg dominates. */
const GR_WEIGHT: Record<string, number> = {
  '1480': 590, '1384': 85, '1481': 70, '1482': 48, '1441': 43, '1489': 42, '1402': 40,
  '1401': 39, '1440': 32, '1415': 27, '1419': 16, '1462': 14, '1407': 13,
};
const BIG: Record<string, number> = { '0180': 980, '1280': 350, '1480': 590, '0380': 240, '0580': 165, '1880': 160 };

/** Spellings seen in case systems and Excel exports, by catalogue label. */
export const SPELLINGS: Record<string, string[]> = {
  'Arbetslös – ingen ersättning': ['Arbetslös, ingen ersättning/stöd', 'Arbetslös - ingen ersättning', 'ARBETSLÖS – INGEN ERSÄTTNING'],
  'Arbetslös – otillräcklig ersättning': ['Arbetslös, otillräcklig ersättning', 'Arbetslös - otillräcklig ersättning'],
  'Arbetslös – väntar på ersättning': ['Arbetslös, väntar på ersättning'],
  'Otillräcklig etableringsersättning': ['Etableringsersättning otillräcklig', 'Etableringsers. otillräcklig'],
  'Väntar på etableringsersättning': ['Väntar på etableringsers.'],
  'Sjukskriven med läkarintyg – ingen sjukpenning': ['Sjukskriven med läkarintyg - ingen sjukpenning', 'Sjukskriven m läkarintyg, ingen sjukpenning'],
  'Sjukskriven med läkarintyg – otillräcklig sjukpenning': ['Sjukskriven m läkarintyg, otillräcklig sjukpenning'],
  'Sjukskriven med läkarintyg – väntar på sjukpenning': ['Sjukskriven m läkarintyg, väntar på sjukpenning'],
  'Sjuk- eller aktivitetsersättning – väntar på ersättning': ['Sjuk/Aktivitetsersättning, väntar på ersättning'],
  'Sjuk- eller aktivitetsersättning – otillräcklig ersättning': ['Sjuk/Aktivitetsersättning, otillräcklig ersättning'],
  'Ingen etableringsersättning (prestationsförmåga <25 %)': ['Etableringsers. saknas (prestationsförmåga <25%)'],
  'Arbetshinder – sociala skäl': ['Arbetshinder, sociala skäl', 'Arbetshinder - sociala skäl'],
  'Ensamkommande ungdom och gymnasiestuderande': ['Ensamkommande ungdom 18-20 år, gymnasiestuderande'],
};

/** mulberry32: small, seeded, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every person's months, reasons and places in typed arrays, a row of N months a person: a
 * national register of millions of persons over twelve years is a few hundred MB, where objects
 * of arrays were gigabytes (2 million persons over 12 years ran out of heap).
 */
class Plans {
  readonly id: Int32Array;
  /** 1 where the person has assistance in month m (person × N + m) */
  readonly months: Uint8Array;
  /** the reason of each month, −1 for none given (person × N + m) */
  readonly reasons: Int8Array;
  readonly kommunA: Int32Array;
  readonly kommunB: Int32Array;
  readonly moveAt: Int32Array;
  readonly birthYear: Int32Array;

  constructor(persons: number, readonly N: number) {
    this.id = new Int32Array(persons);
    this.months = new Uint8Array(persons * N);
    this.reasons = new Int8Array(persons * N);
    this.kommunA = new Int32Array(persons);
    this.kommunB = new Int32Array(persons);
    this.moveAt = new Int32Array(persons);
    this.birthYear = new Int32Array(persons);
  }
}

const BY_GROUP = (g: string) => REASONS.map((r, i) => (r.group === g ? i : -1)).filter((i) => i >= 0);

/** Calls `emit` with the text of the file in pieces of many rows each. */
export function generateSample(o: SampleOptions, emit: (text: string) => void): void {
  const rand = rng(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const weights = o.kommuner.map((c) => GR_WEIGHT[c] ?? BIG[c] ?? 3 + 40 * rand() ** 3);
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const total = cumulative[cumulative.length - 1];
  const pickKommun = () => {
    const x = rand() * total;
    let i = 0;
    while (cumulative[i] < x) i++;
    return i;
  };
  const groups = { unemployment: BY_GROUP('unemployment'), ill_health: BY_GROUP('ill_health'), social: BY_GROUP('social'), other: BY_GROUP('other') };
  const mainReason = () => {
    const x = rand();
    return x < 0.42 ? pick(groups.unemployment) : x < 0.7 ? pick(groups.ill_health) : x < 0.8 ? pick(groups.social) : x < 0.92 ? pick(groups.other) : -1;
  };

  // opaque, unsorted ids: a multiplicative permutation of 1..n
  const idOf = (i: number) => 100000 + ((i * 7919 + 13) % (o.persons * 3 + 1));
  const N = 12 * o.years;
  const plans = new Plans(o.persons, N);
  for (let i = 0; i < o.persons; i++) {
    const months = plans.months.subarray(i * N, (i + 1) * N);
    // Spells are drawn on a longer time line (from two years before the window) and cut to
    // it, so that every year of the window looks alike: no year gets more long spells.
    const span = (from: number, len: number) => {
      for (let m = Math.max(0, from); m < Math.min(N, from + len); m++) months[m] = 1;
    };
    while (!months.includes(1)) {
      const kind = rand();
      if (kind < 0.3) span(Math.floor(rand() * (N + 4)) - 4, 1 + Math.floor(rand() * 6));
      else if (kind < 0.5) span(Math.floor(rand() * (N + 12)) - 12, 7 + Math.floor(rand() * 9));
      else if (kind < 0.87) {
        // a long spell with interruptions of 1–4 months
        const len = 16 + Math.floor(rand() * 44);
        let m = Math.floor(rand() * (N + len)) - len;
        const end = m + len;
        while (m < end) {
          const run = 3 + Math.floor(rand() * 14);
          span(m, Math.min(run, end - m));
          m += run + (rand() < 0.7 ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 2));
        }
      } else {
        const len = 36 + Math.floor(rand() * 36);
        span(Math.floor(rand() * (N + len)) - len, len);
      }
    }
    const child = rand() < 0.06;
    const main = mainReason();
    for (let m = 0; m < N; m++) plans.reasons[i * N + m] = rand() < 0.15 ? mainReason() : main;
    plans.id[i] = idOf(i);
    plans.kommunA[i] = pickKommun();
    plans.kommunB[i] = rand() < 0.1 ? pickKommun() : -1;
    plans.moveAt[i] = Math.floor(rand() * N);
    // children are at least 0 in the first year of rows
    plans.birthYear[i] = child ? o.year - 17 + Math.floor(rand() * Math.max(1, 18 - o.years)) : o.year - 20 - Math.floor(rand() * 50);
  }

  const d = o.delimiter;
  const sw = o.header === 'swedish';
  const cols = [sw ? 'Löpnr' : 'person_id', sw ? 'Kommun' : 'kommun'];
  if (o.period === 'period') cols.push(sw ? 'Period' : 'period');
  else cols.push(sw ? 'År' : 'year', sw ? 'Månad' : 'month');
  cols.push(sw ? 'Försörjningshinder' : 'hinder');
  if (o.age === 'age') cols.push(sw ? 'Ålder' : 'age');
  if (o.age === 'birth_year') cols.push(sw ? 'Födelseår' : 'birth_year');
  cols.push(sw ? 'Kön' : 'sex');
  if (o.amounts) cols.push(sw ? 'Belopp' : 'belopp');
  const eol = o.lineEnding;
  const quote = (s: string) => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const spell = (reason: number): string => {
    if (reason < 0) return rand() < 0.5 ? '' : 'Uppgift saknas';
    if (rand() < o.unknownLabels) return pick(['Annat', 'Okänt hinder 99', 'Väntar på beslut']);
    const label = REASONS[reason].label;
    const alts = SPELLINGS[label];
    return alts && rand() < 0.6 ? pick(alts) : label;
  };

  let out = cols.join(d) + eol;
  const order = new Int32Array(o.persons).map((_, i) => i);
  const firstYear = o.year - o.years + 1;
  for (let m = 0; m < N; m++) {
    // a new order every month: registers are not sorted by person
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const year = firstYear + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const when = o.period === 'period' ? `${year}-${String(month).padStart(2, '0')}` : `${year}${d}${String(month).padStart(2, '0')}`;
    for (const pi of order) {
      if (!plans.months[pi * N + m]) continue;
      const k = o.kommuner[plans.kommunB[pi] >= 0 && m >= plans.moveAt[pi] ? plans.kommunB[pi] : plans.kommunA[pi]];
      const born = plans.birthYear[pi];
      const ageCol = o.age === 'age' ? `${d}${year - born}` : o.age === 'birth_year' ? `${d}${born}` : '';
      const id = plans.id[pi];
      const sex = id % 2 ? 'K' : 'M';
      const payments = rand() < 0.05 ? 2 : 1;
      for (let n = 0; n < payments; n++) {
        const reason = n === 0 ? plans.reasons[pi * N + m] : mainReason();
        // (drawn only when asked for: the rows without amounts are those of earlier versions)
        const amount = o.amounts ? `${d}${quote(`${1500 + Math.floor(rand() * 9000)},${String(Math.floor(rand() * 100)).padStart(2, '0')}`)}` : '';
        out += `${id}${d}${k}${d}${when}${d}${quote(spell(reason))}${ageCol}${d}${sex}${amount}${eol}`;
      }
      if (out.length > 1 << 20) {
        emit(out);
        out = '';
      }
    }
  }
  emit(out);
}
