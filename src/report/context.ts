/**
 * What every report output is built from and what it gives back: the context (year, region,
 * facts, suppression) and an output — a table, a chart, or the reason it was not made.
 */
import type { GapRule } from '../domain/months.js';
import type { Area, Region } from '../domain/municipalities.js';
import type { SuppressOptions } from '../domain/suppress.js';
import type { ChartData, RegionMethod, SurveyChart } from '../charts/types.js';
import { SKIP_EN } from '../messages.js';
import type { Table } from '../tables/table.js';
import type { MuniGroup } from '../io/groups.js';
import type { Facts } from './facts.js';
import type { SurveyRead } from '../domain/survey.js';
import { SKIP_SV } from '../texts-sv.js';
import { DISTRICTS, GOTEBORG, districtCode, districtName } from '../domain/districts.js';
import { loadCounties } from '../io/reference.js';

export const OUTPUT_IDS = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12'] as const;
export type OutputId = (typeof OUTPUT_IDS)[number];

export interface TableData {
  kind: 'table';
  id: OutputId;
  slug: string;
  title: string;
  table: Table;
  source: string;
  notes: string[];
  /** column holding municipality codes, for the profiles' own rows */
  codeColumn?: number;
}

export interface Skipped {
  kind: 'skipped';
  id: OutputId;
  title: string;
  /** for the reader (index.md) */
  reasonSv: string;
  /** for the command line */
  reasonEn: string;
}

export type Output = (ChartData & { id: OutputId }) | TableData | Skipped | SurveyChart;

/** What `report` is asked to do, options parsed. */
export interface ReportSettings {
  year: number;
  region: Region;
  out: string;
  /** write into a non-empty folder bistand did not write */
  force?: boolean;
  /** false: no PNG renders (index.md links the SVGs) */
  png?: boolean;
  /** print rapport.html to rapport.pdf with this browser (--pdf) */
  browser?: string;
  /** groups of municipalities as Kolada lists them (--groups) */
  groups?: string;
  register?: string;
  population: string[];
  kolada: string[];
  sdb: string[];
  oj?: string;
  /** the survey of first-line managers (D6–D12), a map file for its columns, the focus municipality */
  survey?: string;
  surveyMap?: string;
  surveyFocus?: string;
  credit: string;
  suppress: SuppressOptions;
  gapRule: GapRule;
  /** the region's figure: mean of the municipalities' shares, or pooled */
  regionMean: RegionMethod;
  /** what each municipality's section of the documents holds (its folder holds every file) */
  appendix?: Appendix;
  /** years of a profile's trend, ending with the report's year (--trend-years; 3 when not given) */
  trendYears?: number;
  /** a Word template whose styles rapport.docx takes (--template) */
  template?: string;
  /** the source line, when the user gives one (a case-system extract, the sample) */
  source?: string;
  /** the population's source, when the user gives one */
  populationSource?: string;
}

/** What each municipality's section of rapport.docx and rapport.html holds. */
export type Appendix = 'compact' | 'full' | 'none';

export interface ReportContext {
  year: number;
  years: number[];
  /** a profile's trend: up to ten years ending with the report's year, those the inputs have a value for */
  trendYears: number[];
  region: Region;
  areas: (code: string) => Area | undefined;
  facts: Facts;
  suppress: SuppressOptions;
  credit: string;
  regionMean: RegionMethod;
  appendix?: Appendix;
  source?: string;
  /** the population's source as the report names it (SCB, or what the user says) */
  populationSource?: string;
  /** the day the Kolada values were fetched, for the source lines ("hämtad …") */
  koladaFetched?: string;
  /** the population carries SCB's Cell Key noise (2025 on): said under the charts that divide by it */
  populationNoise?: boolean;
  /** false: charts without their PNG */
  png?: boolean;
  /** every municipality's code (Riket's members, for the comparisons) */
  allCodes: () => string[];
  /** groups of municipalities (--groups), for the liknande-kommuner comparison */
  groups: MuniGroup[];
  /** rapport.html printed as rapport.pdf too (--pdf) */
  pdf?: boolean;
  /** the survey's respondents, when one is given */
  survey?: SurveyRead;
  surveyFocus?: string;
}

/** One output of the catalogue: its id, what it needs, how it is made. */
export interface OutputModule {
  id: OutputId;
  /** the inputs it can be made from, first choice first */
  inputs: string;
  build(c: ReportContext): Output;
}

type SkipId = keyof typeof SKIP_EN & keyof typeof SKIP_SV;
type SkipArgs<K extends SkipId> = (typeof SKIP_EN)[K] extends (...a: infer A) => string ? A : [];

/** An output not made, with its reason in both languages from the two catalogues. */
export function skip<K extends SkipId>(id: OutputId, title: string, reason: K, ...args: SkipArgs<K>): Skipped {
  const text = (t: string | ((...a: never[]) => string)) => (typeof t === 'function' ? (t as (...a: SkipArgs<K>) => string)(...args) : t);
  return { kind: 'skipped', id, title, reasonSv: text(SKIP_SV[reason]), reasonEn: text(SKIP_EN[reason]) };
}

export const yearSpan = (c: ReportContext) => `${c.years[0]}–${c.year}`;
export const areaName = (c: ReportContext, code: string) => {
  const d = DISTRICTS.find((x) => districtCode(x) === code);
  return d ? districtName(d) : (c.areas(code)?.name ?? code);
};

/** A municipality's county: its code as Kolada publishes it (`00NN`), its name and its members. */
export function countyOf(c: ReportContext, code: string): { code: string; name: string; codes: string[] } | undefined {
  const county = loadCounties().find((k) => k.code === c.areas(code)?.countyCode);
  return county && { code: `00${county.code}`, name: county.name, codes: c.allCodes().filter((k) => c.areas(k)?.countyCode === county.code) };
}

/** The table's years: those its input has, up to Y+1 (ÖJ and Kolada publish the year after), the latest three. */
export const tableYears = (c: ReportContext, years: readonly number[]) => years.filter((y) => y <= c.year + 1).slice(-3);

/** The region's municipalities with Göteborg's socialförvaltningar under Göteborg, when given. */
export function withDistricts(codes: readonly string[], districts: readonly string[]): string[] {
  return codes.flatMap((k) => (k === GOTEBORG ? [k, ...districts] : [k]));
}
