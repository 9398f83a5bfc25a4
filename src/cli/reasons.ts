/** `bistand reasons`: recipients by the reason group their months vote for. */
import * as msg from '../messages.js';
import { reasonsTable } from '../tables/register-tables.js';
import { registerCommand } from './register-command.js';
import { note } from './stderr.js';

export const reasonsCommand = () =>
  registerCommand({
    name: 'reasons',
    summary: 'recipients per municipality by försörjningshinder group: unemployment, ill_health, social, other, missing',
    example: `  $ bistand reasons data/sample/register.csv --year 2021 --format table`,
    requireHinder: true,
    table: reasonsTable,
    after: (r) => {
      if (r.unknownLabels.length) {
        note(msg.unknownLabels(r.unknownLabels.length));
        for (const [label, rows] of r.unknownLabels) note(msg.unknownLabel(label, rows));
      }
      note(msg.illHealthNote());
    },
  });
