/**
 * The register's fast path: one pass over the bytes of a plain row that parses each field as
 * it goes — the id's bounds, the digits of code, year, month and age, the reason label — and
 * hands the row to the sink's batch. The general path scans a row into field bounds, trims
 * every field and reads the bytes again to parse them; on a national register that was half
 * of a thread's time.
 *
 * Only rows that are plainly valid are taken here. Anything else in a row — a quote, a space
 * at a field's edge, a field too many or too few, an empty id, a value out of range, or
 * a month written as a period — sends the row to the general scanner and
 * RegisterSink.row, which read it from its start: the same counts, rejects and messages as if
 * the fast path did not exist.
 */
import { ByteView } from '../byte-view.js';
import { CsvScanner, LF } from '../csv-scan.js';
import { RegisterSink } from './sink.js';
import { AGE, AMOUNT, BIRTH, HINDER, ID, KOMMUN, MONTH, PERIOD, RowLoop, SEX_COLUMN, HOUSEHOLD_COLUMN, YEAR, compileRowLoop } from './rowloop.js';

/** Bytes the buffer must have free after the data: the stop byte, and a word read from it. */
export const STOP_ROOM = 4;

export class RegisterScanner {
  /** the row loop for this file's columns (rowloop.ts) */
  private readonly loop: RowLoop;
  private readonly view = new ByteView();

  constructor(
    readonly general: CsvScanner,
    private readonly sink: RegisterSink,
  ) {
    const s = sink;
    const roles = new Uint8Array(s.nCols); // SKIP unless the command reads the column
    const set = (c: number, role: number) => {
      if (c >= 0) roles[c] = role;
    };
    set(s.cId, ID);
    set(s.cKommun, KOMMUN);
    set(s.cYear, YEAR);
    set(s.cMonth, MONTH);
    set(s.cPeriod, PERIOD);
    set(s.cAge, AGE);
    set(s.cBirth, BIRTH);
    set(s.cHinder, HINDER);
    set(s.cAmount, AMOUNT);
    set(s.cSex, SEX_COLUMN);
    set(s.cHousehold, HOUSEHOLD_COLUMN);
    this.loop = compileRowLoop(roles, general, sink);
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
   * Writes a stop byte at buf[end], so the buffer must have STOP_ROOM bytes to spare there
   * (else every row takes the general path).
   */
  scan(buf: Uint8Array, pos: number, end: number, final: boolean): number {
    const sink = this.sink;
    if (sink.opts.fastRows === false || end + STOP_ROOM > buf.length) return this.general.scan(buf, pos, end, final, sink);
    buf[end] = LF; // the stop byte: the field loops need no bounds check
    return this.loop(buf, this.view.get(buf), pos, end, final);
  }
}
