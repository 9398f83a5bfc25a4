/**
 * The fast path's row loop, written out for one column layout: a loop over the columns that
 * asks each field's role what to do was the larger part of the scan (docs/performance.md); the code below is built once per file from the header, field
 * by field in column order, and compiled by V8 like any other function. What each role reads and checks is in FIELDS; the rest is fixed text. Only
 * numbers (the delimiter's byte value) enter the code from the file, never its text.
 *
 * Semantics are those of RegisterScanner (see fast.ts): a plain, valid row is taken;
 * anything else goes to the general path from the row's start. The property test in
 * test/io/register-fast.test.ts holds the two equal for every layout it draws.
 */
import type { CsvScanner } from '../csv-scan.js';
import { parsePeriod } from './period.js';
import { isPnr12 } from './person-id.js';
import { type RegisterSink, oreOf } from './sink.js';
import { UNKNOWN_AGE } from '../../domain/person-state.js';

/** a column the command does not read (the default role) */
const SKIP = 0;
export const ID = 1;
export const KOMMUN = 2;
export const YEAR = 3;
export const MONTH = 4;
export const PERIOD = 5;
export const AGE = 6;
export const BIRTH = 7;
export const HINDER = 8;
export const AMOUNT = 9;
export const SEX_COLUMN = 10;
export const HOUSEHOLD_COLUMN = 11;

/**
 * Per role: whether the field is text (skipped to its end) or digits (read into `v`), and the
 * checks and stores once its bytes [fs, fe) and length `len` are known. `break take` sends the
 * row to the general path. 32 is a space.
 */
const FIELDS: Record<number, { text: boolean; after: string }> = {
  [SKIP]: { text: true, after: '' },
  // an id with a separator, a space or a byte past ASCII may be a personnummer in another form:
  // the general path rewrites it (person-id.ts); a 12-digit one loses its century here
  [ID]: {
    text: true,
    after:
      'if (len === 0) break take; for (let j = fs; j < fe; j++) { const b = buf[j]; if (b > 126 || b === 45 || b === 43 || b === 32 || b === 9) break take; } idStart = fs; idEnd = fe; if (len === 12 && isPnr12(buf, fs, fe)) { idStart = fs + 2; sink.idForms++; }',
  },
  [HINDER]: { text: true, after: 'hs = fs; he = fe; while (hs < he && buf[hs] === 32) hs++; while (he > hs && buf[he - 1] === 32) he--;' },
  [PERIOD]: { text: true, after: 'if (len === 0 || buf[fs] === 32 || buf[fe - 1] === 32) break take; period = parsePeriod(buf, fs, fe); if (period < 0) break take;' },
  [KOMMUN]: { text: false, after: 'code = v; codeLen = len; if (len < 3 || len > 4) break take;' },
  [YEAR]: { text: false, after: 'year = v; if (len !== 4 || v < 1900 || v > 2200) break take;' },
  [MONTH]: { text: false, after: 'month = v; if (len < 1 || len > 2 || v < 1 || v > 12) break take;' },
  [AGE]: { text: false, after: 'if (len > 0) age = v; if (len > 3 || (len > 0 && v > 130)) break take;' },
  [BIRTH]: { text: false, after: 'if (len > 0) birth = v; if (len > 4) break take;' },
  // one byte: 1/2, M/K, m/k (bit 5 set makes either case lower); a word: the general path
  [SEX_COLUMN]: { text: true, after: 'if (len === 1) { const c = buf[fs] | 32; sex = c === 49 || c === 109 ? 1 : c === 50 || c === 107 ? 2 : -1; if (sex < 0) break take; } else if (len > 0) break take;' },
  // one digit 1–6 (HOUSEHOLD_TYPES' code); anything else: the general path, which rejects it
  [HOUSEHOLD_COLUMN]: { text: true, after: 'if (len === 1) { hh = buf[fs] - 48; if (hh < 1 || hh > 6) break take; } else if (len > 0) break take;' },
  // kronor as oreOf reads them (the general path's reader); what it cannot read, the general path rejects
  [AMOUNT]: { text: true, after: 'if (len > 0) { paid = oreOf(buf, fs, fe); if (paid !== paid) break take; }' },
};

