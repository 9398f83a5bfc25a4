/**
 * A byte-level CSV scanner: finds rows and field bounds without making a string per field.
 * Lines without a quote take a fast path (memchr for the line end, one loop for delimiters);
 * quoted fields, doubled quotes and line breaks inside quotes take the full state machine.
 * Field bounds of a quoted field exclude the quotes; doubled quotes stay doubled in the bytes
 * (`unquote` undoes them where text is needed).
 */

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

export interface RowSink {
  /**
   * One row. `starts`/`ends` hold the bounds of the first `min(nFields, capacity)` fields;
   * `line` is the physical line the row starts on (1-based).
   */
  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, nFields: number, line: number): void;
}

export class UnterminatedQuote extends Error {
  constructor(readonly line: number) {
    super('unterminated quote');
  }
}

/** Bytes other than padding between a closing quote and the delimiter: `"1"2`. */
export class AfterQuote extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super('text after a closing quote');
  }
}

export class CsvScanner {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** physical lines consumed so far */
  line = 0;

  constructor(
    readonly delimiter: number,
    readonly capacity: number,
  ) {
    this.starts = new Int32Array(capacity + 1);
    this.ends = new Int32Array(capacity + 1);
    this.classes[delimiter] = 1;
    this.classes[LF] = 2;
    this.classes[QUOTE] = 3;
  }

  /** 0 for an ordinary byte, 1 the delimiter, 2 a line feed, 3 a quote */
  private readonly classes = new Uint8Array(256);

  /**
   * Scans the complete rows of buf[pos, end) and returns where the first incomplete row
   * starts. With `final`, the bytes after the last line break form a row too. With `one`, it
   * returns after the first row (or blank line).
   */
  scan(buf: Uint8Array, pos: number, end: number, final: boolean, sink: RowSink, one = false): number {
    const cap = this.capacity;
    const starts = this.starts;
    const ends = this.ends;
    const cls = this.classes;
    // One pass over the bytes: delimiters and line ends in the same loop (one table lookup a
    // byte); a quote sends the row to the state machine.
    row: while (pos < end) {
      // a byte-order mark at a row's start: files joined one after another (`cat a.csv b.csv`)
      if (buf[pos] === 0xef && pos + 2 < end && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3;
      let n = 0;
      let fs = pos;
      let i = pos;
      for (; i < end; i++) {
        const k = cls[buf[i]];
        if (k === 0) continue;
        if (k === 1) {
          if (n < cap) {
            starts[n] = fs;
            ends[n] = i;
          }
          n++;
          fs = i + 1;
        } else if (k === 2) {
          let fe = i;
          if (fe > fs && buf[fe - 1] === CR) fe--;
          this.line++;
          if (n === 0 && fe === pos) {
            pos = i + 1;
            if (one) return pos;
            continue row; // blank line
          }
          if (n < cap) {
            starts[n] = fs;
            ends[n] = fe;
          }
          sink.row(buf, starts, ends, n + 1, this.line);
          pos = i + 1;
          if (one) return pos;
          continue row;
        } else {
          const next = this.scanQuoted(buf, pos, end, final, sink, this.line + 1);
          if (next < 0) return pos; // the row goes on past this chunk
          pos = next;
          if (one) return pos;
          continue row;
        }
      }
      // no line end before the end of the bytes
      if (!final) return pos;
      let fe = end;
      if (fe > fs && buf[fe - 1] === CR) fe--;
      this.line++;
      if (n === 0 && fe === pos) return end;
      if (n < cap) {
        starts[n] = fs;
        ends[n] = fe;
      }
      sink.row(buf, starts, ends, n + 1, this.line);
      return end;
    }
    return pos;
  }

  /** The full state machine for a row with quotes; -1 when the row is incomplete. */
  private scanQuoted(buf: Uint8Array, pos: number, end: number, final: boolean, sink: RowSink, startLine: number): number {
    const delim = this.delimiter;
    const cap = this.capacity;
    let n = 0;
    let i = pos;
    let lines = 0;
    for (;;) {
      // one field starting at i
      let fs = i;
      let fe: number;
      if (i < end && buf[i] === QUOTE) {
        fs = i + 1;
        let j = fs;
        for (;;) {
          const q = indexOfByte(buf, QUOTE, j, end);
          if (q < 0) {
            if (!final) return -1;
            throw new UnterminatedQuote(startLine);
          }
          for (let k = j; k < q; k++) if (buf[k] === LF) lines++;
          if (q + 1 < end && buf[q + 1] === QUOTE) {
            j = q + 2;
            continue;
          }
          if (q + 1 >= end && !final) return -1;
          fe = q;
          i = q + 1;
          break;
        }
        // padding between the closing quote and the delimiter is not part of the field;
        // anything else would be lost without a word, so the row is refused
        while (i < end && (buf[i] === 32 || (buf[i] === 9 && delim !== 9))) i++;
        if (i < end && buf[i] === CR && (i + 1 >= end || buf[i + 1] === LF)) i++;
        if (i < end && buf[i] !== delim && buf[i] !== LF) throw new AfterQuote(startLine + lines, n + 1);
      } else {
        while (i < end && buf[i] !== delim && buf[i] !== LF) i++;
        fe = i;
        if (fe > fs && i < end && buf[i] === LF && buf[fe - 1] === CR) fe--;
        else if (i >= end && fe > fs && buf[fe - 1] === CR) fe--;
      }
      if (n < cap) {
        this.starts[n] = fs;
        this.ends[n] = fe;
      }
      n++;
      if (i >= end) {
        if (!final) return -1;
        this.line += lines + 1;
        sink.row(buf, this.starts, this.ends, n, startLine);
        return end;
      }
      if (buf[i] === LF) {
        this.line += lines + 1;
        sink.row(buf, this.starts, this.ends, n, startLine);
        return i + 1;
      }
      i++; // past the delimiter
    }
  }
}

function indexOfByte(buf: Uint8Array, byte: number, from: number, to: number): number {
  const i = buf.indexOf(byte, from);
  return i < 0 || i >= to ? -1 : i;
}

/** Text of a field's bytes with doubled quotes undone. */
export function unquote(s: string): string {
  return s.includes('""') ? s.replace(/""/g, '"') : s;
}

/** Which of `;`, `,` and tab a header line uses most (outside quotes). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  let bestCount = -1;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
