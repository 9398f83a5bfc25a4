/** `bistand report`: the regional report, from a recipe or flags. */
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { makeNote } from '../notes.js';
import { REPORT_OPTIONS, ReportOptions, addOptions } from './options.js';
import { applyRecipe } from './recipe.js';
import { groupRegion } from './region.js';
import { printNote, printNotes } from './stderr.js';
import type { ReportSettings } from '../report/context.js';

/** The report's command line: its options and help. */
function reportDefinition(): Command {
  const cmd = new Command('report')
    .description('write the regional report: tables T1–T3, diagrams D1–D12, a profile per municipality, rapport.html, rapport.docx and tabeller.xlsx')
    .addHelpText('after', '\nWhat it makes (each from the inputs that can give it; the others are listed in index.md with the reason):\n  T1 socioekonomisk sorteringsnyckel (Kolada U31900)    T2 ÖJ kunskapsbaserad verksamhet (--oj)\n  T3 handläggare med socionomexamen (Kolada U31404 or --oj)   T4 cost per inhabitant (Kolada N31008, N31001, N31002)\n  T5 the eleven försörjningshinder (Kolada N31858–N31868)   T6 who: sex, age, young adults, children (Kolada)\n  T7 household types (Kolada N31911–N31916)       T8 paid per recipient (--register with an amount column)\n  T9 the register\'s recipients by sex and age group       T10 by household type (the household file with Barn15)\n  D1 share of the population with assistance            D2 the same for Stockholm, Göteborg, Malmö\n  D3 the region: long-term and very long-term, 3 years   D4 the same per municipality\n  D5 reasons (försörjningshinder) per municipality       D6–D12 the survey of first-line managers (--survey)\n  DIR/region/<id>-<slug>.{csv,md,vl.json,svg,png}; DIR/kommun/<code>-<slug>/ (key figures, trend, highlighted charts);\n  DIR/index.md, DIR/rapport.html (--pdf: rapport.pdf), DIR/rapport.docx, DIR/tabeller.xlsx\n\nExample:\n  $ bistand report --year 2021 --region gr --register register.csv --population befolkning.csv --kolada kolada.csv --oj oj.csv --out rapport\n  $ bistand report --recipe data/sample/recipe.json');
  return addOptions(cmd, REPORT_OPTIONS);
}

/** The settings a report command line gives, a recipe applied and checked; the browser looked for with --pdf. */
async function reportSettings(cmd: Command): Promise<{ settings: ReportSettings; o: ReportOptions }> {
  const given = cmd.opts<ReportOptions>();
  if (given.recipe) applyRecipe(cmd, REPORT_OPTIONS, given.recipe);
  const o = cmd.opts<ReportOptions>();
  if (o.year === undefined) throw new UsageError(msg.yearRequired(), msg.yearRequiredHint());
  if (!o.out) throw new UsageError(msg.reportNeedsOut());
  if (!o.register && !o.population.length && !o.kolada.length && !o.sdb.length && !o.oj && !o.survey) throw new UsageError(msg.reportNeedsInput());
  // a --region naming a group of the --groups file
  const groups = o.groups ? (await import('../io/groups.js')).readGroups(o.groups, (await import('../io/reference.js')).loadMunicipalities()) : undefined;
  const region = groupRegion(o.region, groups);
  // the browser is looked for before the slow work, so a missing one costs nothing
  const browser = o.pdf ? (await import('../report/pdf.js')).findBrowser() : undefined;
  if (o.pdf && !browser) throw new UsageError(msg.pdfNoBrowser(), msg.pdfNoBrowserHint());
  const settings: ReportSettings = {
    year: o.year,
    region: o.regionName ? { ...region, name: o.regionName } : region,
    out: o.out,
    force: o.force,
    png: o.png,
    browser,
    register: o.register,
    population: o.population,
    kolada: o.kolada,
    sdb: o.sdb,
    oj: o.oj,
    survey: o.survey,
    surveyMap: o.surveyMap,
    surveyFocus: o.surveyFocus,
    groups: o.groups,
    credit: o.credit,
    regionMean: o.regionMean,
    appendix: o.appendix as ReportSettings['appendix'],
    template: o.template,
    trendYears: o.trendYears,
    source: o.source,
    populationSource: o.populationSource,
    // --min-count 1 hides nothing: it is --no-suppress, marked as such
    suppress: { enabled: o.suppress && o.minCount >= 2, minCount: o.minCount, minDenominator: o.minDenominator },
    gapRule: o.gapRule,
  };
  return { settings, o };
}

/**
 * The settings of a report command line given as its arguments (`--year 2021 --register …`):
 * what `bistand report` would run, for a caller that plans the report in-process.
 */
export async function reportSettingsOf(args: string[]): Promise<ReportSettings> {
  const cmd = reportDefinition().exitOverride();
  cmd.parse(args, { from: 'user' });
  return (await reportSettings(cmd)).settings;
}

export const reportCommand = () => {
  const cmd = reportDefinition();
  return cmd.action(async () => {
    const started = performance.now();
    const { settings, o } = await reportSettings(cmd);
    // vega, vega-lite, resvg and the font load only when this command runs
    const { runReport } = await import('../report/report.js');
    const { result, notes } = await runReport(settings);
    printNotes(notes);
    if (o.suppress && o.minCount < 2) printNote(makeNote('minCountOff', o.minCount));
    if (!o.suppress || o.minCount < 2) printNote(makeNote('suppressionOff'));
    printNote(makeNote('reportWritten', settings.out, result.files.length, (performance.now() - started) / 1000));
  });
};
