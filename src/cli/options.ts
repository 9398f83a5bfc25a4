/**
 * Every command-line option, defined once as data: flags, help text, allowed values, default,
 * and the parser that turns the text into the value a command uses. Commands pick the ones
 * they take and get their option types from here; the recipe goes through the same parsers;
 * help and the README's option tables are made from it (`npm run docs`, checked by a test).
 */
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { GAP_RULES } from '../domain/months.js';
import { DEFAULT_SUPPRESS } from '../domain/suppress.js';
import { LAYOUTS } from '../domain/tidy.js';
import { Encoding, parseEncoding } from '../io/encoding.js';
import { FORMATS } from '../io/write-table.js';
import { DEFAULT_SAMPLE } from '../sample/generate.js';
import { regionOf } from './region.js';
import { REGISTER_COLUMNS, RegisterColumn, isRegisterColumn } from '../io/register/index.js';
import { nameText } from '../text.js';

export interface OptionDef<T = unknown> {
  flags: string;
  description: string;
  choices?: readonly string[];
  /** as the user would write it; parsed like a given value */
  default?: string;
  /** may be given several times; the values collect in a list */
  repeatable?: boolean;
  /** a file or folder: a recipe's value is relative to the recipe */
  path?: boolean;
  /** the text as given → the value; throws a UsageError (an option with choices checks them without one) */
  parse?: (text: string, flag: string) => T;
}

const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (v: string, flag: string): T => {
    if (!(choices as readonly string[]).includes(v)) throw new UsageError(msg.badOptionValue(flag, v, choices));
    return v as T;
  };

/** `2021`, `2020,2021`, `2019-2021` → sorted distinct years. */
export function parseYears(v: string): number[] {
  const out = new Set<number>();
  for (const part of v.split(',')) {
    const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(part);
    if (!m) throw new UsageError(msg.badYearOption(v));
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a || b - a > 30 || a < 1990 || b > 2100) throw new UsageError(msg.badYearOption(v));
    for (let y = a; y <= b; y++) out.add(y);
  }
  return [...out].sort((x, y) => x - y);
}

/** A Kolada KPI id as Kolada writes it: N or U and five digits. */
function kpiId(v: string, flag: string): string {
  const id = v.trim().toUpperCase();
  if (!/^[NU]\d{5}$/.test(id)) throw new UsageError(msg.badOptionValue(flag, v, ['a Kolada KPI id such as N31807']));
  return id;
}

function parseYear(v: string, flag: string): number {
  const ys = parseYears(v);
  if (ys.length !== 1) throw new UsageError(msg.oneYearOnly(flag), msg.oneYearOnlyHint());
  return ys[0];
}

export function parseDelimiter(v: string): string {
  if (v === 'tab' || v === '\\t') return '\t';
  if (v.length !== 1) throw new UsageError(msg.badDelimiterOption(v));
  return v;
}

export function parseEncodingOption(v: string, flag: string): Encoding {
  const e = parseEncoding(v);
  if (!e) throw new UsageError(msg.badOptionValue(flag, v, ['utf8', 'windows-1252']));
  return e;
}

/** --min-count and --min-denominator. */
export function parsePositive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(msg.badNumberOption(flag, v));
  return n;
}

const text = (v: string) => v;
/** A name or a source line's part: plain text, cut to what a chart's title or source line holds (src/text.ts). */
const name = (max: number) => (v: string) => nameText(v, max);

function parseKommunCode(v: string): string {
  if (!/^\d{4}$/.test(v.trim())) throw new UsageError(msg.badKommunOption(v));
  return v.trim();
}

function parseColumnChoice(v: string): [RegisterColumn, string] {
  const m = /^\s*([a-z_]+)\s*=\s*(.+?)\s*$/.exec(v);
  if (!m || !isRegisterColumn(m[1])) throw new UsageError(msg.badColumnOption(v, Object.keys(REGISTER_COLUMNS).join(', ')));
  return [m[1], m[2]];
}

