/** `bistand tidy`: any aggregated input (Statistikdatabasen, Kolada, ÖJ, population) as tidy CSV. */
import { Command } from 'commander';
import { renderTable } from '../io/write-table.js';
import { UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { checkTargets, writeOutput } from '../io/output.js';
import { readAll } from '../io/source.js';
import { TIDY_OPTIONS, TidyOptions, addOptions } from './options.js';
import { printNotes } from './stderr.js';

/** A survey export in its long form: one answer a row (no free text). */
async function tidySurvey(file: string, o: TidyOptions): Promise<void> {
  const { readSurvey, surveyLong } = await import('../io/survey.js');
  const { workbookAsCsv } = await import('../io/aggregated/workbook.js');
  const name = file === '-' ? 'stdin' : file;
  checkTargets([file], [{ option: '-o', path: o.output }]);
  const read = readSurvey(await workbookAsCsv(await readAll(file), name, o.sheet), name);
  const table = { columns: ['respondent_id', 'kommun', 'funktion', 'question', 'item', 'value'].map((n) => ({ name: n })), rows: surveyLong(read) };
  process.stderr.write(`${name}: read as ${read.layout}; ${read.respondents.length} respondents\n`);
  await writeOutput(o.output, await renderTable(table, o.format, 'Enkät'));
}

export const tidyCommand = () => {
  const cmd = new Command('tidy')
    .description('print an aggregated input (Statistikdatabasen export, Kolada JSON or CSV, ÖJ survey, population) as tidy CSV')
    .argument('<file>', 'the file, or - for stdin')
    .addHelpText(
      'after',
      `\nExample:\n  $ bistand tidy sdb_ekb_manad_hushall_2017.csv | head -3\n  kommun_code,kommun_name,measure,period,sex,value,status,Inrikes- eller utrikesfödda hushåll\n  0000,Riket,sdb_ekb_manad_hushall_2017,2017-01,T,,missing,Inrikes födda\n  0000,Riket,sdb_ekb_manad_hushall_2017,2017-02,T,,missing,Inrikes födda`,
    );
  addOptions(cmd, TIDY_OPTIONS);
  return cmd.action(async (file: string, o: TidyOptions) => {
    // arquero and the readers load only when this command runs
    const { runTidy } = await import('../pipeline/tidy.js');
    if (o.as === 'survey') return tidySurvey(file, o);
    checkTargets([file, ...(o.nameMap ? [o.nameMap] : [])], [{ option: '-o', path: o.output }]);
    const { workbookAsCsv } = await import('../io/aggregated/workbook.js');
    const bytes = await workbookAsCsv(await readAll(file), file === '-' ? 'stdin' : file, o.sheet);
    const { result, notes } = runTidy(bytes, file === '-' ? 'stdin' : file, { as: o.as, period: o.period, nameMap: o.nameMap });
    printNotes(notes);
    if (o.format === 'xlsx' && !o.output && process.stdout.isTTY) throw new UsageError(msg.binaryToTerminal(), msg.binaryToTerminalHint());
    const text = await renderTable(result, o.format, 'Tidy');
    await writeOutput(o.output, text);
  });
};

