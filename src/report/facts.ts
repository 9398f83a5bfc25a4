/**
 * What the report's inputs say, in one lookup: counts from the register engine and values of
 * published statistics (Kolada KPIs, population), by measure, municipality and year. A
 * suppressed or missing value keeps its status.
 */
import { Breakdown, Classification, Counts, KommunYear } from '../domain/classify.js';
import type { PartsPattern } from '../domain/disclosure/parts.js';
import { Coverage } from '../domain/coverage.js';
import { CountMeasure, Pattern, type PatternView } from '../domain/disclosure.js';
import { DISTRICTS, districtCode } from '../domain/districts.js';
import type { Location } from '../errors.js';
import { Municipalities } from '../domain/municipalities.js';
import { GROUPS, Group } from '../domain/reasons.js';
import { Status, TidyRow } from '../domain/tidy.js';

export interface Fact {
  value: number | string | null;
  status: Status;
  /** the value's place in its input file, for an error about it */
  where?: Location;
}

/** Register measures, counted over adults (when the register has ages). */
export type RegisterMeasure = 'reg:recipients' | 'reg:long_term' | 'reg:very_long_term' | `reg:${Group}`;
/** The register's amounts paid (kronor; an amount column), not a count: no cell of the pattern. */
export type PaidMeasure = 'reg:paid' | 'reg:household_months';
/** SCB population at 31 December (io/aggregated/population). */
export type PopulationMeasure = 'population' | 'population_18plus';
/** A Kolada KPI id: N31807, U31900, … */
export type KpiId = `${'N' | 'U'}${number}`;
/** Statistikdatabasen's yearly recipients (all ages, or adults), and D1's share derived from them. */
export type SdbMeasure = 'sdb:recipients' | 'sdb:recipients_18plus' | 'sdb:share';
/** A KPI Kolada divides by gender, for women (K) or men (M); the KPI's own id is the total (T). */
export type KpiBySex = `${KpiId}:${'K' | 'M'}`;
export type Measure = RegisterMeasure | PaidMeasure | PopulationMeasure | KpiId | KpiBySex | SdbMeasure;

/** The disclosure pattern's name of a register measure. */
export const countMeasure = (m: RegisterMeasure): CountMeasure => m.slice(4) as CountMeasure;

export const REG = {
  recipients: 'reg:recipients',
  longTerm: 'reg:long_term',
  veryLongTerm: 'reg:very_long_term',
  group: (g: Group): RegisterMeasure => `reg:${g}`,
  paid: 'reg:paid',
  /** households and months with an amount (the household file's Sbel) */
  householdMonths: 'reg:household_months',
} as const satisfies Record<string, RegisterMeasure | PaidMeasure | ((g: Group) => RegisterMeasure)>;

const isKpiId = (m: string): m is KpiId => /^[NU]\d{5}$/.test(m);
const isPopulation = (m: string): m is PopulationMeasure => m === 'population' || m === 'population_18plus';

/**
 * A Statistikdatabasen row of recipients per year ("Antal biståndsmottagare"), for adults when a
 * choice says 18+ or vuxna; undefined for any other measure.
 */
export function sdbMeasureOf(r: TidyRow): SdbMeasure | undefined {
  if (!/antal bist[åa]ndsmottagare|^bist[åa]ndsmottagare/i.test(r.measure) || !/^\d{4}$/.test(r.period)) return undefined;
  const choices = Object.entries(r.extra).filter(([k]) => k !== 'unit' && k !== 'measure_name').map(([k, v]) => `${k} ${v}`).join(' ');
  if (/(?<!\d)18\s*(\+|-|år och äldre)|vuxna/i.test(choices)) return 'sdb:recipients_18plus';
  if (/(?<!\d)\d{1,2}\s*[-–]\s*\d{1,2}|barn|unga/i.test(choices)) return undefined;
  return 'sdb:recipients';
}

export class Facts {
  private readonly map = new Map<string, Fact>();
  /** measures present, for choosing sources */
  private readonly measures = new Set<Measure>();
  /** ÖJ answers, kept as rows (unit and question matter) */
  private readonly ojRows: TidyRow[] = [];
  /** years in which the very long-term figure could be decided */
  readonly veryLongYears = new Set<number>();
  /** the years the register was classified for; empty without a register */
  registerYears: number[] = [];
  /** which municipalities and months the register has rows for */
  private coverage = new Coverage();
  /** the register's one pattern of hidden cells, which the charts show counts through */
  private decided: PatternView = new Pattern(false);
  /** whether the register has a reason column (else every person's group is "missing") */
  registerHasReasons = false;
  /** the register's parts of each breakdown it has (sex, age, household type) in the report's year, with the pattern they are shown through */
  readonly parts = new Map<Breakdown, { counts: Map<string, Counts[]>; pattern: PartsPattern }>();
  /** measures some output has read, so that an input no output uses is named */
  readonly used = new Set<Measure | 'oj'>();

  private key(measure: Measure, code: string, year: string | number) {
    return `${measure}|${code}|${year}`;
  }

  set(measure: Measure, code: string, year: string | number, f: Fact): void {
    this.map.set(this.key(measure, code, year), f);
    this.measures.add(measure);
  }

