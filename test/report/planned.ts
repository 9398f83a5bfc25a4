/**
 * A report planned in-process from the command line a user types: the files `bistand report
 * ARGS` would write, as values (no layout, no PNGs, nothing written), the lines it would print
 * on stderr, or the one-line error it would stop with. For the tests of what a report holds;
 * the tests of writing, spawning and rendering run the CLI itself.
 */
import { reportSettingsOf } from '../../src/cli/report.js';
import { toSvg } from '../../src/charts/render.js';
import { BistandError, formatError } from '../../src/errors.js';
import { formatMarkdown, formatTable } from '../../src/io/write-table.js';
import { noteLine } from '../../src/notes.js';
import type { Output } from '../../src/report/context.js';
import { planReport, type PlannedFile, type ReportPlan } from '../../src/report/plan.js';
import { reportOutputs } from '../../src/report/report.js';
import { csvObjects } from '../helpers.js';

export interface Planned {
  plan: ReportPlan;
  outputs: Output[];
  /** the notes as `bistand report` prints them, a line each */
  stderr: string;
}

/** The report `bistand report ARGS` would write, planned. */
export async function planned(args: string[]): Promise<Planned> {
  const s = await reportSettingsOf(args.includes('--out') ? args : [...args, '--out', 'planned']);
  const { result, notes } = await reportOutputs(s);
  return { plan: planReport(result.ctx, result.outputs), outputs: result.outputs, stderr: notes.map((n) => noteLine(n) + '\n').join('') };
}

const once = new Map<string, Promise<Planned>>();

/**
 * `planned(args)` once per test process, for inputs no test writes (the bundled sample): a plan
 * is a value no test changes, and the sample's pattern of hidden counts is most of a plan's time.
 */
export function plannedOnce(args: string[]): Promise<Planned> {
  const key = JSON.stringify(args);
  let p = once.get(key);
  if (!p) once.set(key, (p = planned(args)));
  return p;
}

/** The one-line error `bistand report ARGS` would stop with. */
export async function plannedError(args: string[]): Promise<string> {
  try {
    await planned(args);
  } catch (e) {
    if (e instanceof BistandError) return formatError(e);
    throw e;
  }
  throw new Error(`bistand report ${args.join(' ')} did not fail`);
}

const EXTENSIONS = { table: ['.csv', '.sv.csv', '.md'], chart: ['.vl.json', '.svg', '.png', '.csv'] } as const;

/** Every file the plan names, as paths in the report's folder (PNGs only when the plan draws them). */
export function paths(plan: ReportPlan): string[] {
  const files = plan.files.flatMap((f) => EXTENSIONS[f.kind].filter((e) => e !== '.png' || plan.png).map((e) => f.base + e));
  const documents = plan.sheets.length ? ['rapport.html', 'rapport.docx', 'tabeller.xlsx', ...(plan.pdf ? ['rapport.pdf'] : [])] : [];
  return [...files, ...plan.texts.map((t) => t.path), ...documents, 'index.md'].sort();
}

function fileOf(plan: ReportPlan, path: string): { f: PlannedFile; ext: string } {
  for (const f of plan.files) if (path.startsWith(f.base + '.') && (EXTENSIONS[f.kind] as readonly string[]).includes(path.slice(f.base.length))) return { f, ext: path.slice(f.base.length) };
  throw new Error(`the plan has no ${path} (it has ${paths(plan).filter((p) => p.startsWith(path.split('/')[0])).slice(0, 12).join(', ')} …)`);
}

/** A planned text file's content, as emit writes it (an SVG laid out on request). */
export async function text(plan: ReportPlan, path: string): Promise<string> {
  if (path === 'index.md') return plan.index.join('\n') + '\n';
  const md = plan.texts.find((t) => t.path === path);
  if (md) return md.lines.join('\n').trimEnd() + '\n';
  const { f, ext } = fileOf(plan, path);
  if (f.kind === 'table') return ext === '.csv' ? formatTable(f.table, 'csv') : ext === '.md' ? formatMarkdown(f.reader, f.title, f.notes) : '';
  if (ext === '.vl.json') return JSON.stringify(f.spec, null, 2) + '\n';
  if (ext === '.svg') return toSvg(f.spec);
  return formatTable(f.data, 'csv');
}

/** A planned .csv as objects, a column name to a cell's text. */
export async function rows(plan: ReportPlan, path: string): Promise<Record<string, string>[]> {
  return csvObjects(await text(plan, path));
}

/** A planned chart's Vega-Lite spec. */
export function spec(plan: ReportPlan, path: string): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { f } = fileOf(plan, path);
  if (f.kind !== 'chart') throw new Error(`${path} is no chart`);
  return JSON.parse(JSON.stringify(f.spec));
}
