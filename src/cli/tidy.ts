/** `bistand tidy`: any aggregated input (Statistikdatabasen, Kolada, ÖJ, population) as tidy CSV. */
import { Command } from 'commander';
import * as msg from '../messages.js';
import { STATUSES } from '../domain/tidy.js';
import type { Layout } from '../domain/tidy.js';
import { Format, formatTable, writeFileWhole, writeStdout } from '../io/write-table.js';
import { readAll } from '../io/source.js';
import { Column, Table } from '../tables/table.js';
import { addOptions } from './options.js';
import { note } from './stderr.js';

interface Opts {
  as?: Layout;
  period?: string;
  nameMap?: string;
  format: Format;
  output?: string;
}

export const tidyCommand = () => {
  const cmd = new Command('tidy')
    .description('print an aggregated input (Statistikdatabasen export, Kolada JSON or CSV, ÖJ survey, population) as tidy CSV')
    .argument('<file>', 'the file, or - for stdin')
    .addHelpText(
      'after',
      `\nExample:\n  $ bistand tidy sdb_ekb_manad_hushall_2017.csv | head -3\n  kommun_code,kommun_name,measure,period,sex,value,status,Inrikes- eller utrikesfödda hushåll\n  0000,Riket,sdb_ekb_manad_hushall_2017,2017-01,T,,missing,Inrikes födda\n  0000,Riket,sdb_ekb_manad_hushall_2017,2017-02,T,,missing,Inrikes födda`,
    );
  addOptions(cmd, ['as', 'period', 'nameMap', 'format', 'output', 'debug']);
  return cmd.action(async (file: string, o: Opts) => {
    // arquero and the readers load only when this command runs
    const { readAggregated, toTable } = await import('../io/aggregated/read.js');
    const bytes = await readAll(file);
    const name = file === '-' ? 'stdin' : file;
    const read = readAggregated(bytes, name, { as: o.as, period: o.period, nameMap: o.nameMap });
    const t = toTable(read.rows);
    const names = t.columnNames();
    const columns: Column[] = names.map((n) => (n === 'value' ? { name: n, raw: true } : { name: n }));
    const data = names.map((n) => t.array(n) as (string | number | null)[]);
    const table: Table = { columns, rows: Array.from({ length: t.numRows() }, (_, i) => data.map((col) => col[i])) };
    const counts = STATUSES.map((s) => `${read.rows.filter((r) => r.status === s).length.toLocaleString("sv-SE").replace(/\u00a0/g, " ")} ${s}`).join(', ');
    note(msg.tidySummary(name, read.layout, read.rows.length, counts));
    if (read.skipped.size) note(msg.groupRowsSkipped([...read.skipped.values()].reduce((a, b) => a + b, 0), [...read.skipped.keys()].join('; ')));
    const text = formatTable(table, o.format);
    if (o.output) writeFileWhole(o.output, text);
    else await writeStdout(text);
  });
};