  /**
   * The value of a measure. A register count of a municipality and year the register covers is
   * 0 when no person was counted; of one it does not cover, missing.
   */
  get(measure: Measure, code: string, year: string | number): Fact | undefined {
    const f = this.lookup(measure, code, year);
    // an input is used when some output got a value from it
    if (f?.status === 'ok') this.used.add(measure);
    return f;
  }

  private lookup(measure: Measure, code: string, year: string | number): Fact | undefined {
    const f = this.map.get(this.key(measure, code, year));
    if (!measure.startsWith('reg:') || !this.registerYears.includes(Number(year))) return f;
    if (measure === REG.veryLongTerm && !this.veryLongYears.has(Number(year))) return undefined;
    if (!this.covered(code, Number(year))) return { value: null, status: 'missing' };
    return f ?? { value: 0, status: 'ok' };
  }

  /** Whether the register counted anyone for the municipality in the year (a row of classify). */
  hasRow(code: string, year: number): boolean {
    return this.map.has(this.key(REG.recipients, code, year));
  }

  /** Whether the register has rows for the municipality in the year. */
  covered(code: string, year: number): boolean {
    return this.registerYears.includes(year) && this.coverage.has(code, year);
  }

  /** ÖJ answers (reading them counts as using the ÖJ file). */
  get oj(): readonly TidyRow[] {
    this.used.add('oj');
    return this.ojRows;
  }

  has(measure: Measure): boolean {
    return this.measures.has(measure);
  }

  /** Göteborg's socialförvaltningar with a value of the measure, as codes (`1480:Nordost`). */
  districts(measure: Measure): string[] {
    return DISTRICTS.map(districtCode).filter((code) => this.years(measure).some((y) => this.map.has(this.key(measure, code, y))));
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

  addValues(rows: TidyRow[], file?: string): void {
    for (const r of rows) {
      // women and men of a KPI beside its total (T6); of other measures the totals alone
      if (r.sex !== 'T' && !((r.sex === 'K' || r.sex === 'M') && isKpiId(r.measure))) continue;
      const where = file && r.at ? { file, line: r.at.line, column: r.at.column } : undefined;
      // other measures (a Statistikdatabasen table) no output reads
      const district = DISTRICTS.find((d) => d === r.extra.district);
      const code = district ? districtCode(district) : r.kommunCode;
      const sdb = sdbMeasureOf(r);
      const measure = sdb ?? r.measure;
      if (r.sex !== 'T') this.set(`${measure as KpiId}:${r.sex as 'K' | 'M'}`, code, r.period, { value: r.value, status: r.status, ...(where ? { where } : {}) });
      else if (sdb || isKpiId(measure) || isPopulation(measure)) this.set(measure as Measure, code, r.period, { value: r.value, status: r.status, ...(where ? { where } : {}) });
    }
  }

  addOj(rows: TidyRow[]): void {
    this.ojRows.push(...rows);
  }

  /** Measures present of the given rows that the report can read (KPIs, population). */
  static measuresOf(rows: readonly TidyRow[]): Measure[] {
    return [...new Set(rows.map((r) => sdbMeasureOf(r) ?? r.measure))].filter((m): m is Measure => isKpiId(m) || isPopulation(m) || m.startsWith('sdb:'));
  }

  /** The register's pattern of hidden cells (hiding nothing without a register). */
  get pattern(): PatternView {
    return this.decided;
  }

  /** A breakdown's parts of the municipalities (`rows` of one year), with the pattern of parts decided for them. */
  addParts(by: Breakdown, rows: readonly KommunYear[], munis: Municipalities, pattern: PartsPattern): void {
    this.parts.set(by, { counts: new Map(rows.map((r) => [munis.kommuner[r.kommun].code, r.by![by]])), pattern });
  }

  /** The register's counts, with the pattern they are shown through. */
  addRegister(c: Classification, munis: Municipalities, years: readonly number[], coverage: Coverage, hasReasons: boolean, pattern: PatternView, householdFile = false): void {
    this.decided = pattern;
    this.coverage = coverage;
    this.registerHasReasons = hasReasons;
    c.rows.forEach((r) => {
      const code = munis.kommuner[r.kommun].code;
      this.set(REG.recipients, code, r.year, { value: r.recipients, status: 'ok' });
      this.set(REG.longTerm, code, r.year, { value: r.longTerm, status: 'ok' });
      if (r.veryLongTerm !== null) this.set(REG.veryLongTerm, code, r.year, { value: r.veryLongTerm, status: 'ok' });
      GROUPS.forEach((g, i) => this.set(REG.group(g), code, r.year, { value: r.groups[i], status: 'ok' }));
      if (r.paid !== null) this.set(REG.paid, code, r.year, { value: r.paid.ore / 100, status: 'ok' });
      if (householdFile && r.paid !== null) this.set(REG.householdMonths, code, r.year, { value: r.paid.rows, status: 'ok' });
    });
    c.veryLongAvailable.forEach((ok, yi) => {
      if (ok) this.veryLongYears.add(years[yi]);
    });
    this.registerYears = [...years];
  }
}
