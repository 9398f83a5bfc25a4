/** The report's inputs into Facts: the register through its pipeline, the rest through the tidy readers. */
import { readAggregated } from '../io/aggregated/read.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource, readFileOrFail } from '../io/source.js';
import { NoteLog } from '../notes.js';
import { runRegister } from '../pipeline/register.js';
import type { ReportSettings } from './context.js';
import { Facts } from './facts.js';

export async function gatherFacts(s: ReportSettings, years: number[], log: NoteLog): Promise<Facts> {
  const munis = loadMunicipalities();
  const facts = new Facts();
  if (s.register) {
    const { result, notes } = await runRegister(await openSource(s.register), { years, gapRule: s.gapRule, municipalities: munis, requireHinder: false, readHinder: true });
    log.push(...notes);
    facts.addRegister(result.classification, munis, years);
  }
  const values = [s.population, ...s.kolada, ...s.sdb].filter((f): f is string => Boolean(f));
  for (const f of values) {
    const read = readAggregated(readFileOrFail(f), f, f === s.population ? { as: 'population' } : {});
    log.add('tidySummary', f, read.layout, read.rows.length, [['ok', read.rows.filter((r) => r.status === 'ok').length]]);
    facts.addValues(read.rows);
  }
  if (s.oj) facts.addOj(readAggregated(readFileOrFail(s.oj), s.oj, { as: 'oj' }).rows);
  return facts;
}
