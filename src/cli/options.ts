/**
 * Every command-line option, defined once: flags, help text and allowed values. Commands pick
 * the ones they take; help and the README's option list come from here.
 */
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { GAP_RULES, GapRule } from '../domain/months.js';
import { DEFAULT_SUPPRESS } from '../domain/suppress.js';
import { Encoding, parseEncoding } from '../io/encoding.js';
import { FORMATS, Format } from '../io/write-table.js';
import { LAYOUTS } from '../domain/tidy.js';

export interface OptionDef {
  flags: string;
  description: string;
  choices?: readonly string[];
  default?: string | boolean;
  /** may be given several times; the values collect in a list */
  repeatable?: boolean;
}

export const OPTIONS = {
  year: { flags: '-y, --year <years>', description: 'reference year Y; a list (2020,2021) or a range (2019-2021) gives a row per year' },
  format: { flags: '-f, --format <format>', description: 'output format', choices: FORMATS, default: 'csv' },
  output: { flags: '-o, --output <file>', description: 'write to this file (whole or not at all) instead of stdout' },
  gapRule: {
    flags: '--gap-rule <rule>',
    description: 'very long-term: "internal" counts only gaps between the first and last month with assistance; "all" also the leading and trailing ones',
    choices: GAP_RULES,
    default: 'internal',
  },
  rejects: { flags: '--rejects <file>', description: 'write bad rows to this file (line, column, reason, the row as read; may hold person ids) and go on' },
  noSuppress: { flags: '--no-suppress', description: 'show small counts (small-count suppression is on by default)' },
  minCount: { flags: '--min-count <n>', description: 'counts from 1 to n−1 are hidden as X', default: String(DEFAULT_SUPPRESS.minCount) },
  minDenominator: { flags: '--min-denominator <n>', description: 'shares of fewer persons are hidden as X', default: String(DEFAULT_SUPPRESS.minDenominator) },
  delimiter: { flags: '--delimiter <char>', description: 'field delimiter: ";", ",", "tab" (detected from the header by default)' },
  encoding: { flags: '--encoding <name>', description: 'utf8 or windows-1252 (detected by default)' },
  total: { flags: '--total', description: 'add a row per year with the sum of the municipalities above it (suppressed so that it gives no hidden count away)' },
  onlyRegion: { flags: '--region <region>', description: 'only the municipalities of a region: gr, storstad, or a file of municipality codes' },
  hinderMap: { flags: '--hinder-map <file>', description: 'CSV mapping local reason labels or codes to a reason or group (unemployment, ill_health, social, other, missing)' },
  debug: { flags: '--debug', description: 'print a stack trace on errors' },
  // tidy
  as: { flags: '--as <layout>', description: 'the layout, instead of detecting it', choices: LAYOUTS },
  period: { flags: '--period <yyyy>', description: 'the year, for files that do not say it (months as columns, ÖJ)' },
  nameMap: { flags: '--name-map <file>', description: 'CSV of names as the file writes them and their 4-digit codes ("Möndal;1481")' },
  // report
  reportYear: { flags: '-y, --year <year>', description: 'reference year Y; the charts cover Y−2…Y' },
  region: { flags: '--region <region>', description: 'gr (Göteborgsregionen), storstad, or a file of municipality codes' },
  out: { flags: '--out <dir>', description: 'output folder' },
  register: { flags: '--register <file>', description: 'register extract (person-month rows)' },
  population: { flags: '--population <file>', description: 'population per municipality and year (total and 18+)' },
  kolada: { flags: '--kolada <file>', description: 'Kolada data (API v3 JSON or CSV); repeatable', repeatable: true },
  sdb: { flags: '--sdb <file>', description: 'Statistikdatabasen export; repeatable', repeatable: true },
  oj: { flags: '--oj <file>', description: 'Öppna jämförelser survey extract' },
  recipe: { flags: '--recipe <file>', description: 'a JSON file with these settings (paths relative to it); flags override it' },
  credit: { flags: '--credit <text>', description: 'who processed the data, for the source line ("bearbetning: …")' },
} satisfies Record<string, OptionDef>;

export type OptionName = keyof typeof OPTIONS;

export function addOptions(cmd: Command, names: OptionName[]): Command {
  for (const n of names) {
    const d: OptionDef = OPTIONS[n];
    const o = new Option(d.flags, d.description);
    if (d.choices) o.choices(d.choices as string[]);
    if (d.repeatable) o.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    if (d.default !== undefined && !d.flags.startsWith('--no-')) o.default(d.default);
    cmd.addOption(o);
  }
  return cmd;
}

/** `2021`, `2020,2021`, `2019-2021` → sorted distinct years. */
export function parseYears(v: string | undefined): number[] {
  if (!v) throw new UsageError('--year is required', 'give the reference year, as --year 2021');
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

export function parseDelimiter(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === 'tab' || v === '\\t') return '\t';
  if (v.length !== 1) throw new UsageError(msg.badDelimiterOption(v));
  return v;
}

export function parseEncodingOption(v: string | undefined): Encoding | undefined {
  if (v === undefined) return undefined;
  const e = parseEncoding(v);
  if (!e) throw new UsageError(msg.badOptionValue('--encoding', v, ['utf8', 'windows-1252']));
  return e;
}

/** The options every register command takes, parsed. */
export interface RegisterCommandOptions {
  year?: string;
  format: Format;
  output?: string;
  gapRule: GapRule;
  rejects?: string;
  suppress: boolean;
  minCount: string;
  minDenominator: string;
  total?: boolean;
  region?: string;
  delimiter?: string;
  encoding?: string;
  hinderMap?: string;
  debug?: boolean;
}

export const REGISTER_OPTIONS: OptionName[] = ['year', 'format', 'output', 'gapRule', 'rejects', 'noSuppress', 'minCount', 'minDenominator', 'total', 'onlyRegion', 'delimiter', 'encoding', 'hinderMap', 'debug'];

/** --min-count and --min-denominator, checked. */
export function parsePositive(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(msg.badNumberOption(flag, v));
  return n;
}
