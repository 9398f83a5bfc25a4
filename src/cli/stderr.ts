/**
 * Messages to stderr. Colour only when stderr is a terminal and NO_COLOR is unset: chalk alone
 * follows stdout and ignores NO_COLOR.
 */
import { Chalk } from 'chalk';

const useColour = Boolean(process.stderr.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
export const paint = new Chalk({ level: useColour ? 1 : 0 });

export function note(line: string): void {
  const coloured = line.startsWith('warning:') ? paint.yellow(line) : line.startsWith('note:') ? paint.dim(line) : line;
  process.stderr.write(coloured + '\n');
}

export function error(line: string): void {
  process.stderr.write(paint.red(line) + '\n');
}
