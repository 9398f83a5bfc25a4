/**
 * The household file (Socialstyrelsen's Postbeskrivning, SPEC §3.1): one row per household and
 * month, the adults in numbered column groups (`Personnr1, …, Kon1, Alder1, Personnr2, …`). It is
 * read as the person-month rows it holds: each non-empty `PersonnrN` becomes one row with the
 * household's `Ar`, `Manad`, `Kommun`, `Distrikt` and the adult's `KonN`, `AlderN` and reason
 * (`HinderN`, `ForsorjningshinderN` or `OrsakN`). The personnummer is hashed as it is read, so no
 * id leaves this module and none is kept; messages point at the household file's own line and
 * column. The household's `Sbel` goes on its first adult's row; its type (one or two adults, the
 * single adult's sex, whether `Barn15` counts children) on every adult's row.
 *
 *   household bytes ──► rows split at the delimiter ──► person rows (tab-delimited, hashed ids)
 *                                                        └─► line map: person row → file line, N
 */
import { sexOf } from './sink.js';
import { SEX } from '../../domain/person-state.js';
import { canonicalId } from './person-id.js';
import { foldHeader } from '../../domain/fold.js';
import type { ByteSource } from '../source.js';
import { LF, CR } from '../csv-scan.js';
import { InputError } from '../../errors.js';
import * as msg from '../../messages.js';
import { MAX_ROW } from './range.js';

/** The household file's header, by role: the numbered groups' fields per N. */
export interface HouseholdLayout {
  delimiter: number;
  year: number;
  month: number;
  kommun: number;
  district: number;
  /** Sbel, the assistance paid to the household in the month */
  paid: number;
  /** Barn15, the household's children under 16 */
  children: number;
  adults: { n: number; id: number; sex: number; age: number; hinder: number }[];
  width: number;
  /** the header's names, for messages */
  names: string[];
}

const HINDER = ['hinder', 'forsorjningshinder', 'orsak'];

/** The layout when a header line is the household file's, else undefined. */
/** `hinder`: the reason columns' name without the adult's number, when the system names them otherwise (`--column hinder=Fhinder`). */
export function householdLayout(header: string[], delimiter: string, hinder?: string): HouseholdLayout | undefined {
  const f = header.map((h) => foldHeader(h));
  const at = (name: string) => f.indexOf(name);
  const ids = f.flatMap((h, i) => {
    const m = /^personnr(\d+)$/.exec(h);
    return m ? [{ n: Number(m[1]), i }] : [];
  });
  if (!ids.length || at('ar') < 0 || at('manad') < 0 || at('kommun') < 0) return undefined;
  return {
    delimiter: delimiter.charCodeAt(0),
    year: at('ar'),
    month: at('manad'),
    kommun: at('kommun'),
    district: at('distrikt'),
    paid: at('sbel'),
    children: at('barn15'),
    adults: ids.map(({ n, i }) => ({ n, id: i, sex: at(`kon${n}`), age: at(`alder${n}`), hinder: Math.max(-1, ...(hinder ? [foldHeader(hinder)] : HINDER).map((h) => at(`${h}${n}`))) })),
    width: header.length,
    names: header.map((h) => h.trim()),
  };
}

/**
 * The columns of the person rows, in order; the household's amount on its first adult's row alone;
 * the household's type only where the file has Barn15 (without it no type can be told).
 */
const PERSON_HEADER = ['person_id', 'kommun', 'year', 'month', 'district', 'sex', 'age', 'hinder', 'amount', 'household_type'];

/**
 * The household's type as Kolada counts them (N31911–N31916, HOUSEHOLD_TYPES' codes 1–6): two
 * adults or more are a couple; one is a single woman or man by `KonN`; with children when `Barn15`
 * is above 0. Empty (unknown) when the sex of a single adult or the children are not given.
 */
function householdType(adults: number, sex: string, children: string): string {
  if (!/^\d+$/.test(children)) return '';
  const without = Number(children) > 0 ? 0 : 1;
  if (adults >= 2) return String(5 + without);
  // the sex as the reader reads it (the text keeps the field's bytes as Latin-1)
  const s = sexOf(Buffer.from(sex, 'latin1'), 0, sex.length);
  return s === SEX.woman ? String(1 + without) : s === SEX.man ? String(3 + without) : '';
}