export const OPTIONS = {
  year: { flags: '-y, --year <years>', description: 'reference year Y; a list (2020,2021) or a range (2019-2021) gives a row per year (required)', parse: parseYears },
  format: { flags: '-f, --format <format>', description: '`csv` with `.` decimals; `json` keeps numbers as numbers, `"X"` for hidden cells, `null` for not available; `sv-csv` for Swedish Excel (`;`, decimal comma, BOM, codes kept as text); `xlsx` a workbook (with `-o`, or stdout redirected)', choices: FORMATS, default: 'csv' },
  output: { flags: '-o, --output <file>', description: 'write to this file (whole or not at all) instead of stdout', parse: text },
  gapRule: {
    flags: '--gap-rule <rule>',
    description:
      'very long-term: `internal` counts only gaps between the first and last month with assistance; `all` also the leading and trailing ones. Do not publish both side by side: their difference can single out small groups',
    choices: GAP_RULES,
    default: 'internal',
  },
  rejects: {
    flags: '--rejects <file>',
    description: 'bad rows go to this CSV (line, column, reason and the row as read — it may hold person ids) and the run goes on; without it the first bad row stops the run',
    parse: text,
  },
  noSuppress: { flags: '--no-suppress', description: 'show counts 1–4 (small-count suppression is on by default; prints a warning)' },
  minCount: { flags: '--min-count <n>', description: 'counts from 1 to n−1 are hidden as X (1 turns suppression off, with the warning of --no-suppress)', default: String(DEFAULT_SUPPRESS.minCount), parse: parsePositive },
  minDenominator: { flags: '--min-denominator <n>', description: 'shares of fewer persons are hidden as X', default: String(DEFAULT_SUPPRESS.minDenominator), parse: parsePositive },
  delimiter: { flags: '--delimiter <char>', description: 'field delimiter `;`, `,` or `tab` (detected from the header by default)', parse: parseDelimiter },
  encoding: { flags: '--encoding <name>', description: '`utf8` or `windows-1252` (detected by default)', parse: parseEncodingOption },
  by: {
    flags: '--by <part>',
    description:
      '`sex` (K, M, unknown), `age` (18-24, 25-64, 65+, unknown) or `household` (Kolada\'s six household types, from the household file\'s adults and Barn15 or a hushallstyp column of codes 1–6; unknown): a row per part of each municipality, its part in a last column (`sex`, `age_group`, `household_type`); each person in the part of their latest month of the year. Under suppression a part is its count or X, decided against its municipality\'s shown counts; a municipality-year whose counts are hidden, or whose parts no pattern protects, is left out (a note names it); with --total only with --no-suppress',
    choices: ['sex', 'age', 'household'] as const,
  },
  total: { flags: '--total', description: 'a row per year summing the municipalities (`kommun_name` = `Totalt`); secondary suppression then covers the columns too' },
  onlyRegion: {
    flags: '--region <region>',
    description: 'only the municipalities of a region: `gr`, `storstad`, `riket`, a county by code or name (`12`, `"Skåne län"`), one municipality by code or name (`1481`, `Mölndal`), or a file of municipality codes (with `--total`: the region\'s total)',
    parse: (v: string) => regionOf(v),
  },
  column: {
    flags: '--column <role=name>',
    description: 'which column holds a role when the header is ambiguous or uses another name: `person_id=personnr`, `kommun=3` (a name, or a column number; roles as in SPEC §3.1)',
    repeatable: true,
    parse: parseColumnChoice,
  },
  hinderMap: { flags: '--hinder-map <file>', description: 'CSV mapping local reason labels or codes to a reason or group (unemployment, ill_health, social, other, missing)', parse: text },
  debug: { flags: '--debug', description: 'print a stack trace on errors' },
  noPng: { flags: '--no-png', description: 'skip the PNG renders (the slow part): charts as .vl.json, .svg and .csv only, index.md linking the SVGs' },
  groups: { flags: '--groups <file>', description: 'groups of municipalities as Kolada lists them (group_id, group_title, member_id, member_title): each profile is compared with its "Liknande kommuner" group', path: true, parse: text },
  pdf: { flags: '--pdf', description: 'also print rapport.html to rapport.pdf, with a Chromium or Chrome on the machine (PATH, or $BISTAND_BROWSER)' },
  force: { flags: '--force', description: 'write the report into a non-empty folder bistand did not write: files of the same names are replaced, nothing else (never from a recipe)' },
  // tidy
  sheet: { flags: '--sheet <name>', description: 'the sheet of an Excel workbook (a name, or 1 for the first); by default the first with a table', parse: text },
  as: { flags: '--as <layout>', description: 'the layout, instead of detecting it (`survey` prints a survey export in its long form)', choices: [...LAYOUTS, 'survey'] as const },
  period: { flags: '--period <yyyy>', description: 'the year, for files that do not say it (months as columns, ÖJ)', parse: text },
  nameMap: { flags: '--name-map <file>', description: 'CSV of names as the file writes them and their 4-digit codes (`Möndal;1481`)', parse: text },
  // report
  reportYear: { flags: '-y, --year <year>', description: 'reference year Y; the charts cover Y−2…Y', parse: parseYear },
  region: { flags: '--region <region>', description: '`gr` (Göteborgsregionen, the default), `storstad`, `riket`, a county by code or name (`12`, `"Skåne län"`), one municipality by code or name (`1481`, `Mölndal`: its own report against its county and Riket), a file of municipality codes, or a group of the `--groups` file by id or title (`G128683`)', default: 'gr', parse: (v: string) => regionOf(v, true) },
  regionName: { flags: '--region-name <name>', description: 'the name of a region given as a file (default: the file\'s name)', parse: name(80) },
  out: { flags: '--out <dir>', description: 'output folder', path: true, parse: text },
  register: { flags: '--register <file>', description: 'register extract (person-month rows)', path: true, parse: text },
  population: { flags: '--population <file>', description: 'population per municipality and year (total and 18+); repeatable (SCB\'s years in two tables: one file each)', repeatable: true, path: true, parse: text },
  kolada: { flags: '--kolada <file>', description: 'Kolada data (API v3 JSON or CSV); repeatable', repeatable: true, path: true, parse: text },
  sdb: { flags: '--sdb <file>', description: 'Statistikdatabasen export; repeatable', repeatable: true, path: true, parse: text },
  oj: { flags: '--oj <file>', description: 'Öppna jämförelser survey extract', path: true, parse: text },
  survey: { flags: '--survey <file>', description: 'the survey of first-line managers (D6–D12): a Google Forms or Microsoft Forms export, codes (Q7_3), or the long form; CSV or XLSX', path: true, parse: text },
  surveyMap: { flags: '--survey-map <file>', description: 'CSV of the survey export\'s columns: `column,question,item` (for exports bistand does not recognise)', path: true, parse: text },
  surveyFocus: { flags: '--survey-focus <code>', description: 'the municipality of D10 (D11 is the rest); default: the one with the most respondents (Göteborg in GR)', parse: parseKommunCode },
  recipe: { flags: '--recipe <file>', description: 'a JSON file with these settings (keys as the options in camelCase; paths relative to it); flags override it', parse: text },
  regionMean: {
    flags: '--region-mean <method>',
    description: "the region's figure: `unweighted`, the mean of its municipalities' shares (as the GR report and Kolada); `pooled`, all recipients over all inhabitants. The chart's CSV has both",
    choices: ['unweighted', 'pooled'],
    default: 'unweighted',
  },
  trendYears: { flags: '--trend-years <n>', description: 'years of the trend in each municipality\'s profile, ending with Y (as many as the inputs have; fetch asks Kolada and SCB for them)', default: '10', parse: (v: string, f: string) => int(v, f, 3, 30) },
  appendix: {
    flags: '--appendix <kind>',
    description: "each municipality in rapport.docx and rapport.html: `compact`, its key figures and its trend; `full`, also its tables and highlighted charts; `none`, no section per municipality. Its folder holds every file whatever this says",
    choices: ['compact', 'full', 'none'],
    default: 'compact',
  },
  template: { flags: '--template <file>', description: "a Word template (.dotx or .docx) whose styles rapport.docx takes — Title, Heading1–3, Caption, TableText, Note and Draft (\"Förslag till text\") by name; default: bistand's own, templates/rapport.dotx, a start for your organisation's", path: true, parse: text },
  source: { flags: '--source <text>', description: 'the register\'s name in the source line ("Källa: …"): `"Socialstyrelsens register över ekonomiskt bistånd"`, or your case system\'s extract (default: a neutral "registeruppgifter om ekonomiskt bistånd", with a warning)', parse: name(160) },
  populationSource: { flags: '--population-source <text>', description: 'the population\'s source in the source line (default: SCB when the file is an SCB table or export, else a neutral "befolkningsuppgifter", with a warning)', parse: name(160) },
  credit: { flags: '--credit <text>', description: 'who processed the data, for the source line ("bearbetning: …")', default: 'bistand', parse: name(160) },
  // fetch
  kpi: { flags: '--kpi <id>', description: 'a Kolada KPI to fetch beside the report\'s (N31807, U31900, …); repeatable', repeatable: true, parse: (v: string, f: string) => kpiId(v, f) },
  refresh: { flags: '--refresh', description: 'fetch again what the folder already holds' },
  // sample
  persons: { flags: '-n, --persons <n>', description: 'persons', default: String(DEFAULT_SAMPLE.persons), parse: (v: string, f: string) => int(v, f, 1, 20_000_000) },
  sampleYear: { flags: '-y, --year <year>', description: 'the last year of rows', default: String(DEFAULT_SAMPLE.year), parse: (v: string, f: string) => int(v, f, 1992, 2100) },
  sampleYears: { flags: '--years <n>', description: 'years of rows, ending with --year (3 covers one reference year; 5 gives very long-term for three)', default: String(DEFAULT_SAMPLE.years), parse: (v: string, f: string) => int(v, f, 1, 30) },
  kommuner: { flags: '--kommuner <set>', description: '`gr` (the 13 GR municipalities) or `all` (all 290)', choices: ['gr', 'all'], default: 'gr' },
  seed: { flags: '--seed <n>', description: 'random seed', default: String(DEFAULT_SAMPLE.seed), parse: (v: string, f: string) => int(v, f, 0, 2 ** 31) },
  sampleDelimiter: { flags: '--delimiter <char>', description: 'field delimiter `;`, `,` or `tab`', default: ';', parse: parseDelimiter },
  sampleEncoding: { flags: '--encoding <enc>', description: 'file encoding', choices: ['utf8', 'utf8-bom', 'windows-1252'], default: 'utf8' },
  header: { flags: '--header <style>', description: 'column names', choices: ['canonical', 'swedish'], default: 'canonical' },
  samplePeriod: { flags: '--period <style>', description: 'year and month columns, or one period column', choices: ['year-month', 'period'], default: 'year-month' },
  age: { flags: '--age <col>', description: 'age column', choices: ['age', 'birth_year', 'none'], default: 'age' },
  crlf: { flags: '--crlf', description: 'end lines with CRLF' },
  amounts: { flags: '--amounts', description: 'an amount column (belopp): kronor paid on each row' },
  unknownLabels: { flags: '--unknown-labels <share>', description: 'share of rows with a reason label no catalogue knows', default: '0', parse: parseShare },
  sampleOutput: { flags: '-o, --output <file>', description: 'write to this file instead of stdout', parse: text },
} as const satisfies Record<string, OptionDef>;

