/**
 * The yearly regional report (SPEC §5): tables T1–T3, diagrams D1–D5 and a profile folder per
 * municipality.
 *
 *   1. gather   --register ──► pipeline/register (three years) ─┐
 *               --population, --kolada, --sdb, --oj ──► tidy ──┴─► Facts        gather.ts
 *   2. build    each output of the catalogue from the facts, suppressed,
 *               or the reason it cannot be made                                catalogue.ts, outputs/
 *   3. note     what was skipped and why
 *   4. plan     every file of the region and of each municipality, the document, the
 *               workbook's sheets and index.md, as values                      plan.ts
 *   5. emit     tables ──► .csv .sv.csv .md; charts ──► .vl.json ──► .svg ──► .png (thread pool);
 *               rapport.html (──► rapport.pdf with --pdf), rapport.docx, tabeller.xlsx, index.md
 *                                                          emit.ts, html.ts, docx.ts, pdf.ts
 *   6. publish  staged inside DIR, then swapped in: a failed run leaves the previous report,
 *               and only files bistand wrote are ever replaced                  io/staged-dir.ts
 */
import { loadMunicipalities } from '../io/reference.js';
import { StagedDir } from '../io/staged-dir.js';
import { NoteLog, Piped, makeNote } from '../notes.js';
import { readTemplate } from './template.js';
import { buildOutputs } from './catalogue.js';
import { Output, ReportContext, ReportSettings } from './context.js';

export type { ReportSettings } from './context.js';
import { gatherFacts, type InputUse } from './gather.js';
import { emit, signalsHeard, type Printer } from './emit.js';
import { planReport } from './plan.js';



export interface ReportResult {
  outputs: Output[];
  files: string[];
}

export async function runReport(s: ReportSettings): Promise<Piped<ReportResult>> {
  // the folder is checked and locked before the slow work, and freed however the run ends
  const inputs = [s.register, ...s.population, ...s.kolada, ...s.sdb, s.oj, s.survey, s.surveyMap, s.groups, s.region.file, s.template].filter((f): f is string => f !== undefined && f !== '-');
  const dir = new StagedDir(s.out, { force: s.force, inputs });
  try {
    return await buildAndWrite(s, dir);
  } catch (e) {
    await dir.abort();
    throw e;
  }
}

async function buildAndWrite(s: ReportSettings, dir: StagedDir): Promise<Piped<ReportResult>> {
  // the template is read before the slow work: a wrong file costs nothing
  const template = s.template ? readTemplate(s.template) : undefined;
  const { result, notes } = await reportOutputs(s);
  if (template?.missing.length) notes.push(makeNote('templateStylesMissing', s.template!, template.missing));
  const { ctx, outputs } = result;
  const browser = s.browser;
  const print: Printer | undefined = browser ? async (html, year) => (await import('./pdf.js')).htmlToPdf(html, browser, year) : undefined;
  await emit(planReport(ctx, outputs), dir, { print, styles: template?.styles });
  // a signal sent while the documents were written is heard before anything is swapped in
  await signalsHeard();
  await dir.publish();
  return { result: { outputs, files: dir.files }, notes };
}

/**
 * The report's outputs as values, with the notes a run prints, and nothing written: what
 * `runReport` writes, for a caller that looks at the outputs themselves (the tests over every
 * kind of region).
 */
export async function reportOutputs(s: ReportSettings): Promise<Piped<{ ctx: ReportContext; outputs: Output[] }>> {
  const log = new NoteLog();
  const { ctx, inputs } = await reportContext(s, log);
  const outputs = buildOutputs(ctx);
  noteOutputs(log, s, ctx, outputs, inputs);
  return { result: { ctx, outputs }, notes: log.notes };
}

/** The inputs read into the facts, and the context every output is built in. */
async function reportContext(s: ReportSettings, log: NoteLog): Promise<{ ctx: ReportContext; inputs: InputUse[] }> {
  const years = [s.year - 2, s.year - 1, s.year];
  const munis = loadMunicipalities();
  const { facts, inputs, populationSource, survey, koladaFetched, populationNoise } = await gatherFacts(s, years, log);
  const ctx: ReportContext = {
    year: s.year,
    years,
    trendYears: Array.from({ length: s.trendYears ?? 3 }, (_, i) => s.year - (s.trendYears ?? 3) + 1 + i),
    region: s.region,
    areas: (code) => munis.area(code),
    facts,
    suppress: s.suppress,
    credit: s.credit,
    regionMean: s.regionMean,
    appendix: s.appendix,
    source: s.source,
    populationSource,
    koladaFetched,
    populationNoise,
    survey,
    surveyFocus: s.surveyFocus,
    png: s.png !== false,
    allCodes: () => munis.kommuner.map((k) => k.code),
    groups: s.groups ? (await import('../io/groups.js')).readGroups(s.groups, munis) : [],
    pdf: s.browser !== undefined,
  };
  return { ctx, inputs };
}

/** What the outputs leave out, on stderr: the skipped, each chart's members without a figure, unused inputs, the register's gaps. */
function noteOutputs(log: NoteLog, s: ReportSettings, ctx: ReportContext, outputs: Output[], inputs: InputUse[]): void {
  const munis = loadMunicipalities();
  const named = (k: string) => `${munis.area(k)?.name ?? k} (${k})`;
  // outputs skipped for one reason (the survey's seven) in one note
  const skipped = new Map<string, Output[]>();
  for (const o of outputs) if (o.kind === 'skipped') skipped.set(o.reasonEn, [...(skipped.get(o.reasonEn) ?? []), o]);
  for (const [reason, os] of skipped) if (os.length === 1 && os[0].kind === 'skipped') log.add('reportSkipped', os[0].id, os[0].title, reason);
    else log.add('reportSkippedMany', os.map((o) => o.id), reason);
  for (const o of outputs) if (o.kind === 'chart') for (const g of o.gaps ?? []) log.add('outputGaps', o.id, g.years.join(', '), g.codes.map(named), o.codes.filter((k) => s.region.codes.includes(k)).length);
  for (const i of inputs) if (!i.measures.some((m) => ctx.facts.used.has(m))) log.add('inputUnused', i.file);
  if (s.register) {
    // one warning for the years that miss the same municipalities
    const byList = new Map<string, number[]>();
    for (const y of ctx.years) {
      const missing = s.region.codes.filter((k) => !ctx.facts.covered(k, y));
      if (missing.length === s.region.codes.length) log.add('yearMissing', s.register, y);
      else if (missing.length) byList.set(missing.join(','), [...(byList.get(missing.join(',')) ?? []), y]);
    }
    for (const [list, ys] of byList) log.add('regionMissing', s.region.name, ys.join(', '), list.split(',').map(named), s.region.codes.length, false);
  }
}
