/**
 * Errors the user can act on. `main` prints them as one line and exits with `exitCode`;
 * anything else is a bug and prints a stack trace only under --debug.
 */

/** Where in an input a problem sits. Never holds a field's value: that may be a person id. */
export interface Location {
  file: string;
  line?: number;
  column?: number;
  columnName?: string;
}

export class BistandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly hint?: string,
    readonly where?: Location,
  ) {
    super(message);
  }
}

export class UsageError extends BistandError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** A bad row or file; the text is the reason only, the location is kept apart for --rejects. */
export class InputError extends BistandError {
  constructor(where: Location, message: string, hint?: string) {
    super(message, 1, hint, where);
  }
}

export function formatLocation(where: Location): string {
  let s = where.file;
  if (where.line !== undefined) s += `:${where.line}`;
  if (where.column !== undefined) s += `:${where.column}`;
  if (where.columnName) s += ` (${where.columnName})`;
  return s;
}

export function formatError(e: BistandError): string {
  const at = e.where ? `${formatLocation(e.where)}: ` : '';
  const hint = e.hint ? ` — ${e.hint}` : '';
  return `bistand: ${at}${e.message}${hint}`.replace(/[\r\n]+/g, ' ');
}