/** An opaque id from the personnummer's bytes: 64 bits of two FNV-1a hashes, as hex. */
function hashId(buf: Uint8Array, s: number, e: number): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = s; i < e; i++) {
    a = Math.imul(a ^ buf[i], 0x01000193);
    b = Math.imul(b ^ buf[i], 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export interface HouseholdSource {
  source: ByteSource;
  /** the household file's line and the adult's N of a person row (1-based lines of the person rows) */
  origin(personLine: number): { line: number; n: number } | undefined;
}

/**
 * The household file as a source of person rows. `first` holds the bytes read so far, from the
 * start of the file; `dataStart` is where the first household row begins.
 */
export function householdSource(from: ByteSource, first: Uint8Array, dataStart: number, layout: HouseholdLayout): HouseholdSource {
  // person row n (from 2: line 1 is the header) came from file line origins[2n], adult origins[2n+1]
  const origins: number[] = [0, 0, 0, 0];
  let pending: Uint8Array = first.slice(dataStart);
  let fileLine = 1;
  let done = false;
  const header = layout.children >= 0 ? PERSON_HEADER : PERSON_HEADER.slice(0, -1);
  let out = Buffer.from(header.join('\t') + '\n');
  let rows: string[] = [];
  const chunk = new Uint8Array(1 << 20);
  const text = (b: Uint8Array, s: number, e: number) => Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('latin1');

  const convert = (line: Uint8Array) => {
    fileLine++;
    let end = line.length;
    if (end && line[end - 1] === CR) end--;
    const starts: number[] = [0];
    for (let i = 0; i < end; i++) if (line[i] === layout.delimiter) starts.push(i + 1);
    const field = (k: number): [number, number] => (k < 0 || k >= starts.length ? [0, 0] : [starts[k], k + 1 < starts.length ? starts[k + 1] - 1 : end]);
    const get = (k: number) => {
      const [s, e] = field(k);
      return text(line, s, e).trim();
    };
    // rows of delimiters only, as Excel leaves them: the reader skips and counts them
    if (end === 0 || starts.every((s, k) => (k + 1 < starts.length ? starts[k + 1] - 1 : end) === s)) {
      rows.push('\t'.repeat(header.length - 1) + '\n');
      origins.push(fileLine, 0);
      return;
    }
    if (starts.length !== layout.width) throw new InputError({ file: from.name, line: fileLine }, msg.fieldCount(layout.width, starts.length), msg.fieldCountHint());
    const common = [get(layout.kommun), get(layout.year), get(layout.month), get(layout.district)];
    // the adults of the row: those with a personnummer (spaces around it trimmed)
    const adults = layout.adults.flatMap((a) => {
      let [s, e] = field(a.id);
      while (s < e && line[s] === 32) s++;
      while (e > s && line[e - 1] === 32) e--;
      return s < e ? [{ a, s, e }] : [];
    });
    const children = get(layout.children);
    adults.forEach(({ a, s, e }, j) => {
      // one person in every form of the personnummer (person-id.ts)
      const id = hashId(line, s, canonicalId(line, s, e));
      // the latin1 text of the other fields keeps their bytes: the reader decodes them as usual
      // the household's Sbel once, on its first adult's row: paid per household, not per adult
      rows.push([id, ...common, get(a.sex), get(a.age), get(a.hinder), j === 0 ? get(layout.paid) : '', ...(layout.children >= 0 ? [householdType(adults.length, get(a.sex), children)] : [])].join('\t') + '\n');
      origins.push(fileLine, a.n);
    });
    // a household row without any adult is a row the reader must see (and reject): an empty id
    if (!adults.length) {
      rows.push(['', ...common, ...Array<string>(header.length - 5).fill('')].join('\t') + '\n');
      origins.push(fileLine, 0);
    }
  };

  const produce = async () => {
    while (!out.length && !done) {
      let lf = pending.indexOf(LF);
      while (lf < 0) {
        const n = from.readSync ? from.readSync(chunk, 0, chunk.length) : await from.read(chunk, 0, chunk.length);
        if (n === 0) {
          done = true;
          break;
        }
        if (pending.length > MAX_ROW) throw new InputError({ file: from.name }, msg.rowTooLong(MAX_ROW >> 20), msg.rowTooLongHint());
        const joined = new Uint8Array(pending.length + n);
        joined.set(pending);
        joined.set(chunk.subarray(0, n), pending.length);
        pending = joined;
        lf = pending.indexOf(LF);
      }
      let start = 0;
      for (; lf >= 0; lf = pending.indexOf(LF, start)) {
        convert(pending.subarray(start, lf));
        start = lf + 1;
      }
      pending = pending.slice(start);
      if (done && pending.length) {
        convert(pending);
        pending = new Uint8Array(0);
      }
      out = Buffer.concat([out, Buffer.from(rows.join(''), 'latin1')]);
      rows = [];
    }
  };

  const source: ByteSource = {
    name: from.name,
    async read(into, offset, max) {
      await produce();
      const n = Math.min(max, out.length);
      into.set(out.subarray(0, n), offset);
      out = out.subarray(n);
      return n;
    },
    close: () => from.close(),
  };
  return {
    source,
    origin(personLine) {
      const k = personLine * 2;
      return k + 1 < origins.length ? { line: origins[k], n: origins[k + 1] } : undefined;
    },
  };
}