function int(v: string, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(msg.badIntOption(flag, v, min, max));
  return n;
}

function parseShare(v: string, flag: string): number {
  const n = Number(v);
  if (!(v.trim() !== '' && n >= 0 && n <= 1)) throw new UsageError(msg.badShareOption(flag, v));
  return n;
}

export type OptionName = keyof typeof OPTIONS;
type Defs = typeof OPTIONS;

// The attribute commander stores an option under: `--gap-rule <rule>` → gapRule, `--no-suppress` → suppress.
type LongFlag<F extends string> = F extends `${string}--no-${infer L}` ? L : F extends `${string}--${infer L} <${string}` ? L : F extends `${string}--${infer L}` ? L : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
export type AttrOf<N extends OptionName> = Camel<LongFlag<Defs[N]['flags']>>;
type Parsed<D> = D extends { parse: (...a: never[]) => infer T } ? (D extends { repeatable: true } ? T[] : T) : D extends { choices: readonly (infer C)[] } ? C : boolean;
type Given<D> = D extends { default: string } ? never : D extends { parse: unknown } | { choices: unknown } ? (D extends { repeatable: true } ? never : undefined) : never;

/** The parsed options of a command that takes `names`. */
export type OptionsOf<N extends OptionName> = { [K in N as AttrOf<K>]: Parsed<Defs[K]> | Given<Defs[K]> };

