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
import { makeNote } from '../notes.js';

export interface RegisterCommandSpec {
  name: RegisterTableName;
  summary: string;
  example: string;
}

export function registerCommand(spec: RegisterCommandSpec): Command {
  const cmd = new Command(spec.name)
    .description(spec.summary)
    .argument('<file>', 'register extract (CSV, one row per person and month), or - for stdin')
    .addHelpText('after', `\nExample:\n${spec.example}`);
  addOptions(cmd, REGISTER_OPTIONS);
  cmd.action(async (file: string, o: RegisterCommandOptions) => {
    if (o.year === undefined) throw new UsageError(msg.yearRequired(), msg.yearRequiredHint());
    // --min-count 1 hides nothing: it is --no-suppress, and says so
    const suppress = { enabled: o.suppress && o.minCount >= 2, minCount: o.minCount, minDenominator: o.minDenominator };
    if (o.suppress && !suppress.enabled) printNote(makeNote('minCountOff', o.minCount));
    checkTargets([file, ...(o.hinderMap ? [o.hinderMap] : []), ...(o.region?.file ? [o.region.file] : [])], [
      { option: '-o', path: o.output },
      ...(o.rejects ? [{ option: '--rejects', path: o.rejects }] : []),
    ]);
    const source = await openSource(file);
    const bar = progressBar(source.name, source.size);
    const { result, notes } = await runRegisterTable(source, {
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
    });
    bar?.done();
    if (o.format === 'xlsx' && !o.output && process.stdout.isTTY) throw new UsageError(msg.binaryToTerminal(), msg.binaryToTerminalHint());
    const text = await renderTable(result.table, o.format, spec.name);
    printNotes(notes);
    if (o.rejects) {
      // in the input's encoding, so that it opens as the input did
      const rejects = rejectsCsv(result.rejected, result.header);
      await writeOutput(o.rejects, result.encoding === 'windows-1252' ? encodeCp1252(rejects) : rejects);
      printNote(makeNote('rejectsWritten', o.rejects === '-' ? 'stdout' : o.rejects, result.rejected.length));
    }
    await writeOutput(o.output, text);
  });
  return cmd;
}

function rejectsCsv(rows: Rejected[], header: string[]): string {
  const columns = ['line', 'column', 'reason', ...header].map((name) => ({ name }));
  return formatTable({ columns, rows: rows.map((r) => [r.where.line ?? null, r.where.columnName ?? '', r.reason, ...r.fields]) }, 'csv');
}
