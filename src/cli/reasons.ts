/** `bistand reasons`: recipients by the reason group their months vote for. */
import { registerCommand } from './register-command.js';

export const reasonsCommand = () =>
  registerCommand({
    name: 'reasons',
    summary: 'recipients per municipality by försörjningshinder group: unemployment, ill_health, social, other, missing',
    example: `  $ bistand reasons data/sample/register.csv --year 2021 --format table`,
  });
