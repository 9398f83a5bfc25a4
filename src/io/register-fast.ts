/**
 * The register's fast path: one pass over the bytes of a plain row that parses each field as
 * it goes — the id's bounds, the digits of code, year, month and age, the reason label — and
 * hands the row to the sink's batch. The general path scans a row into field bounds, trims
 * every field and reads the bytes again to parse them; on a national register that was half
 * of a thread's time.
 *
 * Only rows that are plainly valid are taken here. Anything else in a row — a quote, a space
 * at a field's edge, a field too many or too few, an empty id, a value out of range, a
 * period column, a month written as a period — sends the row to the general scanner and
 * RegisterSink.row, which read it from its start: the same counts, rejects and messages as if
 * the fast path did not exist.
 */
import { CR, CsvScanner, LF, QUOTE } from './csv-scan.js';
import { RegisterSink, SPACE, parsePeriod } from './register-sink.js';
import { UNKNOWN_AGE } from '../domain/person-state.js';

const SKIP = 0;
const ID = 1;
const KOMMUN = 2;
const YEAR = 3;
const MONTH = 4;
const PERIOD = 5;
const AGE = 6;
const BIRTH = 7;
const HINDER = 8;

/** What a field's terminator turned out to be. */
const BAD = -1;

/** Bytes the buffer must have free after the data: the stop byte, and a word read from it. */
export const STOP_ROOM = 4;
const INCOMPLETE = -2;

