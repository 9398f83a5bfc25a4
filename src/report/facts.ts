/**
 * What the report's inputs say, in one lookup: counts from the register engine and values of
 * published statistics (Kolada KPIs, population), by measure, municipality and year. A
 * suppressed or missing value keeps its status.
 */
import { Classification } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS, Group } from '../domain/reasons.js';
import { Status, TidyRow } from '../domain/tidy.js';

export interface Fact {
  value: number | string | null;
  status: Status;
}

/** Register measures, counted over adults (when the register has ages). */
export type RegisterMeasure = 'reg:recipients' | 'reg:long_term' | 'reg:very_long_term' | `reg:${Group}`;
/** SCB population at 31 December (io/aggregated/population). */
export type PopulationMeasure = 'population' | 'population_18plus';
/** A Kolada KPI id: N31807, U31900, … */
export type KpiId = `${'N' | 'U'}${number}`;
export type Measure = RegisterMeasure | PopulationMeasure | KpiId;

export const REG = {
  recipients: 'reg:recipients',
  longTerm: 'reg:long_term',
  veryLongTerm: 'reg:very_long_term',
  group: (g: Group): RegisterMeasure => `reg:${g}`,
} as const satisfies Record<string, RegisterMeasure | ((g: Group) => RegisterMeasure)>;

const isKpiId = (m: string): m is KpiId => /^[NU]\d{5}$/.test(m);
const isPopulation = (m: string): m is PopulationMeasure => m === 'population' || m === 'population_18plus';

export class Facts {
  private readonly map = new Map<string, Fact>();
  /** measures present, for choosing sources */
  private readonly measures = new Set<Measure>();
  /** ÖJ answers, kept as rows (unit and question matter) */
  readonly oj: TidyRow[] = [];
  /** years in which the very long-term figure could be decided */
  readonly veryLongYears = new Set<number>();
  /** the years the register was classified for; empty without a register */
  registerYears: number[] = [];

  private key(measure: Measure, code: string, year: string | number) {
    return `${measure}|${code}|${year}`;
  }

  set(measure: Measure, code: string, year: string | number, f: Fact): void {
    this.map.set(this.key(measure, code, year), f);
    this.measures.add(measure);
  }

  get(measure: Measure, code: string, year: string | number): Fact | undefined {
    return this.map.get(this.key(measure, code, year));
  }

  has(measure: Measure): boolean {
    return this.measures.has(measure);
  }

  /** Years (as numbers) with any value of a measure. */
  years(measure: Measure): number[] {
    const ys = new Set<number>();
    for (const k of this.map.keys()) {
      const [m, , y] = k.split('|');
      if (m === measure && /^\d{4}$/.test(y)) ys.add(Number(y));
    }
    return [...ys].sort((a, b) => a - b);
  }

  addValues(rows: TidyRow[]): void {
    for (const r of rows) {
      if (r.sex !== 'T') continue;
      // other measures (a Statistikdatabasen table) no output reads
      if (isKpiId(r.measure) || isPopulation(r.measure)) this.set(r.measure, r.kommunCode, r.period, { value: r.value, status: r.status });
    }
  }

  addOj(rows: TidyRow[]): void {
    this.oj.push(...rows);
  }

  addRegister(c: Classification, munis: Municipalities, years: readonly number[]): void {
    c.rows.forEach((r) => {
      const code = munis.kommuner[r.kommun].code;
      this.set(REG.recipients, code, r.year, { value: r.recipients, status: 'ok' });
      this.set(REG.longTerm, code, r.year, { value: r.longTerm, status: 'ok' });
      if (r.veryLongTerm !== null) this.set(REG.veryLongTerm, code, r.year, { value: r.veryLongTerm, status: 'ok' });
      GROUPS.forEach((g, i) => this.set(REG.group(g), code, r.year, { value: r.groups[i], status: 'ok' }));
    });
    c.veryLongAvailable.forEach((ok, yi) => {
      if (ok) this.veryLongYears.add(years[yi]);
    });
    this.registerYears = [...years];
  }
}
