/** `bistand reasons`: recipients by the reason group their months vote for. */
import { type RegisterCommandSpec, registerCommand } from './register-command.js';

export const REASONS: RegisterCommandSpec = {
  name: 'reasons',
  summary: 'recipients per municipality by försörjningshinder group: unemployment, ill_health, social, other, missing',
  example: `  $ bistand reasons data/sample/register.csv --year 2021 --format table`,
};

export const reasonsCommand = () => registerCommand(REASONS);
