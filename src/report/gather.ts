/** The report's inputs into Facts: the register through its pipeline, the rest through the tidy readers. */
import { readAggregated } from '../io/aggregated/read.js';
import { workbookAsCsv } from '../io/aggregated/workbook.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource, readFileOrFail } from '../io/source.js';
import { NoteLog } from '../notes.js';
import { runRegister } from '../pipeline/register.js';
import type { ReportSettings } from './context.js';
import { Facts, Measure, REG } from './facts.js';
import { GROUPS } from '../domain/reasons.js';

/** An input file and the measures it gave, to name the files no output used. */
export interface InputUse {
  file: string;
  measures: (Measure | 'oj')[];
}

/**
 * The facts of every input, and `decided`: settled when the register's disclosure pattern is in
 * the facts (it is decided on a worker thread; until then no register count can be read).
 */
export async function gatherFacts(s: ReportSettings, years: number[], log: NoteLog): Promise<{ facts: Facts; inputs: InputUse[]; decided: Promise<void>; populationSource?: string }> {
  const munis = loadMunicipalities();
  const facts = new Facts();
  const inputs: InputUse[] = [];
  let decided = Promise.resolve();
  if (s.register) {
    const run = { years, requireYears: [s.year], gapRule: s.gapRule, municipalities: munis, requireHinder: false, readHinder: true, protect: { suppress: s.suppress, regions: [s.region] } };
    const { result, notes } = await runRegister(await openSource(s.register), run);
    log.push(...notes);
    facts.addRegister(result.classification, munis, years, result.coverage, result.hasReasons);
    decided = result.pattern.then((p) => facts.setPattern(p));
    decided.catch(() => undefined);
    inputs.push({ file: s.register, measures: [REG.recipients, REG.longTerm, REG.veryLongTerm, ...GROUPS.map(REG.group)] });
  }
  const values = [s.population, ...s.kolada, ...s.sdb].filter((f): f is string => Boolean(f));
  let populationSource = s.populationSource;
  for (const f of values) {
    const bytes = readFileOrFail(f);
    if (f === s.population && !populationSource) {
      populationSource = scbPopulation(bytes) ? 'SCB' : undefined;
      if (!populationSource) log.add('populationUncredited', f);
    }
    const read = readAggregated(await workbookAsCsv(bytes, f), f, f === s.population ? { as: 'population' } : {});
    log.add('tidySummary', f, read.layout, read.rows.length, [['ok', read.rows.filter((r) => r.status === 'ok').length]]);
    if (read.emptyRows) log.add('emptyRowsSkipped', f, read.emptyRows);
    if (read.zeros) log.add('populationZeros', f, read.zeros);
    if (read.deleted) log.add('koladaDeleted', f, read.deleted);
    facts.addValues(read.rows, f);
    inputs.push({ file: f, measures: Facts.measuresOf(read.rows) });
  }
  if (s.oj) {
    facts.addOj(readAggregated(await workbookAsCsv(readFileOrFail(s.oj), s.oj), s.oj, { as: 'oj' }).rows);
    inputs.push({ file: s.oj, measures: ['oj'] });
  }
  if (s.register && !s.source) log.add('registerUncredited');
  return { facts, inputs, decided, populationSource };
}

/**
 * Whether a population file says it is SCB's: PxWeb's JSON and JSON-stat (SCB's API), a PC-Axis
 * file, SCB's name, or the title of SCB's population tables ("Folkmängd efter region, …").
 */
function scbPopulation(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /\bSCB\b|Statistiska centralbyr|Statistics Sweden|"class"\s*:\s*"dataset"|"columns"\s*:\s*\[|^\s*CHARSET=|Folkm\S{1,2}ngd efter region|Population by region/im.test(head);
}
