/** What `classify` and `reasons` share: read the register, build a table, write it. */
import { Command } from 'commander';
import { Classification } from '../domain/classify.js';
import { Municipalities } from '../domain/municipalities.js';
import { SuppressOptions } from '../domain/suppress.js';
import { Rejected } from '../io/register/index.js';
import { loadMunicipalities } from '../io/reference.js';
import { openSource } from '../io/source.js';
import { formatTable, writeFileWhole, writeStdout } from '../io/write-table.js';
import * as msg from '../messages.js';
import { RegisterResult, runRegister } from '../pipeline/register.js';
import { SuppressedTable, TableOptions } from '../tables/register-tables.js';
import { regionOf } from './region.js';
import { REGISTER_OPTIONS, RegisterCommandOptions, addOptions, parseDelimiter, parseEncodingOption, parsePositive, parseYears } from './options.js';
import { note } from './stderr.js';
import { progressBar } from './progress.js';

export interface RegisterCommandSpec {
  name: string;
  summary: string;
  example: string;
  requireHinder: boolean;
  table(c: Classification, munis: Municipalities, s: SuppressOptions, o: TableOptions): SuppressedTable;
  /** notes after the table is built */
  after?(r: RegisterResult, o: RegisterCommandOptions): void;
}

export function registerCommand(spec: RegisterCommandSpec): Command {
  const cmd = new Command(spec.name)
    .description(spec.summary)
    .argument('<file>', 'register extract (CSV, one row per person and month), or - for stdin')
    .addHelpText('after', `\nExample:\n${spec.example}`);
  addOptions(cmd, REGISTER_OPTIONS);
  cmd.action(async (file: string, o: RegisterCommandOptions) => {
    const years = parseYears(o.year);
    const delimiter = parseDelimiter(o.delimiter);
    const encoding = parseEncodingOption(o.encoding);
    const suppress: SuppressOptions = {
      enabled: o.suppress,
      minCount: parsePositive('--min-count', o.minCount),
      minDenominator: parsePositive('--min-denominator', o.minDenominator),
    };
    const region = o.region === undefined ? undefined : regionOf(o.region);
    const rejected: Rejected[] = [];
    const source = await openSource(file);
    const bar = progressBar(source.name, source.size);
    const result = await runRegister(source, {
      onProgress: bar && ((b) => bar.update(b)),
      years,
      gapRule: o.gapRule,
      municipalities: loadMunicipalities(),
      requireHinder: spec.requireHinder,
      delimiter,
      encoding,
      hinderMap: o.hinderMap,
      onReject: o.rejects ? (r) => rejected.push(r) : undefined,
      note: (l) => {
        bar?.done();
        note(l);
      },
    });
    bar?.done();
    const munis = loadMunicipalities();
    const classification = region
      ? { ...result.classification, rows: result.classification.rows.filter((r) => region.codes.includes(munis.kommuner[r.kommun].code)) }
      : result.classification;
    const table = spec.table(classification, munis, suppress, { total: Boolean(o.total) });
    if (o.suppress && table.hidden.primary + table.hidden.secondary > 0)
      note(msg.suppressionSummary(table.hidden.primary, table.hidden.secondary, table.hidden.cells, suppress.minCount));
    const text = formatTable(table, o.format);
    if (o.rejects) {
      writeFileWhole(o.rejects, rejectsCsv(rejected, result.read.header));
      note(msg.rejectsWritten(o.rejects, rejected.length));
    }
    spec.after?.(result, o);
    if (!o.suppress) note(msg.suppressionOff());
    if (o.output) writeFileWhole(o.output, text);
    else await writeStdout(text);
  });
  return cmd;
}

function rejectsCsv(rows: Rejected[], header: string[]): string {
  const columns = ['line', 'column', 'reason', ...header].map((name) => ({ name }));
  return formatTable({ columns, rows: rows.map((r) => [r.where.line ?? null, r.where.columnName ?? '', r.reason, ...r.fields]) }, 'csv');
}

export function veryLongNote(o: RegisterCommandOptions): string {
  return msg.veryLongDefinition(o.gapRule);
}