/** The loop: rows of buf[pos, end) until the first incomplete one; returns where it starts. */
export type RowLoop = (buf: Uint8Array, view: DataView<ArrayBufferLike>, pos: number, end: number, final: boolean) => number;

export function compileRowLoop(roles: Uint8Array, general: CsvScanner, sink: RegisterSink): RowLoop {
  const delim = general.delimiter;
  const dq = Math.imul(delim, 0x01010101);
  const last = roles.length - 1;
  const has = (role: number) => roles.includes(role);
  const fields: string[] = [];
  roles.forEach((role, f) => {
    const spec = FIELDS[role];
    const read = spec.text
      ? // four bytes a step while none is the delimiter, a line feed or a quote (a false alarm
        // only stops the words early), then byte by byte; the stop byte at buf[end] ends both
        `for (;;) {
          const w = view.getInt32(i, true);
          const a = w ^ ${dq}, b = w ^ 0x0a0a0a0a, c = w ^ 0x22222222;
          if ((((a - 0x01010101) & ~a) | ((b - 0x01010101) & ~b) | ((c - 0x01010101) & ~c)) & 0x80808080) break;
          i += 4;
        }
        while (cls[buf[i]] === 0) i++;`
      : `v = 0;
        for (;; i++) {
          const d = buf[i] - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }`;
    const end =
      f < last
        ? `if (i >= end) { if (!final) return rowStart; break take; }
        if (buf[i] !== ${delim}) break take;
        i++;`
        : `if (i >= end) { if (!final) return rowStart; break take; }
        if (buf[i] === 10) {
          if (fe > fs && buf[fe - 1] === 13) fe--;
          i++;
        } else if (buf[i] === 13) {
          if (i + 1 >= end) { if (!final) return rowStart; break take; }
          if (buf[i + 1] !== 10) break take;
          i += 2;
        } else break take;`;
    fields.push(`// column ${f + 1}
        fs = i;
        ${read}
        fe = i;
        ${end}
        len = fe - fs;
        ${spec.after}`);
  });
  const source = `
    return function rowLoop(buf, view, pos, end, final) {
      while (pos < end) {
        const rowStart = pos;
        let i = pos, fs = 0, fe = 0, len = 0, v = 0;
        let idStart = 0, idEnd = 0, code = -1, codeLen = 0, year = -1, month = -1, period = -1;
        let age = ${UNKNOWN_AGE}, birth = -1, hs = 0, he = 0, paid = NaN, sex = 0, hh = 0;
        take: {
          if (buf[i] === 0xef) break take; // a byte-order mark: the general scanner drops it
          ${fields.join('\n        ')}
          const k = munis.indexOfNumber(code);
          if (k < 0) break take;
          const g = ${has(PERIOD) ? 'period' : 'year * 12 + month - 1'};
          ${has(BIRTH) ? 'if (birth >= 0) { const a = Math.floor(g / 12) - birth; if (birth < 1850 || a < 0 || a > 130) break take; age = a; }' : ''}
          general.line++;
          sink.rowsRead++;
          if (codeLen === 3 && code < 1000) sink.paddedCodes++;
          if (g < sink.firstMonth) sink.firstMonth = g;
          if (g > sink.lastMonth) sink.lastMonth = g;
          pos = i;
          const m = g - windowStart;
          if (m < 0 || m >= months) {
            sink.rowsOutside++;
            continue;
          }
          sink.push(buf, idStart, idEnd, m, k, age, ${has(HINDER) ? 'sink.label(buf, hs, he, general.line)' : '0'}, paid, sex | (hh << 2));
          continue;
        }
        const next = general.scan(buf, rowStart, end, final, sink, true);
        if (next === rowStart) return rowStart; // a quoted row that goes on past these bytes
        pos = next;
      }
      return pos;
    };`;
  const cls = new Uint8Array(256);
  cls[delim] = 1;
  cls[10] = 2;
  cls[34] = 3;
  const make = new Function('cls', 'munis', 'sink', 'general', 'parsePeriod', 'isPnr12', 'oreOf', 'windowStart', 'months', source);
  return make(cls, sink.opts.municipalities, sink, general, parsePeriod, isPnr12, oreOf, sink.start, sink.months) as RowLoop;
}