export function attrOf(flags: string): string {
  const m = /--(?:no-)?([a-z0-9-]+)/.exec(flags)!;
  return m[1].replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function longFlag(flags: string): string {
  return /--[a-z0-9-]+/.exec(flags)![0];
}

/** The parser of an option that takes a value: its own, or a check of its choices. */
export function parserOf(d: OptionDef): ((text: string, flag: string) => unknown) | undefined {
  return d.parse ?? (d.choices ? oneOf(d.choices) : undefined);
}

export function addOptions(cmd: Command, names: readonly OptionName[]): Command {
  for (const n of names) {
    const d: OptionDef = OPTIONS[n];
    const o = new Option(d.flags, d.description.replace(/`/g, ''));
    const flag = longFlag(d.flags);
    if (d.choices) o.choices(d.choices as string[]);
    const parse = parserOf(d);
    if (parse) {
      if (d.repeatable) o.argParser((v: string, prev: unknown) => [...(Array.isArray(prev) ? prev : []), parse(v, flag)]);
      else o.argParser((v: string) => parse(v, flag));
    }
    if (d.default !== undefined) o.default(parse ? parse(d.default, flag) : d.default, d.default);
    cmd.addOption(o);
    // an empty list when not given, without "(default: [])" in the help
    if (d.repeatable) cmd.setOptionValueWithSource(attrOf(d.flags), [], 'default');
  }
  return cmd;
}

export const REGISTER_OPTIONS = ['year', 'format', 'output', 'gapRule', 'rejects', 'noSuppress', 'minCount', 'minDenominator', 'total', 'by', 'onlyRegion', 'regionName', 'delimiter', 'encoding', 'column', 'hinderMap', 'debug'] as const satisfies readonly OptionName[];
export const TIDY_OPTIONS = ['as', 'period', 'nameMap', 'sheet', 'format', 'output', 'debug'] as const satisfies readonly OptionName[];
export const REPORT_OPTIONS = ['reportYear', 'region', 'regionName', 'out', 'register', 'population', 'kolada', 'sdb', 'oj', 'survey', 'surveyMap', 'surveyFocus', 'groups', 'recipe', 'regionMean', 'trendYears', 'appendix', 'template', 'source', 'populationSource', 'credit', 'gapRule', 'noSuppress', 'minCount', 'minDenominator', 'noPng', 'pdf', 'force', 'debug'] as const satisfies readonly OptionName[];
export const FETCH_OPTIONS = ['reportYear', 'region', 'out', 'groups', 'kpi', 'trendYears', 'refresh', 'debug'] as const satisfies readonly OptionName[];
export const SAMPLE_OPTIONS = ['persons', 'sampleYear', 'sampleYears', 'kommuner', 'seed', 'sampleDelimiter', 'sampleEncoding', 'header', 'samplePeriod', 'age', 'crlf', 'amounts', 'unknownLabels', 'sampleOutput'] as const satisfies readonly OptionName[];

export type RegisterCommandOptions = OptionsOf<(typeof REGISTER_OPTIONS)[number]>;
export type TidyOptions = OptionsOf<(typeof TIDY_OPTIONS)[number]>;
export type ReportOptions = OptionsOf<(typeof REPORT_OPTIONS)[number]>;
export type SampleCommandOptions = OptionsOf<(typeof SAMPLE_OPTIONS)[number]>;
export type FetchCommandOptions = OptionsOf<(typeof FETCH_OPTIONS)[number]>;

/** The README's table of some options, as Markdown: made from the data above. */
export function optionsTable(names: readonly OptionName[]): string {
  const rows = names.map((n) => {
    const d: OptionDef = OPTIONS[n];
    const flags = d.flags.replace(/<[^>]+>/, (m) => (d.choices ? d.choices.join('\\|') : m));
    const extra = [d.repeatable ? 'repeatable' : '', d.default !== undefined && !d.choices ? `default ${d.default}` : d.default !== undefined ? `default \`${d.default}\`` : ''].filter(Boolean);
    const desc = d.description.replace(/\|/g, '\\|') + (extra.length && !/repeatable/.test(d.description) ? ` (${extra.join(', ')})` : '');
    return `| \`${flags}\` | ${desc} |`;
  });
  return ['| option | meaning |', '|---|---|', ...rows].join('\n');
}
