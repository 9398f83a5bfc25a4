/**
 * Notes: what a pipeline has to say beside its result (a summary, a figure left out, a
 * warning), as typed values from the catalogue in messages.ts. Stages add them to a NoteLog;
 * the pipeline returns them with its result; the CLI prints them. Tests assert on `id`.
 */
import { NOTES } from './messages.js';

export type NoteId = keyof typeof NOTES;
export type NoteLevel = (typeof NOTES)[NoteId]['level'];

export interface Note {
  id: NoteId;
  level: NoteLevel;
  /** the text without its level */
  text: string;
}

type Args<K extends NoteId> = Parameters<(typeof NOTES)[K]['text']>;

export function makeNote<K extends NoteId>(id: K, ...args: Args<K>): Note {
  const entry = NOTES[id];
  return { id, level: entry.level, text: (entry.text as (...a: Args<K>) => string)(...args) };
}

/** A note as one line of stderr: `note: …`, `warning: …`, or a summary line as it is. */
export function noteLine(n: Note): string {
  return n.level === 'info' ? n.text : `${n.level}: ${n.text}`;
}

/** What a pipeline returns: its result and every note its stages made, in order. */
export interface Piped<T> {
  result: T;
  notes: Note[];
}

/** The notes of one run, collected in order. */
export class NoteLog {
  readonly notes: Note[] = [];

  add<K extends NoteId>(id: K, ...args: Args<K>): void {
    this.notes.push(makeNote(id, ...args));
  }

  push(...notes: Note[]): void {
    this.notes.push(...notes);
  }

  /** Ids in order, for tests. */
  ids(): NoteId[] {
    return this.notes.map((n) => n.id);
  }
}
