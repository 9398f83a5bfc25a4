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

export class CsvScanner {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** physical lines consumed so far */
  line = 0;
  private nextQuote = -1;

  constructor(
    readonly delimiter: number,
    readonly capacity: number,
  ) {
    this.starts = new Int32Array(capacity + 1);
    this.ends = new Int32Array(capacity + 1);
  }

  /**
   * Scans the complete rows of buf[pos, end) and returns where the first incomplete row
   * starts. With `final`, the bytes after the last line break form a row too.
   */
  scan(buf: Uint8Array, pos: number, end: number, final: boolean, sink: RowSink): number {
    const delim = this.delimiter;
    const cap = this.capacity;
    const starts = this.starts;
    const ends = this.ends;
    this.nextQuote = -1;
    while (pos < end) {
      let nl = indexOfByte(buf, LF, pos, end);
      if (nl < 0) {
        if (!final) return pos;
        nl = end;
      }
      if (this.nextQuote < pos) {
        this.nextQuote = indexOfByte(buf, QUOTE, pos, end);
        if (this.nextQuote < 0) this.nextQuote = end;
      }
      const startLine = this.line + 1;
      if (this.nextQuote >= nl) {
        // fast path: no quote on this line
        let lineEnd = nl;
        if (lineEnd > pos && buf[lineEnd - 1] === CR) lineEnd--;
        this.line++;
        if (lineEnd === pos) {
          pos = nl + 1;
          continue; // blank line
        }
        let n = 0;
        let fs = pos;
        for (let i = pos; i < lineEnd; i++) {
          if (buf[i] === delim) {
            if (n < cap) {
              starts[n] = fs;
              ends[n] = i;
            }
            n++;
            fs = i + 1;
          }
        }
        if (n < cap) {
          starts[n] = fs;
          ends[n] = lineEnd;
        }
        n++;
        sink.row(buf, starts, ends, n, startLine);
        pos = nl + 1;
        continue;
      }
      const next = this.scanQuoted(buf, pos, end, final, sink, startLine);
      if (next < 0) return pos; // row continues past the end of this chunk
      pos = next;
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
        // bytes between the closing quote and the delimiter (spaces) are not part of the field
        while (i < end && buf[i] !== delim && buf[i] !== LF) i++;
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