export class RegisterScanner {
  /** the role of each column */
  private readonly roles: Uint8Array;
  /** 0 an ordinary byte, 1 the delimiter, 2 a line feed, 3 a quote */
  private readonly classes = new Uint8Array(256);
  private readonly last: number;
  /** the delimiter in all four bytes of a word */
  private readonly delimWord: number;
  private viewOf: Uint8Array | undefined;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));

  constructor(
    readonly general: CsvScanner,
    private readonly sink: RegisterSink,
  ) {
    const s = sink;
    this.roles = new Uint8Array(s.nCols);
    const set = (c: number, role: number) => {
      if (c >= 0) this.roles[c] = role;
    };
    set(s.cId, ID);
    set(s.cKommun, KOMMUN);
    set(s.cYear, YEAR);
    set(s.cMonth, MONTH);
    set(s.cPeriod, PERIOD);
    set(s.cAge, AGE);
    set(s.cBirth, BIRTH);
    set(s.cHinder, HINDER);
    this.last = s.nCols - 1;
    this.delimWord = Math.imul(general.delimiter, 0x01010101);
    this.classes[general.delimiter] = 1;
    this.classes[LF] = 2;
    this.classes[QUOTE] = 3;
  }

  /** line number of the last row read (shared with the general scanner) */
  get line(): number {
    return this.general.line;
  }

  set line(n: number) {
    this.general.line = n;
  }

  /**
   * As CsvScanner.scan: the complete rows of buf[pos, end); returns where the rest starts.
   * Writes a stop byte at buf[end], so the buffer must have a byte to spare there (else every
   * row takes the general path).
   */
  scan(buf: Uint8Array, pos: number, end: number, final: boolean): number {
    const sink = this.sink;
    if (sink.opts.fastRows === false) return this.general.scan(buf, pos, end, final, sink);
    const roles = this.roles;
    const cls = this.classes;
    const last = this.last;
    const delim = this.general.delimiter;
    const munis = sink.opts.municipalities;
    if (end + STOP_ROOM > buf.length) return this.general.scan(buf, pos, end, final, sink);
    buf[end] = LF; // the stop byte: the field loops need no bounds check
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const view = this.view;
    const dq = this.delimWord;
    while (pos < end) {
      const rowStart = pos;
      let i = pos;
      let idStart = 0;
      let idEnd = 0;
      let code = -1;
      let codeLen = 0;
      let year = -1;
      let month = -1;
      let period = -1;
      let age = UNKNOWN_AGE;
      let birth = -1;
      let hs = 0;
      let he = 0;
      let ok = true;
      for (let f = 0; f <= last; f++) {
        const role = roles[f];
        const fs = i;
        let v = 0;
        // both loops end at the stop byte at buf[end] at the latest
        if (role === SKIP || role === ID || role === HINDER || role === PERIOD) {
          // four bytes a step while none is a delimiter, line feed or quote (a false alarm
          // only stops the words early), then byte by byte
          for (;;) {
            const w = view.getInt32(i, true);
            const a = w ^ dq;
            const b = w ^ 0x0a0a0a0a;
            const c = w ^ 0x22222222;
            if ((((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b) | ((c - 0x01010101) & ~c)) & 0x80808080) break;
            i += 4;
          }
          while (cls[buf[i]] === 0) i++;
        } else {
          for (;; i++) {
            const d = buf[i] - 48;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
          }
        }
        // the field's own bytes are [fs, fe); then its terminator
        let fe = i;
        let t: number;
        if (i >= end) t = INCOMPLETE;
        else {
          const b = buf[i];
          if (f < last) t = b === delim ? 1 : BAD;
          else if (b === LF) t = 2;
          else if (b === CR) t = i + 1 >= end ? INCOMPLETE : buf[i + 1] === LF ? 3 : BAD;
          else t = BAD;
          if (t === 2 && fe > fs && buf[fe - 1] === CR) fe--;
        }
        if (t === INCOMPLETE) {
          if (!final) return rowStart;
          ok = false;
          break;
        }
        if (t === BAD) {
          ok = false;
          break;
        }
        i += t === 3 ? 2 : 1;
        const len = fe - fs;
        switch (role) {
          case SKIP:
            break;
          case ID:
            if (len === 0 || buf[fs] === SPACE || buf[fe - 1] === SPACE) ok = false;
            idStart = fs;
            idEnd = fe;
            break;
          case HINDER: {
            let s = fs;
            let e = fe;
            while (s < e && buf[s] === SPACE) s++;
            while (e > s && buf[e - 1] === SPACE) e--;
            hs = s;
            he = e;
            break;
          }
          case PERIOD:
            if (len === 0 || buf[fs] === SPACE || buf[fe - 1] === SPACE) ok = false;
            else period = parsePeriod(buf, fs, fe);
            if (period < 0) ok = false;
            break;
          case KOMMUN:
            code = v;
            codeLen = len;
            if (len < 3 || len > 4) ok = false;
            break;
          case YEAR:
            year = v;
            if (len !== 4 || v < 1900 || v > 2200) ok = false;
            break;
          case MONTH:
            month = v;
            if (len < 1 || len > 2 || v < 1 || v > 12) ok = false;
            break;
          case AGE:
            if (len > 0) age = v;
            if (len > 3 || (len > 0 && v > 130)) ok = false;
            break;
          case BIRTH:
            if (len > 0) birth = v;
            if (len > 4) ok = false;
            break;
        }
        if (!ok) break;
      }
      const k = ok ? munis.indexOfNumber(code) : -1;
      if (k < 0) {
        const next = this.general.scan(buf, rowStart, end, final, sink, true);
        if (next === rowStart) return rowStart; // a quoted row that goes on past these bytes
        pos = next;
        continue;
      }
      const g = period >= 0 ? period : year * 12 + month - 1;
      if (birth >= 0) {
        const a = Math.floor(g / 12) - birth;
        if (birth < 1850 || a < 0 || a > 130) {
          pos = this.general.scan(buf, rowStart, end, final, sink, true);
          continue;
        }
        age = a;
      }
      this.general.line++;
      sink.rowsRead++;
      if (codeLen === 3 && code < 1000) sink.paddedCodes++;
      if (g < sink.firstMonth) sink.firstMonth = g;
      pos = i;
      const m = g - sink.start;
      if (m < 0 || m >= sink.months) {
        sink.rowsOutside++;
        continue;
      }
      const label = sink.cHinder >= 0 ? sink.label(buf, hs, he, this.general.line) : 0;
      sink.push(buf, idStart, idEnd, m, k, age, label);
    }
    return pos;
  }
}
