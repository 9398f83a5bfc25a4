/** What `classify` and `reasons` share: options in, one pipeline run, notes and the table out. */
import { Command } from 'commander';
import { Rejected } from '../io/register/index.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource } from '../io/source.js';
import { formatTable, renderTable } from '../io/write-table.js';
import { checkTargets, writeOutput } from '../io/output.js';
import { encodeCp1252 } from '../io/encoding.js';
import { RegisterTableName, runRegisterTable } from '../pipeline/register.js';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { REGISTER_OPTIONS, RegisterCommandOptions, addOptions } from './options.js';
import { printNote, printNotes } from './stderr.js';
import { progressBar } from './progress.js';
import { makeNote, type Note } from '../notes.js';

export interface RegisterCommandSpec {
  name: RegisterTableName;
  summary: string;
  example: string;
}

/** The command's definition: its argument, options and help, no action yet. */
function registerDefinition(spec: RegisterCommandSpec): Command {
  const cmd = new Command(spec.name)
    .description(spec.summary)
    .argument('<file>', 'register extract (CSV, one row per person and month), or - for stdin')
    .addHelpText('after', `\nExample:\n${spec.example}`);
  addOptions(cmd, REGISTER_OPTIONS);
  return cmd;
}

/** What a run of the command gives: the table as its format writes it, the notes, the rejects file's bytes. */
export interface RegisterCommandRun {
  output: string | Uint8Array;
  notes: Note[];
  /** the rejects file (--rejects), and the note said once it is written */
  rejects?: { bytes: string | Uint8Array; note: Note };
}

/** Every stage of the command but writing: the options checked, the file read, the table rendered. */
async function runCommand(spec: RegisterCommandSpec, file: string, o: RegisterCommandOptions): Promise<RegisterCommandRun> {
  if (o.year === undefined) throw new UsageError(msg.yearRequired(), msg.yearRequiredHint());
  const notes: Note[] = [];
  // --min-count 1 hides nothing: it is --no-suppress, and says so
  const suppress = { enabled: o.suppress && o.minCount >= 2, minCount: o.minCount, minDenominator: o.minDenominator };
  if (o.suppress && !suppress.enabled) notes.push(makeNote('minCountOff', o.minCount));
  if (o.by && o.total && suppress.enabled) throw new UsageError(msg.byTotalNeedsNoSuppress(o.by), msg.byTotalNeedsNoSuppressHint());
  checkTargets([file, ...(o.hinderMap ? [o.hinderMap] : []), ...(o.region?.file ? [o.region.file] : [])], [
    { option: '-o', path: o.output },
    ...(o.rejects ? [{ option: '--rejects', path: o.rejects }] : []),
  ]);
  const source = await openSource(file);
  const bar = progressBar(source.name, source.size);
  const { result, notes: runNotes } = await runRegisterTable(source, {
    table: spec.name,
    onProgress: bar && ((b) => bar.update(b)),
    years: o.year,
    gapRule: o.gapRule,
    municipalities: loadMunicipalities(),
    delimiter: o.delimiter,
    encoding: o.encoding,
    columns: Object.fromEntries(o.column),
    hinderMap: o.hinderMap,
    collectRejects: Boolean(o.rejects),
    suppress,
    region: o.region && o.regionName ? { ...o.region, name: o.regionName } : o.region,
    total: Boolean(o.total),
    by: o.by,
  });
  bar?.done();
  if (o.format === 'xlsx' && !o.output && process.stdout.isTTY) throw new UsageError(msg.binaryToTerminal(), msg.binaryToTerminalHint());
  const output = await renderTable(result.table, o.format, spec.name);
  notes.push(...runNotes);
  if (!o.rejects) return { output, notes };
  // in the input's encoding, so that it opens as the input did
  const rejects = rejectsCsv(result.rejected, result.header);
  const note = makeNote('rejectsWritten', o.rejects === '-' ? 'stdout' : o.rejects, result.rejected.length);
  return { output, notes, rejects: { bytes: result.encoding === 'windows-1252' ? encodeCp1252(rejects) : rejects, note } };
}

export function registerCommand(spec: RegisterCommandSpec): Command {
  const cmd = registerDefinition(spec);
  cmd.action(async (file: string, o: RegisterCommandOptions) => {
    const run = await runCommand(spec, file, o);
    printNotes(run.notes);
    if (o.rejects && run.rejects) {
      await writeOutput(o.rejects, run.rejects.bytes);
      printNote(run.rejects.note);
    }
    await writeOutput(o.output, run.output);
  });
  return cmd;
}

/**
 * `bistand classify ARGS` or `bistand reasons ARGS` run in-process: the table as it would be
 * written and the notes it would print, nothing written. For callers that check what the command
 * gives (the tests of its content); the tests of spawning, exit codes and files run the CLI.
 */
export async function registerCommandOf(spec: RegisterCommandSpec, args: string[]): Promise<RegisterCommandRun> {
  const cmd = registerDefinition(spec).exitOverride();
  let run: Promise<RegisterCommandRun> | undefined;
  cmd.action((file: string, o: RegisterCommandOptions) => {
    run = runCommand(spec, file, o);
  });
  cmd.parse(args, { from: 'user' });
  return run!;
}

function rejectsCsv(rows: Rejected[], header: string[]): string {
  const columns = ['line', 'column', 'reason', ...header].map((name) => ({ name }));
  return formatTable({ columns, rows: rows.map((r) => [r.where.line ?? null, r.where.columnName ?? '', r.reason, ...r.fields]) }, 'csv');
}
