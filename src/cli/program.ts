/**
 * bistand's commands, and the one place where errors become a one-line
 * message and an exit code (2 usage, 1 anything else).
 */
import { Command, CommanderError } from 'commander';
import { BistandError, formatError } from '../errors.js';
import { classifyCommand } from './classify.js';
import { reasonsCommand } from './reasons.js';
import { sampleCommand } from './sample.js';
import { tidyCommand } from './tidy.js';
import { reportCommand } from './report.js';
import { fetchCommand } from './fetch.js';
import { error } from './stderr.js';
import { onStdoutError } from '../io/output.js';

const debug = process.argv.includes('--debug');

function fail(e: unknown): never {
  if (e instanceof BistandError) {
    error(formatError(e));
    if (debug) process.stderr.write(String(e.stack) + '\n');
    process.exit(e.exitCode);
  }
  if (e instanceof CommanderError) {
    process.exit(e.exitCode === 0 ? 0 : 2);
  }
  if (debug) process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  else error(`bistand: internal error: ${(e as Error)?.message ?? e} — run again with --debug for details, and report it`);
  process.exit(1);
}

onStdoutError(fail);

/** Commander's usage errors as one line, with the hint on it. */
function usageLine(command: string) {
  return (s: string, write: (s: string) => void) => {
    const [first, ...more] = s.trim().split('\n');
    const extra = more.map((l) => l.replace(/^\((.*)\)$/, '$1')).join(' ');
    write(`${first.replace(/^error:/, 'bistand: usage:')}${extra ? ` (${extra})` : ''} — see bistand ${command}--help\n`);
  };
}

const program = new Command('bistand')
  .description('Ekonomiskt bistånd: long-term recipients and reasons per municipality from register extracts, published statistics as tidy CSV, and the regional report')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ outputError: usageLine('') });

for (const make of [classifyCommand, reasonsCommand, tidyCommand, reportCommand, fetchCommand, sampleCommand]) {
  const cmd = make();
  cmd.exitOverride().configureOutput({ outputError: usageLine(`${cmd.name()} `) });
  program.addCommand(cmd);
}

program.parseAsync(process.argv).catch(fail);
