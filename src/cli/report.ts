/** `bistand report`: the regional report, from a recipe or flags. */
import { readFileOrFail } from '../io/source.js';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { BistandError, UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { GAP_RULES, GapRule } from '../domain/months.js';
import { addOptions, parsePositive, parseYears } from './options.js';
import { regionOf } from './region.js';
import { printNote, printNotes } from './stderr.js';
import { makeNote } from '../notes.js';

interface Opts {
  year?: string;
  region?: string;
  out?: string;
  register?: string;
  population?: string;
  kolada?: string[];
  sdb?: string[];
  oj?: string;
  recipe?: string;
  credit?: string;
  suppress: boolean;
  minCount: string;
  minDenominator: string;
  gapRule: GapRule;
}

interface Recipe {
  year?: number;
  region?: string;
  out?: string;
  register?: string;
  population?: string;
  kolada?: string | string[];
  sdb?: string | string[];
  oj?: string;
  credit?: string;
  gapRule?: GapRule;
}

function readRecipe(path: string): { recipe: Recipe; dir: string } {
  const text = readFileOrFail(path).toString('utf8');
  let recipe: Recipe;
  try {
    recipe = JSON.parse(text);
  } catch (e) {
    throw new BistandError(`${path}: ${msg.recipeBad((e as Error).message)}`, 1, msg.recipeBadHint());
  }
  if (!recipe || typeof recipe !== 'object' || Array.isArray(recipe)) throw new BistandError(`${path}: ${msg.recipeBad('not a JSON object')}`, 1, msg.recipeBadHint());
  return { recipe, dir: dirname(resolve(path)) };
}

export const reportCommand = () => {
  const cmd = new Command('report')
    .description('write the regional report: tables T1–T3, diagrams D1–D5 (CSV, Markdown, Vega-Lite, SVG, PNG) and a folder per municipality')
    .addHelpText('after', '\nExample:\n  $ bistand report --year 2021 --region gr --register register.csv --population befolkning.csv --kolada kolada.csv --oj oj.csv --out rapport\n  $ bistand report --recipe data/sample/recipe.json');
  addOptions(cmd, ['reportYear', 'region', 'out', 'register', 'population', 'kolada', 'sdb', 'oj', 'recipe', 'credit', 'gapRule', 'noSuppress', 'minCount', 'minDenominator', 'debug']);
  return cmd.action(async (o: Opts) => {
    const started = performance.now();
    const { recipe, dir } = o.recipe ? readRecipe(o.recipe) : { recipe: {} as Recipe, dir: process.cwd() };
    const fromRecipe = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
    const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const yearText = o.year ?? (recipe.year !== undefined ? String(recipe.year) : undefined);
    const years = parseYears(yearText);
    if (years.length !== 1) throw new UsageError('--year takes one year for the report', 'the charts cover that year and the two before');
    const out = o.out ?? fromRecipe(recipe.out);
    if (!out) throw new UsageError(msg.reportNeedsOut());
    const settings = {
      year: years[0],
      region: regionOf(o.region ?? recipe.region ?? 'gr'),
      out,
      register: o.register ?? fromRecipe(recipe.register),
      population: o.population ?? fromRecipe(recipe.population),
      kolada: o.kolada ?? list(recipe.kolada).map((p) => fromRecipe(p)!),
      sdb: o.sdb ?? list(recipe.sdb).map((p) => fromRecipe(p)!),
      oj: o.oj ?? fromRecipe(recipe.oj),
      credit: o.credit ?? recipe.credit ?? 'bistand',
      suppress: { enabled: o.suppress, minCount: parsePositive('--min-count', o.minCount), minDenominator: parsePositive('--min-denominator', o.minDenominator) },
      gapRule: (recipe.gapRule && GAP_RULES.includes(recipe.gapRule) && o.gapRule === 'internal' ? recipe.gapRule : o.gapRule) as GapRule,
    };
    if (!settings.register && !settings.population && !settings.kolada.length && !settings.sdb.length && !settings.oj) throw new UsageError(msg.reportNeedsInput());
    // vega, vega-lite, resvg and the font load only when this command runs
    const { runReport } = await import('../report/report.js');
    const { result, notes } = await runReport(settings);
    printNotes(notes);
    if (!o.suppress) printNote(makeNote('suppressionOff'));
    printNote(makeNote('reportWritten', out, result.files.length, (performance.now() - started) / 1000));
  });
};

