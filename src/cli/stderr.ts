/**
 * Messages to stderr. Colour only when stderr is a terminal and NO_COLOR is unset: chalk alone
 * follows stdout and ignores NO_COLOR.
 */
import { Chalk } from 'chalk';
import { Note, noteLine } from '../notes.js';
import { terminalText } from '../text.js';

const useColour = Boolean(process.stderr.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
export const paint = new Chalk({ level: useColour ? 1 : 0 });

export function printNote(n: Note): void {
  // input text in a message (a file name, a label) is shown, never obeyed by the terminal
  const line = terminalText(noteLine(n));
  process.stderr.write((n.level === 'warning' ? paint.yellow(line) : n.level === 'note' ? paint.dim(line) : line) + '\n');
}

export function printNotes(notes: readonly Note[]): void {
  for (const n of notes) printNote(n);
}

export function error(line: string): void {
  process.stderr.write(paint.red(terminalText(line)) + '\n');
}
