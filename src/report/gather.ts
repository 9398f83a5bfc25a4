/** The report's inputs into Facts: the register through its pipeline, the rest through the tidy readers. */
import { readAggregated } from '../io/aggregated/read.js';
import { workbookAsCsv } from '../io/aggregated/workbook.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource, readFileOrFail } from '../io/source.js';
import { NoteLog } from '../notes.js';
import { BREAKDOWNS, type Breakdown } from '../domain/classify.js';
import { decideParts } from '../domain/disclosure/parts.js';
import { breakdownsOf, runRegister } from '../pipeline/register.js';
import { noteRead } from '../pipeline/tidy.js';
import type { ReportSettings } from './context.js';
import { Facts, Measure, REG } from './facts.js';
import { GROUPS } from '../domain/reasons.js';
import type { Municipalities } from '../domain/municipalities.js';
import type { SurveyRead } from '../domain/survey.js';
import { readSurvey } from '../io/survey.js';

/** An input file and the measures it gave, to name the files no output used. */
export interface InputUse {
  file: string;
  measures: (Measure | 'oj')[];
}

/** The facts of every input, complete: the register's counts with their pattern of hidden cells. */
export interface Gathered {
  facts: Facts;
  inputs: InputUse[];
  populationSource?: string;
  survey?: SurveyRead;
  /** the day the Kolada values were fetched (`bistand fetch` dates its files), the latest of them */
  koladaFetched?: string;
  /** a population file carries SCB's Cell Key noise (2025 on) */
  populationNoise?: boolean;
}

/**
 * Every input read into the facts. The register's pattern is decided on a thread while this one
 * reads the ÖJ and survey files; the notes come in the order of the inputs all the same.
 */
export async function gatherFacts(s: ReportSettings, years: number[], log: NoteLog): Promise<Gathered> {
  const munis = loadMunicipalities();
  const others = new NoteLog();
  const facts = new Facts();
  const inputs: InputUse[] = [];
  const values = [...s.population, ...s.kolada, ...s.sdb];
  let populationSource = s.populationSource;
  let scbOnly: boolean | undefined;
  let koladaFetched: string | undefined;
  let populationNoise = false;
  for (const f of values) {
    const bytes = readFileOrFail(f);
    const population = s.population.includes(f);
    if (population && !s.populationSource) {
      // every population file SCB's, or the source line says "befolkningsuppgifter"
      const scb = scbPopulation(bytes);
      scbOnly = scb && scbOnly !== false;
      populationSource = scbOnly ? 'SCB' : undefined;
      if (!scb) others.add('populationUncredited', f);
    }
    const read = readAggregated(await workbookAsCsv(bytes, f), f, population ? { as: 'population' } : {});
    others.add('tidySummary', f, read.layout, read.rows.length, [['ok', read.rows.filter((r) => r.status === 'ok').length]]);
    noteRead(others, f, read);
    if (population && read.noise) populationNoise = true;
    if (s.kolada.includes(f) && read.fetched && (!koladaFetched || read.fetched > koladaFetched)) koladaFetched = read.fetched;
    facts.addValues(read.rows, f);
    inputs.push({ file: f, measures: Facts.measuresOf(read.rows) });
  }
  // The trend's years before the report's, counted from the register where the population has
  // them (a share needs both; before them the trend takes Kolada's). The register is read on a
  // thread while the ÖJ and survey files are read here.
  const trend = s.trendYears ?? years.length;
  const withPopulation = new Set([...facts.years('population'), ...facts.years('population_18plus')]);
  const earlier = Array.from({ length: Math.max(0, trend - years.length) }, (_, i) => years[0] - trend + years.length + i).filter((y) => withPopulation.has(y));
  const register = s.register ? registerRead(s, s.register, years, earlier, munis) : undefined;
  // a failure of the register while the others are read is the run's error at the await below
  register?.catch(() => undefined);
  if (s.oj) {
    facts.addOj(readAggregated(await workbookAsCsv(readFileOrFail(s.oj), s.oj), s.oj, { as: 'oj' }).rows);
    inputs.push({ file: s.oj, measures: ['oj'] });
  }
  const surveyNotes = new NoteLog();
  const survey = s.survey ? await surveyRead(s.survey, s.surveyMap, surveyNotes) : undefined;
  if (register) {
    const { result, notes } = await register;
    log.push(...notes);
    facts.addRegister(result.classification, munis, result.years, result.coverage, result.hasReasons, result.pattern, result.read.householdFile);
    // the parts of each breakdown the register has, in the report's year, as classify --by decides them
    const has = breakdownsOf(result.read);
    const members = new Set(s.region.codes);
    const rows = result.classification.rows.filter((r) => r.year === s.year && members.has(munis.kommuner[r.kommun].code));
    for (const by of Object.keys(BREAKDOWNS) as Breakdown[])
      if (has[by]) facts.addParts(by, rows, munis, await decideParts(rows, (k) => munis.kommuner[k].code, by, result.pattern, s.suppress, result.hasReasons));
    inputs.unshift({ file: s.register!, measures: [REG.recipients, REG.longTerm, REG.veryLongTerm, ...GROUPS.map(REG.group)] });
  }
  log.push(...others.notes);
  if (s.register && !s.source) log.add('registerUncredited');
  log.push(...surveyNotes.notes);
  return { facts, inputs, populationSource, survey, koladaFetched, populationNoise };
}

function registerRead(s: ReportSettings, file: string, years: number[], earlier: number[], municipalities: Municipalities) {
  // sex and household type read where the register has them, for the breakdowns (T9, T10)
  const run = { years, earlier, requireYears: [s.year], gapRule: s.gapRule, municipalities, requireHinder: false, readHinder: true, readSex: true, readHousehold: true, partsOptional: true, breakdowns: [s.year], protect: { suppress: s.suppress, regions: [s.region], meanwhile: true } };
  return openSource(file).then((source) => runRegister(source, run));
}

async function surveyRead(file: string, map: string | undefined, log: NoteLog): Promise<SurveyRead> {
  const read = readSurvey(await workbookAsCsv(readFileOrFail(file), file), file, { map });
  if (read.excluded.dontknow + read.excluded.other) log.add('surveyExcluded', file, read.excluded.dontknow, read.excluded.other);
  if (read.byOrder.length) log.add('surveyByOrder', file, read.byOrder.length);
  return read;
}

/**
 * Whether a population file says it is SCB's: PxWeb's JSON and JSON-stat (SCB's API), a PC-Axis
 * file, SCB's name, or the title of SCB's population tables ("Folkmängd efter region, …").
 */
function scbPopulation(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /\bSCB\b|Statistiska centralbyr|Statistics Sweden|"class"\s*:\s*"dataset"|"columns"\s*:\s*\[|^\s*CHARSET=|Folkm\S{1,2}ngd efter region|Population by region/im.test(head);
}
