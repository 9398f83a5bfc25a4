/** `bistand classify`: recipients, long-term and very long-term per municipality. */
import { type RegisterCommandSpec, registerCommand } from './register-command.js';

export const CLASSIFY: RegisterCommandSpec = {
  name: 'classify',
  summary: 'recipients, long-term (≥10 months in Y) and very long-term (≥27 of 36 months) per municipality',
  example: `  $ bistand classify data/sample/register.csv --year 2021
  kommun_code,kommun_name,year,recipients,long_term,long_term_pct,very_long_term,very_long_term_pct
  1384,Kungsbacka,2021,186,58,31.2,28,15.1`,
};

export const classifyCommand = () => registerCommand(CLASSIFY);
